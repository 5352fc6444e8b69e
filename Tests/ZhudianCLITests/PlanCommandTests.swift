import Foundation
import XCTest
import ZhudianScenario

/// `zhudian plan` and `zhudian explain` end to end: every example is solved and its roster
/// checked (STYLE habit 9), infeasible examples are explained, and nothing partial is
/// ever left on disk.
final class PlanCommandTests: XCTestCase {
    /// Scenarios with more units than this are too slow for the debug build: `make examples`
    /// (part of `make test`) plans and checks them, and every other example, with the release binary.
    static let largeUnits = 100

    private static let csvHeader: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("轮次,派出单位,驻点企业,姓名,进驻日期,撤离日期\r\n".utf8)

    /// The feasible examples, split by size.
    private func feasibleScenarios(large: Bool) throws -> [String] {
        try Paths.scenarioFiles().filter { name in
            let facts = try ScenarioFacts(name)
            guard !facts.isInfeasible else { return false }
            let units = try ScenarioLoader.load(path: Paths.scenario(name)).scenario.units.count
            return (units > Self.largeUnits) == large
        }
    }

    /// Plans `name` into a fresh folder, checks the files, then runs `check` on the roster.
    private func planAndCheck(_ name: String, timeLimit: String = "60") throws {
        let scenario = Paths.scenario(name)
        let out = try temporaryDirectory().appendingPathComponent("out")
        let started = Date()
        let r = zhudian(["plan", scenario, "-o", out.path, "--time-limit", timeLimit])
        let visiting = try ScenarioLoader.load(path: scenario).scenario.mode == .visiting
        XCTAssertEqual(r.code, 0, "\(name)\n" + describe(r))
        guard r.code == 0 else { return }
        let exports = (defaultExports + (visiting ? ["visits.csv"] : [])).sorted()
        XCTAssertEqual(contents(of: out).filter { !$0.hasPrefix("ics/") }, exports, name)
        XCTAssertTrue(
            r.outputLines.last?.hasPrefix("status optimal") ?? false || r.outputLines.last?.hasPrefix("status feasible") ?? false,
            describe(r))
        for line in r.errorLines { XCTAssertFalse(line.hasPrefix("error:"), describe(r)) }
        for word in glpkChatter { XCTAssertFalse(r.standardOutput.contains(word), "GLPK output '\(word)' in stdout\n" + describe(r)) }

        let csv = try [UInt8](Data(contentsOf: out.appendingPathComponent("roster.csv")))
        XCTAssertEqual(Array(csv.prefix(Self.csvHeader.count)), Self.csvHeader, "\(name): roster.csv does not start with BOM + header")

        let check = zhudian(["check", scenario, out.appendingPathComponent("roster.json").path])
        XCTAssertEqual(check.code, 0, "\(name)\n" + describe(check))
        print("planned and checked \(name) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
    }

    func testEveryScenarioIsPlannedAndChecked() throws {
        let names = try feasibleScenarios(large: false)
        XCTAssertTrue(names.contains("taierzhuang-2023.yaml"), "\(names)")
        for name in names { try planAndCheck(name) }
    }

    func testInfeasibleScenariosAreMarked() throws {
        let infeasible = try Paths.scenarioFiles().filter { try ScenarioFacts($0).isInfeasible }
        XCTAssertTrue(infeasible.contains("infeasible-leave.yaml"), "\(infeasible)")
    }

    func testInfeasiblePlanWritesTheExplanationOnly() throws {
        let out = try temporaryDirectory().appendingPathComponent("bad")
        let scenario = Paths.scenario("infeasible-leave.yaml")
        let r = zhudian(["plan", scenario, "-o", out.path])
        XCTAssertEqual(r.code, 1, describe(r))
        XCTAssertEqual(r.errorLines.last?.hasPrefix("error: \(scenario):"), true, describe(r))
        XCTAssertEqual(contents(of: out), ["roster.json"], "only roster.json, no roster.csv")

        let data = try Data(contentsOf: out.appendingPathComponent("roster.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let solve = try XCTUnwrap(json["solve"] as? [String: Any])
        XCTAssertEqual(solve["status"] as? String, "infeasible")
        XCTAssertTrue(solve["objective"] is NSNull)
        XCTAssertEqual((json["terms"] as? [Any])?.count, 0)
        let explanation = try XCTUnwrap(json["explanation"] as? [[String: Any]])
        XCTAssertFalse(explanation.isEmpty)
        let namesD = explanation.contains { item in
            item["unit"] as? String == "D" || (item["people"] as? [String] ?? []).contains { $0.hasPrefix("D-") }
        }
        XCTAssertTrue(namesD, "the explanation does not name unit D: \(explanation)")
        for item in explanation {
            XCTAssertFalse((item["message"] as? String ?? "").isEmpty, "\(item)")
        }
    }

    func testExplainInfeasible() {
        let rules = [
            "self", "group", "coverage", "overlap", "qualified", "unavailable", "forbid", "distance", "structure",
            "pairCooldown", "personCooldown", "maxConsecutiveTerms", "keepAtHome", "pin", "visits",
        ]
        for language in CLILanguage.allCases {
            let r = zhudian(["explain", Paths.scenario("infeasible-leave.yaml")], language: language)
            XCTAssertEqual(r.code, 1, describe(r))
            XCTAssertFalse(r.outputLines.isEmpty, describe(r))
            for line in r.outputLines {
                let rule = String(line.prefix { $0 != " " && $0 != ":" })
                XCTAssertTrue(rules.contains(rule), "not a rule line: \(line)")
            }
            let d = language == .en ? "unit D" : "丁矿"
            XCTAssertTrue(r.outputLines.contains { $0.contains(d) }, describe(r))
            XCTAssertTrue(r.errorLines.last?.hasPrefix("error:") ?? false, describe(r))
        }
    }

    func testExplainFeasible() {
        let r = zhudian(["explain", Paths.scenario("taierzhuang-2023.yaml")])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertTrue(r.standardOutput.hasPrefix("feasible:"), describe(r))
    }

    func testPlanningIsDeterministic() throws {
        let dir = try temporaryDirectory()
        var rosters: [String] = []
        for run in ["a", "b"] {
            let out = dir.appendingPathComponent(run)
            let r = zhudian(["plan", Paths.scenario("taierzhuang-2023.yaml"), "-o", out.path])
            XCTAssertEqual(r.code, 0, describe(r))
            let text = try String(contentsOf: out.appendingPathComponent("roster.json"), encoding: .utf8)
            XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.contains("\"seconds\":") }.count, 1)
            rosters.append(
                text.components(separatedBy: "\n").filter { !$0.contains("\"seconds\":") }.joined(separator: "\n"))
            let csv = try Data(contentsOf: out.appendingPathComponent("roster.csv"))
            if run == "b" {
                XCTAssertEqual(csv, try Data(contentsOf: dir.appendingPathComponent("a/roster.csv")))
            }
        }
        XCTAssertEqual(rosters[0], rosters[1])
    }

    func testBadScenarioWritesNothing() throws {
        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "version: 1\nnmae: x\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("fresh")
        let r = zhudian(["plan", bad.path, "-o", out.path, "--dump-model", dir.appendingPathComponent("model.lp").path])
        assertRefused(r, code: 2)
        XCTAssertEqual(contents(of: dir), ["bad.yaml"], "plan of a refused scenario left files behind")
    }

    func testOutputUnderARegularFileIsAFileSystemError() throws {
        let dir = try temporaryDirectory()
        let blocker = dir.appendingPathComponent("file")
        try Data("not a folder".utf8).write(to: blocker)
        let r = zhudian(["plan", Paths.scenario("taierzhuang-2023.yaml"), "-o", blocker.appendingPathComponent("out").path])
        assertRefused(r, code: 4)
        XCTAssertEqual(contents(of: dir), ["file"], "files left behind")
        XCTAssertEqual(try Data(contentsOf: blocker), Data("not a folder".utf8))
    }

    func testDumpModelWritesCPLEXLP() throws {
        let dir = try temporaryDirectory()
        let model = dir.appendingPathComponent("model.lp")
        let out = dir.appendingPathComponent("out")
        let r = zhudian(["plan", Paths.scenario("taierzhuang-2023.yaml"), "-o", out.path, "--dump-model", model.path])
        XCTAssertEqual(r.code, 0, describe(r))
        let text = try String(contentsOf: model, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("\\* Problem") || text.contains("Minimize"), String(text.prefix(200)))
        XCTAssertTrue(text.contains("End"), "the LP file is not complete")
        XCTAssertEqual(contents(of: dir).filter { !$0.hasPrefix("out/ics/") }, ["model.lp", "out"] + defaultExports.map { "out/" + $0 })
        for word in glpkChatter { XCTAssertFalse(r.standardOutput.contains(word), "GLPK output '\(word)' in stdout\n" + describe(r)) }
    }

    func testDumpModelUnderARegularFileIsAFileSystemError() throws {
        let dir = try temporaryDirectory()
        let blocker = dir.appendingPathComponent("file")
        try Data().write(to: blocker)
        let r = zhudian([
            "plan", Paths.scenario("taierzhuang-2023.yaml"), "-o", dir.appendingPathComponent("out").path,
            "--dump-model", blocker.appendingPathComponent("model.lp").path,
        ])
        assertRefused(r, code: 4)
        XCTAssertFalse(contents(of: dir).contains { $0.contains("tmp") }, "temporary files left: \(contents(of: dir))")
    }

    /// The dump goes through AtomicFile: what stands at the path is replaced only by a whole
    /// new file, never deleted first (a folder there stays, with what is in it).
    func testDumpModelNeverDeletesWhatStandsInItsWay() throws {
        let dir = try temporaryDirectory()
        let taken = dir.appendingPathComponent("model.lp")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: taken.appendingPathComponent("notes.txt"))
        let r = zhudian([
            "plan", Paths.scenario("taierzhuang-2023.yaml"), "-o", dir.appendingPathComponent("out").path,
            "--dump-model", taken.path,
        ])
        assertRefused(r, code: 4)
        XCTAssertEqual(try Data(contentsOf: taken.appendingPathComponent("notes.txt")), Data("keep".utf8))
        XCTAssertFalse(contents(of: dir).contains { $0.contains("tmp") }, "temporary files left: \(contents(of: dir))")

        // An old dump is replaced by the new one.
        let model = dir.appendingPathComponent("again.lp")
        try Data("old".utf8).write(to: model)
        let again = zhudian([
            "plan", Paths.scenario("taierzhuang-2023.yaml"), "-o", dir.appendingPathComponent("out").path,
            "--dump-model", model.path,
        ])
        XCTAssertEqual(again.code, 0, describe(again))
        XCTAssertTrue(try String(contentsOf: model, encoding: .utf8).contains("End"))
    }
}
