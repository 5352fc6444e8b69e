import GLPK
import XCTest
import ZhudianCore
import ZhudianScenario
@testable import ZhudianPlanner

/// Random scenarios from the seeded generator: every roster the planner writes passes the
/// independent checker, both formulations agree on the optimum, and output is deterministic.
final class PlannerPropertyTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    func config(_ i: Int) -> GeneratorConfig {
        let free = i % 3 == 2
        // Free placement is the hardest model for GLPK (see BENCHMARKS.md): keep those small.
        var c = GeneratorConfig(units: free ? 4 + i % 4 : 4 + i % 9)
        c.seed = UInt64(1000 + i)
        c.structure = [.cycles, .ring, .free][i % 3]
        c.minCycle = i % 4 == 0 ? 2 : 3
        c.terms = free ? 1 + i % 2 : 1 + i % 3
        c.history = i % 2
        c.peoplePerUnit = 3...7
        c.forbidCount = i % 4
        c.pinCount = i % 5 == 0 ? 1 : 0
        c.offices = c.structure == .free ? i % 3 : 0
        c.highRiskRate = i % 6 == 0 ? 0.2 : 0
        return c
    }

    func testTwoHundredRandomScenariosPlanAndPassTheChecker() {
        var optimal = 0
        var infeasible = 0
        for i in 0..<200 {
            let s = ScenarioGenerator.generate(config(i))
            let ref = ScenarioReference(name: s.name, sha256: String(repeating: "a", count: 64))
            let result = planner.plan(s, reference: ref, options: PlanOptions(timeLimit: 10))
            switch result.outcome {
            case .optimal, .feasible:
                if result.outcome == .optimal { optimal += 1 }
                guard let roster = result.roster else { XCTFail("scenario \(i): no roster"); continue }
                let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
                XCTAssertTrue(report.passed, "scenario \(i): \(report.violations.map { $0.render(.en) })")
                if let o = report.objective, let p = roster.solve.objective {
                    XCTAssertEqual(o, p, accuracy: 1e-6 * max(1, abs(o)), "scenario \(i)")
                }
            case .infeasible:
                infeasible += 1
                XCTAssertFalse(result.roster?.explanation?.isEmpty ?? true, "scenario \(i): infeasible without explanation")
                XCTAssertEqual(result.roster?.terms.count, 0)
            default:
                XCTFail("scenario \(i): \(result.outcome)")
            }
        }
        // Most generated scenarios are feasible; a suite of only infeasible ones would prove little.
        XCTAssertGreaterThan(optimal, 150, "optimal \(optimal), infeasible \(infeasible)")
    }

    func testBothFormulationsAgreeOnTheOptimum() {
        var compared = 0
        for i in 0..<60 where config(i).structure != .free {
            let s = ScenarioGenerator.generate(config(i))
            let ref = ScenarioReference(name: s.name, sha256: "")
            var teams = PlanOptions(timeLimit: 30)
            teams.forcedFormulation = .teams
            var people = PlanOptions(timeLimit: 30)
            people.forcedFormulation = .people
            let a = planner.plan(s, reference: ref, options: teams)
            let b = planner.plan(s, reference: ref, options: people)
            XCTAssertEqual(a.outcome, b.outcome, "scenario \(i)")
            if a.outcome == .optimal, let x = a.roster?.solve.objective, let y = b.roster?.solve.objective {
                XCTAssertEqual(x, y, accuracy: 1e-6 * max(1, abs(x)), "scenario \(i)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 20)
    }

    func testSameScenarioGivesByteIdenticalRoster() {
        for i in [3, 7, 11] {
            let s = ScenarioGenerator.generate(config(i))
            let ref = ScenarioReference(name: s.name, sha256: "")
            var a = planner.plan(s, reference: ref).roster
            var b = planner.plan(s, reference: ref).roster
            a?.solve.seconds = 0
            b?.solve.seconds = 0
            XCTAssertNotNil(a)
            XCTAssertEqual(a.map(RosterFile.encode), b.map(RosterFile.encode), "scenario \(i)")
        }
    }

    /// Two far-apart clusters under a distance cap: solved as two parts, with the same
    /// optimum as one model and a roster that passes the checker.
    func testIndependentPartsGiveTheSameOptimumAsOneModel() {
        let s = twoClusters(terms: 2)
        let ref = ScenarioReference(name: s.name, sha256: "")
        let split = planner.plan(s, reference: ref)
        var whole = PlanOptions()
        whole.decompose = false
        let one = planner.plan(s, reference: ref, options: whole)
        XCTAssertEqual(split.outcome, .optimal)
        XCTAssertTrue(split.formulation.contains("2 parts"), split.formulation)
        XCTAssertEqual(one.outcome, .optimal)
        XCTAssertEqual(split.roster?.solve.objective ?? -1, one.roster?.solve.objective ?? -2, accuracy: 1e-6)
        if let roster = split.roster {
            let report = RosterChecker(scenario: s, scenarioSHA256: "").check(roster)
            XCTAssertTrue(report.passed, "\(report.violations.map { $0.render(.en) })")
        }
    }
}
