import Foundation
import XCTest

/// `zhudian generate --mode visiting`: a visiting scenario that validates, plans and checks, the
/// same for a seed.
final class GenerateVisitingTests: XCTestCase {
    func testAVisitingScenarioValidatesPlansAndChecks() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("v.yaml").path
        let g = zhudian(["generate", "--mode", "visiting", "--units", "10", "--offices", "3", "--staff", "8", "--terms", "2",
                         "--term-months", "2", "--official", "cn", "--seed", "4", "-o", path])
        XCTAssertEqual(g.code, 0, describe(g))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for expected in ["mode: \"visiting\"", "level: \"city\"", "level: \"county\"", "official: \"cn\"", "structure: \"free\"",
                         "pairCooldown: 0", "keepAtHome: 0"] {
            XCTAssertTrue(text.contains(expected), "\(expected) missing")
        }
        // Bureau staff visit; enterprises only receive unless --enterprises-send.
        let enterprises = text.split(separator: "\n").filter { $0.contains("kind: \"enterprise\"") }
        XCTAssertEqual(enterprises.count, 10)
        XCTAssertTrue(enterprises.allSatisfy { $0.contains("sends: false") })
        let out = dir.appendingPathComponent("out").path
        let p = zhudian(["plan", path, "-o", out, "--formats", "json"])
        XCTAssertEqual(p.code, 0, describe(p))
        let c = zhudian(["check", path, out + "/roster.json"])
        XCTAssertEqual(c.code, 0, describe(c))
    }

    func testSameSeedSameVisitingText() {
        let args = ["generate", "--mode", "visiting", "--units", "12", "--seed", "9"]
        let a = zhudian(args)
        XCTAssertEqual(a.code, 0, describe(a))
        XCTAssertEqual(a.standardOutput, zhudian(args).standardOutput)
        XCTAssertNotEqual(a.standardOutput, zhudian(args.dropLast() + ["10"]).standardOutput)
    }

    func testAnUnknownModeIsRefused() {
        let r = zhudian(["generate", "--mode", "roaming", "--units", "5"])
        XCTAssertEqual(r.code, 2, describe(r))
    }
}
