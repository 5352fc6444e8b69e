import XCTest
import ZhudianCore
import ZhudianTestSupport

/// The bureau's dated tasks: report deadlines on the right day of 31-, 30-, 29- and 28-day
/// months, `reportDue` overriding, move-ins and handovers of every term, quarterly evaluations.
final class BureauTasksTests: XCTestCase {
    func day(_ s: String) -> CivilDate { Fixtures.day(s) }

    func calendar(reportDay: Int?, reportDue: [String: CivilDate] = [:]) -> CalendarSettings {
        CalendarSettings(start: day("2022-08-20"), reportDay: reportDay, reportDue: reportDue)
    }

    func testAReportDayPastTheMonthsEndFallsOnItsLastDay() {
        let c = calendar(reportDay: 31)
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2022, month: 8, calendar: c), day("2022-08-31"))
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2022, month: 9, calendar: c), day("2022-09-30"))
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2023, month: 2, calendar: c), day("2023-02-28"))
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2024, month: 2, calendar: c), day("2024-02-29"))
        let thirty = calendar(reportDay: 30)
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2023, month: 2, calendar: thirty), day("2023-02-28"))
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2023, month: 1, calendar: thirty), day("2023-01-30"))
    }

    /// Notice 002: the report is due by the 30th, October's by 26 September.
    func testReportDueOverridesTheMonthsDay() {
        let c = calendar(reportDay: 30, reportDue: ["2023-10": day("2023-09-26")])
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2023, month: 10, calendar: c), day("2023-09-26"))
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2023, month: 11, calendar: c), day("2023-11-30"))
        let onlyDue = calendar(reportDay: nil, reportDue: ["2023-10": day("2023-09-26")])
        XCTAssertEqual(BureauTasks.reportDeadline(year: 2023, month: 10, calendar: onlyDue), day("2023-09-26"))
        XCTAssertNil(BureauTasks.reportDeadline(year: 2023, month: 11, calendar: onlyDue))
    }

    func scenario(mode: Mode = .resident, handoverDays: Int = 3, reportDay: Int? = 31) -> Scenario {
        Scenario(
            name: "t", mode: mode,
            calendar: CalendarSettings(
                start: day("2022-08-20"), termMonths: 6, terms: 2, handoverDays: handoverDays,
                events: [CalendarEvent(date: day("2022-08-12"), title: "报送驻点人员名单")], reportDay: reportDay),
            units: [], people: [])
    }

    func terms(_ s: Scenario) -> [DateRange] { s.termNumbers.map { s.termRange($0) } }

    func testEveryTaskOfATwoTermResidentPlan() {
        let s = scenario()
        let tasks = BureauTasks.tasks(s, terms: terms(s))
        func days(_ kind: BureauTask.Kind) -> [String] { tasks.filter { $0.kind == kind }.map { "\($0.range)" } }
        XCTAssertEqual(days(.event), ["2022-08-12"])
        XCTAssertEqual(days(.moveIn), ["2022-08-20", "2023-02-20"])
        // Term 2's incoming people share the site with term 1's for handoverDays = 3 days.
        XCTAssertEqual(days(.handover), ["2023-02-20..2023-02-22"])
        XCTAssertEqual(days(.departure), ["2023-08-22"])
        XCTAssertEqual(days(.report), [
            "2022-08-31", "2022-09-30", "2022-10-31", "2022-11-30", "2022-12-31", "2023-01-31", "2023-02-28",
            "2023-03-31", "2023-04-30", "2023-05-31", "2023-06-30", "2023-07-31", "2023-08-31",
        ])
        // Quarter ends inside 2022-08-20 … 2023-08-19 only.
        XCTAssertEqual(days(.evaluation), ["2022-09-30", "2022-12-31", "2023-03-31", "2023-06-30"])
        XCTAssertEqual(tasks.map(\.range.from), tasks.map(\.range.from).sorted(), "tasks are in date order")
        // On one day, the report comes before the evaluation (kind order).
        let sameDay = tasks.filter { $0.range.from == day("2022-09-30") }.map(\.kind)
        XCTAssertEqual(sameDay, [.report, .evaluation])
    }

    func testWithoutReportDayThereAreNoReportDeadlines() {
        let s = scenario(reportDay: nil)
        XCTAssertTrue(BureauTasks.tasks(s, terms: terms(s)).allSatisfy { $0.kind != .report })
    }

    func testVisitingTermsHaveNoHandoverNorDeparture() {
        let s = scenario(mode: .visiting)
        let kinds = Set(BureauTasks.tasks(s, terms: terms(s)).map(\.kind))
        XCTAssertEqual(kinds, [.event, .moveIn, .report, .evaluation])
    }

    func testTermOneHandsOverOnlyFromAHistoryTerm() {
        var s = scenario()
        XCTAssertFalse(BureauTasks.tasks(s, terms: terms(s)).contains { $0.kind == .handover && $0.range.from == day("2022-08-20") })
        s.history = [HistoryTerm(start: day("2022-02-20"), stays: [])]
        XCTAssertTrue(BureauTasks.tasks(s, terms: terms(s)).contains { $0.kind == .handover && $0.range == DateRange(from: day("2022-08-20"), to: day("2022-08-22")) })
    }

    func testUpcomingTakesTheNextTasksOnOrAfterTheDay() {
        let s = scenario()
        let tasks = BureauTasks.tasks(s, terms: terms(s))
        let next = BureauTasks.upcoming(tasks, from: day("2022-09-30"), count: 3)
        XCTAssertEqual(next.map { "\($0.range.from) \($0.kind.rawValue)" },
                       ["2022-09-30 report", "2022-09-30 evaluation", "2022-10-31 report"])
        XCTAssertTrue(BureauTasks.upcoming(tasks, from: day("2030-01-01"), count: 3).isEmpty)
    }
}
