import XCTest
import ZhudianCore
@testable import ZhudianExport

/// `zhudian stats`' tables on hand-made filled logs, against tables computed by hand.
final class WorkLogStatsTests: XCTestCase {
    func day(_ s: String) -> CivilDate { CivilDate(iso: s) ?? CivilDate(dayNumber: 0) }

    /// Five rows on the notice's 2022 roster (all twelve people are the mines' own staff: 县级).
    static let residentLog = WorkLogTests.csv([
        ("2022-09-05", "QX", "SDS-01、SDS-02",
         [.responsibilityLists: "3", .morningMeetings: "5", .hazardsFound: "4", .hazardsRectified: "2", .rewardedReporting: "0.5"], "查晨会"),
        ("2022-09-13", "QX", "SDS-01", [.morningMeetings: "5", .hazardsFound: "1", .rewardedReporting: "0.25", .otherMatters: "1"], ""),
        ("2022-08-22", "SDS", "QX-01、QX-02", [.morningMeetings: "3", .majorHazardsFound: "1", .penaltyProposals: "1"], ""),
        ("2022-10-03", "SDS", "QX-01", [.morningMeetings: "4"], "after the month: read, checked, not counted"),
        ("2022-09-20", "ZS", "HTS-01", [:], "巡查，无异常"),
    ])

    func residentStats() throws -> (WorkLogStats, RosterFacts) {
        let facts = RosterFacts(try ExportGolden.roster("Scenarios/taierzhuang-2022-notice.json"),
                                scenario: try ExportGolden.scenario("Scenarios/taierzhuang-2022.yaml"))
        let read = WorkLogReader.read(file: "logs.csv", bytes: Self.residentLog)
        let checked = WorkLogCheck.check(read.rows, facts: facts)
        XCTAssertEqual(read.problems + checked.problems, [])
        return (WorkLogStats(facts: facts, entries: checked.entries, month: day("2022-09-01"), since: day("2022-08-20")), facts)
    }

    func testResidentTablesEqualTheHandComputedOnes() throws {
        let (stats, facts) = try residentStats()
        XCTAssertEqual(stats.monthly.rows, 3, "09-05, 09-13 and the narrative-only 09-20")
        XCTAssertEqual(stats.cumulative.rows, 4, "and 08-22; 10-03 is after the month")
        let one = StatsReport.noticeOne(stats, facts)
        // 月份 | 名 市 县 | 家 市 县 | 规章制度 责任清单 安全诊断 安全培训 晨会 警示教育 应急演练 排查隐患 奖励职工 重大隐患 处罚建议 其他
        XCTAssertEqual(one.body[0], [.text("2022年9月"), .count(0), .count(12), .count(0), .count(6),
                                     .count(0), .count(3), .count(0), .count(0), .count(10), .count(0), .count(0), .count(5),
                                     .count(0), .count(0), .count(0), .count(1)])
        XCTAssertEqual(one.body[1], [.text("累计（2022-08-20 至 2022-09-30）"), .count(0), .count(12), .count(0), .count(6),
                                     .count(0), .count(3), .count(0), .count(0), .count(13), .count(0), .count(0), .count(5),
                                     .count(0), .count(1), .count(1), .count(1)])
        let two = StatsReport.noticeTwo(stats, facts)
        // 序号 期间 行业 | 人次 市 县 | 家次 市 县 | 责任清单 规章制度 晨会 警示教育 应急演练 有奖举报 危险作业 隐患 已整改 重大 已整改
        XCTAssertEqual(two.body[0], [.count(1), .text("2022年9月"), .text("非煤矿山"), .count(0), .count(12), .count(0), .count(6),
                                     .count(3), .count(0), .count(10), .count(0), .count(0), .amount(0.75), .count(0), .count(5),
                                     .count(2), .count(0), .count(0)])
        // Resident 人次 and 家次 add the months up: August's 12 people at 6 sites, then September's.
        XCTAssertEqual(two.body[1], [.count(2), .text("累计（2022-08-20 至 2022-09-30）"), .text("非煤矿山"), .count(0), .count(24),
                                     .count(0), .count(12), .count(3), .count(0), .count(13), .count(0), .count(0), .amount(0.75),
                                     .count(0), .count(5), .count(2), .count(1), .count(0)])
    }

    func testEveryWeekWithoutALogIsListedNotCountedAsZero() throws {
        let (stats, _) = try residentStats()
        // 6 sites × (3 weeks of August from the 20th + 5 of September), less the 4 weeks logged.
        XCTAssertEqual(stats.missing.count, 6 * 8 - 4)
        let qx = stats.missing.filter { $0.site == "QX" }.map { "\($0.days)" }
        XCTAssertTrue(qx.contains("2022-09-01..2022-09-04"))
        XCTAssertFalse(qx.contains("2022-09-05..2022-09-11"))
        XCTAssertFalse(qx.contains("2022-09-12..2022-09-18"))
        XCTAssertEqual(StatsReport.missing(stats, try residentStats().1).body.count, 44)
    }

    func testVisitingCountsVisitsByLevelAndListsTheMissingVisit() throws {
        let facts = RosterFacts(try ExportGolden.roster("Tests/ZhudianExportTests/Fixtures/visiting-chem.json"),
                                scenario: try ExportGolden.scenario("Tests/ZhudianExportTests/Fixtures/visiting-chem.yaml"))
        let read = WorkLogReader.read(file: "v.csv", bytes: WorkLogTests.csv([
            ("2023-09-05", "P1", "C1、K1", [.dangerousWork: "2", .hazardsFound: "3", .hazardsRectified: "3"], ""),
            ("2023-09-12", "P2", "K1、K2", [.dangerousWork: "1", .rewardedReporting: "1.2"], ""),
        ]))
        let checked = WorkLogCheck.check(read.rows, facts: facts)
        XCTAssertEqual(read.problems + checked.problems, [])
        let stats = WorkLogStats(facts: facts, entries: checked.entries, month: day("2023-09-01"), since: day("2023-08-01"))
        // September's visits: P1 (市 C1, 县 K1), P3 (市 C2, 县 K3), P2 (县 K1, K2).
        XCTAssertEqual(stats.monthlyRoster.personTimes.city, 2)
        XCTAssertEqual(stats.monthlyRoster.personTimes.county, 4)
        XCTAssertEqual(stats.monthlyRoster.siteTimes.city, 2)
        XCTAssertEqual(stats.monthlyRoster.siteTimes.county, 3)
        XCTAssertEqual(stats.monthlyRoster.people.city, 2)
        XCTAssertEqual(stats.monthlyRoster.people.county, 3)
        XCTAssertEqual(stats.monthlyRoster.sites.city, 2)
        XCTAssertEqual(stats.monthlyRoster.sites.county, 3)
        XCTAssertEqual(stats.missing.map { "\($0.site) \($0.date)" }, ["P3 2023-09-06"])
        let two = StatsReport.noticeTwo(stats, facts)
        XCTAssertEqual(Array(two.body[0][3...]), [.count(2), .count(4), .count(2), .count(3), .count(0), .count(0), .count(0),
                                                  .count(0), .count(0), .amount(1.2), .count(3), .count(3), .count(3), .count(0), .count(0)])
    }

    func testMoneySumsShowNoBinaryFractions() {
        XCTAssertEqual(WorkLogTotals.text(0.1 + 0.2), "0.3")
        XCTAssertEqual(WorkLogTotals.text(10.75), "10.75")
        XCTAssertEqual(WorkLogTotals.text(3), "3")
    }

    func testTheStatisticsFilesMatchTheirGoldens() throws {
        let (stats, facts) = try residentStats()
        let files = try StatsReport.files(stats, facts: facts)
        XCTAssertEqual(files.map(\.path), ["stats-2022-09.xlsx", "stats-2022-09.md"])
        for f in files { assertGoldenBytes(f.bytes, named: "notice2022.\(f.path)") }
        let sheets = try XLSXReader.sheets(files[0].bytes)
        XCTAssertEqual(sheets.map(\.name), ["驻点监督工作情况统计表", "附件4 统计表", "缺报日志"])
    }
}
