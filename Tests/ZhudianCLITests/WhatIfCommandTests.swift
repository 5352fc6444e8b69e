import Foundation
import XCTest
import ZhudianCore
import ZhudianScenario

/// `zhudian whatif` end to end on the six mines of 2023 and the county example: the README's
/// three what-ifs, their outputs accepted by `check --baseline`, `--from`, and refusals.
final class WhatIfCommandTests: XCTestCase {
    private let scenario2023 = Paths.scenario("taierzhuang-2023.yaml")

    /// Plans `scenario` into `folder/base` and returns the roster's path.
    private func baseline(_ scenario: String, in folder: URL) -> String {
        let base = folder.appendingPathComponent("base")
        let r = zhudian(["plan", scenario, "-o", base.path, "--quiet"])
        XCTAssertEqual(r.code, 0, describe(r))
        return base.appendingPathComponent("roster.json").path
    }

    /// Runs a what-if into `folder/name`, checks its files and that `check --baseline` accepts them.
    @discardableResult
    private func whatIf(
        _ scenario: String, _ baseline: String, _ changes: [String], into folder: URL, language: CLILanguage = .en,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (CLIResult, Roster) {
        let r = zhudian(["whatif", scenario, "--baseline", baseline] + changes + ["-o", folder.path], language: language)
        XCTAssertEqual(r.code, 0, describe(r), file: file, line: line)
        // The effective scenario, the roster, plan's default exports and the diff.
        let written = Set(contents(of: folder))
        XCTAssertTrue(
            written.isSuperset(of: ["diff.json", "diff.md", "roster.csv", "roster.json", "roster.xlsx", "report.html", "scenario.yaml"]),
            "\(written.sorted())", file: file, line: line)
        let effective = folder.appendingPathComponent("scenario.yaml").path
        let rosterPath = folder.appendingPathComponent("roster.json").path
        let check = zhudian(["check", effective, rosterPath, "--baseline", baseline])
        XCTAssertEqual(check.code, 0, describe(check), file: file, line: line)
        let roster = try RosterFile.read(path: rosterPath).roster
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: effective)))
        XCTAssertEqual(roster.scenario.sha256, ScenarioLoader.sha256Hex(bytes), file: file, line: line)
        return (r, roster)
    }

    private func placed(_ roster: Roster, term: Int? = nil) -> Set<String> {
        Set(roster.terms.filter { term == nil || $0.term == term }.flatMap(\.stays).map(\.person))
    }

    /// The README's three what-ifs: a person leaves, a mine closes, a site's minStaff rises to 3.
    func testTheReadmesThreeWhatIfs() throws {
        let folder = try temporaryDirectory()
        let basePath = baseline(scenario2023, in: folder)
        let base = try RosterFile.read(path: basePath).roster
        let someone = try XCTUnwrap(base.terms.first?.stays.first?.person)

        let (left, afterLeaving) = try whatIf(scenario2023, basePath, ["--drop-person", someone], into: folder.appendingPathComponent("left"))
        XCTAssertFalse(placed(afterLeaving).contains(someone))
        // One person replaced by a colleague of the same unit: the ring stays.
        XCTAssertEqual(Set(afterLeaving.terms[0].links), Set(base.terms[0].links), describe(left))
        XCTAssertTrue(left.outputLines.contains { $0.hasPrefix("baseline stays kept: 11 of 12") }, describe(left))

        let (closed, afterClosing) = try whatIf(scenario2023, basePath, ["--drop-site", "LS"], into: folder.appendingPathComponent("closed"))
        XCTAssertEqual(afterClosing.terms[0].links.count, 5, describe(closed))
        XCTAssertFalse(afterClosing.terms[0].links.contains { $0.from == "LS" || $0.to == "LS" })
        XCTAssertFalse(closed.outputLines.contains { $0.contains("uncovered") }, "a closed mine has no post to cover\n" + describe(closed))

        let (raised, afterRaising) = try whatIf(
            scenario2023, basePath, ["--set", "units.LS.minStaff=3"], into: folder.appendingPathComponent("raised"))
        XCTAssertEqual(afterRaising.terms[0].stays.filter { $0.site == "LS" }.count, 3, describe(raised))
        let text = try String(contentsOf: folder.appendingPathComponent("raised/scenario.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("minStaff: 3}"), text)
        XCTAssertTrue(text.hasPrefix("# "), "the base file's comments stay")
    }

    func testChineseUnderAChineseLocale() throws {
        let folder = try temporaryDirectory()
        let basePath = baseline(scenario2023, in: folder)
        let base = try RosterFile.read(path: basePath).roster
        let someone = try XCTUnwrap(base.terms.first?.stays.first?.person)
        let (r, _) = try whatIf(scenario2023, basePath, ["--drop-person", someone], into: folder.appendingPathComponent("w"), language: .zh)
        XCTAssertTrue(r.outputLines.contains { $0.hasPrefix("第1轮") }, describe(r))
        XCTAssertTrue(r.outputLines.contains { $0.hasPrefix("保留原排班驻点 11 / 12") }, describe(r))
        let md = try String(contentsOf: folder.appendingPathComponent("w/diff.md"), encoding: .utf8)
        XCTAssertFalse(md.isEmpty)
    }

    /// `--from 2`: term 1 stays as published; the person who leaves is not placed from term 2 on.
    func testFromKeepsEarlierTermsAsPublished() throws {
        let folder = try temporaryDirectory()
        let county = Paths.scenario("county-30.yaml")
        let basePath = baseline(county, in: folder)
        let base = try RosterFile.read(path: basePath).roster
        // Someone placed in term 2 whose unit has people to spare there (for some, leaving is
        // infeasible: their unit's other people served in term 1 — the explanation then names
        // the pins of term 1, rightly).
        let spare = placed(base, term: 2).sorted().first { id in
            zhudian(["whatif", county, "--baseline", basePath, "--drop-person", id, "--from", "2"]).code == 0
        }
        let leaving = try XCTUnwrap(spare, "nobody of term 2 can leave")
        let (_, roster) = try whatIf(county, basePath, ["--drop-person", leaving, "--from", "2"], into: folder.appendingPathComponent("w"))
        XCTAssertEqual(roster.terms[0].stays.map { [$0.person, $0.site] }, base.terms[0].stays.map { [$0.person, $0.site] })
        XCTAssertFalse(placed(roster, term: 2).contains(leaving))
        let text = try String(contentsOf: folder.appendingPathComponent("w/scenario.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("reason: whatif --drop-person"), "the leaving is an absence from term 2 on")
        XCTAssertEqual(text.components(separatedBy: "{term: 1, person:").count - 1, base.terms[0].stays.count, "term 1 is pinned")
    }

    /// Every bad change: one `error:` line, exit 2, nothing written.
    func testEveryBadChangeIsOneErrorLineAndWritesNothing() throws {
        let folder = try temporaryDirectory()
        let basePath = baseline(scenario2023, in: folder)
        let bad: [([String], String)] = [
            (["--drop-person", "SDS-1"], "did you mean `SDS-01`"),
            (["--drop-site", "LSS"], "no unit `LSS`; did you mean"),
            (["--absent", "SDS-01:2023-05-10..2023-05-01"], "ends before it starts"),
            (["--absent", "SDS-99:2023-05-01..2023-05-02"], "SDS-99"),
            (["--absent", "SDS-01:2023-13-01"], "PERSON:FROM..TO"),
            (["--absent", "SDS-01"], "PERSON:FROM..TO"),
            (["--from", "2"], "terms 1 to 1"),
            (["--from", "0"], "terms 1 to 1"),
            (["--set", "rules.minStaf=3"], "did you mean `rules.minStaff`"),
            (["--set", "units.LX.minStaff=3"], "no `LX`; did you mean"),
            (["--set", "rules.structure=rings"], "rules.structure=rings"),
            (["--change-weight=-1"], "--change-weight -1.0: give a number of 0 or more"),
            (["--pin-person", "3:SDS-01:LS"], "between 1 and 1"),
            (["--forbid-person", "SDS-01:XX"], "XX"),
        ]
        for (args, words) in bad {
            let out = folder.appendingPathComponent("out")
            let r = zhudian(["whatif", scenario2023, "--baseline", basePath] + args + ["-o", out.path])
            assertRefused(r, code: 2)
            XCTAssertEqual(r.errorLines.count, 1, describe(r))
            XCTAssertTrue(r.standardError.contains(words), "\(args): \(words)\n" + describe(r))
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(args) wrote \(out.path)")
        }
    }

    func testABaselineOfAnotherScenarioIsRefused() throws {
        let folder = try temporaryDirectory()
        let r = zhudian([
            "whatif", scenario2023, "--baseline", Paths.scenario("taierzhuang-2022-notice.json"), "--drop-person", "SDS-01",
            "-o", folder.appendingPathComponent("out").path,
        ])
        assertRefused(r, code: 2)
        XCTAssertTrue(r.standardError.contains("was not planned from"), describe(r))
        XCTAssertEqual(contents(of: folder), [])
    }

    /// A change that leaves no roster: exit 1 with the rule instances to relax, as `plan`.
    func testAChangeThatLeavesNoRosterExplainsWhy() throws {
        let folder = try temporaryDirectory()
        let basePath = baseline(scenario2023, in: folder)
        // A folder holding a feasible what-if's files: the infeasible one replaces them all.
        let out = folder.appendingPathComponent("w")
        try whatIf(scenario2023, basePath, ["--drop-person", "ZS-03"], into: out)
        let r = zhudian(["whatif", scenario2023, "--baseline", basePath, "--set", "rules.minStaff=3", "-o", out.path])
        XCTAssertEqual(r.code, 1, describe(r))
        XCTAssertEqual(contents(of: out), ["roster.json", "scenario.yaml"])
        XCTAssertEqual(try RosterFile.read(path: out.appendingPathComponent("roster.json").path).roster.solve.status, .infeasible)
        XCTAssertTrue(r.errorLines.contains { $0.hasPrefix("structure:") || $0.hasPrefix("coverage:") }, describe(r))
        XCTAssertTrue(r.errorLines.last?.hasPrefix("error:") ?? false, describe(r))
    }

    /// `--overlay` merges by the README's rule and `--add-person` appends; the result is judged.
    func testOverlayAndAddedPeopleMerge() throws {
        let folder = try temporaryDirectory()
        let basePath = baseline(scenario2023, in: folder)
        let overlay = folder.appendingPathComponent("overlay.yaml")
        try """
            # LS becomes high-risk and takes a newcomer's team
            objective: {distance: 2}
            units:
              - id: LS
                minStaff: 3
            people:
              - id: LS-09
                name: 新人
                unit: LS
            pins:
              - {term: 1, person: LS-09, site: SDS}
            """.write(to: overlay, atomically: true, encoding: .utf8)
        let person = folder.appendingPathComponent("person.yaml")
        try "id: QX-09\nname: 新人乙\nunit: QX\n".write(to: person, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("w")
        let (_, roster) = try whatIf(
            scenario2023, basePath, ["--overlay", overlay.path, "--add-person", person.path], into: out)
        XCTAssertTrue(roster.terms[0].stays.contains { $0.person == "LS-09" && $0.site == "SDS" })
        let s = try ScenarioLoader.load(path: out.appendingPathComponent("scenario.yaml").path).scenario
        XCTAssertEqual(s.objective.distance, 2)
        XCTAssertEqual(s.unit("LS")?.minStaff, 3)
        XCTAssertEqual(s.unit("LS")?.name, "山东联合王晁水泥有限公司狼山石灰岩矿", "fields not given stay")
        XCTAssertEqual(s.people.suffix(2).map(\.id), ["LS-09", "QX-09"])
    }

    /// An overlay's problems are told at their line and column in the overlay file.
    func testOverlayProblemsNameTheOverlayFile() throws {
        let folder = try temporaryDirectory()
        let basePath = baseline(scenario2023, in: folder)
        let cases: [(String, String, String)] = [
            ("rules:\n  minStaf: 3\n", "bad.yaml:2:3: unknown field `rules.minStaf`", "did you mean `minStaff`"),
            ("people:\n  - id: LS-10\n    name: 新人\n    unit: LSX\n", "bad.yaml:4:11:", "did you mean `LS`"),
            ("history: []\n", "bad.yaml:1:1:", "unknown field `history`"),
            ("rules:\n  minStaff: [\n", "bad.yaml:", "error:"),
        ]
        for (text, place, words) in cases {
            let file = folder.appendingPathComponent("bad.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out")
            let r = zhudian(["whatif", scenario2023, "--baseline", basePath, "--overlay", file.path, "-o", out.path])
            assertRefused(r, code: 2)
            XCTAssertEqual(r.errorLines.count, 1, describe(r))
            XCTAssertTrue(r.standardError.contains(place) && r.standardError.contains(words), "\(place) \(words)\n" + describe(r))
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
        let dup = folder.appendingPathComponent("dup.yaml")
        try "- {id: SDS-01, name: 重复, unit: SDS}\n".write(to: dup, atomically: true, encoding: .utf8)
        let r = zhudian(["whatif", scenario2023, "--baseline", basePath, "--add-person", dup.path])
        assertRefused(r, code: 2)
        XCTAssertTrue(r.standardError.contains("dup.yaml:1:8: person `SDS-01` is already in the scenario"), describe(r))
    }

    /// The notice's own plan, 王强 (SDS-01) leaves: golden transcripts in both languages
    /// (re-record with ZHUDIAN_RECORD=1, which fails the test so the new one is reviewed).
    func testGoldenTranscriptOfAPersonLeaving() {
        for language in CLILanguage.allCases {
            let r = zhudian(
                [
                    "whatif", Paths.scenario("taierzhuang-2022.yaml"), "--baseline",
                    Paths.scenario("taierzhuang-2022-notice.json"), "--drop-person", "SDS-01",
                ], language: language)
            XCTAssertEqual(r.code, 0, describe(r))
            assertGolden(r, language: language, named: "whatif-taierzhuang-2022-drop.\(language.rawValue).txt")
        }
    }

    /// `--best-effort`, as for plan: the roster that breaks the fewest rule instances, judged
    /// with the baseline against the effective scenario.
    func testBestEffortWhenTheChangeLeavesNoRoster() throws {
        let folder = try temporaryDirectory()
        let basePath = baseline(scenario2023, in: folder)
        let out = folder.appendingPathComponent("w")
        let r = zhudian(["whatif", scenario2023, "--baseline", basePath, "--set", "rules.minStaff=3", "--best-effort", "-o", out.path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertTrue(r.errorLines.contains { $0.hasPrefix("warning: no roster keeps every rule") }, describe(r))
        let roster = try RosterFile.read(path: out.appendingPathComponent("roster.json").path).roster
        XCTAssertEqual(roster.solve.status, .bestEffort)
        let check = zhudian(["check", out.appendingPathComponent("scenario.yaml").path, out.appendingPathComponent("roster.json").path, "--baseline", basePath])
        XCTAssertEqual(check.code, 0, describe(check))
    }
}
