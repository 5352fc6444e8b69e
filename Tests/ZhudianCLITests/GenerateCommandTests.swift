import Foundation
import XCTest

/// `zhudian generate`: valid, deterministic scenarios.
final class GenerateCommandTests: XCTestCase {
    func testGeneratedScenarioValidates() throws {
        let r = zhudian(["generate", "--units", "8", "--seed", "3"])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(r.standardError, "", describe(r))
        XCTAssertTrue(r.standardOutput.contains("version: 1"), describe(r))
        let path = try temporaryDirectory().appendingPathComponent("generated.yaml").path
        try r.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
        let v = zhudian(["validate", path])
        XCTAssertEqual(v.code, 0, describe(v))
        XCTAssertTrue(v.standardOutput.contains("8 units"), describe(v))
    }

    func testSameSeedSameText() {
        let a = zhudian(["generate", "--units", "8", "--seed", "3"])
        let b = zhudian(["generate", "--units", "8", "--seed", "3"])
        XCTAssertEqual(a.code, 0)
        XCTAssertEqual(a.standardOutput, b.standardOutput)
        let c = zhudian(["generate", "--units", "8", "--seed", "4"])
        XCTAssertEqual(c.code, 0)
        XCTAssertNotEqual(a.standardOutput, c.standardOutput, "the seed makes no difference")
    }

    func testOutputFileHoldsTheSameText() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("g.yaml").path
        let r = zhudian(["generate", "--units", "8", "--seed", "3", "-o", path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(r.standardOutput, "", describe(r))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let printed = zhudian(["generate", "--units", "8", "--seed", "3"]).standardOutput
        XCTAssertEqual(
            written.trimmingCharacters(in: .newlines), printed.trimmingCharacters(in: .newlines))
        XCTAssertEqual(contents(of: dir), ["g.yaml"])
    }

    func testGeneratedScenarioPlansAndChecks() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("g.yaml").path
        XCTAssertEqual(zhudian(["generate", "--units", "8", "--seed", "3", "-o", path]).code, 0)
        let out = dir.appendingPathComponent("out").path
        let plan = zhudian(["plan", path, "-o", out])
        XCTAssertEqual(plan.code, 0, describe(plan))
        let check = zhudian(["check", path, out + "/roster.json"])
        XCTAssertEqual(check.code, 0, describe(check))
    }

    /// Huge, negative and malformed numbers are one `error:` line and exit 2, never a trap or
    /// a run that looks like a hang.
    func testOutOfRangeNumbersAreRefused() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("g.yaml").path
        let cases: [[String]] = [
            ["--units", "1e300"], ["--units=-5"], ["--units", "-5"], ["--units", "0"], ["--units", "5001"],
            ["--units", "20000"], ["--units", "9223372036854775808"], ["--units", "8", "--seed=-1"],
            ["--units", "8", "--seed", "1e30"], ["--units", "8", "--seed", "18446744073709551616"],
            ["--units", "8", "--terms", "99999999999999999999"], ["--units", "8", "--terms", "0"],
            ["--units", "8", "--terms", "9"], ["--units", "8", "--history=-1"], ["--units", "8", "--history", "9"],
            ["--units", "8", "--counties", "0"], ["--units", "8", "--counties", "1001"],
            ["--units", "8", "--offices=-1"], ["--units", "8", "--offices", "100000"], ["--units", "nan"],
            ["--units", "8", "--min-cycle", "1"], ["--units", "8", "--min-cycle", "9"], ["--units", "8", "--pins=-1"],
            ["--units", "8", "--pins", "1001"], ["--units", "8", "--forbid=-1"], ["--units", "8", "--forbid", "1001"],
        ]
        for arguments in cases {
            let r = zhudian(["generate"] + arguments + ["-o", out])
            assertRefused(r, code: 2)
            XCTAssertEqual(r.standardOutput, "", describe(r))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// The peer benchmark asks for pins, forbid entries and a longer minimum cycle; the
    /// scenario has them, still validates and still has a roster that keeps every rule.
    func testPinsForbidAndMinCycleReachTheScenario() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("g.yaml").path
        let r = zhudian(["generate", "--units", "9", "--seed", "5", "--pins", "3", "--forbid", "2", "--min-cycle", "4", "-o", path])
        XCTAssertEqual(r.code, 0, describe(r))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("--min-cycle 4 --pins 3 --forbid 2"), text)
        XCTAssertTrue(text.contains("minCycle: 4"), text)
        let lines = text.split(separator: "\n")
        guard let pins = lines.firstIndex(of: "pins:"), let forbid = lines.firstIndex(of: "forbid:") else {
            return XCTFail("no pins or forbid section:\n\(text)")
        }
        XCTAssertEqual(lines[(pins + 1)...].prefix { $0.hasPrefix("  - ") }.count, 3, text)
        XCTAssertEqual(lines[(forbid + 1)...].prefix { $0.hasPrefix("  - ") }.count, 2, text)
        let out = dir.appendingPathComponent("out").path
        let plan = zhudian(["plan", path, "-o", out])
        XCTAssertEqual(plan.code, 0, describe(plan))
        XCTAssertEqual(zhudian(["check", path, out + "/roster.json"]).code, 0)
    }
}
