import Foundation
import XCTest
import ZhudianCore
import ZhudianScenario

/// `zhudian next` end to end: the 2023 scenario from the notice's plan (kept in Scenarios/ as
/// the golden result), a chain of half-years planned and checked at every step, refusals.
final class NextCommandTests: XCTestCase {
    private let name2023 = "台儿庄区非煤矿山驻点监督 2023上半年"

    private func next2023(into folder: URL) -> (CLIResult, URL) {
        let out = folder.appendingPathComponent("2023.yaml")
        let r = zhudian([
            "next", Paths.scenario("taierzhuang-2022.yaml"), Paths.scenario("taierzhuang-2022-notice.json"),
            "--set", "rules.structure=ring", "--set", "name=\(name2023)", "-o", out.path,
        ])
        return (r, out)
    }

    private func plan(_ scenario: URL, into folder: URL, _ extra: [String] = []) throws -> Roster {
        let r = zhudian(["plan", scenario.path, "-o", folder.path] + extra)
        XCTAssertEqual(r.code, 0, describe(r))
        let check = zhudian(["check", scenario.path, folder.appendingPathComponent("roster.json").path])
        XCTAssertEqual(check.code, 0, describe(check))
        return try RosterFile.read(path: folder.appendingPathComponent("roster.json").path).roster
    }

    /// The demo's command writes exactly `Scenarios/taierzhuang-2023.yaml` (re-record with
    /// ZHUDIAN_RECORD=1, which fails the test so a new baseline is reviewed).
    func testTheNoticesRosterGivesThe2023Scenario() throws {
        let (r, out) = next2023(into: try temporaryDirectory())
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(r.errorLines.first, "wrote \(out.path)")
        let actual = try Data(contentsOf: out)
        let golden = URL(fileURLWithPath: Paths.scenario("taierzhuang-2023.yaml"))
        if GoldenFile.recording {
            try actual.write(to: golden)
            return XCTFail("recorded \(golden.path); review it, then run again without ZHUDIAN_RECORD")
        }
        XCTAssertEqual(actual, try Data(contentsOf: golden), "next's output differs from Scenarios/taierzhuang-2023.yaml")
    }

    func testThe2023PlanIsOneRingThatRepeatsNoLinkOf2022AndCountsServed() throws {
        let folder = try temporaryDirectory()
        let (r, out) = next2023(into: folder)
        XCTAssertEqual(r.code, 0, describe(r))
        let notice = try RosterFile.read(path: Paths.scenario("taierzhuang-2022-notice.json")).roster
        let roster = try plan(out, into: folder.appendingPathComponent("plan"))
        let old = Set(notice.terms.flatMap(\.links))
        let new = try XCTUnwrap(roster.terms.first).links
        XCTAssertEqual(new.count, 6)
        XCTAssertTrue(Set(new).isDisjoint(with: old), "\(new) repeats a link of \(old)")
        var next = [String: String]()
        for link in new { next[link.from] = link.to }
        var seen: Set<String> = []
        var at = "SDS"
        while seen.insert(at).inserted, let to = next[at] { at = to }
        XCTAssertEqual(seen.count, 6, "the links are not one ring: \(new)")

        let s = try ScenarioLoader.load(path: out.path).scenario
        let servedIn2022 = Set(notice.terms.flatMap(\.stays).map(\.person))
        for person in s.people {
            XCTAssertEqual(person.served, servedIn2022.contains(person.id) ? 1 : 0, person.id)
        }
        XCTAssertEqual(s.calendar.start, CivilDate(iso: "2023-02-20"))
    }

    /// Three half-years after the notice: each `next` → `plan` → `check` passes, and history
    /// never holds more than the rules need.
    func testAChainOfHalfYearsStaysCorrectAndBounded() throws {
        let folder = try temporaryDirectory()
        var scenario = URL(fileURLWithPath: Paths.scenario("taierzhuang-2022.yaml"))
        var roster = URL(fileURLWithPath: Paths.scenario("taierzhuang-2022-notice.json"))
        var served = 12
        for step in 1...3 {
            let out = folder.appendingPathComponent("step\(step).yaml")
            var arguments = ["next", scenario.path, roster.path, "-o", out.path, "--set", "name=step \(step)"]
            if step == 1 { arguments += ["--set", "rules.structure=ring"] }
            let r = zhudian(arguments)
            XCTAssertEqual(r.code, 0, describe(r))
            let s = try ScenarioLoader.load(path: out.path).scenario
            XCTAssertLessThanOrEqual(s.history.count, NextScenario.historyLength(s), "step \(step)")
            XCTAssertEqual(s.history.count, min(step, NextScenario.historyLength(s)), "step \(step)")
            let starts = s.history.compactMap(\.start)
            XCTAssertEqual(starts, starts.sorted(), "step \(step)")
            XCTAssertLessThan(try XCTUnwrap(starts.last), s.calendar.start, "step \(step)")
            XCTAssertEqual(s.people.map(\.served).reduce(0, +), served, "step \(step)")
            let planFolder = folder.appendingPathComponent("plan\(step)")
            let planned = try plan(out, into: planFolder)
            served += planned.terms.flatMap(\.stays).count
            scenario = out
            roster = planFolder.appendingPathComponent("roster.json")
        }
    }

    func testWithoutOutputTheScenarioGoesToStandardOutput() throws {
        let (_, out) = next2023(into: try temporaryDirectory())
        let r = zhudian([
            "next", Paths.scenario("taierzhuang-2022.yaml"), Paths.scenario("taierzhuang-2022-notice.json"),
            "--set", "rules.structure=ring", "--set", "name=\(name2023)",
        ])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(r.standardOutput, try String(contentsOf: out, encoding: .utf8))
    }

    func testTheNameIsKeptWithANote() throws {
        let out = try temporaryDirectory().appendingPathComponent("n.yaml")
        let r = zhudian(["next", Paths.scenario("taierzhuang-2022.yaml"), Paths.scenario("taierzhuang-2022-notice.json"), "-o", out.path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertTrue(r.standardError.contains("note: the name stays `台儿庄区非煤矿山驻点监督 2022下半年`"), describe(r))
    }

    /// Every bad input: one `error:` line, exit 2, nothing written.
    func testBadInputIsOneErrorLineAndNothingWritten() throws {
        let folder = try temporaryDirectory()
        let out = folder.appendingPathComponent("n.yaml")
        let s2022 = Paths.scenario("taierzhuang-2022.yaml")
        let notice = Paths.scenario("taierzhuang-2022-notice.json")
        let cases: [([String], String, CLILanguage)] = [
            (["next", Paths.scenario("taierzhuang-2022-ring.yaml"), notice], "--force", .en),
            (["next", Paths.scenario("taierzhuang-2022-ring.yaml"), notice], "--force", .zh),
            (["next", s2022, notice, "--set", "rules.minStaf=3"], "did you mean `rules.minStaff`?", .en),
            (["next", s2022, notice, "--set", "rules.minStaf=3"], "是否应为 `rules.minStaff`", .zh),
            (["next", s2022, notice, "--set", "rules.minStaff=0"], "`rules.minStaff` is `0`", .en),
            (["next", s2022, notice, "--set", "units.SDX.minStaff=3"], "did you mean `SDS`?", .en),
            (["next", s2022, notice, "--set", "calendar.holidays=[]"], "not one value", .en),
            (["next", s2022, notice, "--set", "calendar.start=2023-03-01"], "computes this itself", .en),
            (["next", s2022, notice, "--set", "rules.minStaff"], "PATH=VALUE", .en),
            (["next", s2022, notice, "--pin-team", "2:SDS:LS"], "between 1 and 1", .en),
            (["next", s2022, notice, "--pin-person", "1:SDS-9:LS"], "no person `SDS-9`", .en),
            (["next", s2022, notice, "--forbid-unit", "SDS;LS"], "UNIT:SITE", .en),
        ]
        for (arguments, words, language) in cases {
            let r = zhudian(arguments + ["-o", out.path], language: language)
            XCTAssertEqual(r.code, 2, describe(r))
            XCTAssertEqual(r.errorLines.count, 1, describe(r))
            XCTAssertTrue(r.errorLines.first?.hasPrefix("error: ") ?? false, describe(r))
            XCTAssertTrue(r.standardError.contains(words), "expected «\(words)»\n" + describe(r))
            XCTAssertEqual(contents(of: folder), [], describe(r))
        }
        let forced = zhudian(["next", Paths.scenario("taierzhuang-2022-ring.yaml"), notice, "--force", "-o", out.path])
        XCTAssertEqual(forced.code, 0, describe(forced))
    }

    /// Pins and bans given to `plan` bind the roster, which still names the file and passes
    /// `check` against it.
    func testPlanKeepsCommandLinePinsAndBans() throws {
        let folder = try temporaryDirectory()
        let scenario = URL(fileURLWithPath: Paths.scenario("taierzhuang-2023.yaml"))
        let roster = try plan(
            scenario, into: folder.appendingPathComponent("pinned"),
            ["--pin-team", "1:SDS:LS", "--pin-person", "1:ZS-04:HTS", "--forbid-person", "QX-03:LS", "--forbid-unit", "LHS:ZS"])
        let stays = try XCTUnwrap(roster.terms.first).stays
        XCTAssertTrue(try XCTUnwrap(roster.terms.first).links.contains(Link(from: "SDS", to: "LS")))
        XCTAssertTrue(stays.contains { $0.person == "ZS-04" && $0.site == "HTS" })
        XCTAssertFalse(stays.contains { $0.person == "QX-03" && $0.site == "LS" })
        XCTAssertFalse(stays.contains { $0.person.hasPrefix("LHS-") && $0.site == "ZS" })
        XCTAssertEqual(roster.scenario.sha256, try ScenarioLoader.load(path: scenario.path).sha256)

        for bad in [["--pin-team", "1:SDS"], ["--pin-team", "2:SDS:LS"], ["--forbid-person", "QX-9:LS"]] {
            let out = folder.appendingPathComponent("bad")
            let r = zhudian(["plan", scenario.path, "-o", out.path] + bad)
            XCTAssertEqual(r.code, 2, describe(r))
            XCTAssertEqual(r.errorLines.count, 1, describe(r))
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), describe(r))
        }
    }
}

/// The transcript of `next` writing to standard output: the scenario text itself, so the
/// golden file shows every comment and field in its place.
final class NextGoldenTests: XCTestCase {
    func testNextToStandardOutput() {
        for language in CLILanguage.allCases {
            let r = zhudian(
                [
                    "next", Paths.scenario("taierzhuang-2022.yaml"), Paths.scenario("taierzhuang-2022-notice.json"),
                    "--set", "rules.structure=ring",
                ], language: language)
            XCTAssertEqual(r.code, 0, describe(r))
            assertGolden(r, language: language, named: "next-taierzhuang-2022.\(language.rawValue).txt")
        }
    }
}
