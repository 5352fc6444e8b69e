import Foundation
import XCTest

/// Issue 17: what `explain` prints on the infeasible example, as a planner reads it, in
/// both languages; and `plan --best-effort` on it, end to end.
final class ExplainGoldenTests: XCTestCase {
    func testExplainTranscripts() {
        for language in CLILanguage.allCases {
            let r = zhudian(["explain", Paths.scenario("infeasible-leave.yaml")], language: language)
            XCTAssertEqual(r.code, 1, describe(r))
            assertGolden(r, language: language, named: "explain-infeasible-leave.\(language.rawValue).txt")
        }
    }

    func testBestEffortWritesAnIncompleteRosterThatCheckAccepts() throws {
        for language in CLILanguage.allCases {
            let dir = try temporaryDirectory()
            let plan = zhudian(
                ["plan", Paths.scenario("infeasible-leave.yaml"), "--best-effort", "-o", dir.path], language: language)
            XCTAssertEqual(plan.code, 0, describe(plan))
            let warning = language == .en ? "warning: no roster keeps every rule" : "warning: 没有满足全部规则的排班"
            XCTAssertTrue(plan.errorLines.contains { $0.hasPrefix(warning) }, describe(plan))
            let roster = dir.appendingPathComponent("roster.json").path
            let json = try String(contentsOfFile: roster, encoding: .utf8)
            XCTAssertTrue(json.contains("\"status\": \"best-effort\""), json)
            XCTAssertTrue(json.contains("空岗"), json)
            let check = zhudian(["check", Paths.scenario("infeasible-leave.yaml"), roster], language: language)
            XCTAssertEqual(check.code, 0, describe(check))
        }
    }

    func testBestEffortOnAFeasibleScenarioIsTheOrdinaryRoster() throws {
        let dir = try temporaryDirectory()
        let plan = zhudian(["plan", Paths.scenario("taierzhuang-2023.yaml"), "--best-effort", "-o", dir.path])
        XCTAssertEqual(plan.code, 0, describe(plan))
        let json = try String(contentsOfFile: dir.appendingPathComponent("roster.json").path, encoding: .utf8)
        XCTAssertTrue(json.contains("\"status\": \"optimal\""), json)
        XCTAssertFalse(json.contains("explanation"), json)
    }
}
