import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The planner's optimum equals an independent brute-force enumeration on small scenarios.
final class PlannerOptimalityTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    func compare(_ config: SmallScenario, seeds: ClosedRange<UInt64>, file: StaticString = #filePath, line: UInt = #line) {
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
        XCTAssertGreaterThan(feasible, 0, "no feasible scenario among the seeds: the test would prove nothing", file: file, line: line)
        _ = infeasible
    }

    func testCyclesMinCycle3MatchesBruteForce() {
        compare(SmallScenario(units: 6, structure: .cycles, minCycle: 3), seeds: 1...25)
    }

    func testCyclesMinCycle2MatchesBruteForce() {
        compare(SmallScenario(units: 5, structure: .cycles, minCycle: 2), seeds: 101...120)
    }

    func testRingMatchesBruteForce() {
        compare(SmallScenario(units: 7, peoplePerUnit: 5...7, structure: .ring), seeds: 201...220)
    }

    func testRingWithHighRiskSiteMatchesBruteForce() {
        compare(SmallScenario(units: 6, peoplePerUnit: 4...6, structure: .ring, highRisk: true), seeds: 301...315)
    }

    func testTightScenariosIncludingInfeasibleOnesMatchBruteForce() {
        compare(SmallScenario(units: 5, peoplePerUnit: 4...6, structure: .ring, forbids: 4, leaveRate: 0.3), seeds: 401...430)
    }
}
