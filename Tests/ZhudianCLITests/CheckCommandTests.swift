import Foundation
import XCTest

/// `zhudian check`: the notice's own plan against its scenarios, and damaged rosters.
final class CheckCommandTests: XCTestCase {
    let scenario2022 = Paths.scenario("taierzhuang-2022.yaml")
    let ring2022 = Paths.scenario("taierzhuang-2022-ring.yaml")
    let notice = Paths.scenario("taierzhuang-2022-notice.json")

    func testNoticePlanPasses() {
        for language in CLILanguage.allCases {
            let r = zhudian(["check", scenario2022, notice], language: language)
            XCTAssertEqual(r.code, 0, describe(r))
            XCTAssertEqual(r.outputLines.count, 1, describe(r))
            XCTAssertTrue(r.standardOutput.hasPrefix(language == .en ? "ok: " : "通过："), describe(r))
            XCTAssertEqual(r.standardError, "", describe(r))
        }
    }

    func testNoticePlanIsNotOneRing() {
        for language in CLILanguage.allCases {
            let r = zhudian(["check", ring2022, notice], language: language)
            XCTAssertEqual(r.code, 1, describe(r))
            let structure = r.outputLines.filter { $0.hasPrefix("structure:") }
            XCTAssertEqual(structure.count, 1, describe(r))
            for word in ["双顶山", "泉兴", "SDS", "QX"] {
                XCTAssertTrue(structure.first?.contains(word) ?? false, "the structure line does not name \(word)\n" + describe(r))
            }
            XCTAssertEqual(
                r.outputLines.last, language == .en ? "\(r.outputLines.count - 1) violation(s) found" : "发现 \(r.outputLines.count - 1) 处违反规则",
                describe(r))
        }
    }

    /// The notice's roster text with one stay (HTS-02 at ZS) cut out; the rest stays byte for byte.
    private func rosterWithoutOneStay(in dir: URL) throws -> String {
        let text = try String(contentsOfFile: notice, encoding: .utf8)
        let stay = try XCTUnwrap(
            text.range(
                of: #",\s*\{\s*"person": "HTS-02",\s*"site": "ZS",[^}]*\}"#, options: .regularExpression),
            "the notice roster no longer holds HTS-02 at ZS")
        var edited = text
        edited.removeSubrange(stay)
        let path = dir.appendingPathComponent("one-stay-less.json").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testRemovedStayBreaksCoverage() throws {
        let dir = try temporaryDirectory()
        let roster = try rosterWithoutOneStay(in: dir)
        for language in CLILanguage.allCases {
            let r = zhudian(["check", scenario2022, roster], language: language)
            XCTAssertEqual(r.code, 1, describe(r))
            let coverage = r.outputLines.filter { $0.hasPrefix("coverage:") }
            XCTAssertEqual(coverage.count, 1, describe(r))
            XCTAssertTrue(coverage.first?.contains("ZS") ?? false, describe(r))
            XCTAssertTrue(coverage.first?.contains("寨山") ?? false, describe(r))
        }
    }

    /// SPEC §4: a reader accepts a leading BOM and keys it does not know, with a note. The notice's
    /// roster as a later version might write it: a BOM, a new top-level key and a new key in `solve`.
    func testUnknownKeysAndABOMPassWithANote() throws {
        let dir = try temporaryDirectory()
        var text = try String(contentsOfFile: notice, encoding: .utf8)
        for (anchor, added) in [
            ("  \"version\": 1,\n", "  \"producer\": \"zhudian 2\",\n"),
            ("    \"status\": \"feasible\",\n", "    \"threads\": 4,\n"),
        ] {
            let at = try XCTUnwrap(text.range(of: anchor), "the notice roster no longer has \(anchor)")
            text.insert(contentsOf: added, at: at.upperBound)
        }
        let path = dir.appendingPathComponent("later.json").path
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        for language in CLILanguage.allCases {
            let r = zhudian(["check", scenario2022, path], language: language)
            XCTAssertEqual(r.code, 0, describe(r))
            XCTAssertEqual(r.outputLines.count, 1, describe(r))
            XCTAssertTrue(r.standardOutput.hasPrefix(language == .en ? "ok: " : "通过："), describe(r))
            XCTAssertEqual(
                r.errorLines,
                language == .en
                    ? [
                        "note: \(path):4:3: unknown key \"producer\" (ignored; written by a later version?)",
                        "note: \(path):11:5: unknown key \"solve.threads\" (ignored; written by a later version?)",
                    ]
                    : [
                        "note: \(path):4:3: 未知的键 \"producer\"（已忽略；可能由更新版本写入？）",
                        "note: \(path):11:5: 未知的键 \"solve.threads\"（已忽略；可能由更新版本写入？）",
                    ],
                describe(r))
        }
    }

    func testNonJSONRosterIsBadInput() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("roster.json").path
        try "轮次,派出单位\n1,SDS\n".write(toFile: path, atomically: true, encoding: .utf8)
        for roster in [path, scenario2022] {
            let r = zhudian(["check", scenario2022, roster])
            assertRefused(r, code: 2)
            XCTAssertTrue(r.errorLines.first?.hasPrefix("error: \(roster):") ?? false, describe(r))
        }
    }

    func testMissingRosterIsAFileSystemError() throws {
        let dir = try temporaryDirectory()
        let r = zhudian(["check", scenario2022, dir.appendingPathComponent("none.json").path])
        assertRefused(r, code: 4)
    }

    func testBadScenarioIsRefusedBeforeTheRoster() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("bad.yaml").path
        try "version: 1\nnmae: x\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = zhudian(["check", path, notice])
        assertRefused(r, code: 2)
        XCTAssertEqual(r.standardOutput, "", describe(r))
    }
}
