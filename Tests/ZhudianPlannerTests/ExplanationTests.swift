import GLPK
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// Issue 17: one infeasible scenario per kind, built so that the true cause is known. Each
/// explanation is the smallest set (no smaller set of relaxable instances works, shown by
/// trying every smaller one), relaxing it makes the scenario feasible, and its messages
/// name the real cause with the scenario's names and dates.
final class ExplanationTests: XCTestCase {
    let solver = GLPKSolver()
    let ref = ScenarioReference(name: "why", sha256: String(repeating: "0", count: 64))
    let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)

    /// Units A, B, C, … 0.05° apart in longitude (about 4.5 km), `people` people each
    /// named "<unit>-<n>", one term.
    func scenario(_ ids: [String], people: Int = 3, structure: Structure, _ tweak: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var rules = Rules()
        rules.structure = structure
        rules.minCycle = 2
        rules.keepAtHome = 0
        let units = ids.enumerated().map { i, id in
            Unit(id: id, name: id + "矿业有限公司", short: id + "矿", location: Location(lat: 35, lon: 117 + 0.05 * Double(i)))
        }
        var ps: [Person] = []
        for id in ids {
            for n in 1...people { ps.append(Person(id: "\(id)-\(n)", name: "\(id)人\(n)", unit: id)) }
        }
        var s = Scenario(
            name: "why", calendar: CalendarSettings(start: start, termMonths: 6, terms: 1, handoverDays: 3),
            rules: rules, units: units, people: ps)
        tweak(&s)
        return s
    }

    struct Key: Hashable, CustomStringConvertible {
        let rule: RuleKind
        let term: Int?
        let unit: String?
        let site: String?
        var description: String { "\(rule.rawValue)(\(term ?? 0), \(unit ?? "-"), \(site ?? "-"))" }
    }

    /// Plans `s`, asserts it is infeasible with exactly `expected` as the smallest explanation,
    /// checks minimality by brute force over the elastic model, and returns the messages.
    @discardableResult
    func assertExplained(
        _ s: Scenario, _ expected: Set<Key>, language: Language = .en, file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String] {
        let result = Planner(solver: solver).plan(s, reference: ref, options: PlanOptions(language: language))
        XCTAssertEqual(result.outcome, .infeasible, file: file, line: line)
        XCTAssertEqual(result.explanationProof, .smallest, file: file, line: line)
        let named = Set(result.explanation.map { Key(rule: $0.rule, term: $0.term, unit: $0.unit, site: $0.site) })
        XCTAssertEqual(named, expected, file: file, line: line)

        let ctx = PlanContext(s)
        let elastic = ElasticSolve(
            solver: solver, ctx: ctx, options: PlanOptions(), useTeams: s.rules.structure != .free && s.rules.pairCooldown >= 1,
            part: nil, deadline: nil)
        let all = try elastic.build().slacks.map(\.slack)
        let chosen = all.filter { slack in
            expected.contains(Key(
                rule: slack.rule, term: slack.term, unit: slack.unit.map { s.units[$0].id },
                site: slack.site.map { s.units[$0].id }))
        }
        XCTAssertEqual(chosen.count, expected.count, "each named instance is one slack", file: file, line: line)
        XCTAssertNotNil(try elastic.feasible(relaxing: chosen), "relaxing the explanation makes it feasible", file: file, line: line)
        // No smaller set works: every set of fewer instances leaves it infeasible.
        for smaller in subsets(of: all, below: chosen.count) {
            XCTAssertNil(try elastic.feasible(relaxing: smaller), "\(smaller.count) instances suffice", file: file, line: line)
        }
        XCTAssertEqual(result.roster?.explanation?.count, expected.count, file: file, line: line)
        return result.explanation.map(\.message)
    }

    func subsets(of all: [ElasticSlack], below n: Int) -> [[ElasticSlack]] {
        var out: [[ElasticSlack]] = [[]]
        var frontier: [[Int]] = [[]]
        for _ in 0..<max(0, n - 1) {
            frontier = frontier.flatMap { set in ((set.last.map { $0 + 1 } ?? 0)..<all.count).map { set + [$0] } }
            out += frontier.map { $0.map { all[$0] } }
        }
        return out
    }

    func testTooFewQualifiedPeopleAtOneUnit() throws {
        let s = scenario(["A", "B", "C", "D"], structure: .ring) {
            $0.rules.keepAtHome = 1
            $0.people[9].qualified = false  // D-1: D keeps D-2 or D-3 home and cannot send two
        }
        let messages = try assertExplained(s, [Key(rule: .keepAtHome, term: 1, unit: "D", site: nil)])
        XCTAssertTrue(messages[0].contains("D矿 has 2 qualified people"), messages[0])
    }

    func testEveryLinkIntoASiteOnCooldown() throws {
        let s = scenario(["A", "B", "C", "D"], structure: .free) {
            $0.rules.minStaff = 1
            $0.rules.mutualPairs = .allow
            $0.history = [HistoryTerm(start: start.addingMonths(-6), stays: [
                HistoryStay(person: "A-1", site: "C"), HistoryStay(person: "B-1", site: "C"),
                HistoryStay(person: "D-1", site: "C"), HistoryStay(person: "C-1", site: "A"),
            ])]
        }
        let messages = try assertExplained(s, [Key(rule: .coverage, term: 1, unit: nil, site: "C")])
        XCTAssertTrue(messages[0].contains("C矿 needs 1 people"), messages[0])
        for unit in ["A矿", "B矿", "D矿"] {
            XCTAssertTrue(messages[0].contains("\(unit) sent a team there in the last term (cooldown)"), messages[0])
        }
    }

    func testAGroupConflictThatMakesARingImpossible() throws {
        let s = scenario(["A", "B", "C"], structure: .ring) {
            $0.units[0].group = "山水集团"
            $0.units[1].group = "山水集团"
        }
        // Any ring of three uses A–B one way: one of them sends no team, the other gets none.
        let messages = try assertExplained(s, [
            Key(rule: .coverage, term: 1, unit: nil, site: "B"), Key(rule: .structure, term: 1, unit: "A", site: nil),
        ])
        XCTAssertTrue(messages.contains { $0.contains("A矿 is of the same group (山水集团)") }, "\(messages)")
    }

    func testContradictoryPins() throws {
        let s = scenario(["A", "B", "C", "D"], structure: .ring) {
            $0.pins = [Pin(term: 1, subject: .person("A-1"), site: "B"), Pin(term: 1, subject: .unit("A"), site: "C")]
        }
        let result = Planner(solver: solver).plan(s, reference: ref)
        XCTAssertEqual(result.outcome, .infeasible)
        // Either pin alone can go; the natural order keeps the earlier site's pin named.
        try assertExplained(s, [Key(rule: .pin, term: 1, unit: "A", site: "B")])
    }

    func testLeaveThatUncoversASiteForPartOfATerm() throws {
        // Only A and B are within 6 km of C: A's people are all pinned elsewhere, B has
        // one person, on leave for three weeks.
        let s = scenario(["A", "B", "C"], people: 1, structure: .free) {
            $0.rules.minStaff = 1
            $0.rules.mutualPairs = .allow
            $0.people[1].unavailable = [Absence(range: DateRange(from: start.addingDays(40), to: start.addingDays(60)))]
            $0.pins = [Pin(term: 1, subject: .person("A-1"), site: "B")]
        }
        let messages = try assertExplained(s, [Key(rule: .coverage, term: 1, unit: nil, site: "C")])
        XCTAssertTrue(messages[0].contains("B人1 on leave 2024-04-10..2024-04-30"), messages[0])
    }

    func testKeepAtHomeTooHigh() throws {
        let s = scenario(["A", "B", "C"], structure: .ring) { $0.rules.keepAtHome = 2 }
        let messages = try assertExplained(s, Set(["A", "B", "C"].map { Key(rule: .keepAtHome, term: 1, unit: $0, site: nil) }))
        XCTAssertTrue(messages.allSatisfy { $0.contains("must keep 2 at home and send 2") }, "\(messages)")
    }

    func testADistanceCapThatIsolatesASite() throws {
        let s = scenario(["A", "B", "C", "D"], structure: .free) {
            $0.rules.minStaff = 1
            $0.rules.mutualPairs = .allow
            $0.rules.maxDistanceKm = 30
            $0.units[3].location = Location(lat: 35.9, lon: 117)
        }
        let messages = try assertExplained(s, [Key(rule: .coverage, term: 1, unit: nil, site: "D")])
        XCTAssertTrue(messages[0].contains("A矿 is "), messages[0])
        XCTAssertTrue(messages[0].contains("km away, over the 30.0 km cap"), messages[0])
    }

    func testTwoIndependentCausesAreBothNamedAndNothingElse() throws {
        let s = scenario(["A", "B", "C", "D", "E"], structure: .free) {
            $0.rules.minStaff = 1
            $0.rules.mutualPairs = .allow
            $0.rules.maxDistanceKm = 30
            $0.units[4].location = Location(lat: 35.9, lon: 117)  // E is out of everyone's reach
            $0.history = [HistoryTerm(start: start.addingMonths(-6), stays: [
                HistoryStay(person: "A-1", site: "C"), HistoryStay(person: "B-1", site: "C"),
                HistoryStay(person: "D-1", site: "C"),
            ])]
        }
        try assertExplained(s, [
            Key(rule: .coverage, term: 1, unit: nil, site: "C"), Key(rule: .coverage, term: 1, unit: nil, site: "E"),
        ])
    }

    func testMessagesInChineseNameTheCauses() throws {
        let s = scenario(["A", "B", "C"], people: 1, structure: .free) {
            $0.rules.minStaff = 1
            $0.rules.mutualPairs = .allow
            $0.people[1].unavailable = [Absence(range: DateRange(from: start.addingDays(40), to: start.addingDays(60)))]
            $0.pins = [Pin(term: 1, subject: .person("A-1"), site: "B")]
        }
        let messages = try assertExplained(s, [Key(rule: .coverage, term: 1, unit: nil, site: "C")], language: .zh)
        XCTAssertTrue(messages[0].hasPrefix("第1轮：C矿 需要 1 人"), messages[0])
        XCTAssertTrue(messages[0].contains("B人1 休假 2024-04-10..2024-04-30"), messages[0])
    }
}
