import XCTest
import ZhudianCore
@testable import ZhudianExport

/// Every format's bytes on the six mines of 台儿庄 (DOMAIN.md): the notice's own 2022 plan,
/// a planned two-term roster with handovers, and that roster with one team removed (a
/// best-effort roster with 空岗); and a hand-made visiting roster (两人一企) of three plants
/// over National Day 2023 that the checker accepts. A re-recorded golden fails the test.
final class ExportGoldenTests: XCTestCase {
    struct Case {
        let name: String
        let roster: Roster
        let scenario: Scenario
    }

    func cases() throws -> [Case] {
        let notice = Case(
            name: "notice2022", roster: try ExportGolden.roster("Scenarios/taierzhuang-2022-notice.json"),
            scenario: try ExportGolden.scenario("Scenarios/taierzhuang-2022.yaml"))
        let twoTerms = Case(
            name: "twoterms", roster: try ExportGolden.roster("Tests/ZhudianExportTests/Fixtures/taierzhuang-2terms.json"),
            scenario: try ExportGolden.scenario("Tests/ZhudianExportTests/Fixtures/taierzhuang-2terms.yaml"))
        let visiting = Case(
            name: "visiting2023", roster: try ExportGolden.roster("Tests/ZhudianExportTests/Fixtures/visiting-2023.json"),
            scenario: try ExportGolden.scenario("Tests/ZhudianExportTests/Fixtures/visiting-2023.yaml"))
        return [notice, twoTerms, Case(name: "besteffort", roster: Self.withoutOneTeam(twoTerms.roster), scenario: twoTerms.scenario),
                visiting]
    }

    /// The roster with the second term's team at the first site removed, as a best-effort
    /// roster that leaves that post empty would hold it.
    static func withoutOneTeam(_ roster: Roster) -> Roster {
        var r = roster
        r.solve.status = .bestEffort
        if r.terms.count > 1, let site = r.terms[1].stays.first?.site {
            r.terms[1].stays.removeAll { $0.site == site }
            r.terms[1].links.removeAll { $0.to == site }
        }
        return r
    }

    func testEveryFormatMatchesItsGolden() throws {
        for c in try cases() {
            for format in ExportFormat.allCases {
                let files = try format.files(c.roster, scenario: c.scenario)
                if format == .visits && c.roster.terms.allSatisfy({ $0.visits == nil }) {
                    XCTAssertTrue(files.isEmpty, "\(c.name): visits.csv for a resident roster")
                    continue
                }
                XCTAssertFalse(files.isEmpty, "\(c.name) \(format)")
                if format == .worklog {
                    // Dozens of workbooks: their paths, and the first one's bytes.
                    assertGoldenBytes(Array(files.map(\.path).joined(separator: "\n").utf8), named: "\(c.name).worklog.paths.txt")
                    assertGoldenBytes(files[0].bytes, named: "\(c.name).worklog.first.xlsx")
                } else if format == .ics {
                    // All calendars in one golden, each introduced by its path.
                    var joined: [UInt8] = []
                    for f in files { joined += Array("=== \(f.path)\r\n".utf8) + f.bytes }
                    assertGoldenBytes(joined, named: "\(c.name).ics.txt")
                } else {
                    for f in files { assertGoldenBytes(f.bytes, named: "\(c.name).\(f.path)") }
                }
            }
        }
    }

    func testTheBestEffortRosterShowsItsEmptyPost() throws {
        let c = try cases()[2]
        let facts = RosterFacts(c.roster, scenario: c.scenario)
        let gaps = facts.siteIDs.flatMap { facts.gapsBySite[$0] ?? [] }
        XCTAssertEqual(gaps.count, 1, "\(gaps)")
        let html = String(decoding: ReportHTML.bytes(c.roster, scenario: c.scenario), as: UTF8.self)
        XCTAssertTrue(html.contains("#d32f2f"), "no red 空岗 bar in the timeline")
        XCTAssertTrue(html.contains(">虎提山矿（空岗）</text>"), "the ring does not mark the site no team goes to")
        let md = String(decoding: RosterMarkdown.bytes(c.roster, scenario: c.scenario), as: UTF8.self)
        XCTAssertTrue(md.contains("## 空岗"), md)
    }
}

/// The programme's exports of a hand-made visiting roster (`zhudian check` accepts it): the
/// bureau calendar (notice 002's report due on the 30th, October's on 26 September) and the
/// work logs, one row per planned visit. The other visiting exports are the visiting
/// planner's, golden there.
final class VisitingProgrammeGoldenTests: XCTestCase {
    func testBureauCalendarAndWorkLogsMatchTheirGoldens() throws {
        let roster = try ExportGolden.roster("Tests/ZhudianExportTests/Fixtures/visiting-chem.json")
        let scenario = try ExportGolden.scenario("Tests/ZhudianExportTests/Fixtures/visiting-chem.yaml")
        let bureau = BureauCalendar.file(roster, scenario: scenario)
        XCTAssertEqual(bureau.path, "ics/bureau.ics")
        assertGoldenBytes(bureau.bytes, named: "visiting.bureau.ics")
        let logs = try WorkLogWorkbook.files(roster, scenario: scenario)
        XCTAssertEqual(logs.count, 9, "three plants, September to November")
        assertGoldenBytes(Array(logs.map(\.path).joined(separator: "\n").utf8), named: "visiting.worklog.paths.txt")
        assertGoldenBytes(logs[0].bytes, named: "visiting.worklog.first.xlsx")
    }
}
