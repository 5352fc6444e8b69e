import XCTest
import ZhudianCore
import ZhudianTestSupport

/// One test per SPEC §3 rule in resident mode: each breaks exactly that rule in the fixture's
/// good roster (or scenario) and expects exactly that rule, at the right term, site and people.
final class ResidentRuleTests: XCTestCase {
    private func freeScenario() -> Scenario {
        var s = Fixtures.smallResident()
        s.rules.structure = .free
        return s
    }

    private func adding(_ person: String, at site: String, term: Int, to scenario: Scenario) -> Roster {
        RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: scenario, term: term) {
            $0.stays.append(RosterBuilder.stay(person, at: site, term: term, in: scenario))
        }
    }

    private func location(_ id: String, _ s: Scenario) -> Location {
        guard let l = s.unit(id)?.location else { preconditionFailure("fixture unit \(id) has a location") }
        return l
    }

    // MARK: The good roster

    func testGoodRosterPassesEveryRuleWithItsObjective() throws {
        let s = Fixtures.smallResident()
        let roster = Fixtures.smallResidentRoster()
        let report = check(roster, s)
        assertPasses(report)
        XCTAssertEqual(report.rulesChecked, RuleKind.allCases.filter { $0 != .visits })

        // Every link carries two people; term 1's people have served 0 terms, term 2's one each.
        var km = 0.0
        for ring in Fixtures.residentRings {
            for l in ring { km += location(l.from, s).kilometres(to: location(l.to, s)) }
        }
        let expected = 2 * km + 12 * 20
        XCTAssertEqual(try XCTUnwrap(report.objective), expected, accuracy: 1e-9)
        XCTAssertEqual(RosterChecker(scenario: s, scenarioSHA256: nil).objective(of: roster), expected, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(roster.solve.objective), expected, accuracy: 1e-9)
    }

    func testGoodRosterPassesUnderFreeStructureToo() {
        let s = freeScenario()
        assertPasses(check(RosterBuilder.normalized(Fixtures.smallResidentRoster(), scenario: s), s))
    }

    // MARK: Rule 1–2

    func testSelfInspection() {
        let s = freeScenario()
        let v = assertOnly(check(adding("C-5", at: "C", term: 2, to: s), s), .rule(.selfInspection))
        assertSingle(v, term: 2, unit: "C", site: "C", people: ["C-5"])
        XCTAssertEqual(
            v.first?.render(.en), "self: term 2, site C (丙矿): C-5 (张伟) stationed at their own unit")
    }

    func testSameGroup() {
        let s = freeScenario()
        let v = assertOnly(check(adding("A-5", at: "B", term: 2, to: s), s), .rule(.group))
        assertSingle(v, term: 2, unit: "A", site: "B", people: ["A-5"])

        var allowed = s
        allowed.rules.sameGroup = .allow
        assertPasses(check(adding("A-5", at: "B", term: 2, to: allowed), allowed))
        XCTAssertFalse(RosterChecker(scenario: allowed, scenarioSHA256: nil).applicableRules.contains(.group))
    }

    // MARK: Rule 3

    func testCoverageCountsEveryDay() {
        let s = freeScenario()
        let roster = RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: s, term: 2) {
            $0.stays.removeAll { $0.person == "D-2" }
        }
        let v = assertOnly(check(roster, s), .rule(.coverage))
        // The term-1 team (F-3, F-4) stays three handover days, then D-1 is alone.
        let single = assertSingle(v, term: 2, site: "A", people: [])
        XCTAssertEqual(single?.dates, DateRange(from: Fixtures.day("2023-02-23"), to: Fixtures.day("2023-08-19")))
        XCTAssertEqual(
            single?.render(.en), "coverage: term 2, site A (甲矿): 1 of 2 people present on 2023-02-23..2023-08-19")
    }

    func testCoverageGroupsShortDaysIntoRanges() {
        var s = freeScenario()
        s.units[0].minStaff = 3  // site A
        let v = assertOnly(check(RosterBuilder.normalized(Fixtures.smallResidentRoster(), scenario: s), s), .rule(.coverage))
        XCTAssertEqual(v.map(\.term), [1, 2])
        guard case let .understaffed(_, _, required, shortfalls) = v[1].message else { return XCTFail("\(v[1])") }
        // Term 2 at A: four people during the handover (2023-02-20..22), then two.
        XCTAssertEqual(required, 3)
        XCTAssertEqual(shortfalls, [CoverageShortfall(present: 2, days: DateRange(from: Fixtures.day("2023-02-23"), to: Fixtures.day("2023-08-19")))])
        guard case let .understaffed(_, _, _, first) = v[0].message else { return XCTFail("\(v[0])") }
        // Term 1 at A: history's E-1, E-2 hand over until 2022-08-22, so only from 08-23 are there two.
        XCTAssertEqual(first.map(\.days.from), [Fixtures.day("2022-08-23")])
    }

    // MARK: Rule 4

    func testOverlapWithTheNextTermsHandover() {
        var s = Fixtures.smallResident()
        s.rules.maxConsecutiveTerms = 2
        // A-3 leaves D on 2023-02-22 but would take over at E on 2023-02-20.
        let roster = RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: s, term: 2) {
            $0.stays.removeAll { $0.person == "A-1" }
            $0.stays.append(RosterBuilder.stay("A-3", at: "E", term: 2, in: s))
        }
        let v = assertOnly(check(roster, s), .rule(.overlap))
        let single = assertSingle(v, term: 2, unit: "A", site: "E", people: ["A-3"])
        XCTAssertEqual(single?.dates, DateRange(from: Fixtures.day("2023-02-20"), to: Fixtures.day("2023-02-22")))
    }

    func testOverlapWithTheLastHistoryTerm() {
        var s = Fixtures.smallResident()
        s.rules.maxConsecutiveTerms = 2
        // A-1 was at C in term 0 and hands over until 2022-08-22; placing them at D in term 1 overlaps.
        var placements = Fixtures.residentPlacements()
        placements[0] = placements[0].map { $0.person == "A-3" ? (person: "A-1", site: $0.site) : $0 }
        placements[1] = placements[1].map { $0.person == "A-1" ? (person: "A-3", site: $0.site) : $0 }
        let v = assertOnly(check(RosterBuilder.roster(s, placements: placements), s), .rule(.overlap))
        let single = assertSingle(v, term: 1, unit: "A", site: "D", people: ["A-1"])
        XCTAssertEqual(single?.dates, DateRange(from: Fixtures.day("2022-08-20"), to: Fixtures.day("2022-08-22")))
    }

    // MARK: Rule 5

    func testQualified() {
        var s = Fixtures.smallResident()
        s.people[2].qualified = false  // A-3, at D in term 1
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.qualified))
        assertSingle(v, term: 1, unit: "A", site: "D", people: ["A-3"])
    }

    func testUnavailableOnAHandoverDay() {
        var s = Fixtures.smallResident()
        // A-3 stays at D until 2023-02-22, three days into term 2.
        s.people[2].unavailable = [Absence(range: DateRange(day: Fixtures.day("2023-02-21")), reason: "年假")]
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.unavailable))
        let single = assertSingle(v, term: 1, unit: "A", site: "D", people: ["A-3"])
        XCTAssertEqual(single?.dates, DateRange(day: Fixtures.day("2023-02-21")))

        // Leave while at home is no concern.
        s.people[2].unavailable = [Absence(range: DateRange(from: Fixtures.day("2023-02-23"), to: Fixtures.day("2023-05-01")))]
        assertPasses(check(Fixtures.smallResidentRoster(), s))
    }

    func testForbidPersonAndUnit() {
        var s = Fixtures.smallResident()
        s.forbid = [
            Forbid(subject: .person("A-3"), site: "D", reason: "亲属在该企业任职"),
            Forbid(subject: .unit("B"), site: "F"),
            Forbid(subject: .person("A-5"), site: "D"),  // not placed: holds
        ]
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.forbid))
        XCTAssertEqual(v.count, 2)
        assertSingle(v.filter { $0.term == 1 }, term: 1, unit: "A", site: "D", people: ["A-3"])
        assertSingle(v.filter { $0.term == 2 }, term: 2, unit: "B", site: "F", people: ["B-1", "B-2"])
        XCTAssertTrue(v[0].render(.zh).contains("亲属在该企业任职"))
    }

    func testMaxDistance() {
        var s = Fixtures.smallResident()
        var km: [String: Double] = [:]
        for ring in Fixtures.residentRings {
            for l in ring { km["\(l.from)>\(l.to)"] = location(l.from, s).kilometres(to: location(l.to, s)) }
        }
        // Rounded so that a link and its reverse (equal up to rounding) count as one distance.
        let distances = Set(km.values.map { ($0 * 1e6).rounded() / 1e6 }).sorted()
        let limit = (distances[distances.count - 1] + distances[distances.count - 2]) / 2
        s.rules.maxDistanceKm = limit
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.distance))
        let expected = Set(km.filter { $0.value > limit }.keys)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(Set(v.map { "\($0.unit ?? "")>\($0.site ?? "")" }), expected)
        XCTAssertTrue(v.allSatisfy { $0.people.count == 2 })
    }

    // MARK: Rule 6

    func testStructureTeamSize() {
        let s = Fixtures.smallResident()
        let v = assertOnly(check(adding("C-5", at: "D", term: 2, to: s), s), .rule(.structure))
        let single = assertSingle(v, term: 2, unit: "C", site: "D", people: ["C-1", "C-2", "C-5"])
        XCTAssertEqual(single?.message.code, "teamSize")
    }

    // MARK: Rule 7

    func testPairCooldownCountsHistory() {
        var s = Fixtures.smallResident()
        // History: A's team was at D, not C; term 1 sends A's team (other people) to D again.
        s.history[0].stays = s.history[0].stays.map { $0.person.hasPrefix("A-") ? HistoryStay(person: $0.person, site: "D") : $0 }
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.pairCooldown))
        let single = assertSingle(v, term: 1, unit: "A", site: "D", people: ["A-3", "A-4"])
        if case let .pairCooldown(_, _, _, usedIn, _) = single?.message { XCTAssertEqual(usedIn, 0) } else { XCTFail() }
    }

    func testPairCooldownIsDirected() {
        // SPEC rule 7 bars "a link u → v that was used": A → D in term 1 does not bar D → A in
        // term 2 (README, Interpretations). The good roster has both; a longer cooldown too.
        var s = Fixtures.smallResident()
        s.rules.pairCooldown = 2
        let rings = Fixtures.residentRings
        XCTAssertTrue(rings[0].contains { $0 == ("A", "D") } && rings[1].contains { $0 == ("D", "A") })
        assertPasses(check(Fixtures.smallResidentRoster(), s))
    }

    func testPersonCooldownCountsHistory() {
        var s = Fixtures.smallResident()
        // A-1 was at E in term 0 and is back at E in term 2 (personCooldown 2).
        s.history[0].stays = s.history[0].stays.map { $0.person == "A-1" ? HistoryStay(person: "A-1", site: "E") : $0 }
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.personCooldown))
        let single = assertSingle(v, term: 2, unit: "A", site: "E", people: ["A-1"])
        if case let .personCooldown(_, _, _, lastTerm, _) = single?.message { XCTAssertEqual(lastTerm, 0) } else { XCTFail() }
    }

    func testStayingOnIsNeitherAReturnNorAnOverlap() throws {
        var s = freeScenario()
        s.rules.pairCooldown = 0
        s.rules.maxConsecutiveTerms = 2
        s.rules.mutualPairs = .allow
        // A-3 stays on at D in term 2: the term-1 stay ends on E_1, the term-2 one starts on S_2.
        let base = Fixtures.residentPlacements()
        let roster = RosterBuilder.roster(s, placements: [base[0], base[1] + [(person: "A-3", site: "D")]])
        let term1 = try XCTUnwrap(roster.terms.first?.stays.first { $0.person == "A-3" })
        XCTAssertEqual(term1.leave, Fixtures.day("2023-02-19"))
        let report = check(roster, s)
        assertPasses(report)
        // Fairness counts the earlier plan term: A-3 has served 0 before the plan, 1 term in it.
        let good = RosterChecker(scenario: s, scenarioSHA256: nil).objective(of: Fixtures.smallResidentRoster())
        let extra = location("A", s).kilometres(to: location("D", s)) + 20 * 1
        XCTAssertEqual(try XCTUnwrap(report.objective), good + extra, accuracy: 1e-9)

        // Written with handover days, the same stay-on is a date problem, not an overlap.
        var wrong = roster
        if let i = wrong.terms[0].stays.firstIndex(where: { $0.person == "A-3" }) {
            wrong.terms[0].stays[i].leave = Fixtures.day("2023-02-22")
        }
        let v = assertOnly(check(wrong, s), .format)
        XCTAssertEqual(v.map(\.message.code), ["stayDates"])
    }

    func testMaxConsecutiveTermsCountsHistory() {
        var s = Fixtures.smallResident()
        s.rules.pairCooldown = 0
        // A-3 was at D in term 0 and stays on at D in term 1: two terms in a row.
        s.history[0].stays.append(HistoryStay(person: "A-3", site: "D"))
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.maxConsecutiveTerms))
        let single = assertSingle(v, term: 1, unit: "A", site: "D", people: ["A-3"])
        if case let .consecutiveTerms(_, _, first, limit) = single?.message {
            XCTAssertEqual(first, 0)
            XCTAssertEqual(limit, 1)
        } else {
            XCTFail()
        }
    }

    // MARK: Rule 8–9

    func testKeepAtHome() {
        var s = Fixtures.smallResident()
        s.rules.keepAtHome = 3
        // F-5 is not qualified: F keeps only two qualified people at home each term.
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.keepAtHome))
        XCTAssertEqual(v.map(\.term), [1, 2])
        XCTAssertEqual(v.map(\.unit), ["F", "F"])
        XCTAssertEqual(v.first?.people, ["F-3", "F-4"])
    }

    func testPins() {
        var s = Fixtures.smallResident()
        s.pins = [
            Pin(term: 1, subject: .unit("A"), site: "D"),  // kept
            Pin(term: 2, subject: .person("A-1"), site: "E"),  // kept
            Pin(term: 1, subject: .unit("A"), site: "E"),
            Pin(term: 2, subject: .person("A-1"), site: "C"),
        ]
        let v = assertOnly(check(Fixtures.smallResidentRoster(), s), .rule(.pin))
        XCTAssertEqual(v.count, 2)
        assertSingle(v.filter { $0.term == 1 }, term: 1, unit: "A", site: "E", people: [])
        assertSingle(v.filter { $0.term == 2 }, term: 2, unit: "A", site: "C", people: ["A-1"])
    }
}
