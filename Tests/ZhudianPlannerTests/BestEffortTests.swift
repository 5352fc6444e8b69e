import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Issue 17, `plan --best-effort`: on random infeasible scenarios the roster passes the
/// independent checker with exactly its breaks explained, and on small ones a brute force
/// over every roster finds none with fewer breaks (of the kinds a best-effort roster may
/// break), nor a cheaper one with as few.
final class BestEffortTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())
    let sha = String(repeating: "0", count: 64)

    /// Three or four units of two people, free placement, one term, with tight settings
    /// that often leave a site short: high minStaff, keepAtHome, leave, forbids, a cap.
    func tight(seed: UInt64) -> Scenario {
        var rng = TestRNG(seed: seed)
        var s = SmallScenario(
            units: Int.random(in: 3...4, using: &rng), peoplePerUnit: 2...2, structure: .free, terms: 1,
            withHistory: Bool.random(using: &rng), groupRate: 0.4, forbids: 2, leaveRate: 0.3, unqualifiedRate: 0.2
        ).make(seed: seed)
        s.rules.minStaff = Int.random(in: 1...2, using: &rng)
        s.rules.keepAtHome = Int.random(in: 0...1, using: &rng)
        s.rules.mutualPairs = Bool.random(using: &rng) ? .forbid : .allow
        s.rules.pairCooldown = 0
        return s
    }

    func testBestEffortRostersPassTheCheckerAndBreakTheFewest() throws {
        var infeasible = 0
        var bruteForced = 0
        var seed: UInt64 = 0
        while infeasible < 30 && seed < 400 {
            seed += 1
            let s = tight(seed: seed)
            var options = PlanOptions()
            options.bestEffort = true
            let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: sha), options: options)
            guard result.outcome == .bestEffort else {
                XCTAssertTrue([.optimal].contains(result.outcome), "seed \(seed): \(result.outcome)")
                continue
            }
            infeasible += 1
            let roster = try XCTUnwrap(result.roster)
            let report = RosterChecker(scenario: s, scenarioSHA256: sha).check(roster)
            XCTAssertTrue(report.passed, "seed \(seed): \(report.lines(.en))")
            let breaks = roster.explanation?.count ?? 0
            XCTAssertGreaterThan(breaks, 0, "seed \(seed)")
            guard s.people.count <= 6 else { continue }
            bruteForced += 1
            let best = fewestBreaks(s)
            XCTAssertEqual(breaks, best.breaks, "seed \(seed): fewest breaks")
            XCTAssertEqual(roster.solve.objective ?? .nan, best.cost, accuracy: 1e-6, "seed \(seed): cheapest of the fewest")
        }
        XCTAssertEqual(infeasible, 30, "30 infeasible scenarios among the first \(seed) seeds")
        XCTAssertGreaterThanOrEqual(bruteForced, 10)
    }

    /// Every roster of `s` (each person at home or at one other site), judged by the
    /// checker: the fewest rule instances broken among those breaking only coverage,
    /// structure, keepAtHome or pins, and the least cost among those.
    func fewestBreaks(_ s: Scenario) -> (breaks: Int, cost: Double) {
        let sites = s.units.filter(\.receives).map(\.id)
        let choices = s.people.map { p in [nil] + sites.filter { $0 != p.unit }.map { Optional($0) } }
        let allowed: Set<RuleKind> = [.coverage, .structure, .keepAtHome, .pin]
        let checker = RosterChecker(scenario: s, scenarioSHA256: sha)
        var best = (breaks: Int.max, cost: Double.infinity)
        var pick = Array(repeating: 0, count: s.people.count)
        while true {
            let placements = s.people.indices.compactMap { i in choices[i][pick[i]].map { (person: s.people[i].id, site: $0) } }
            let roster = RosterBuilder.roster(s, sha256: sha, placements: [placements], status: .feasible)
            let report = checker.check(roster)
            let rules = report.violations.compactMap(\.rule)
            if rules.allSatisfy({ allowed.contains($0) }), let cost = report.objective,
                (rules.count, cost) < (best.breaks, best.cost - 1e-9)
            {
                best = (rules.count, cost)
            }
            var i = 0
            while i < pick.count {
                pick[i] += 1
                if pick[i] < choices[i].count { break }
                pick[i] = 0
                i += 1
            }
            if i == pick.count { return best }
        }
    }
}
