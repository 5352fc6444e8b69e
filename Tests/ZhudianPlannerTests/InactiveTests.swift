import GLPK
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// SPEC 1.1 §1 `active: false`: a closed mine neither sends nor receives and the ring closes
/// around it; a person who left is never placed; history and pins naming them stay valid.
final class InactiveTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())
    let ref = ScenarioReference(name: "inactive", sha256: String(repeating: "0", count: 64))

    /// Five mines on a line, four people each, one term, a ring; history names every mine.
    func ring(closing closed: String?, leaving gone: [String] = []) -> Scenario {
        let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)
        var rules = Rules()
        rules.structure = .ring
        let ids = ["A", "B", "C", "D", "E"]
        let units = ids.enumerated().map { i, id in
            Unit(id: id, name: "矿" + id, location: Location(lat: 35, lon: 117 + 0.1 * Double(i)), active: id != closed)
        }
        var people: [Person] = []
        for id in ids {
            for j in 1...4 {
                let pid = "\(id)-\(j)"
                people.append(Person(id: pid, name: pid, unit: id, active: !gone.contains(pid)))
            }
        }
        let history = HistoryTerm(
            start: start.addingMonths(-6),
            stays: ids.indices.flatMap { i in
                ["\(ids[i])-1"].map { HistoryStay(person: $0, site: ids[(i + 2) % ids.count]) }
            })
        return Scenario(
            name: "inactive", calendar: CalendarSettings(start: start, termMonths: 6, terms: 1, handoverDays: 3),
            rules: rules, units: units, people: people, history: [history])
    }

    func testTheRingClosesAroundAClosedMine() throws {
        let s = ring(closing: "C")
        let result = planner.plan(s, reference: ref)
        XCTAssertEqual(result.outcome, .optimal)
        let roster = try XCTUnwrap(result.roster)
        for term in roster.terms {
            XCTAssertEqual(term.links.count, 4, "four mines take part in term \(term.term)")
            XCTAssertFalse(term.links.contains { $0.from == "C" || $0.to == "C" }, "\(term.links)")
        }
        let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
        XCTAssertTrue(report.passed, "\(report.violations.map { $0.render(.en) })")
    }

    func testAPersonWhoLeftIsNeverPlaced() throws {
        // A-1 and B-1 served last term and are still handing over: with A-3 and B-3 gone,
        // A and B must send their people 2 and 4.
        var s = ring(closing: nil, leaving: ["A-3", "B-3"])
        // Fairness makes A-3 and B-3 the cheapest: only the rule keeps them home.
        for i in s.people.indices where ["A-2", "A-4", "B-2", "B-4"].contains(s.people[i].id) { s.people[i].served = 5 }
        let result = planner.plan(s, reference: ref)
        let roster = try XCTUnwrap(result.roster, "\(result.outcome)")
        let placed = Set(roster.terms.flatMap(\.stays).map(\.person))
        XCTAssertFalse(placed.contains("A-3") || placed.contains("B-3"), "\(placed.sorted())")
        XCTAssertTrue(placed.isSuperset(of: ["A-2", "A-4", "B-2", "B-4"]), "\(placed.sorted())")
        XCTAssertTrue(RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster).passed)
    }

    func testTheCheckerRefusesStaysOfInactivePeopleAndAtClosedMines() throws {
        let open = ring(closing: nil)
        let roster = try XCTUnwrap(planner.plan(open, reference: ref).roster)
        let someone = try XCTUnwrap(roster.terms.first?.stays.first)
        var gone = open
        if let i = gone.people.firstIndex(where: { $0.id == someone.person }) { gone.people[i].active = false }
        let personBreaks = RosterChecker(scenario: gone, scenarioSHA256: ref.sha256).check(roster).violations
        XCTAssertTrue(
            personBreaks.contains { $0.kind == .rule(.unavailable) && $0.message.code == "inactivePerson" },
            "\(personBreaks.map { $0.render(.en) })")
        var closed = open
        if let i = closed.units.firstIndex(where: { $0.id == someone.site }) { closed.units[i].active = false }
        let siteBreaks = RosterChecker(scenario: closed, scenarioSHA256: ref.sha256).check(roster).violations
        XCTAssertTrue(
            siteBreaks.contains { $0.kind == .rule(.structure) && $0.message.code == "inactiveUnit" },
            "\(siteBreaks.map { $0.render(.en) })")
    }

    func testAPinNamingAClosedMineCannotHoldAndSaysWhy() {
        var s = ring(closing: "C")
        s.pins = [Pin(term: 1, subject: .unit("A"), site: "C")]
        let result = planner.plan(s, reference: ref, options: PlanOptions(language: .en))
        XCTAssertEqual(result.outcome, .infeasible)
        XCTAssertEqual(result.explanation.map(\.rule), [.pin])
        XCTAssertTrue(result.explanation.first?.message.contains("active: false") ?? false, "\(result.explanation)")
    }
}
