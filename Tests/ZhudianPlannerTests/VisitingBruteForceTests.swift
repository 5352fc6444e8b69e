import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// On tiny visiting scenarios (one month, 2–3 sites, 3–4 people with heavy leave) the planner's
/// optimum equals the best of every assignment whose calendar a brute-force search finds.
/// The search shares nothing with the planner: its own working-day rule (no official
/// calendar here), its own availability and gap test, every team and every day tried.
final class VisitingBruteForceTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    static func tiny(_ seed: UInt64) -> Scenario {
        var rng = TestRNG(seed: seed)
        var b = VisitingScenarioBuilder()
        b.start = ["2024-03-01", "2024-04-01", "2023-11-01"][Int(seed % 3)]
        let sites = Int.random(in: 2...3, using: &rng)
        b.siteIndices = Array(1...sites)
        b.visitsPerMonth = sites == 2 ? Int.random(in: 1...2, using: &rng) : 1
        b.gap = [0, 5, 10][Int.random(in: 0...2, using: &rng)]
        b.maxSites = Int.random(in: 1...3, using: &rng)
        let count = Int.random(in: 3...4, using: &rng)
        let first = Fixtures.day(b.start)
        b.people = (1...count).map { i in
            var away: [(String, String)] = []
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                let from = first.addingDays(Int.random(in: 0...25, using: &rng))
                away.append((from.description, from.addingDays(Int.random(in: 2...12, using: &rng)).description))
            }
            return ("P\(i)", away)
        }
        b.farPeople = seed % 4 == 0 ? ["Q1"] : []
        var s = b.make()
        for i in s.people.indices { s.people[i].served = Int.random(in: 0...2, using: &rng) }
        return s
    }

    func testTheOptimumEqualsBruteForce() {
        var feasible = 0
        var infeasible = 0
        for seed in UInt64(1)...40 {
            let s = Self.tiny(seed)
            let best = BruteVisiting(s).best()
            let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""))
            if let best {
                feasible += 1
                XCTAssertEqual(result.outcome, .optimal, "seed \(seed)")
                XCTAssertEqual(result.roster?.solve.objective ?? .nan, best, accuracy: 1e-6, "seed \(seed)")
            } else {
                infeasible += 1
                XCTAssertEqual(result.outcome, .infeasible, "seed \(seed)")
            }
        }
        // Both kinds occur, or the comparison proves less than it claims.
        XCTAssertGreaterThan(feasible, 10, "feasible \(feasible), infeasible \(infeasible)")
        XCTAssertGreaterThan(infeasible, 2, "feasible \(feasible), infeasible \(infeasible)")
    }
}

/// Every assignment of a one-term, one-month visiting scenario, each with an exhaustive calendar search.
struct BruteVisiting {
    let s: Scenario
    let sites: [ZhudianCore.Unit]
    let days: [CivilDate]

    init(_ s: Scenario) {
        self.s = s
        sites = s.units.filter { $0.kind == .enterprise && $0.active }
        let start = s.calendar.start
        let end = start.addingMonths(s.calendar.termMonths).addingDays(-1)
        var list: [CivilDate] = []
        var d = start
        while d <= end {
            // Monday–Friday not in holidays, plus workdays (no official calendar in these scenarios).
            let listed = s.calendar.workdays.contains { $0.contains(d) }
            let off = s.calendar.holidays.contains { $0.contains(d) }
            if listed || (d.weekday <= 5 && !off) { list.append(d) }
            d = d.addingDays(1)
        }
        days = list
    }

    /// The least cost of an assignment with a calendar, or nil.
    func best() -> Double? {
        let teams = combinations(Array(s.people.indices), s.rules.minStaff)
        var best: Double?
        func assign(_ i: Int, _ chosen: [[Int]]) {
            if i == sites.count {
                var load = Array(repeating: 0, count: s.people.count)
                for t in chosen { for p in t { load[p] += 1 } }
                guard load.allSatisfy({ $0 <= s.rules.maxSitesPerPerson }) else { return }
                var cost = 0.0
                for (v, t) in chosen.enumerated() {
                    for p in t {
                        let home = s.units.first { $0.id == s.people[p].unit }
                        cost += home.map { s.kilometres(from: $0, to: sites[v]) } ?? 0
                        cost += 20 * Double(s.people[p].served)
                    }
                }
                if let b = best, b <= cost { return }
                if calendar(chosen) { best = cost }
                return
            }
            for t in teams { assign(i + 1, chosen + [t]) }
        }
        assign(0, [])
        return best
    }

    /// Whether the teams can each make `visitsPerMonth` visits on days all members are free,
    /// `minVisitGapDays` apart, nobody twice a day: every choice of days tried.
    func calendar(_ teams: [[Int]]) -> Bool {
        var busy = Set<[Int]>()
        func free(_ p: Int, _ d: CivilDate) -> Bool {
            !s.people[p].unavailable.contains { $0.range.contains(d) } && !busy.contains([p, d.dayNumber])
        }
        func place(_ v: Int, _ made: Int, _ from: Int, _ last: CivilDate?) -> Bool {
            if v == teams.count { return true }
            if made == s.calendar.visitsPerMonth { return place(v + 1, 0, 0, nil) }
            for i in from..<days.count {
                let d = days[i]
                if let last, last.days(to: d) < max(1, s.calendar.minVisitGapDays) { continue }
                guard teams[v].allSatisfy({ free($0, d) }) else { continue }
                for p in teams[v] { busy.insert([p, d.dayNumber]) }
                let ok = place(v, made + 1, i + 1, d)
                for p in teams[v] { busy.remove([p, d.dayNumber]) }
                if ok { return true }
            }
            return false
        }
        return place(0, 0, 0, nil)
    }
}

/// All `k`-element subsets of `items`, in order.
private func combinations(_ items: [Int], _ k: Int) -> [[Int]] {
    if k == 0 { return [[]] }
    guard items.count >= k, let first = items.first else { return [] }
    let rest = Array(items.dropFirst())
    return combinations(rest, k - 1).map { [first] + $0 } + combinations(rest, k)
}
