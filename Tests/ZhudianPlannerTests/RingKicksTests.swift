import XCTest
@testable import ZhudianPlanner

/// ``PricedTeamSolve/ringKicks(_:terms:converged:)``: a two-term ring of at most 100
/// enterprises after converged LP rounds takes a quarter of the kicks (the support MIP searches on from its ring); every
/// other ring keeps 20 per enterprise. The optimum is unchanged: the priced two-term rings of
/// ``PlannerPricingTests/testTwoTermRingSearchesTheNeighbourhoodAndKeepsTheOptimum`` and
/// ``TreeBlossomsTests/testTwoTermRingKeepsItsOptimum`` agree with the full model and with
/// each other. Checked: with the quarter removed, the first assertion fails.
final class RingKicksTests: XCTestCase {
    func testOnlyConvergedTwoTermRingsTakeFewerKicks() {
        XCTAssertEqual(PricedTeamSolve.ringKicks(100, terms: 2, converged: true), 500)
        XCTAssertEqual(PricedTeamSolve.ringKicks(100, terms: 2, converged: false), 2_000)
        XCTAssertEqual(PricedTeamSolve.ringKicks(100, terms: 1, converged: true), 2_000)
        XCTAssertEqual(PricedTeamSolve.ringKicks(100, terms: 3, converged: true), 2_000)
        XCTAssertEqual(PricedTeamSolve.ringKicks(100), 2_000)
        XCTAssertEqual(PricedTeamSolve.ringKicks(3_000, terms: 2, converged: true), 10_000)
        // Above 100 enterprises every ring takes 20 kicks per enterprise (ring 300 × 2).
        XCTAssertEqual(PricedTeamSolve.ringKicks(300, terms: 2, converged: true), 6_000)
    }
}
