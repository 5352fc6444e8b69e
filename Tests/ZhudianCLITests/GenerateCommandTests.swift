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
}
