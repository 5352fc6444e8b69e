import XCTest
import ZhudianCore
import ZhudianTestSupport

/// Rule 10 (visiting mode, 两人一企) and the rules that read differently there.
final class VisitingRuleTests: XCTestCase {
    private let scenario = Fixtures.smallVisiting()
    private let good = Fixtures.smallVisitingRoster()

    private func editingVisits(_ edit: (inout [Visit]) -> Void) -> Roster {
        RosterBuilder.editing(good, scenario: scenario, term: 1) { t in
            var v = t.visits ?? []
            edit(&v)
            t.visits = v
        }
    }

    private func moving(_ site: String, from: String, to: String) -> Roster {
        editingVisits { visits in
            if let i = visits.firstIndex(where: { $0.site == site && $0.date == Fixtures.day(from) }) {
                visits[i].date = Fixtures.day(to)
            }
        }
    }

    private func km(_ a: String, _ b: String) -> Double {
        guard let x = scenario.unit(a)?.location, let y = scenario.unit(b)?.location else { return 0 }
        return x.kilometres(to: y)
    }

    func testGoodVisitingRosterPasses() throws {
        let report = check(good, scenario)
        assertPasses(report)
        // No maxDistanceKm, and overlap is a resident-mode rule.
        XCTAssertEqual(report.rulesChecked, RuleKind.allCases.filter { $0 != .overlap && $0 != .distance })
        // Z has no location; P2 has served one term before.
        let expected = 2 * km("CITY", "X") + 2 * km("CTY", "Y") + 20
        XCTAssertEqual(try XCTUnwrap(report.objective), expected, accuracy: 1e-9)
        let stay = try XCTUnwrap(good.terms.first?.stays.first)
        XCTAssertEqual(stay.arrive, Fixtures.day("2023-09-01"))
        XCTAssertEqual(stay.leave, Fixtures.day("2023-11-30"))
    }

    func testCoverageIsExactlyMinStaffAssigned() {
        var r = RosterBuilder.editing(good, scenario: scenario, term: 1) {
            $0.stays.append(Stay(person: "P4", site: "X", arrive: Fixtures.day("2023-09-01"), leave: Fixtures.day("2023-11-30")))
            $0.visits = $0.visits?.map { $0.site == "X" ? Visit(date: $0.date, site: "X", people: ["P1", "P2", "P4"]) : $0 }
        }
        r = RosterBuilder.normalized(r, scenario: scenario)
        let v = assertOnly(check(r, scenario), .rule(.coverage))
        XCTAssertEqual(assertSingle(v, term: 1, site: "X", people: ["P1", "P2", "P4"])?.message.code, "assignedCount")
    }

    func testMaxSitesPerPerson() {
        var s = scenario
        s.rules.maxSitesPerPerson = 1
        let v = assertOnly(check(good, s), .rule(.visits))
        XCTAssertEqual(v.map(\.people), [["P1"], ["P3"]])
        XCTAssertEqual(Set(v.map(\.message.code)), ["tooManySites"])
        XCTAssertEqual(v.map(\.unit), ["CITY", "CTY"])
    }

    func testVisitsOnWorkingDaysOnly() {
        // 2023-10-03 is a Tuesday inside the national holiday.
        let v = assertOnly(check(moving("X", from: "2023-10-10", to: "2023-10-03"), scenario), .rule(.visits))
        let single = assertSingle(v, term: 1, site: "X", people: ["P1", "P2"])
        XCTAssertEqual(single?.message.code, "visitNotWorkingDay")
        XCTAssertEqual(single?.dates, DateRange(day: Fixtures.day("2023-10-03")))

        // Without official: cn, 10-03 is an ordinary Tuesday and the make-up Sunday 10-08 is a day off.
        var plain = scenario
        plain.calendar.official = nil
        let w = assertOnly(check(moving("X", from: "2023-10-10", to: "2023-10-03"), plain), .rule(.visits))
        XCTAssertEqual(assertSingle(w, term: 1, site: "Y", people: ["P3", "P4"])?.dates, DateRange(day: Fixtures.day("2023-10-08")))

        // The scenario's own lists count too.
        plain.calendar.workdays = [DateRange(day: Fixtures.day("2023-10-08"))]
        plain.calendar.holidays = [DateRange(from: Fixtures.day("2023-10-09"), to: Fixtures.day("2023-10-10"))]
        let h = assertOnly(check(good, plain), .rule(.visits))
        XCTAssertEqual(assertSingle(h, term: 1, site: "X", people: ["P1", "P2"])?.message.code, "visitNotWorkingDay")
    }

    func testVisitsEveryMonth() {
        let r = editingVisits { $0.removeAll { $0.site == "X" && $0.date == Fixtures.day("2023-11-07") } }
        let v = assertOnly(check(r, scenario), .rule(.visits))
        let single = assertSingle(v, term: 1, site: "X", people: [])
        XCTAssertEqual(single?.message.code, "fewVisits")
        XCTAssertEqual(single?.dates, DateRange(from: Fixtures.day("2023-11-01"), to: Fixtures.day("2023-11-30")))
        XCTAssertEqual(
            single?.render(.en), "visits: term 1, site X (某化工): 0 visits in 2023-11 (2023-11-01..2023-11-30), at least 1 required")
    }

    func testAllAssignedPeopleVisitTogether() {
        let r = editingVisits { visits in
            if let i = visits.firstIndex(where: { $0.site == "X" && $0.date == Fixtures.day("2023-09-05") }) {
                visits[i].people = ["P1"]
            }
        }
        let v = assertOnly(check(r, scenario), .rule(.visits))
        XCTAssertEqual(assertSingle(v, term: 1, site: "X", people: ["P1"])?.message.code, "visitTeam")
    }

    func testMinVisitGap() {
        let r = editingVisits { $0.append(Visit(date: Fixtures.day("2023-09-08"), site: "X", people: ["P1", "P2"])) }
        let v = assertOnly(check(r, scenario), .rule(.visits))
        let single = assertSingle(v, term: 1, site: "X", people: [])
        XCTAssertEqual(single?.message.code, "visitGap")
        XCTAssertEqual(single?.dates, DateRange(from: Fixtures.day("2023-09-05"), to: Fixtures.day("2023-09-08")))
    }

    func testOneVisitADayPerPerson() {
        // Z's September visit moved onto X's day: P1 would be at both.
        let v = assertOnly(check(moving("Z", from: "2023-09-07", to: "2023-09-05"), scenario), .rule(.visits))
        let single = assertSingle(v, term: 1, unit: "CITY", site: nil, people: ["P1"])
        XCTAssertEqual(single?.message.code, "visitsSameDay")
    }

    func testNoVisitWhileUnavailableButLeaveDoesNotBarTheAssignment() {
        var s = scenario
        s.people[1].unavailable = [Absence(range: DateRange(from: Fixtures.day("2023-09-20"), to: Fixtures.day("2023-09-25")))]
        assertPasses(check(good, s))
        s.people[1].unavailable.append(Absence(range: DateRange(day: Fixtures.day("2023-09-05")), reason: "出差"))
        let v = assertOnly(check(good, s), .rule(.unavailable))
        let single = assertSingle(v, term: 1, unit: "CITY", site: "X", people: ["P2"])
        XCTAssertEqual(single?.message.code, "unavailableOnVisits")
        XCTAssertEqual(single?.dates, DateRange(day: Fixtures.day("2023-09-05")))
    }

    func testVisitsListRequiredAndInsideTheTerm() {
        var missing = good
        missing.terms[0].visits = nil
        let report = check(missing, scenario)
        XCTAssertEqual(report.violations(of: .format).map(\.message.code), ["visitsMissing"])

        let outside = editingVisits { $0.append(Visit(date: Fixtures.day("2023-12-05"), site: "X", people: ["P1", "P2"])) }
        XCTAssertEqual(check(outside, scenario).violations.map(\.message.code), ["visitOutsideTerm"])

        let unknown = editingVisits { $0[0].people = ["P1", "P9"] }
        XCTAssertTrue(check(unknown, scenario).violations(of: .format).map(\.message.code).contains("unknownPerson"))
    }

    func testVisitGapAcrossTerms() {
        var s = scenario
        s.calendar.terms = 2
        s.rules.pairCooldown = 0
        s.rules.personCooldown = 0
        s.rules.maxConsecutiveTerms = 2
        let teams = Fixtures.visitingTeams.keys.sorted().flatMap { site in
            (Fixtures.visitingTeams[site] ?? []).map { (person: $0, site: site) }
        }
        func visits(_ dates: [String: [String]]) -> [Visit] {
            dates.flatMap { site, days in days.map { Visit(date: Fixtures.day($0), site: site, people: Fixtures.visitingTeams[site] ?? []) } }
        }
        var first = Fixtures.visitingDates
        first["X"] = ["2023-09-05", "2023-10-10", "2023-11-29"]
        // 2024-02-04 is a Sunday made a working day; 02-10…17 is the Spring Festival.
        var second: [String: [String]] = [
            "X": ["2023-12-07", "2024-01-09", "2024-02-06"],
            "Y": ["2023-12-05", "2024-01-10", "2024-02-04"],
            "Z": ["2023-12-06", "2024-01-11", "2024-02-07"],
        ]
        let fine = RosterBuilder.roster(s, placements: [teams, teams], visits: [visits(first), visits(second)])
        assertPasses(check(fine, s))

        second["X"] = ["2023-12-01", "2024-01-09", "2024-02-06"]
        let close = RosterBuilder.roster(s, placements: [teams, teams], visits: [visits(first), visits(second)])
        let v = assertOnly(check(close, s), .rule(.visits))
        let single = assertSingle(v, term: 2, site: "X", people: [])
        XCTAssertEqual(single?.dates, DateRange(from: Fixtures.day("2023-11-29"), to: Fixtures.day("2023-12-01")))
    }
}
