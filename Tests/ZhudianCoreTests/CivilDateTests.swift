import XCTest
import ZhudianCore
import ZhudianTestSupport

final class CivilDateTests: XCTestCase {
    func testMonthArithmeticClampsToTheMonthsEnd() {
        XCTAssertEqual(Fixtures.day("2022-08-31").addingMonths(6), Fixtures.day("2023-02-28"))
        XCTAssertEqual(Fixtures.day("2023-08-31").addingMonths(6), Fixtures.day("2024-02-29"))
        XCTAssertEqual(Fixtures.day("2022-08-20").addingMonths(6), Fixtures.day("2023-02-20"))
        XCTAssertEqual(Fixtures.day("2023-01-31").addingMonths(-2), Fixtures.day("2022-11-30"))
        XCTAssertEqual(Fixtures.day("2022-12-15").addingMonths(1), Fixtures.day("2023-01-15"))
    }

    func testLeapYears() {
        XCTAssertTrue(CivilDate.isLeap(2024))
        XCTAssertTrue(CivilDate.isLeap(2000))
        XCTAssertFalse(CivilDate.isLeap(1900))
        XCTAssertFalse(CivilDate.isLeap(2023))
        XCTAssertEqual(CivilDate.daysIn(year: 2024, month: 2), 29)
        XCTAssertEqual(CivilDate.daysIn(year: 2023, month: 2), 28)
        XCTAssertNotNil(CivilDate(iso: "2024-02-29"))
        XCTAssertNil(CivilDate(iso: "2023-02-29"))
    }

    func testWeekdays() {
        XCTAssertEqual(Fixtures.day("2022-08-20").weekday, 6)  // the notice's move-in day, a Saturday
        XCTAssertTrue(Fixtures.day("2022-08-20").isWeekend)
        XCTAssertEqual(Fixtures.day("1970-01-01").weekday, 4)
        XCTAssertEqual(Fixtures.day("1969-12-29").weekday, 1)
        XCTAssertEqual(Fixtures.day("2023-10-08").weekday, 7)
    }

    func testParsing() {
        XCTAssertNil(CivilDate(iso: "2023-02-30"))
        XCTAssertNil(CivilDate(iso: "2023-13-01"))
        XCTAssertNil(CivilDate(iso: "2023-1-01"))
        XCTAssertNil(CivilDate(iso: "2023/01/01"))
        XCTAssertNil(CivilDate(iso: " 2023-01-01"))
        XCTAssertNil(CivilDate(iso: "０２０２-01-01"))
        XCTAssertEqual(CivilDate(iso: "2022-08-20")?.description, "2022-08-20")
        XCTAssertEqual(Fixtures.day("2022-08-20").monthKey, "2022-08")
    }

    func testTermsFollowSection2() {
        let s = Fixtures.smallResident()
        XCTAssertEqual(s.termStart(1), Fixtures.day("2022-08-20"))
        XCTAssertEqual(s.termEnd(1), Fixtures.day("2023-02-19"))
        XCTAssertEqual(s.termStart(0), Fixtures.day("2022-02-20"))
        XCTAssertEqual(s.stayRange(term: 1, staysOn: false).to, Fixtures.day("2023-02-22"))
        XCTAssertEqual(s.stayRange(term: 1, staysOn: true).to, Fixtures.day("2023-02-19"))
        XCTAssertEqual(Fixtures.day("2022-08-20").days(to: Fixtures.day("2023-02-20")), 184)
    }
}
