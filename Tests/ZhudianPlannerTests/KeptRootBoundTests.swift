import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The priced teams model's root over every link that could beat its first roster
/// (``PricedTeamSolve/keptRootBound(_:first:selected:pool:)``): on small three-term rings and
/// cycles, asked for on every priced solve, the bound it gives never exceeds the brute-force
/// optimum, and the planner still proves that optimum.
final class KeptRootBoundTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// The bound the log reports for the root over the kept links, if it ran.
    static func rootBound(_ log: [String]) -> Double? {
        guard let line = log.first(where: { $0.contains("pricing: root over the") }),
            let range = line.range(of: "bound ")
        else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "," })
    }

    /// Plans each seed priced with the root asked for; returns how many ran it.
    func compare(_ config: TinyScenario, seeds: ClosedRange<UInt64>, file: StaticString = #filePath, line: UInt = #line)
        -> Int
    {
        var ran = 0
        for seed in seeds {
            let s = config.make(seed: seed)
            let expected = TeamsBruteForce.optimum(s)
            var options = PlanOptions()
            options.forcedFormulation = .teams
            options.pricing = true
            options.keptRootBound = true
            options.captureLog = true
            let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: Fixtures.sha256), options: options)
            if let b = Self.rootBound(result.log) {
                ran += 1
                guard let optimum = expected?.objective else {
                    XCTFail("seed \(seed): a root bound where no roster exists", file: file, line: line)
                    continue
                }
                XCTAssertLessThanOrEqual(b, optimum + 1e-6 * max(1, optimum), "seed \(seed)", file: file, line: line)
            }
            assertPlanAgrees(
                planner, s, optimum: expected?.objective, options: options, label: "seed \(seed), root over kept links",
                file: file, line: line)
        }
        return ran
    }

    func testTheRootOverKeptLinksNeverBoundsAboveTheOptimumOfRings() {
        XCTAssertGreaterThanOrEqual(compare(TeamsBruteForceTests.config(.ring), seeds: 44...51), 2, "the root over the kept links never ran")
    }

    func testTheRootOverKeptLinksNeverBoundsAboveTheOptimumOfCycles() {
        XCTAssertGreaterThanOrEqual(
            compare(TeamsBruteForceTests.config(.cycles, minCycle: 4), seeds: 1...8), 2, "the root over the kept links never ran")
    }
}
