import XCTest
import ZhudianCore
import ZhudianTestSupport

final class OfficialCalendarTests: XCTestCase {
    private func cn(_ extra: (inout CalendarSettings) -> Void = { _ in }) -> CalendarSettings {
        var c = CalendarSettings(start: Fixtures.day("2022-01-01"), official: "cn")
        extra(&c)
        return c
    }

    private func working(_ text: String, _ calendar: CalendarSettings) -> Bool {
        OfficialCalendar.isWorkingDay(Fixtures.day(text), calendar: calendar)
    }

    func testTheNationalHolidayOf2023() {
        var d = Fixtures.day("2023-09-29")
        while d <= Fixtures.day("2023-10-06") {
            XCTAssertFalse(OfficialCalendar.isWorkingDay(d, calendar: cn()), d.description)
            d = d.addingDays(1)
        }
        XCTAssertTrue(working("2023-10-07", cn()))  // Saturday, 调休
        XCTAssertTrue(working("2023-10-08", cn()))  // Sunday, 调休
        XCTAssertTrue(working("2023-09-28", cn()))
        XCTAssertFalse(working("2023-10-14", cn()))  // an ordinary Saturday
    }

    func testMakeUpDaysAndHolidaysOfEachYear() {
        for day in ["2022-01-29", "2022-10-09", "2023-06-25", "2024-02-04", "2024-02-18", "2025-04-27", "2025-10-11", "2026-01-04", "2026-02-28", "2026-09-20"] {
            XCTAssertTrue(working(day, cn()), day)
            XCTAssertFalse(working(day, CalendarSettings(start: Fixtures.day("2022-01-01"))), day)
        }
        for day in ["2022-01-31", "2022-09-12", "2023-04-05", "2024-02-16", "2024-06-10", "2025-01-01", "2025-02-03", "2025-10-08", "2026-02-23", "2026-10-07"] {
            XCTAssertFalse(working(day, cn()), day)
            XCTAssertTrue(working(day, CalendarSettings(start: Fixtures.day("2022-01-01"))), day)
        }
        // 除夕 2024 (02-09) was only recommended as a day off, not announced as one.
        XCTAssertTrue(working("2024-02-09", cn()))
    }

    func testEveryYearIsConsistent() throws {
        for year in 2022...2026 {
            let table = try XCTUnwrap(OfficialCalendar.cn(year: year))
            XCTAssertFalse(table.holidays.isEmpty)
            // Make-up days are weekend days, never holidays, and in their year.
            for d in table.workdays {
                XCTAssertTrue(d.isWeekend, "\(d) is a make-up working day on a weekday")
                XCTAssertFalse(table.holidays.contains(d))
                XCTAssertEqual(d.year, year)
            }
            XCTAssertEqual(table.holidays, table.holidays.sorted())
            XCTAssertTrue(table.holidays.allSatisfy { $0.year == year })
        }
        XCTAssertTrue(try XCTUnwrap(OfficialCalendar.cn(year: 2022)).holidays.contains(Fixtures.day("2022-12-31")))
        XCTAssertEqual(try XCTUnwrap(OfficialCalendar.cn(year: 2023)).workdays.count, 7)
        XCTAssertEqual(try XCTUnwrap(OfficialCalendar.cn(year: 2026)).workdays.count, 6)
        XCTAssertNil(OfficialCalendar.cn(year: 2021))
        XCTAssertNil(OfficialCalendar.cn(year: 2027))
        XCTAssertEqual(
            OfficialCalendar.unannouncedYears(in: DateRange(from: Fixtures.day("2026-08-01"), to: Fixtures.day("2028-01-31"))),
            [2027, 2028])
    }

    func testScenarioListsAndUnknownYears() {
        let c = cn {
            $0.holidays = [DateRange(from: Fixtures.day("2023-10-09"), to: Fixtures.day("2023-10-10"))]
            $0.workdays = [DateRange(day: Fixtures.day("2023-10-14"))]
        }
        XCTAssertFalse(working("2023-10-09", c))
        XCTAssertTrue(working("2023-10-14", c))
        // A year not announced: weekdays work, weekends do not, nothing guessed.
        XCTAssertTrue(working("2027-10-01", cn()))
        XCTAssertFalse(working("2027-10-02", cn()))
    }
}
