import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The unit model's pair rows per site and its three-term rows (``UnitCounts/tighterRows``):
/// on generated free scenarios over three terms with history and nobody staying on, counts
/// the people cannot fill (the people model over the counted links infeasible) become counts
/// they can, and the counted rosters keep every rule and are points of the full people model.
final class UnitCountsTighterRowsTests: XCTestCase {
    private func counted(_ s: Scenario, tighter: Bool) throws -> PersonSeed? {
        // The rows alone: without the widening when the people model over the links is infeasible.
        try countedSeed(s) {
            $0.unitTighterRows = tighter
            $0.widenCounted = false
        }
    }

    /// Free over three terms, one or two history terms, nobody staying on.
    static func scenario(_ i: Int) -> Scenario {
        var c = GeneratorConfig(units: 9 + i % 4)
        c.seed = UInt64(9300 + i)
        c.structure = .free
        c.terms = 3
        c.history = 1 + i % 2
        c.peoplePerUnit = 3...6
        c.forbidCount = i % 3
        return ScenarioGenerator.generate(c)
    }

    /// Scenarios 3..<9 (9–12 enterprises): without the rows the people model over the counted
    /// links has no roster on each (40 of the first 60 such scenarios); with them each has one,
    /// and it keeps every rule and is a point of the full people model.
    func testTighterRowsGiveCountedRostersWhereThePeopleCouldNotFillTheCounts() throws {
        var rescued = 0
        for i in 3..<9 {
            let s = Self.scenario(i)
            let ctx = PlanContext(s)
            XCTAssertNil(try counted(s, tighter: false), "scenario \(i): a counted roster without the rows")
            let seed = try XCTUnwrap(try counted(s, tighter: true), "scenario \(i): no counted roster with the rows")
            var options = PlanOptions()
            options.forcedFormulation = .people
            try assertSeedIsAPointOfTheFullModel(seed, s, ctx, options, "scenario \(i)")
            rescued += 1
        }
        XCTAssertEqual(rescued, 6)
    }
}
