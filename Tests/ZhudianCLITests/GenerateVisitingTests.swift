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

/// `plan`, `whatif` and `explain` take visiting scenarios (they refused them before issue 19).
final class VisitingCommandsTests: XCTestCase {
    func testWhatIfReplansAVisitingRosterThatPassesTheChecker() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("v.yaml").path
        let g = zhudian(["generate", "--mode", "visiting", "--units", "6", "--staff", "6", "--official", "cn", "--seed", "2", "-o", path])
        XCTAssertEqual(g.code, 0, describe(g))
        let base = dir.appendingPathComponent("base").path
        XCTAssertEqual(zhudian(["plan", path, "-o", base, "--formats", "json"]).code, 0)
        let after = dir.appendingPathComponent("after").path
        let w = zhudian(["whatif", path, "--baseline", base + "/roster.json", "--drop-person", "O01-01", "-o", after, "--formats", "json"])
        XCTAssertEqual(w.code, 0, describe(w))
        let c = zhudian(["check", after + "/scenario.yaml", after + "/roster.json", "--baseline", base + "/roster.json"])
        XCTAssertEqual(c.code, 0, describe(c))
        XCTAssertFalse(try String(contentsOfFile: after + "/roster.json", encoding: .utf8).contains("\"O01-01\""))
    }

    func testExplainNamesTheSiteMonthAndPeople() throws {
        let path = try temporaryDirectory().appendingPathComponent("inf.yaml").path
        try """
            version: 1
            name: 两人一企不可行
            mode: visiting
            calendar: {start: 2023-10-01, termMonths: 1, terms: 1, holidays: ["2023-10-02..2023-10-06"]}
            rules: {minStaff: 2, structure: free, mutualPairs: allow, pairCooldown: 0, keepAtHome: 0}
            units:
              - {id: S1, name: 甲化工, sends: false}
              - {id: OFF, name: 应急局, kind: office, level: city}
            people:
              - {id: P1, name: 局一, unit: OFF, unavailable: [{from: 2023-10-09, to: 2023-10-31}]}
              - {id: P2, name: 局二, unit: OFF, unavailable: [{from: 2023-10-09, to: 2023-10-31}]}

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = zhudian(["explain", path])
        XCTAssertEqual(r.code, 1, describe(r))
        for part in ["visits", "S1", "2023-10", "局一", "局二"] { XCTAssertTrue(r.standardOutput.contains(part), describe(r)) }
    }
}
