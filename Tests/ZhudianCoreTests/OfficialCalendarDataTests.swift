import XCTest

@testable import ZhudianCore
import ZhudianTestSupport

/// The official calendar's data file and its two readers: the planner side's
/// (``OfficialCalendarData``) and the checker's (``JudgeOfficialDays``). A missing or malformed
/// file is an error with the file and the key, never a shorter table.
final class OfficialCalendarDataTests: XCTestCase {
    /// The file of `Sources/ZhudianCore/Calendar/`, as the package ships it.
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/ZhudianCore/Calendar/official-cn.json")

    func testTheShippedFileIsFoundAndCovers2022To2026() throws {
        let table = try OfficialCalendar.table()
        XCTAssertEqual(table.years, 2022...2026)
        XCTAssertTrue(table.path.hasSuffix("zhudian_ZhudianCore.resources/official-cn.json") || table.path.hasSuffix(".bundle/official-cn.json")
            || table.path.hasSuffix(".bundle/Contents/Resources/official-cn.json"),
            "read from \(table.path), not from the resource folder SwiftPM builds next to the tests")
        XCTAssertEqual(Data(try Data(contentsOf: URL(fileURLWithPath: table.path))), try Data(contentsOf: Self.shipped),
                       "the resource is not a copy of the source file")
        XCTAssertNil(RosterChecker.officialCalendarProblem)
    }

    /// The two readers read the same days, and the same days as the State Council's notices
    /// (spot checks in OfficialCalendarTests).
    func testBothReadersReadTheSameDays() throws {
        let table = try OfficialCalendar.table()
        let judged = try JudgeOfficialDays.loaded.get()
        XCTAssertEqual(judged.holidays, Set(table.holidays))
        XCTAssertEqual(judged.workdays, Set(table.workdays))
        XCTAssertEqual(table.holidays.count, Set(table.holidays).count)
        // 2022–2026: 7 + 7 + 8 + 5 + 6 make-up days, every one a weekend day.
        XCTAssertEqual(table.workdays.count, 33)
        XCTAssertTrue(table.workdays.allSatisfy(\.isWeekend))
    }

    func testAMissingFileIsAnErrorNamingWhereItLooked() {
        XCTAssertThrowsError(try OfficialCalendarFile.read(from: ["/nonexistent/a/official-cn.json", "/nonexistent/b/official-cn.json"])) {
            let text = "\($0)"
            XCTAssertTrue(text.contains("not found"), text)
            XCTAssertTrue(text.contains("/nonexistent/b/official-cn.json"), text)
        }
        XCTAssertTrue(OfficialCalendarFile.candidates().last?.hasSuffix("Sources/ZhudianCore/Calendar/official-cn.json") ?? false, "\(OfficialCalendarFile.candidates())")
        XCTAssertTrue(JudgeOfficialDays.searchPlaces().last?.hasSuffix("Sources/ZhudianCore/Calendar/official-cn.json") ?? false, "\(JudgeOfficialDays.searchPlaces())")
    }

    /// Each damage, read by both readers: each throws, and names the key where it has one.
    func testMalformedFilesAreErrorsForBothReaders() throws {
        let good = try String(contentsOf: Self.shipped, encoding: .utf8)
        let damages: [(String, String, String)] = [
            ("not JSON", String(good.dropLast(3)), "JSON"),
            ("a typo in a date", good.replacingOccurrences(of: "\"to\": \"2023-10-06\"", with: "\"to\": \"2023-10-6\""), "notices[1].holidays[6]"),
            ("an impossible day", good.replacingOccurrences(of: "\"date\": \"2024-02-04\"", with: "\"date\": \"2024-02-30\""), "notices[2].workdays[0]"),
            ("a reversed range", good.replacingOccurrences(of: "\"from\": \"2022-10-01\", \"to\": \"2022-10-07\"", with: "\"from\": \"2022-10-07\", \"to\": \"2022-10-01\""), "notices[0].holidays[6]"),
            ("no notices", good.replacingOccurrences(of: "\"notices\"", with: "\"notice\""), "notices"),
            ("another format", good.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"), "version 1"),
        ]
        for (what, text, key) in damages {
            XCTAssertNotEqual(text, good, "\(what): the damage did not apply")
            let bytes = Array(text.utf8)
            XCTAssertThrowsError(try OfficialCalendarData.table(path: "/x/official-cn.json", bytes: bytes), what) {
                XCTAssertTrue("\($0)".contains("/x/official-cn.json") && "\($0)".contains(key), "\(what): \($0)")
            }
            XCTAssertThrowsError(try JudgeOfficialDays.read(Data(bytes), path: "/x/official-cn.json"), what) {
                let text = ($0 as? JudgeDataProblem)?.text ?? "\($0)"
                XCTAssertTrue(text.contains("/x/official-cn.json"), "\(what): \(text)")
            }
        }
    }

    /// What the planner side checks beyond the checker: one notice a year, no day both off and on.
    func testNoticesAreYearlyAndNoDayIsBothOffAndOn() throws {
        let good = try String(contentsOf: Self.shipped, encoding: .utf8)
        let skipped = good.replacingOccurrences(of: "\"year\": 2024", with: "\"year\": 2025")
        XCTAssertThrowsError(try OfficialCalendarData.table(path: "f", bytes: Array(skipped.utf8))) {
            XCTAssertTrue("\($0)".contains("notices[2].year"), "\($0)")
        }
        let both = good.replacingOccurrences(of: "\"date\": \"2023-10-07\"", with: "\"date\": \"2023-10-06\"")
        XCTAssertThrowsError(try OfficialCalendarData.table(path: "f", bytes: Array(both.utf8))) {
            XCTAssertTrue("\($0)".contains("2023-10-06"), "\($0)")
        }
    }
}
