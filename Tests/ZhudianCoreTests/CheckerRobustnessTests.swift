import XCTest
import ZhudianCore
import ZhudianTestSupport

/// The checker must judge any roster value without trapping: random terms, ids, dates (up to
/// the extremes of `Int`), visits and solve figures, in both modes.
final class CheckerRobustnessTests: XCTestCase {
    /// A tiny deterministic generator (xorshift64*), so a failure reproduces.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
        mutating func chance(_ p: Int) -> Bool { int(100) < p }
    }

    private func randomRoster(_ rng: inout Random, scenario: Scenario, base: Roster) -> Roster {
        let ids = scenario.people.map(\.id) + ["", "??", "A-1 ", "Z-99"]
        let sites = scenario.units.map(\.id) + ["", "NOPE"]
        let starts = [scenario.termStart(1).dayNumber, 0, Int.max, Int.min, Int.max - 3, -719_162, 2_932_896]
        func date() -> CivilDate { CivilDate(dayNumber: rng.chance(70) ? starts[0] + rng.int(800) - 200 : rng.pick(starts)) }
        var r = base
        if rng.chance(20) { r.terms = [] }
        for _ in 0..<rng.int(3) {
            var t = rng.pick(base.terms)
            t.term = rng.pick([-1, 0, 1, 2, 3, 9, Int.max, Int.min])
            r.terms.append(t)
        }
        for i in r.terms.indices {
            if rng.chance(30) { r.terms[i].start = date() }
            for _ in 0..<rng.int(6) {
                r.terms[i].stays.append(Stay(person: rng.pick(ids), site: rng.pick(sites), arrive: date(), leave: date()))
            }
            if rng.chance(30), !r.terms[i].stays.isEmpty { r.terms[i].stays.remove(at: rng.int(r.terms[i].stays.count)) }
            if rng.chance(20) { r.terms[i].links.append(Link(from: rng.pick(sites), to: rng.pick(sites))) }
            if rng.chance(50) {
                var visits = r.terms[i].visits ?? []
                for _ in 0..<rng.int(5) {
                    visits.append(Visit(date: date(), site: rng.pick(sites), people: (0..<rng.int(4)).map { _ in rng.pick(ids) }))
                }
                r.terms[i].visits = rng.chance(10) ? nil : visits
            }
        }
        let numbers: [Double?] = [nil, 0, -1, 1e300, -1e300, .infinity, .nan, 412.6]
        r.solve.status = rng.pick(RosterStatus.allCases)
        r.solve.objective = rng.pick(numbers)
        r.solve.bound = rng.pick(numbers)
        r.solve.gap = rng.pick(numbers)
        if rng.chance(40) {
            r.explanation = (0..<rng.int(3)).map { _ in
                RuleInstance(rule: rng.pick(RuleKind.allCases), term: rng.pick([nil, 1, 2, Int.max]), unit: nil, site: rng.pick([nil, "A", "X"]), people: [], message: "")
            }
        }
        return r
    }

    func testRandomRostersNeverTrap() {
        var rng = Random(state: 0x9E37_79B9_7F4A_7C15)
        var residentScenario = Fixtures.smallResident()
        residentScenario.pins = [Pin(term: 1, subject: .unit("A"), site: "D"), Pin(term: 2, subject: .person("A-1"), site: "E")]
        residentScenario.forbid = [Forbid(subject: .unit("B"), site: "F")]
        var visitingScenario = Fixtures.smallVisiting()
        visitingScenario.people[1].unavailable = [Absence(range: DateRange(from: Fixtures.day("2023-09-01"), to: Fixtures.day("2023-09-10")))]
        let cases = [
            (residentScenario, Fixtures.smallResidentRoster()),
            (visitingScenario, Fixtures.smallVisitingRoster()),
            (Fixtures.noticeScenario(structure: .ring), Fixtures.noticeRoster()),
        ]
        var failures = 0
        for i in 0..<150 {
            let (scenario, base) = cases[i % cases.count]
            let roster = randomRoster(&rng, scenario: scenario, base: base)
            let report = RosterChecker(scenario: scenario, scenarioSHA256: Fixtures.sha256, baseline: base).check(roster)
            // Every violation of a random roster renders as a line in both languages.
            for language in [Language.en, .zh] {
                let lines = report.lines(language)
                XCTAssertEqual(lines.count, report.violations.count)
                XCTAssertFalse(lines.contains { $0.isEmpty }, "roster \(i): an empty line in \(language)")
            }
            if !report.passed { failures += 1 }
        }
        XCTAssertGreaterThan(failures, 100)
    }

    func testEmptyRosterAndEmptyScenario() {
        let s = Fixtures.smallResident()
        let empty = Roster(
            scenario: ScenarioReference(name: s.name, sha256: Fixtures.sha256),
            solve: SolveSummary(status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0, engine: "test"), terms: [])
        let report = check(empty, s)
        XCTAssertEqual(report.violations(of: .format).map(\.message.code), ["termMissing", "termMissing"])
        XCTAssertEqual(report.objective, 0)

        var none = s
        none.units = []
        none.people = []
        none.history = []
        none.calendar.terms = 0
        XCTAssertNotNil(check(Fixtures.smallResidentRoster(), none).objective)
    }
}
