import Foundation
import XCTest

/// `zhudian validate`: every example passes; bad files are refused with positions (exit 2);
/// unreadable files are a file system error (exit 4).
final class ValidateCommandTests: XCTestCase {
    func testEveryScenarioValidates() throws {
        let files = try Paths.scenarioFiles()
        XCTAssertFalse(files.isEmpty, "no Scenarios/*.yaml found at \(Paths.scenarios.path)")
        for name in files {
            for language in CLILanguage.allCases {
                let r = zhudian(["validate", Paths.scenario(name)], language: language)
                XCTAssertEqual(r.code, 0, describe(r))
                XCTAssertEqual(r.outputLines.count, 1, describe(r))
                XCTAssertTrue(r.standardOutput.hasPrefix(language == .en ? "ok: " : "通过："), describe(r))
                XCTAssertFalse(r.standardError.contains("error:"), describe(r))
            }
        }
    }

    /// The 2022 scenario with `rules.minStaff` misspelt and a person of a unit that does not exist.
    private func writeBadScenario(in dir: URL) throws -> (path: String, misspeltLine: Int, danglingLine: Int) {
        var text = try ScenarioFacts("taierzhuang-2022.yaml").text
        let rulesMinStaff = try XCTUnwrap(text.range(of: "\n  minStaff: 2\n"))
        text.replaceSubrange(rulesMinStaff, with: "\n  minStaf: 2\n")
        let person = try XCTUnwrap(text.range(of: "unit: SDS, phone: \"13806320103\""))
        text.replaceSubrange(person, with: "unit: SDX, phone: \"13806320103\"")
        let lines = text.components(separatedBy: "\n")
        let misspelt = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  minStaf:") }) + 1
        let dangling = try XCTUnwrap(lines.firstIndex { $0.contains("unit: SDX") }) + 1
        let path = dir.appendingPathComponent("bad.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, misspelt, dangling)
    }

    func testBadScenarioListsEveryProblemWithItsPosition() throws {
        let dir = try temporaryDirectory()
        let bad = try writeBadScenario(in: dir)
        for language in CLILanguage.allCases {
            let r = zhudian(["validate", bad.path], language: language)
            assertRefused(r, code: 2)
            XCTAssertEqual(r.standardOutput, "", describe(r))

            let unknown = r.errorLines.filter { $0.contains("minStaf`") || $0.contains("minStaf ") }
            XCTAssertEqual(unknown.count, 1, describe(r))
            XCTAssertTrue(unknown.first?.hasPrefix("error: \(bad.path):\(bad.misspeltLine):3: ") ?? false, describe(r))
            XCTAssertTrue(unknown.first?.contains("`minStaff`") ?? false, "no 'did you mean minStaff'\n" + describe(r))

            let dangling = r.errorLines.filter { $0.contains("SDX") }
            XCTAssertEqual(dangling.count, 1, describe(r))
            XCTAssertTrue(dangling.first?.hasPrefix("error: \(bad.path):\(bad.danglingLine):") ?? false, describe(r))
            XCTAssertTrue(dangling.first?.contains("people[2].unit") ?? false, describe(r))

            for l in r.errorLines where l.hasPrefix("error: \(bad.path)") {
                XCTAssertNotNil(
                    l.range(of: #"^error: .+:[0-9]+:[0-9]+: "#, options: .regularExpression),
                    "not FILE:LINE:COLUMN: \(l)")
            }
        }
        let zh = zhudian(["validate", bad.path], language: .zh)
        XCTAssertTrue(zh.standardError.contains("未知字段"), describe(zh))
    }

    func testYAMLSyntaxErrorIsBadInput() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("broken.yaml").path
        try "version: 1\nname: [unclosed\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = zhudian(["validate", path])
        assertRefused(r, code: 2)
        XCTAssertTrue(r.errorLines.first?.hasPrefix("error: \(path):") ?? false, describe(r))
    }

    func testMissingFileIsAFileSystemError() throws {
        let dir = try temporaryDirectory()
        let missing = dir.appendingPathComponent("nowhere.yaml").path
        for language in CLILanguage.allCases {
            let r = zhudian(["validate", missing], language: language)
            assertRefused(r, code: 4)
            XCTAssertTrue(r.standardError.contains(missing), describe(r))
            XCTAssertEqual(r.standardOutput, "", describe(r))
        }
    }

    func testFolderIsAFileSystemError() throws {
        let dir = try temporaryDirectory()
        assertRefused(zhudian(["validate", dir.path]), code: 4)
    }
}
