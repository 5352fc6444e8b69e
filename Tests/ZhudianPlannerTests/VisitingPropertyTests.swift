import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Random visiting scenarios from ``VisitingScenarioGenerator``: every roster the planner writes
/// passes the independent checker, and every infeasible one is explained by site, month and people.
final class VisitingPropertyTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    static func config(_ i: Int) -> VisitingGeneratorConfig {
        var c = VisitingGeneratorConfig(enterprises: 3 + i % 6, staff: 3 + i % 4, offices: 1 + i % 2, seed: UInt64(500 + i))
        // Several terms make fairness a product of terms served and stays held, which GLPK's
        // relaxation bounds weakly, and two visits a month a tighter calendar: some of each,
        // small enough to keep the suite fast.
        c.enterprisesSend = i % 5 == 0
        c.terms = i % 4 == 0 && !c.enterprisesSend ? 2 : 1
        c.termMonths = 1 + i % 3
        c.start = [Fixtures.day("2023-08-01"), Fixtures.day("2023-09-15"), Fixtures.day("2024-01-01")][i % 3]
        c.visitsPerMonth = i % 4 == 1 ? 2 : 1
        c.minVisitGapDays = c.visitsPerMonth == 2 ? [0, 5, 7][i % 3] : [0, 7, 10][i % 3]
        c.leaveRate = 0.35
        c.keepAtHome = i % 10 == 0 ? 1 : 0
        return c
    }

    func testHundredRandomVisitingScenariosPlanAndPassTheChecker() {
        var planned = 0
        var infeasible = 0
        for i in 0..<110 {
            let s = VisitingScenarioGenerator.generate(Self.config(i))
            let ref = ScenarioReference(name: s.name, sha256: String(repeating: "b", count: 64))
            let result = planner.plan(s, reference: ref, options: PlanOptions(timeLimit: 20, language: .en))
            switch result.outcome {
            case .optimal:
                planned += 1
                guard let roster = result.roster else { return XCTFail("scenario \(i): no roster") }
                let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
                XCTAssertTrue(report.passed, "scenario \(i): \(report.violations.map { $0.render(.en) })")
                XCTAssertFalse(roster.terms.flatMap { $0.visits ?? [] }.isEmpty, "scenario \(i): no visits")
                if let o = report.objective, let p = roster.solve.objective {
                    XCTAssertEqual(o, p, accuracy: 1e-6 * max(1, abs(o)), "scenario \(i)")
                }
            case .infeasible:
                infeasible += 1
                XCTAssertFalse(result.explanation.isEmpty, "scenario \(i): infeasible without explanation")
                for item in result.explanation {
                    XCTAssertEqual(item.rule, .visits, "scenario \(i): \(item.message)")
                    XCTAssertNotNil(item.site, "scenario \(i): \(item.message)")
                    XCTAssertNotNil(item.term, "scenario \(i): \(item.message)")
                }
            default:
                XCTFail("scenario \(i): \(result.outcome)")
            }
        }
        XCTAssertGreaterThanOrEqual(planned + infeasible, 100)
        XCTAssertGreaterThan(planned, 80, "planned \(planned), infeasible \(infeasible)")
    }

    func testTheSameScenarioGivesTheSameRoster() {
        for i in [1, 6, 11] {
            let s = VisitingScenarioGenerator.generate(Self.config(i))
            let ref = ScenarioReference(name: s.name, sha256: String(repeating: "c", count: 64))
            var a = planner.plan(s, reference: ref).roster
            var b = planner.plan(s, reference: ref).roster
            a?.solve.seconds = 0
            b?.solve.seconds = 0
            XCTAssertNotNil(a)
            XCTAssertEqual(a, b, "scenario \(i)")
        }
    }
}
