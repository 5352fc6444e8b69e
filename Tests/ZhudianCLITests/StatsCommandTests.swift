import Foundation
import XCTest

/// `zhudian stats` and `export --formats worklog` end to end, and the deadlines `plan` prints.
final class StatsCommandTests: XCTestCase {
    let notice = Paths.scenario("taierzhuang-2022-notice.json")
    let scenario = Paths.scenario("taierzhuang-2022.yaml")

    static let counters = ["核查全员责任清单（人）", "指导完善规章制度（条）", "督促召开晨会（次）", "督促开展警示教育（场次）",
                           "督促开展安全培训（场次）", "督促开展应急演练（次）", "督促落实有奖举报（万元）", "督促企业奖励职工（人次）",
                           "开展安全诊断（次）", "现场监督危险作业（次）", "发现隐患（项）", "已整改（项）", "发现重大事故隐患（项）",
                           "其中已整改（项）", "提出行政处罚或问责建议（条）", "其他事项（项）"]

    func testStatsWritesBothTablesAndListsWhatIsMissing() throws {
        let dir = try temporaryDirectory()
        let path = try writeWorkLog([("2022-09-05", "QX", "SDS-01、SDS-02", "5", "0.5"), ("2022-09-13", "QX", "SDS-01", "4", "0")], in: dir)
        let r = zhudian(["stats", scenario, notice, path, "--since", "2022-09-01", "-o", dir.appendingPathComponent("out").path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(contents(of: dir.appendingPathComponent("out")), ["stats-2022-09.md", "stats-2022-09.xlsx"])
        XCTAssertTrue(r.standardOutput.hasPrefix("# 驻点监督工作情况统计 2022年9月"), describe(r))
        XCTAssertTrue(r.standardOutput.contains("| 2022年9月 | 0 | 12 | 0 | 6 | 0 | 0 | 0 | 0 | 9 |"), describe(r))
        // Six sites × five weeks of September, two of QX's logged.
        XCTAssertTrue(r.errorLines.contains("warning: 28 expected work-log row(s) from 2022-09-01 to 2022-09-30 are missing and not counted (listed in the 缺报日志 table):"), describe(r))
        XCTAssertTrue(r.errorLines.contains("  QX 2022-09-01..2022-09-04"), describe(r))
        XCTAssertFalse(r.errorLines.contains("  QX 2022-09-05..2022-09-11"), describe(r))
    }

    func testBadRowsAreRefusedWithTheirFileAndRowAndNothingIsWritten() throws {
        let dir = try temporaryDirectory()
        let path = try writeWorkLog([("2022-09-05", "QX", "SDS-01", "-2", "0"), ("2022-09-06", "QX", "SDS-01", "1", "x"),
                            ("2023-03-01", "QX", "SDS-01", "1", "0")], in: dir)
        for language in CLILanguage.allCases {
            let r = zhudian(["stats", scenario, notice, path, "-o", dir.appendingPathComponent("out").path], language: language)
            assertRefused(r, code: 2)
            XCTAssertEqual(r.errorLines.count, 4, describe(r))
            XCTAssertTrue(r.errorLines[0].hasPrefix("error: \(path):2: "), describe(r))
            XCTAssertTrue(r.errorLines[1].hasPrefix("error: \(path):3: "), describe(r))
            XCTAssertTrue(r.errorLines[2].hasPrefix("error: \(path):4: "), describe(r))
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        }
    }

    func testTheMonthAndSinceMustFit() throws {
        let dir = try temporaryDirectory()
        let path = try writeWorkLog([("2022-09-05", "QX", "SDS-01", "1", "0")], in: dir)
        assertRefused(zhudian(["stats", scenario, notice, path, "--month", "2022-9"]), code: 2)
        assertRefused(zhudian(["stats", scenario, notice, path, "--since", "2022-02-30"]), code: 2)
        let late = zhudian(["stats", scenario, notice, path, "--month", "2022-09", "--since", "2022-10-01", "-o", dir.path])
        assertRefused(late, code: 2)
        XCTAssertTrue(late.errorLines[0].contains("after the reported month's last day 2022-09-30"), describe(late))
        let empty = try writeWorkLog([], in: dir, name: "empty.csv")
        assertRefused(zhudian(["stats", scenario, notice, empty, "-o", dir.path]), code: 2)
        assertRefused(zhudian(["stats", scenario, notice, dir.appendingPathComponent("nope.csv").path]), code: 4)
    }

    /// The exported workbooks, unfilled, are read and add nothing; a filled CSV next to them counts.
    func testExportedWorkLogsAreReadBack() throws {
        let dir = try temporaryDirectory()
        let r = zhudian(["export", notice, "--scenario", scenario, "--formats", "worklog", "-o", dir.path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(r.errorLines, ["wrote \(dir.path)/worklog/ (42 work-log workbooks to fill in)"])
        let book = dir.appendingPathComponent("worklog/QX-2022-09.xlsx").path
        let csv = try writeWorkLog([("2022-09-05", "QX", "SDS-01、SDS-02", "3", "0")], in: dir)
        let s = zhudian(["stats", scenario, notice, book, csv, "--month", "2022-09", "-o", dir.path])
        XCTAssertEqual(s.code, 0, describe(s))
        XCTAssertTrue(s.standardOutput.contains("（1 条日志）"), describe(s))
    }

    func testPlanPrintsTheNextDeadlinesBeforeItsStatusLine() throws {
        let dir = try temporaryDirectory()
        let r = zhudian(["plan", scenario, "-o", dir.path, "--formats", "json", "--today", "2022-08-01"])
        XCTAssertEqual(r.code, 0, describe(r))
        let lines = r.outputLines
        let at = try XCTUnwrap(lines.firstIndex(of: "Next deadlines (from 2022-08-01):"), describe(r))
        XCTAssertEqual(Array(lines[(at + 1)...(at + 3)]), [
            "  2022-08-12  报送驻点人员名单", "  2022-08-18  驻点人员岗前培训", "  2022-08-20  第1轮驻点人员进驻",
        ])
        XCTAssertTrue(lines.last?.hasPrefix("status optimal") ?? false, describe(r))
        let zh = zhudian(["plan", scenario, "-o", dir.path, "--formats", "json"], language: .zh)
        XCTAssertTrue(zh.outputLines.contains("接下来的事项（2022-08-20 起）："), describe(zh))
        assertRefused(zhudian(["plan", scenario, "-o", dir.path, "--today", "tomorrow"]), code: 2)
    }
}

/// Work logs handed out and filled in where they were written are never overwritten.
final class WorkLogExportTests: XCTestCase {
    func testAFilledWorkLogIsNotOverwritten() throws {
        let notice = Paths.scenario("taierzhuang-2022-notice.json")
        let scenario = Paths.scenario("taierzhuang-2022.yaml")
        let dir = try temporaryDirectory()
        XCTAssertEqual(zhudian(["export", notice, "--scenario", scenario, "--formats", "worklog", "-o", dir.path]).code, 0)
        // Exporting again over blank workbooks is fine.
        XCTAssertEqual(zhudian(["export", notice, "--scenario", scenario, "--formats", "worklog", "-o", dir.path]).code, 0)
        let filled = dir.appendingPathComponent("worklog/QX-2022-09.xlsx")
        // The sample log a supervisor filled (Scenarios/worklogs/), in place of the blank one.
        try FileManager.default.removeItem(at: filled)
        try FileManager.default.copyItem(at: Paths.scenarios.appendingPathComponent("worklogs/2022-09/QX-2022-09.xlsx"), to: filled)
        let before = try Data(contentsOf: filled)
        let r = zhudian(["export", notice, "--scenario", scenario, "--formats", "worklog", "-o", dir.path])
        assertRefused(r, code: 4)
        XCTAssertTrue(r.errorLines[0].contains("QX-2022-09.xlsx has been filled in"), describe(r))
        XCTAssertEqual(try Data(contentsOf: filled), before)
    }
}

/// The hand-made visiting roster of the export tests stands in for the visiting planner: it
/// must stay one that the checker accepts, and its logs add up as visits.
final class VisitingFixtureTests: XCTestCase {
    let fixtures = Paths.packageRoot.appendingPathComponent("Tests/ZhudianExportTests/Fixtures")

    func testTheCheckerAcceptsTheHandMadeVisitingRoster() {
        let r = zhudian(["check", fixtures.appendingPathComponent("visiting-chem.yaml").path,
                         fixtures.appendingPathComponent("visiting-chem.json").path])
        XCTAssertEqual(r.code, 0, describe(r))
    }

    func testVisitingStatsListTheVisitWithoutALog() throws {
        let dir = try temporaryDirectory()
        let header = (["日期", "企业编号", "人员编号"] + StatsCommandTests.counters).joined(separator: ",")
        let row = (["2023-09-05", "P1", "C1、K1"] + StatsCommandTests.counters.map { _ in "1" }).joined(separator: ",")
        let log = dir.appendingPathComponent("p1.csv")
        try Data((header + "\n" + row + "\n").utf8).write(to: log)
        let r = zhudian(["stats", fixtures.appendingPathComponent("visiting-chem.yaml").path,
                         fixtures.appendingPathComponent("visiting-chem.json").path, log.path, "--since", "2023-09-01", "-o", dir.path])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(Array(r.errorLines.prefix(3)), [
            "warning: 2 expected work-log row(s) from 2023-09-01 to 2023-09-30 are missing and not counted (listed in the 缺报日志 table):",
            "  P2 2023-09-12", "  P3 2023-09-06",
        ])
        // 附件4's month: 市级 2 人次 (C1 at P1, C2 at P3), 县级 4, 市级 2 家次, 县级 3; the log's counts.
        XCTAssertTrue(r.standardOutput.contains("| 1 | 2023年9月 | 非危险化学品化工生产企业 | 2 | 4 | 2 | 3 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 |"), describe(r))
    }
}

/// What `stats` prints, as a planner reads it, in both languages: the tables and the missing
/// weeks of a month, and a refused log.
final class StatsGoldenTests: XCTestCase {
    func testStatsTranscripts() throws {
        let scenario = Paths.scenario("taierzhuang-2022.yaml")
        let notice = Paths.scenario("taierzhuang-2022-notice.json")
        for language in CLILanguage.allCases {
            let dir = try temporaryDirectory()
            let good = try writeWorkLog([("2022-09-05", "QX", "SDS-01、SDS-02", "5", "0.5"), ("2022-09-13", "QX", "SDS-01", "4", "0"),
                                       ("2022-09-27", "LS", "LHS-01", "2", "1.25")], in: dir, name: "good.csv")
            let ok = zhudian(["stats", scenario, notice, good, "--month", "2022-09", "--since", "2022-09-01", "-o", dir.path],
                             language: language)
            XCTAssertEqual(ok.code, 0, describe(ok))
            assertGolden(Self.relative(ok, dir), language: language, named: "stats-taierzhuang-2022-09.\(language.rawValue).txt")
            let bad = try writeWorkLog([("2022-09-05", "QX", "SDS-01", "-2", "0"), ("2022-09-06", "QX", "SDS-01", "1", "x"),
                                      ("2023-03-01", "QX", "SDS-02", "1", "0"), ("2022-09-07", "QX", "ZS-01", "1", "0"),
                                      ("2022-09-07", "QX", "SDS-01", "1", "0"), ("2022-09-07", "QX", "SDS-02", "1", "0")],
                                     in: dir, name: "bad.csv")
            let refused = zhudian(["stats", scenario, notice, bad, "-o", dir.path], language: language)
            XCTAssertEqual(refused.code, 2, describe(refused))
            assertGolden(Self.relative(refused, dir), language: language, named: "stats-refused.\(language.rawValue).txt")
        }
    }

    /// The run with the temporary folder written as `TMP`.
    static func relative(_ r: CLIResult, _ dir: URL) -> CLIResult {
        let f = { (s: String) in s.replacingOccurrences(of: dir.path, with: "TMP") }
        return CLIResult(arguments: r.arguments.map(f), code: r.code, standardOutput: f(r.standardOutput), standardError: f(r.standardError))
    }
}

extension XCTestCase {
    /// A CSV log: date, site, people, then the morning meetings count and the money.
    func writeWorkLog(_ rows: [(String, String, String, String, String)], in dir: URL, name: String = "log.csv") throws -> String {
        var lines = [(["日期", "企业编号", "人员编号"] + StatsCommandTests.counters + ["驻点监督任务开展情况"]).joined(separator: ",")]
        for (d, site, people, meetings, money) in rows {
            let counts = StatsCommandTests.counters.map { $0 == "督促召开晨会（次）" ? meetings : $0 == "督促落实有奖举报（万元）" ? money : "0" }
            lines.append(([d, site, people] + counts + ["记录"]).joined(separator: ","))
        }
        let url = dir.appendingPathComponent(name)
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url.path
    }
}
