import GLPK
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// One test per rule: the optimum of the scenario with the rule loosened breaks the rule
/// (so the rule matters here), and the plan with the rule keeps it and passes the checker.
final class PlannerRuleTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())
    let ref = ScenarioReference(name: "rule", sha256: String(repeating: "0", count: 64))
    let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)

    /// Units on a line of longitudes, 0.1° apart unless given; people "U-i" with the given `served`.
    func make(
        units: [(String, String?, Double)], people: [String: [Int]], terms: Int = 1, handover: Int = 0,
        _ tweak: (inout Scenario) -> Void = { _ in }
    ) -> Scenario {
        let us = units.map { Unit(id: $0.0, name: "单位" + $0.0, group: $0.1, location: Location(lat: 35, lon: 117 + $0.2)) }
        var ps: [Person] = []
        for u in units {
            for (i, served) in (people[u.0] ?? [0, 0, 0]).enumerated() {
                ps.append(Person(id: "\(u.0)-\(i)", name: "\(u.0)人\(i)", unit: u.0, served: served))
            }
        }
        var rules = Rules()
        rules.structure = .cycles
        rules.minCycle = 2
        rules.personCooldown = 0
        var s = Scenario(
            name: "rule", calendar: CalendarSettings(start: start, termMonths: 6, terms: terms, handoverDays: handover),
            rules: rules, units: us, people: ps)
        tweak(&s)
        return s
    }

    /// Plans `loose`, asserts its roster breaks `rule` in `strict`; plans `strict`, asserts it passes.
    func assertRuleBites(_ rule: RuleKind, strict: Scenario, loose: Scenario, file: StaticString = #filePath, line: UInt = #line) {
        let looseResult = planner.plan(loose, reference: ref)
        guard let looseRoster = looseResult.roster, looseResult.outcome == .optimal else {
            return XCTFail("loose scenario did not plan: \(looseResult.outcome)", file: file, line: line)
        }
        let broken = RosterChecker(scenario: strict, scenarioSHA256: nil).check(restamp(looseRoster, strict)).violations
        XCTAssertTrue(
            broken.contains { $0.kind == .rule(rule) },
            "without the rule the optimum should break \(rule.rawValue); got \(broken.map { $0.render(.en) })",
            file: file, line: line)
        let result = planner.plan(strict, reference: ref)
        guard let roster = result.roster, result.outcome == .optimal else {
            return XCTFail("strict scenario did not plan: \(result.outcome)", file: file, line: line)
        }
        let report = RosterChecker(scenario: strict, scenarioSHA256: ref.sha256).check(roster)
        XCTAssertTrue(report.passed, "\(report.violations.map { $0.render(.en) })", file: file, line: line)
    }

    func testSelfInspectionNeverHappensEvenWhenHomeIsNearest() {
        // Free placement: every unit's own site is 0 km away, the cheapest place for its people.
        let s = make(units: [("A", nil, 0), ("B", nil, 1), ("C", nil, 2)], people: [:]) {
            $0.rules.structure = .free
            $0.rules.minStaff = 1
            $0.rules.keepAtHome = 0
        }
        let result = planner.plan(s, reference: ref)
        XCTAssertEqual(result.outcome, .optimal)
        for term in result.roster?.terms ?? [] {
            for st in term.stays { XCTAssertFalse(st.person.hasPrefix(st.site + "-"), "\(st)") }
        }
        XCTAssertTrue(RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(result.roster ?? Roster(scenario: ref, solve: SolveSummary(status: .infeasible, objective: nil, bound: nil, gap: nil, seconds: 0, engine: ""), terms: [])).passed)
    }

    func testSameGroup() {
        let units: [(String, String?, Double)] = [("A", "G", 0), ("B", "G", 0.01), ("C", nil, 1), ("D", nil, 1.01)]
        let strict = make(units: units, people: [:])
        let loose = make(units: units, people: [:]) { $0.rules.sameGroup = .allow }
        assertRuleBites(.group, strict: strict, loose: loose)
    }

    func testCoverage() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 0.2)]
        let strict = make(units: units, people: [:]) { $0.rules.structure = .free; $0.rules.minStaff = 2 }
        let loose = make(units: units, people: [:]) { $0.rules.structure = .free; $0.rules.minStaff = 1 }
        assertRuleBites(.coverage, strict: strict, loose: loose)
    }

    func testOverlapAtHandover() {
        // Two terms; A-0 and A-1 (served 0) are the cheap people. A link may not repeat
        // (pairCooldown 1), so serving twice in a row means moving to another site, which
        // overlaps the handover days when there are any.
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 0.2), ("D", nil, 0.3)]
        let people = ["A": [0, 0, 9, 9, 9], "B": [9, 9, 9, 9, 9], "C": [9, 9, 9, 9, 9], "D": [9, 9, 9, 9, 9]]
        func tweak(_ s: inout Scenario) {
            s.rules.structure = .free
            s.rules.minStaff = 1
            s.rules.maxConsecutiveTerms = 2
            s.rules.pairCooldown = 1
            s.rules.mutualPairs = .allow
        }
        let strict = make(units: units, people: people, terms: 2, handover: 3, tweak)
        let loose = make(units: units, people: people, terms: 2, handover: 0, tweak)
        assertRuleBites(.overlap, strict: strict, loose: loose)
    }

    func testQualified() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 0.2)]
        func tweak(_ s: inout Scenario) {
            for i in s.people.indices where s.people[i].id.hasSuffix("-0") {
                s.people[i].qualified = false
                s.people[i].served = 0
            }
            for i in s.people.indices where !s.people[i].id.hasSuffix("-0") { s.people[i].served = 3 }
            s.rules.keepAtHome = 0
        }
        let strict = make(units: units, people: [:], tweak)
        let loose = make(units: units, people: [:]) { tweak(&$0); $0.rules.requireQualified = false }
        assertRuleBites(.qualified, strict: strict, loose: loose)
    }

    func testUnavailable() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 0.2)]
        let people = ["A": [0, 5, 5, 5], "B": [0, 5, 5, 5], "C": [0, 5, 5, 5]]
        let loose = make(units: units, people: people)
        let strict = make(units: units, people: people) { s in
            // A-0 is on leave for the last two handover days only: still barred.
            let end = s.termEnd(1)
            s.people[0].unavailable = [Absence(range: DateRange(from: end.addingDays(2), to: end.addingDays(10)))]
            s.calendar.handoverDays = 3
        }
        assertRuleBites(.unavailable, strict: strict, loose: loose)
    }

    func testForbid() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 5), ("D", nil, 5.1)]
        let people = ["A": [0, 0, 5], "B": [0, 0, 5], "C": [0, 0, 5], "D": [0, 0, 5]]
        let loose = make(units: units, people: people)
        let strict = make(units: units, people: people) { $0.forbid = [Forbid(subject: .person("A-0"), site: "B")] }
        assertRuleBites(.forbid, strict: strict, loose: loose)
        let strictUnit = make(units: units, people: people) { $0.forbid = [Forbid(subject: .unit("A"), site: "B")] }
        assertRuleBites(.forbid, strict: strictUnit, loose: loose)
    }

    func testDistance() {
        // Cheapest plan by fairness sends A's fresh people to far-away C.
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 3), ("D", nil, 3.1)]
        let people = ["A": [0, 0, 0], "B": [0, 0, 0], "C": [0, 0, 0], "D": [0, 0, 0]]
        let loose = make(units: units, people: people) { $0.objective.distance = 0; $0.rules.minCycle = 4 }
        let strict = make(units: units, people: people) {
            $0.objective.distance = 0
            $0.rules.minCycle = 2
            $0.rules.maxDistanceKm = 50
        }
        // With minCycle 4 every enterprise must cross to the far pair; the cap forbids that.
        let looseResult = planner.plan(loose, reference: ref)
        let broken = RosterChecker(scenario: strict, scenarioSHA256: nil).check(looseResult.roster ?? strictRosterPlaceholder()).violations
        XCTAssertTrue(broken.contains { $0.kind == .rule(.distance) }, "\(broken.map { $0.render(.en) })")
        let result = planner.plan(strict, reference: ref)
        XCTAssertEqual(result.outcome, .optimal)
        XCTAssertTrue(RosterChecker(scenario: strict, scenarioSHA256: ref.sha256).check(result.roster ?? strictRosterPlaceholder()).passed)
    }

    func testStructureRing() {
        // Two tight pairs: cycles (minCycle 2) pairs them up; a ring must cross.
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.01), ("C", nil, 1), ("D", nil, 1.01)]
        let loose = make(units: units, people: [:])
        let strict = make(units: units, people: [:]) { $0.rules.structure = .ring }
        assertRuleBites(.structure, strict: strict, loose: loose)
        let strictCycles = make(units: units, people: [:]) { $0.rules.minCycle = 3 }
        assertRuleBites(.structure, strict: strictCycles, loose: loose)
    }

    func testStructureMutualPairsInFree() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.01), ("C", nil, 1), ("D", nil, 1.01)]
        let loose = make(units: units, people: [:]) { $0.rules.structure = .free; $0.rules.mutualPairs = .allow }
        let strict = make(units: units, people: [:]) { $0.rules.structure = .free; $0.rules.mutualPairs = .forbid }
        assertRuleBites(.structure, strict: strict, loose: loose)
    }

    func testPairCooldown() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.01), ("C", nil, 1), ("D", nil, 1.01)]
        let history = [HistoryTerm(stays: [
            HistoryStay(person: "A-0", site: "B"), HistoryStay(person: "A-1", site: "B"),
            HistoryStay(person: "B-0", site: "A"), HistoryStay(person: "B-1", site: "A"),
            HistoryStay(person: "C-0", site: "D"), HistoryStay(person: "C-1", site: "D"),
            HistoryStay(person: "D-0", site: "C"), HistoryStay(person: "D-1", site: "C"),
        ])]
        let people = ["A": [0, 0, 0, 0, 0], "B": [0, 0, 0, 0, 0], "C": [0, 0, 0, 0, 0], "D": [0, 0, 0, 0, 0]]
        let loose = make(units: units, people: people) { $0.history = history; $0.rules.pairCooldown = 0; $0.calendar.handoverDays = 0 }
        let strict = make(units: units, people: people) { $0.history = history; $0.rules.pairCooldown = 1; $0.calendar.handoverDays = 0 }
        assertRuleBites(.pairCooldown, strict: strict, loose: loose)
    }

    func testPersonCooldown() {
        // Free placement over three terms; A-0 is the only cheap person for site B: back in
        // term 3 after resting in term 2 unless personCooldown forbids it.
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 0.2)]
        let people = ["A": [0, 9, 9, 9, 9], "B": [9, 9, 9, 9, 9], "C": [9, 9, 9, 9, 9]]
        func tweak(_ s: inout Scenario) {
            s.rules.structure = .free
            s.rules.minStaff = 1
            s.rules.pairCooldown = 0
            s.rules.mutualPairs = .allow
            s.objective.distance = 0
            // A-0 may only go to B, so its second turn is back at B.
            s.forbid = [Forbid(subject: .person("A-0"), site: "C")]
        }
        let loose = make(units: units, people: people, terms: 3, tweak)
        let strict = make(units: units, people: people, terms: 3) { tweak(&$0); $0.rules.personCooldown = 2 }
        assertRuleBites(.personCooldown, strict: strict, loose: loose)
    }

    func testMaxConsecutiveTerms() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 0.2)]
        let people = ["A": [0, 9, 9, 9], "B": [9, 9, 9, 9], "C": [9, 9, 9, 9]]
        func tweak(_ s: inout Scenario) {
            s.rules.structure = .free
            s.rules.minStaff = 1
            s.rules.pairCooldown = 0
            s.rules.mutualPairs = .allow
        }
        let loose = make(units: units, people: people, terms: 2) { tweak(&$0); $0.rules.maxConsecutiveTerms = 2 }
        let strict = make(units: units, people: people, terms: 2) { tweak(&$0); $0.rules.maxConsecutiveTerms = 1 }
        assertRuleBites(.maxConsecutiveTerms, strict: strict, loose: loose)
    }

    func testKeepAtHome() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.1), ("C", nil, 0.2)]
        let people = ["A": [0, 0], "B": [9, 9, 9, 9], "C": [9, 9, 9, 9]]
        func tweak(_ s: inout Scenario) { s.rules.structure = .free; s.rules.mutualPairs = .allow }
        let loose = make(units: units, people: people) { tweak(&$0); $0.rules.keepAtHome = 0 }
        let strict = make(units: units, people: people) { tweak(&$0); $0.rules.keepAtHome = 1 }
        assertRuleBites(.keepAtHome, strict: strict, loose: loose)
    }

    func testPins() {
        let units: [(String, String?, Double)] = [("A", nil, 0), ("B", nil, 0.01), ("C", nil, 1), ("D", nil, 1.01)]
        let loose = make(units: units, people: [:])
        let strict = make(units: units, people: [:]) { $0.pins = [Pin(term: 1, subject: .unit("A"), site: "C")] }
        assertRuleBites(.pin, strict: strict, loose: loose)
        let strictPerson = make(units: units, people: [:]) { $0.pins = [Pin(term: 1, subject: .person("A-2"), site: "B")] }
        let result = planner.plan(strictPerson, reference: ref)
        XCTAssertTrue(result.roster?.terms.first?.stays.contains { $0.person == "A-2" && $0.site == "B" } ?? false)
    }

    /// The loose roster's placements with arrive/leave dates as SPEC §2 gives them under `s`,
    /// so that a looser calendar (no handover days) does not hide what the strict one forbids.
    func restamp(_ roster: Roster, _ s: Scenario) -> Roster {
        var r = roster
        let placed = Set(roster.terms.flatMap { t in t.stays.map { "\(t.term)|\($0.person)|\($0.site)" } })
        for i in r.terms.indices {
            let k = r.terms[i].term
            r.terms[i].stays = r.terms[i].stays.map { st in
                let range = s.stayRange(term: k, staysOn: placed.contains("\(k + 1)|\(st.person)|\(st.site)"))
                return Stay(person: st.person, site: st.site, arrive: range.from, leave: range.to)
            }
        }
        return r
    }

    func strictRosterPlaceholder() -> Roster {
        Roster(scenario: ref, solve: SolveSummary(status: .infeasible, objective: nil, bound: nil, gap: nil, seconds: 0, engine: ""), terms: [])
    }
}
