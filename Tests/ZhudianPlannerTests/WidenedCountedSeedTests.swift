import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The counted seed's widening (``UnitFlowSeed/nearestOnInfeasible``): where the people model over
/// the unit counts' links is infeasible — a rule the counts miss, here the per-site and three-term
/// rows taken out (``PlanOptions/unitTighterRows``), as the sweep's 111 showed one still missing —
/// the people model is solved once more over those links and each unit's nearest sites, node-limited,
/// and its roster keeps every rule and is a point of the full people model.
final class WidenedCountedSeedTests: XCTestCase {
    private func counted(_ s: Scenario, widen: Bool) throws -> PersonSeed? {
        try countedSeed(s) {
            $0.unitTighterRows = false
            $0.widenCounted = widen
        }
    }

    /// ``UnitCountsTighterRowsTests``'s scenarios 3, 4, 6 and 7 (9–12 enterprises, history,
    /// nobody staying on; of 3..<9, 5 has no roster over the 2 nearest sites either): without the
    /// rows and the widening none has a counted roster; with the widening each has one, and it
    /// keeps every rule and is a point of the full people model.
    func testWideningGivesARosterWhereThePeopleCouldNotFillTheCounts() throws {
        for i in [3, 4, 6, 7] {
            let s = UnitCountsTighterRowsTests.scenario(i)
            XCTAssertNil(try counted(s, widen: false), "scenario \(i): a counted roster without the widening")
            let seed = try XCTUnwrap(try counted(s, widen: true), "scenario \(i): no counted roster with the widening")
            XCTAssertTrue(seed.note.contains("widened"), seed.note)
            var options = PlanOptions()
            options.forcedFormulation = .people
            try assertSeedIsAPointOfTheFullModel(seed, s, PlanContext(s), options, "scenario \(i)")
        }
    }
}
