import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Both formulations against ``PeopleBruteForce`` on tiny random scenarios: free placement,
/// staying on (pairCooldown 0, maxConsecutiveTerms 2) and two-term rings and cycles. Where the
/// enumeration finds a roster, the planner proves the same optimum; where it finds none, the
/// planner proves the scenario infeasible. The oracle's own roster is re-checked by the
/// independent checker, so that a mistake in the oracle cannot pass as agreement.
final class PeopleBruteForceTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// What the seeds of one comparison turned out to be.
    struct Tally {
        var feasible = 0
        var infeasible = 0
        /// Optima in which someone stays on at the same site (from history or within the plan).
        var stayingOn = 0
    }

    /// Plans every seed with each formulation and compares it with the enumeration.
    func compare(
        _ config: TinyScenario, seeds: ClosedRange<UInt64>, formulations: [PlanOptions.Formulation],
        file: StaticString = #filePath, line: UInt = #line
    ) -> Tally {
        var tally = Tally()
        for seed in seeds {
            let s = config.make(seed: seed)
            let expected = PeopleBruteForce.optimum(s)
            if let expected {
                tally.feasible += 1
                if staysOn(expected, s) { tally.stayingOn += 1 }
                assertOracleRosterPasses(expected, s, label: "seed \(seed)", file: file, line: line)
            } else {
                tally.infeasible += 1
            }
            for formulation in formulations {
                var options = PlanOptions()
                options.forcedFormulation = formulation
                assertPlanAgrees(
                    planner, s, optimum: expected?.objective, options: options,
                    label: "seed \(seed), \(formulation)", file: file, line: line)
            }
        }
        return tally
    }

    /// Someone in the optimum is at the same site in two consecutive terms, history's last included.
    func staysOn(_ optimum: PeopleBruteForce.Optimum, _ s: Scenario) -> Bool {
        var previous = Set((s.history.last?.stays ?? []).map { $0.person + ">" + $0.site })
        for term in optimum.placements {
            let now = Set(term.map { $0.person + ">" + $0.site })
            if !previous.isDisjoint(with: now) { return true }
            previous = now
        }
        return false
    }

    func testFreePlacementMatchesTheBruteForce() {
        var tally = compare(TinyScenario(terms: 1), seeds: 1...20, formulations: [.people])
        let two = compare(TinyScenario(terms: 2, historyPerUnit: 1), seeds: 21...40, formulations: [.people])
        tally.feasible += two.feasible
        tally.infeasible += two.infeasible
        tally.stayingOn += two.stayingOn
        XCTAssertGreaterThanOrEqual(tally.feasible, 15, "\(tally)")
        XCTAssertGreaterThanOrEqual(tally.infeasible, 3, "\(tally)")
        XCTAssertGreaterThanOrEqual(two.stayingOn, 2, "\(two)")
    }

    func testStayingOnUnderCyclesAndRingMatchesTheBruteForce() {
        let config = TinyScenario(
            structure: .cycles, minCycle: 2, peoplePerUnit: 3...4, peopleCap: 14, minStaff: [1, 2], leaveRate: 0.08)
        var ringConfig = config
        ringConfig.structure = .ring
        let cycles = compare(config, seeds: 101...120, formulations: [.people])
        let ring = compare(ringConfig, seeds: 121...135, formulations: [.people])
        XCTAssertGreaterThanOrEqual(cycles.feasible + ring.feasible, 10, "cycles \(cycles), ring \(ring)")
        XCTAssertGreaterThanOrEqual(cycles.infeasible + ring.infeasible, 5, "cycles \(cycles), ring \(ring)")
        XCTAssertGreaterThanOrEqual(cycles.stayingOn + ring.stayingOn, 5, "cycles \(cycles), ring \(ring)")
    }

    /// The notices' rotation (pairCooldown 1, maxConsecutiveTerms 1) over two terms: the teams
    /// model the planner picks, and the people model, agree with the enumeration.
    func testTwoTermRotationMatchesTheBruteForceInBothFormulations() {
        // Three units have two rings, which history and term 1 use up; and a unit sends two
        // teams in two terms: four units of 3–4, teams of one or two.
        let config = TinyScenario(
            structure: .cycles, minCycle: 2, pairCooldown: 1, maxConsecutiveTerms: 1, unitRange: 4...4,
            historyPerUnit: 1, peoplePerUnit: 3...4, peopleCap: 14, minStaff: [1, 2], leaveRate: 0.05)
        let cycles = compare(config, seeds: 201...230, formulations: [.teams, .people])
        var ringConfig = config
        ringConfig.structure = .ring
        let ring = compare(ringConfig, seeds: 231...250, formulations: [.teams, .people])
        XCTAssertGreaterThanOrEqual(cycles.feasible + ring.feasible, 10, "cycles \(cycles), ring \(ring)")
        XCTAssertGreaterThanOrEqual(cycles.infeasible + ring.infeasible, 5, "cycles \(cycles), ring \(ring)")
        XCTAssertEqual(cycles.stayingOn + ring.stayingOn, 0, "nobody may stay on under pairCooldown 1")
    }
}

/// keepAtHome binds a unit only in a term in which it places someone (README): a unit with
/// too few qualified people simply sends nobody under free placement. The planner once
/// called this scenario infeasible while the oracle and the checker found a roster.
final class KeepAtHomeRegressionTests: XCTestCase {
    func testAUnitShortOfQualifiedPeopleSendsNobodyInsteadOfMakingThePlanInfeasible() throws {
        var s = TinyScenario(terms: 1, historyTerms: 0, keepAtHome: [1], leaveRate: 0, pins: false).make(seed: 5)
        s.forbid = []
        s.rules.sameGroup = .allow
        s.rules.mutualPairs = .allow
        for i in s.units.indices { s.units[i].minStaff = 1 }
        for i in s.people.indices { s.people[i].qualified = s.people[i].unit != "U0" }
        let expected = try XCTUnwrap(PeopleBruteForce.optimum(s), "the oracle finds a roster")
        let result = Planner(solver: GLPKSolver()).plan(s, reference: ScenarioReference(name: s.name, sha256: Fixtures.sha256))
        XCTAssertEqual(result.outcome, .optimal, "\(result.explanation.map(\.message))")
        XCTAssertEqual(result.roster?.solve.objective ?? .nan, expected.objective, accuracy: 1e-6)
        let placed = Set(result.roster?.terms.flatMap(\.stays).map(\.person) ?? [])
        XCTAssertFalse(placed.contains { $0.hasPrefix("U0-") }, "U0 keeps everyone at home: \(placed.sorted())")
    }
}
