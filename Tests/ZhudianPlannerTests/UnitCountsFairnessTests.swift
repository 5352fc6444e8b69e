import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The unit model's fairness per unit (``UnitCounts/addFairness(_:n:)``): the counted rosters
/// it gives keep every rule and are points of the full people model, and they cost less than
/// the distance-only unit model's on generated free scenarios over three terms, with people
/// staying on and not (the fourteenth round's counted roster at the sweep's free 34 × 3, 041,
/// was 13 % dearer than the dive's it replaced: fairness was 86 % of its cost).
final class UnitCountsFairnessTests: XCTestCase {
    private func counted(_ s: Scenario, pooled: Bool) throws -> PersonSeed? {
        try countedSeed(s) { $0.unitFairness = pooled }
    }

    func testPooledFairnessGivesCheaperCountedRostersThatKeepEveryRule() throws {
        var cheaper = 0
        var dearer = 0
        var compared = 0
        var staying = 0
        var total = (pooled: 0.0, distance: 0.0)
        // Of 0..<4, those with a counted roster both ways (2 has none over these links).
        for i in [0, 1, 3] {
            let s = UnitFlowSeedTests.scenario(i, units: 9 + i % 4)
            let ctx = PlanContext(s)
            guard let pooled = try counted(s, pooled: true), let distance = try counted(s, pooled: false) else { continue }
            var options = PlanOptions()
            options.forcedFormulation = .people
            try assertSeedIsAPointOfTheFullModel(pooled, s, ctx, options, "scenario \(i)")
            compared += 1
            if s.rules.pairCooldown == 0 { staying += 1 }
            total.pooled += pooled.objective
            total.distance += distance.objective
            if pooled.beats(distance.objective) { cheaper += 1 }
            if distance.beats(pooled.objective) { dearer += 1 }
        }
        XCTAssertEqual(compared, 3, "a scenario without both counted rosters")
        XCTAssertGreaterThanOrEqual(staying, 2, "staying on must be among the rosters compared")
        XCTAssertLessThan(total.pooled, 0.97 * total.distance, "the counted rosters together: \(total)")
        XCTAssertGreaterThan(cheaper, dearer, "cheaper \(cheaper), dearer \(dearer) of \(compared)")
    }
}
