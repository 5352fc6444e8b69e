import Foundation
import XCTest
@testable import ZhudianCLI
import ZhudianCore
import ZhudianScenario

/// The summary `plan` prints for a visiting roster: a month-by-month grid of each site's
/// visit days and people, in the terminal's language. Until the visiting planner is merged
/// `plan` refuses visiting scenarios, so the summary of the hand-made roster the export
/// goldens use is compared here directly.
final class VisitSummaryTests: XCTestCase {
    static let fixtures = Paths.packageRoot.appendingPathComponent("Tests/ZhudianExportTests/Fixtures")

    func summary(_ language: Language) throws -> [String] {
        let scenario = try ScenarioLoader.load(path: Self.fixtures.appendingPathComponent("visiting-2023.yaml").path).scenario
        let roster = try RosterFile.read(path: Self.fixtures.appendingPathComponent("visiting-2023.json").path).roster
        return Summary.lines(roster, scenario, formulation: "visiting", language: language)
    }

    func testTheGridInBothLanguages() throws {
        for language in CLILanguage.allCases {
            let lines = try summary(language == .zh ? .zh : .en)
            let result = CLIResult(
                arguments: ["(plan summary of Tests/ZhudianExportTests/Fixtures/visiting-2023.json)"], code: 0,
                standardOutput: lines.joined(separator: "\n") + "\n", standardError: "")
            assertGolden(result, language: language, named: "summary-visiting-2023.\(language.rawValue).txt")
        }
    }

    /// At county size: one row per plant (30), one column per month of the half-year, and
    /// every row as wide as the header, so the columns line up on a terminal.
    func testTheCountyGridLinesUp() throws {
        let scenario = try ScenarioLoader.load(path: Paths.scenario("jining-chemical-2023.yaml")).scenario
        let roster = try RosterFile.read(path: Self.fixtures.appendingPathComponent("jining-chemical-2023-handmade.json").path).roster
        let lines = Summary.lines(roster, scenario, formulation: "visiting", language: .zh)
        XCTAssertEqual(lines.count, 1 + 1 + 30 + 1 + 1, "term, header, 30 plants, count, status")
        let header = lines[1]
        XCTAssertTrue(header.hasSuffix("2023-08  2023-09  2023-10  2023-11  2023-12  2024-01"), header)
        let lastColumn = Summary.width(header) - "2024-01".count
        for line in lines[2...32] {
            let cell = line.split(separator: " ").last.map(String.init) ?? ""
            XCTAssertEqual(Summary.width(line) - cell.count, lastColumn, "misaligned: \(line)")
        }
    }

    /// Each site's row holds the day of each month's visit: 甲化工 on September 5 and on the
    /// make-up Saturday October 7; the last row counts the month's visits.
    func testEachCellIsTheMonthsVisitDays() throws {
        let lines = try summary(.zh)
        let site = try XCTUnwrap(lines.first { $0.hasPrefix("  甲化工") })
        XCTAssertEqual(site.split(separator: " ").map(String.init), ["甲化工", "周建国、郑志强", "5", "7"])
        XCTAssertEqual(lines.first { $0.hasPrefix("  走访次数") }?.split(separator: " ").map(String.init), ["走访次数", "3", "3"])
        XCTAssertTrue(lines[1].contains("2023-09") && lines[1].contains("2023-10"), lines[1])
        XCTAssertFalse(lines.contains { $0.contains("→") }, "no link chains in visiting mode")
    }
}
