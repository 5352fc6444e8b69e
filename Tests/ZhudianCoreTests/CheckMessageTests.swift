import XCTest
import ZhudianCore
import ZhudianTestSupport

/// The message table: every case renders in both languages, and the Chinese is Chinese.
final class CheckMessageTests: XCTestCase {
    private static let qx = CheckName(id: "QX", name: "泉兴矿")
    private static let sds = CheckName(id: "SDS", name: "双顶山矿")
    private static let wang = CheckName(id: "SDS-01", name: "王强")
    private static let d1 = Fixtures.day("2023-03-01")
    private static let d2 = Fixtures.day("2023-08-19")
    private static let range = DateRange(from: d1, to: d2)

    /// One sample of every case.
    static let samples: [CheckMessage] = [
        .selfInspection(term: 1, site: qx, people: [wang]),
        .sameGroup(term: 1, unit: sds, site: qx, group: "山水水泥", people: [wang]),
        .understaffed(term: 2, site: qx, required: 2, shortfalls: [CoverageShortfall(present: 1, days: range)]),
        .assignedCount(term: 1, site: qx, assigned: 3, required: 2),
        .overlap(term: 2, person: wang, site: qx, otherTerm: 1, otherSite: sds, days: range),
        .unqualified(term: 1, person: wang, site: qx),
        .inactivePerson(term: 1, person: wang, site: qx),
        .unavailableDuringStay(term: 1, person: wang, site: qx, days: [range]),
        .unavailableOnVisits(term: 1, person: wang, site: qx, days: [d1]),
        .forbidden(term: 1, unit: sds, site: qx, people: [wang], reasons: ["亲属在该企业任职"]),
        .tooFar(term: 1, unit: sds, site: qx, kilometres: 123.456, limit: 100),
        .sendsNoTeam(term: 1, unit: sds),
        .sendsSeveralTeams(term: 1, unit: sds, sites: [qx, sds]),
        .teamSize(term: 1, unit: sds, site: qx, size: 3, required: 2),
        .receivesNoTeam(term: 1, site: qx),
        .receivesSeveralTeams(term: 1, site: qx, units: [sds, qx]),
        .mayNotSend(term: 1, unit: sds, site: qx, people: [wang]),
        .notASite(term: 1, unit: sds, site: qx, people: [wang]),
        .inactiveUnit(term: 1, unit: sds, site: qx, inactive: sds, people: [wang]),
        .notOneRing(term: 1, cycles: [[qx, sds, qx], [sds, qx, sds]]),
        .shortCycle(term: 1, cycle: [qx, sds, qx], minCycle: 3),
        .mutualPair(term: 1, first: qx, second: sds),
        .pairCooldown(term: 1, unit: sds, site: qx, usedIn: 0, cooldown: 1),
        .personCooldown(term: 2, person: wang, site: qx, lastTerm: 0, cooldown: 2),
        .consecutiveTerms(term: 1, person: wang, firstTerm: 0, limit: 1),
        .keepAtHome(term: 1, unit: sds, atHome: 0, required: 1),
        .unitPin(term: 1, unit: sds, site: qx),
        .personPin(term: 1, person: wang, site: qx),
        .fewVisits(term: 1, site: qx, month: "2023-03", days: range, count: 0, required: 1),
        .visitNotWorkingDay(term: 1, site: qx, date: d1),
        .visitTeam(term: 1, site: qx, date: d1, expected: ["A", "B"], found: ["A"]),
        .visitGap(term: 1, site: qx, previous: d1, date: d1.addingDays(3), minGap: 7),
        .visitsSameDay(term: 1, person: wang, date: d1, sites: [qx, sds]),
        .tooManySites(term: 1, person: wang, sites: [qx, sds], limit: 1),
        .rosterFormat(format: "x", version: 2),
        .scenarioName(expected: "甲", found: "乙"),
        .scenarioHash(expected: "ab", found: "cd"),
        .objectiveMissing(status: .optimal),
        .notProven(objective: 1, bound: 0.5, gap: 0.5),
        .halfBound(bound: 1, gap: nil),
        .gapMismatch(objective: 10, bound: 5, gap: 0.1, expected: 0.5),
        .boundAboveObjective(bound: 11, objective: 10),
        .infeasibleWithTerms(count: 2),
        .infeasibleFigures(objective: 1, bound: nil, gap: nil),
        .explanationMissing(status: .infeasible),
        .explanationUnexpected(status: .optimal),
        .explanationOmits(rule: .coverage, term: 2, site: "QX"),
        .explanationExtra(rule: .pin, term: 1, site: nil),
        .bestEffortMayNotBreak(rule: .forbid, term: 1, site: "QX"),
        .objectiveMismatch(stated: 412.6, recomputed: 410),
        .termMissing(term: 2),
        .termUnexpected(term: 5, terms: 2),
        .termDuplicate(term: 2),
        .termsUnsorted,
        .termDates(term: 1, start: d1, end: d2, expectedStart: d1, expectedEnd: d2.addingDays(1)),
        .linksUnsorted(term: 1),
        .linkDuplicate(term: 1, from: "SDS", to: "QX"),
        .linkMissing(term: 1, from: "SDS", to: "QX"),
        .linkExtra(term: 1, from: "SDS", to: "QX"),
        .staysUnsorted(term: 1),
        .stayDuplicate(term: 1, person: "SDS-01", site: "QX"),
        .unknownPerson(term: 1, person: "X-9"),
        .unknownSite(term: 1, site: "NOPE"),
        .stayDates(term: 1, person: "SDS-01", site: "QX", arrive: d1, leave: d2, expectedArrive: d1, expectedLeave: d2.addingDays(3)),
        .visitsUnexpected(term: 1),
        .visitsMissing(term: 1),
        .visitsUnsorted(term: 1),
        .visitPeopleUnsorted(term: 1, date: d1, site: "QX"),
        .visitOutsideTerm(term: 1, date: d1, site: "QX"),
    ]

    func testEveryCaseHasASample() {
        let codes = Self.samples.map(\.code)
        XCTAssertEqual(Set(codes).count, codes.count, "one sample per case")
        XCTAssertEqual(codes.count, 69)
    }

    func testChineseAndEnglishDifferAndAreNotEmpty() {
        for m in Self.samples {
            let en = m.render(.en)
            let zh = m.render(.zh)
            XCTAssertFalse(en.isEmpty, m.code)
            XCTAssertFalse(zh.isEmpty, m.code)
            XCTAssertNotEqual(en, zh, m.code)
            XCTAssertTrue(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(m.code): \(zh)")
        }
    }

    func testMessagesNameTermSiteAndPeople() {
        let m = CheckMessage.understaffed(
            term: 2, site: Self.qx, required: 2, shortfalls: [CoverageShortfall(present: 1, days: Self.range)])
        XCTAssertEqual(m.render(.en), "term 2, site QX (泉兴矿): 1 of 2 people present on 2023-03-01..2023-08-19")
        XCTAssertEqual(m.render(.zh), "第2轮，驻点企业 QX（泉兴矿）：2023-03-01..2023-08-19 在岗驻点人员 1 人，应不少于 2 人（出现空岗）")
        let v = Violation(kind: .rule(.coverage), term: 2, site: "QX", message: m)
        XCTAssertEqual(v.render(.en), "coverage: term 2, site QX (泉兴矿): 1 of 2 people present on 2023-03-01..2023-08-19")
        XCTAssertTrue(CheckMessage.overlap(term: 2, person: Self.wang, site: Self.qx, otherTerm: 1, otherSite: Self.sds, days: Self.range).render(.zh).contains("王强"))
        XCTAssertEqual(CheckMessage.objectiveMismatch(stated: 412.6, recomputed: 410).render(.en), "objective 412.6 differs from 410 recomputed from the roster")
    }

    func testDatesNoRosterCouldHoldStillRender() {
        let far = CivilDate(dayNumber: Int.max)
        let m = CheckMessage.stayDates(term: 1, person: "A", site: "B", arrive: far, leave: CivilDate(dayNumber: Int.min), expectedArrive: Self.d1, expectedLeave: Self.d2)
        XCTAssertTrue(m.render(.en).contains("day \(Int.max)"))
        XCTAssertFalse(CheckMessage.visitGap(term: 1, site: Self.qx, previous: far, date: CivilDate(dayNumber: Int.min), minGap: 7).render(.zh).isEmpty)
    }
}
