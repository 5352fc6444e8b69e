import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The planner's optimum equals an independent brute-force enumeration on small scenarios,
/// and where the enumeration finds no roster the planner proves the scenario infeasible.
final class PlannerOptimalityTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Plans every seed and compares it with ``BruteForce``. At least `minimumFeasible`
    /// seeds must have a roster and `minimumInfeasible` none (by brute force), so that a
    /// generator change that makes every case alike fails the test instead of hollowing it.
    func compare(
        _ config: SmallScenario, seeds: ClosedRange<UInt64>, minimumFeasible: Int, minimumInfeasible: Int = 0,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        var feasible = 0
        var infeasible = 0
        for seed in seeds {
            let s = config.make(seed: seed)
            let expected = BruteForce.optimum(s)
            let ref = ScenarioReference(name: s.name, sha256: String(repeating: "0", count: 64))
            let result = planner.plan(s, reference: ref)
            if let expected {
                feasible += 1
                XCTAssertEqual(result.outcome, .optimal, "seed \(seed)", file: file, line: line)
                guard let roster = result.roster, let got = roster.solve.objective else {
                    XCTFail("seed \(seed): no roster, expected \(expected)", file: file, line: line)
                    continue
                }
                XCTAssertEqual(got, expected, accuracy: 1e-6 * max(1, abs(expected)), "seed \(seed)", file: file, line: line)
                let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
                XCTAssertTrue(report.passed, "seed \(seed): \(report.violations.map { $0.render(.en) })", file: file, line: line)
            } else {
                infeasible += 1
                XCTAssertEqual(result.outcome, .infeasible, "seed \(seed)", file: file, line: line)
                XCTAssertFalse(result.roster?.explanation?.isEmpty ?? true, "seed \(seed)", file: file, line: line)
            }
        }
        XCTAssertGreaterThanOrEqual(feasible, minimumFeasible, "feasible seeds (infeasible: \(infeasible))", file: file, line: line)
        XCTAssertGreaterThanOrEqual(infeasible, minimumInfeasible, "infeasible seeds (feasible: \(feasible))", file: file, line: line)
    }

    func testCyclesMinCycle3MatchesBruteForce() {
        compare(SmallScenario(units: 6, structure: .cycles, minCycle: 3), seeds: 1...25, minimumFeasible: 4, minimumInfeasible: 10)
    }

    func testCyclesMinCycle2MatchesBruteForce() {
        compare(SmallScenario(units: 5, structure: .cycles, minCycle: 2), seeds: 101...120, minimumFeasible: 5, minimumInfeasible: 6)
    }

    func testRingMatchesBruteForce() {
        compare(SmallScenario(units: 7, peoplePerUnit: 5...7, structure: .ring), seeds: 201...220, minimumFeasible: 6, minimumInfeasible: 5)
    }

    func testRingWithHighRiskSiteMatchesBruteForce() {
        compare(SmallScenario(units: 6, peoplePerUnit: 4...6, structure: .ring, highRisk: true), seeds: 301...315, minimumFeasible: 3, minimumInfeasible: 5)
    }

    func testTightScenariosIncludingInfeasibleOnesMatchBruteForce() {
        compare(SmallScenario(units: 5, peoplePerUnit: 4...6, structure: .ring, forbids: 4, leaveRate: 0.3), seeds: 401...430, minimumFeasible: 2, minimumInfeasible: 15)
    }
}
