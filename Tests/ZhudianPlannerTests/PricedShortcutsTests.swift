import XCTest
@testable import ZhudianPlanner

/// The priced solve's shortcut past the support MIP. That the priced solve still ends at the
/// full model's optimum is PlannerPricingTests' job (it runs with the shortcut in place).
final class PricedShortcutsTests: XCTestCase {
    /// The city example's case: a constructed roster 0.003 % above the LP bound needs no
    /// support MIP (it stops at its 0.01 % gap); one 0.02 % above does.
    func testTheSupportMIPIsSkippedOnlyWithinItsGap() {
        let L = 34661.13378608558
        XCTAssertTrue(PricedTeamSolve.withinSupportGap(34662.08244573063, L: L))
        XCTAssertTrue(PricedTeamSolve.withinSupportGap(L, L: L))
        XCTAssertFalse(PricedTeamSolve.withinSupportGap(L * 1.0002, L: L))
        XCTAssertFalse(PricedTeamSolve.withinSupportGap(34681.80317430946, L: L))
        // Near zero the gap is absolute (1e-4), as the MIP's relative gap is.
        XCTAssertTrue(PricedTeamSolve.withinSupportGap(0.00005, L: 0))
        XCTAssertFalse(PricedTeamSolve.withinSupportGap(0.0002, L: 0))
    }
}
