import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Each visiting rule on a scenario where it binds: the planner's roster keeps it (and passes the
/// checker), where a planner without the rule would break it.
final class VisitingPlannerRuleTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Plans `s`, checks the roster with the independent checker, returns its visits.
    func visits(_ s: Scenario, file: StaticString = #filePath, line: UInt = #line) -> [Visit] {
        let ref = ScenarioReference(name: s.name, sha256: String(repeating: "d", count: 64))
        let result = planner.plan(s, reference: ref)
        XCTAssertEqual(result.outcome, .optimal, "\(result.explanation.map(\.message))", file: file, line: line)
        guard let roster = result.roster else { return [] }
        let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
        XCTAssertTrue(report.passed, "\(report.violations.map { $0.render(.en) })", file: file, line: line)
        return roster.terms.flatMap { $0.visits ?? [] }
    }

    func testOnlyTheMakeUpSaturdayOfTheOfficialCalendarWorks() {
        var b = VisitingScenarioBuilder()
        b.start = "2023-10-01"
        b.official = true
        // Away every weekday of October; 10-01…10-06 are the National Day holiday, 10-07 (a
        // Saturday) and 10-08 (a Sunday) make-up working days; 10-08 is taken as leave too.
        let away = [("2023-10-02", "2023-10-06"), ("2023-10-08", "2023-10-31")]
        b.people = [("P1", away), ("P2", away)]
        XCTAssertEqual(visits(b.make()).map(\.date), [Fixtures.day("2023-10-07")])

        b.official = false
        let s = b.make()
        let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: PlanOptions(language: .en))
        XCTAssertEqual(result.outcome, .infeasible)
        XCTAssertEqual(result.explanation.map(\.rule), [.visits])
        XCTAssertEqual(result.explanation.first?.site, "S1")
        XCTAssertEqual(result.explanation.first?.people, ["P1", "P2"])
        XCTAssertTrue(result.explanation.first?.message.contains("2023-10") ?? false, "\(result.explanation)")
        XCTAssertTrue(result.roster?.explanation?.first?.message.contains("2023-10") ?? false)
    }

    func testTheNationalDayWeekPushesOctoberTwentyTwentyThreeIntoItsLastWeek() {
        var b = VisitingScenarioBuilder()
        b.start = "2023-08-01"
        b.termMonths = 3
        // Away from the make-up weekend 10-07/08 to 10-22: with the holiday 09-29…10-06, only
        // the last week of October is left (without official: cn, 10-02…10-06 would be working days).
        let away = [("2023-10-07", "2023-10-22")]
        b.people = [("P1", away), ("P2", away)]
        b.official = true
        let october = visits(b.make()).filter { $0.date.month == 10 }.map(\.date)
        XCTAssertEqual(october.count, 1)
        XCTAssertTrue(october.allSatisfy { $0 >= Fixtures.day("2023-10-23") }, "\(october)")
        b.official = false
        let plain = visits(b.make()).filter { $0.date.month == 10 }.map(\.date)
        XCTAssertTrue(plain.allSatisfy { $0 < Fixtures.day("2023-10-07") }, "\(plain)")
    }

    func testVisitsToOneSiteKeepTheGap() {
        var b = VisitingScenarioBuilder()
        b.visitsPerMonth = 2
        // The spreading rule aims S1's visits at 03-08 and 03-26, 18 days apart.
        b.gap = 20
        let days = visits(b.make()).map(\.date)
        XCTAssertEqual(days.count, 2)
        if days.count == 2 { XCTAssertGreaterThanOrEqual(days[0].days(to: days[1]), 20) }
    }

    func testAPersonMakesOneVisitADay() {
        var b = VisitingScenarioBuilder()
        // Both sites' targets are 03-08 and 03-05: without the rule both visits fall on 03-11.
        b.siteIndices = [1, 5]
        b.maxSites = 2
        let away = [("2024-03-01", "2024-03-10"), ("2024-03-13", "2024-03-31")]
        b.people = [("P1", away), ("P2", away)]
        let days = visits(b.make()).map(\.date)
        XCTAssertEqual(Set(days), [Fixtures.day("2024-03-11"), Fixtures.day("2024-03-12")])
    }

    func testNobodyCoversMoreSitesThanAllowed() {
        var b = VisitingScenarioBuilder()
        b.siteIndices = [1, 2, 3]
        b.maxSites = 2
        // P1 and P2 are close to every site, P3 and P4 far away: without the cap P1 and P2 take all three.
        b.farPeople = ["P3", "P4"]
        let s = b.make()
        let roster = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: "")).roster
        var count: [String: Int] = [:]
        for stay in roster?.terms.first?.stays ?? [] { count[stay.person, default: 0] += 1 }
        XCTAssertEqual(count.values.max(), 2, "\(count)")
        _ = visits(s)
    }

    func testNobodyVisitsOnLeave() {
        var b = VisitingScenarioBuilder()
        // S1 aims at 03-08, inside P1's leave.
        b.people = [("P1", [("2024-03-04", "2024-03-15")]), ("P2", [])]
        let days = visits(b.make()).map(\.date)
        XCTAssertEqual(days.count, 1)
        XCTAssertFalse(days.contains { (Fixtures.day("2024-03-04")...Fixtures.day("2024-03-15")).contains($0) })
    }

    func testOnlyMonthsWithAWorkingDayInTheTermNeedAVisit() {
        var b = VisitingScenarioBuilder()
        b.official = true
        // 2023-09-30 is a holiday: September has no working day inside the term, October does.
        b.start = "2023-09-30"
        XCTAssertEqual(visits(b.make()).map(\.date.month), [10])
        // 2023-08-31 is a Thursday: August's one working day inside the term needs its visit.
        b.start = "2023-08-31"
        XCTAssertEqual(visits(b.make()).map(\.date).first, Fixtures.day("2023-08-31"))
    }
}

/// Enterprise-only visiting scenarios may use ring or cycles: teams of one enterprise, rows
/// shared with the resident people model.
final class VisitingStructureTests: XCTestCase {
    func scenario(_ structure: Structure) -> Scenario {
        var units: [ZhudianCore.Unit] = []
        var people: [Person] = []
        for i in 1...4 {
            units.append(ZhudianCore.Unit(id: "E\(i)", name: "化工\(i)", location: Location(lat: 35 + 0.1 * Double(i), lon: 117)))
            for j in 1...3 { people.append(Person(id: "E\(i)-\(j)", name: "员工\(i)\(j)", unit: "E\(i)")) }
        }
        var rules = Rules()
        rules.structure = structure
        rules.minCycle = 3
        rules.keepAtHome = 1
        rules.pairCooldown = 1
        // Three people, one kept at home, a team of two: the same two serve both terms.
        rules.personCooldown = 1
        rules.maxConsecutiveTerms = 2
        rules.maxSitesPerPerson = 2
        let calendar = CalendarSettings(
            start: Fixtures.day("2024-03-01"), termMonths: 2, terms: 2, visitsPerMonth: 1, minVisitGapDays: 7)
        return Scenario(name: "企业互查", mode: .visiting, calendar: calendar, rules: rules, units: units, people: people)
    }

    func testRingAndCyclesPlanAsTeamsAndPassTheChecker() {
        for structure in [Structure.ring, .cycles] {
            let s = scenario(structure)
            let ref = ScenarioReference(name: s.name, sha256: String(repeating: "e", count: 64))
            let result = Planner(solver: GLPKSolver()).plan(s, reference: ref)
            XCTAssertEqual(result.outcome, .optimal, "\(structure)")
            guard let roster = result.roster else { continue }
            let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
            XCTAssertTrue(report.passed, "\(structure): \(report.violations.map { $0.render(.en) })")
            // One team per enterprise: four links a term, each of two people of one unit.
            XCTAssertEqual(roster.terms.map(\.links.count), [4, 4], "\(structure)")
        }
    }
}

/// `plan --best-effort` on an infeasible visiting scenario: the team is still assigned (leave does
/// not bar it), the month without a possible visit is the one break, and the checker agrees.
final class VisitingBestEffortTests: XCTestCase {
    func testAMonthWithoutAPossibleVisitIsTheOnlyBreak() {
        var b = VisitingScenarioBuilder()
        b.start = "2023-10-01"
        b.termMonths = 2
        let away = [("2023-10-01", "2023-10-31")]
        b.people = [("P1", away), ("P2", away), ("P3", [])]
        let s = b.make()
        var options = PlanOptions(language: .en)
        options.bestEffort = true
        let ref = ScenarioReference(name: s.name, sha256: String(repeating: "f", count: 64))
        let result = Planner(solver: GLPKSolver()).plan(s, reference: ref, options: options)
        XCTAssertEqual(result.outcome, .bestEffort)
        XCTAssertEqual(result.explanation.map(\.rule), [.visits])
        XCTAssertEqual(result.explanation.first?.site, "S1")
        XCTAssertTrue(result.explanation.first?.message.contains("2023-10") ?? false, "\(result.explanation)")
        guard let roster = result.roster else { return XCTFail("no roster") }
        XCTAssertEqual(roster.terms.first?.visits?.map(\.date.month), [11])
        let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
        XCTAssertTrue(report.passed, "\(report.violations.map { $0.render(.en) })")
    }
}

/// Stage 2 sends an assignment back: three people free on the same two days cannot make three
/// visits of pairs among them (each pair shares a person, so three days are needed), though
/// every count of stage 1 allows it.
final class VisitingNoGoodTests: XCTestCase {
    func scenario(withFarPerson: Bool) -> Scenario {
        var b = VisitingScenarioBuilder()
        b.siteIndices = [1, 2, 3]
        b.maxSites = 2
        let away = [("2024-03-01", "2024-03-10"), ("2024-03-13", "2024-03-31")]
        b.people = [("P1", away), ("P2", away), ("P3", away)]
        b.farPeople = withFarPerson ? ["Q1"] : []
        return b.make()
    }

    func testAnAssignmentWithoutACalendarIsCutOffAndTheNextBestPlanned() {
        let s = scenario(withFarPerson: true)
        let ref = ScenarioReference(name: s.name, sha256: String(repeating: "a", count: 64))
        let result = Planner(solver: GLPKSolver()).plan(s, reference: ref, options: PlanOptions(captureLog: true))
        XCTAssertEqual(result.outcome, .optimal)
        XCTAssertTrue(result.log.contains { $0.contains("without a calendar cut off") }, "no cut was needed")
        guard let roster = result.roster else { return XCTFail("no roster") }
        XCTAssertTrue(roster.terms.flatMap(\.stays).contains { $0.person == "Q1" })
        let report = RosterChecker(scenario: s, scenarioSHA256: ref.sha256).check(roster)
        XCTAssertTrue(report.passed, "\(report.violations.map { $0.render(.en) })")
        XCTAssertEqual(roster.solve.objective ?? .nan, BruteVisiting(s).best() ?? .nan, accuracy: 1e-6)
    }

    func testWithoutAnotherPersonTheSitesAreNamed() {
        let s = scenario(withFarPerson: false)
        XCTAssertNil(BruteVisiting(s).best())
        let result = Planner(solver: GLPKSolver()).plan(s, reference: ScenarioReference(name: s.name, sha256: ""))
        XCTAssertEqual(result.outcome, .infeasible)
        XCTAssertEqual(result.explanation.map(\.rule), [.visits, .visits, .visits])
        XCTAssertEqual(Set(result.explanation.compactMap(\.site)), ["S1", "S2", "S3"])
    }
}
