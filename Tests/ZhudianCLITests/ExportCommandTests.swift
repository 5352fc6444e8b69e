import Foundation
import XCTest

/// `zhudian export` and `plan --formats` end to end: which files appear, which go, and
/// what is refused.
final class ExportCommandTests: XCTestCase {
    let notice = Paths.scenario("taierzhuang-2022-notice.json")
    let scenario = Paths.scenario("taierzhuang-2022.yaml")
    let every = ["forms.html", "forms.xlsx", "ics", "report.html", "roster.csv", "roster.md", "roster.xlsx"]

    func testExportWritesEveryFormatAndOneLinePerFile() throws {
        let out = try temporaryDirectory().appendingPathComponent("out")
        let r = zhudian(["export", notice, "--scenario", scenario, "--formats", "csv,xlsx,ics,html,md,forms", "-o", out.path])
        XCTAssertEqual(r.code, 0, describe(r))
        let files = contents(of: out)
        XCTAssertEqual(files.filter { !$0.hasPrefix("ics/") }, every)
        XCTAssertEqual(files.filter { $0.hasPrefix("ics/person-") }.count, 12)
        XCTAssertEqual(files.filter { $0.hasPrefix("ics/site-") }.count, 6)
        XCTAssertEqual(r.errorLines.count, 7, "one line per file, one for all the calendars\n" + describe(r))
        XCTAssertEqual(r.standardOutput, "")
    }

    /// Exports of formats not asked for this time describe another roster: they go.
    func testExportRemovesStaleFormatsButNotOtherFiles() throws {
        let out = try temporaryDirectory().appendingPathComponent("out")
        XCTAssertEqual(zhudian(["export", notice, "--scenario", scenario, "--formats", "csv,xlsx,ics,html,md,forms", "-o", out.path]).code, 0)
        try Data("mine".utf8).write(to: out.appendingPathComponent("ics/notes.txt"))
        try Data("stale".utf8).write(to: out.appendingPathComponent("ics/person-GONE.ics"))
        let r = zhudian(["export", notice, "--scenario", scenario, "--formats", "md", "-o", out.path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(contents(of: out), ["ics", "ics/notes.txt", "roster.md"])
    }

    /// visits.csv is a default export, written for a visiting roster only; asked away, it goes.
    func testVisitsCSVByDefaultForAVisitingRoster() throws {
        let fixtures = Paths.packageRoot.appendingPathComponent("Tests/ZhudianExportTests/Fixtures")
        let roster = fixtures.appendingPathComponent("visiting-2023.json").path
        let visiting = fixtures.appendingPathComponent("visiting-2023.yaml").path
        let out = try temporaryDirectory().appendingPathComponent("out")
        let r = zhudian(["export", roster, "--scenario", visiting, "-o", out.path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(contents(of: out).filter { !$0.hasPrefix("ics/") }, ["ics", "report.html", "roster.csv", "roster.xlsx", "visits.csv"])
        XCTAssertTrue(r.standardError.contains("visits.csv"), describe(r))
        XCTAssertEqual(zhudian(["export", roster, "--scenario", visiting, "--formats", "csv", "-o", out.path]).code, 0)
        XCTAssertEqual(contents(of: out), ["roster.csv"])
        let resident = try temporaryDirectory().appendingPathComponent("resident")
        XCTAssertEqual(zhudian(["export", notice, "--scenario", scenario, "-o", resident.path]).code, 0)
        XCTAssertFalse(contents(of: resident).contains("visits.csv"))
    }

    func testExportNextToTheRosterByDefault() throws {
        let dir = try temporaryDirectory()
        let roster = dir.appendingPathComponent("roster.json")
        try FileManager.default.copyItem(atPath: notice, toPath: roster.path)
        let r = zhudian(["export", roster.path, "--scenario", scenario, "--formats", "xlsx"])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(contents(of: dir), ["roster.json", "roster.xlsx"])
    }

    func testUnknownFormatIsABadCommandLine() throws {
        let dir = try temporaryDirectory()
        let r = zhudian(["export", notice, "--scenario", scenario, "--formats", "pdf", "-o", dir.path], language: .zh)
        assertRefused(r, code: 2)
        XCTAssertTrue(r.standardError.contains("pdf"), describe(r))
        let plan = zhudian(["plan", scenario, "--formats", "json,docx", "-o", dir.path])
        assertRefused(plan, code: 2)
        XCTAssertEqual(contents(of: dir), [])
    }

    func testAnInfeasibleRosterHasNothingToExport() throws {
        let dir = try temporaryDirectory()
        let plan = zhudian(["plan", Paths.scenario("infeasible-leave.yaml"), "-o", dir.path])
        XCTAssertEqual(plan.code, 1, describe(plan))
        let out = dir.appendingPathComponent("out")
        let r = zhudian(["export", dir.appendingPathComponent("roster.json").path, "--scenario", Paths.scenario("infeasible-leave.yaml"), "-o", out.path])
        assertRefused(r, code: 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testAnotherScenarioVersionIsAWarningNotARefusal() throws {
        let out = try temporaryDirectory().appendingPathComponent("out")
        let r = zhudian(["export", notice, "--scenario", Paths.scenario("taierzhuang-2022-ring.yaml"), "--formats", "md", "-o", out.path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertTrue(r.errorLines.first?.hasPrefix("warning:") ?? false, describe(r))
    }

    func testOutputUnderARegularFileWritesNothing() throws {
        let dir = try temporaryDirectory()
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let r = zhudian(["export", notice, "--scenario", scenario, "-o", blocker.appendingPathComponent("out").path])
        assertRefused(r, code: 4)
        XCTAssertEqual(contents(of: dir), ["file"])
    }

    /// `plan --formats` with every format writes what `export` writes, byte for byte.
    func testPlanWritesTheSameExportsAsExport() throws {
        let dir = try temporaryDirectory()
        let planned = dir.appendingPathComponent("plan")
        let p = zhudian(["plan", Paths.scenario("taierzhuang-2023.yaml"), "--formats", "json,csv,xlsx,ics,html,md,forms", "-o", planned.path])
        XCTAssertEqual(p.code, 0, describe(p))
        let exported = dir.appendingPathComponent("export")
        let e = zhudian(["export", planned.appendingPathComponent("roster.json").path, "--scenario", Paths.scenario("taierzhuang-2023.yaml"),
                         "--formats", "csv,xlsx,ics,html,md,forms", "-o", exported.path])
        XCTAssertEqual(e.code, 0, describe(e))
        let files = contents(of: exported).filter { $0 != "ics" }
        XCTAssertEqual(contents(of: planned).filter { $0 != "ics" && $0 != "roster.json" }, files)
        for f in files {
            XCTAssertEqual(try Data(contentsOf: planned.appendingPathComponent(f)), try Data(contentsOf: exported.appendingPathComponent(f)), f)
        }
    }
}
