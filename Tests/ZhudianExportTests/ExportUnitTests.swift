import XCTest
import ZhudianCore
import ZhudianScenario
@testable import ZhudianExport

/// The rules each hand-written format must keep, one by one.
final class ExportUnitTests: XCTestCase {
    func day(_ s: String) -> CivilDate { CivilDate(iso: s) ?? CivilDate(dayNumber: 0) }

    func testSheetNamesAreShortUniqueAndClean() {
        var names = XLSXSheetNames()
        let long = String(repeating: "长", count: 40)
        let a = names.claim(long)
        let b = names.claim(long)
        XCTAssertEqual(a.count, 31)
        XCTAssertLessThanOrEqual(b.count, 31)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(names.claim("a/b:c"), "a_b_c")
        XCTAssertEqual(names.claim("A_B_C"), "A_B_C (2)", "Excel compares sheet names ignoring case")
        XCTAssertEqual(names.claim("''"), "Sheet")
    }

    func testDatesAreExcelSerials() {
        var strings = SharedStrings()
        let xml = XLSXWorksheetXML.xml(.date(day("2022-08-20")), ref: "F2", strings: &strings)
        XCTAssertEqual(xml, "<c r=\"F2\" s=\"2\"><v>44793</v></c>")
        XCTAssertEqual(XLSXWorksheetXML.column(0), "A")
        XCTAssertEqual(XLSXWorksheetXML.column(27), "AB")
    }

    /// LibreOffice does not grow a row on opening: a wrapped checklist item needs its height.
    func testWrappedRowsGetTheirHeight() {
        var strings = SharedStrings()
        let sheet = XLSXSheet(name: "清单", rows: [[.header("主要内容")], [.text(String(repeating: "监督检查", count: 20))]], widths: [20])
        let xml = XLSXWorksheetXML.part(sheet, selected: true, strings: &strings)
        XCTAssertTrue(xml.contains("<row r=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<row r=\"2\" ht=\"153\" customHeight=\"1\">"), xml)
    }

    func testSharedStringsKeepOneCopyOfEachText() {
        var strings = SharedStrings()
        XCTAssertEqual(strings.index("王强"), 0)
        XCTAssertEqual(strings.index("李建国"), 1)
        XCTAssertEqual(strings.index("王强"), 0)
        XCTAssertTrue(strings.part.contains("count=\"3\" uniqueCount=\"2\""), strings.part)
    }

    func testMarkupEscapesAndDropsControlCharacters() {
        XCTAssertEqual(Markup.escape("<script>&\"'\u{1}x"), "&lt;script&gt;&amp;&quot;&apos;x")
        XCTAssertEqual(Markup.width("王a"), 3)
    }

    /// The fast path (no special byte) returns the text as is; every special is escaped,
    /// CR LF as one line break.
    func testCalendarTextEscapesSpecialsAndPassesPlainTextThrough() {
        XCTAssertEqual(ICSWriter.escape("驻点监督 王明 E001"), "驻点监督 王明 E001")
        XCTAssertEqual(ICSWriter.escape("a\\b;c,d\r\ne\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng")
        XCTAssertEqual(ICSWriter.escape("矿,"), "矿\\,")
    }

    func testCalendarLinesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        var w = ICSWriter()
        w.property("DESCRIPTION", text: String(repeating: "驻点监督", count: 30) + ",;\\\n")
        let lines = String(decoding: w.bytes, as: UTF8.self).components(separatedBy: "\r\n").dropLast()
        XCTAssertGreaterThan(lines.count, 3)
        for l in lines { XCTAssertLessThanOrEqual(l.utf8.count, 75, l) }
        for l in lines.dropFirst() { XCTAssertTrue(l.hasPrefix(" "), l) }
        let unfolded = lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
        XCTAssertTrue(unfolded.hasSuffix("\\,\\;\\\\\\n"), unfolded)
        let bytes = w.bytes
        for (i, b) in bytes.enumerated() where b == 0x0A { XCTAssertEqual(bytes[i - 1], 0x0D, "a line ends without CR") }
    }

    func testLinkChainsFollowEachCycleAndKeepEveryLink() {
        let links = [Link(from: "A", to: "B"), Link(from: "B", to: "A"), Link(from: "C", to: "D"), Link(from: "D", to: "E"),
                     Link(from: "E", to: "C"), Link(from: "X", to: "Y")]
        let chains = LinkChains.chains(links)
        XCTAssertEqual(chains.map { $0.map(\.from) }, [["X"], ["A", "B"], ["C", "D", "E"]])
        XCTAssertEqual(Set(chains.joined()), Set(links))
        XCTAssertEqual(chains.map(LinkChains.isCycle), [false, true, true])
    }

    /// A site with nobody on some days shows those days as one run, with its shortfall.
    func testGapsAreTheDaysASiteIsShort() {
        let s = Scenario(
            name: "gap", calendar: CalendarSettings(start: day("2024-01-01"), termMonths: 1, terms: 1),
            units: [Unit(id: "A", name: "甲矿"), Unit(id: "B", name: "乙矿")],
            people: [Person(id: "A-1", name: "王", unit: "A"), Person(id: "A-2", name: "李", unit: "A")])
        let roster = Roster(
            scenario: ScenarioReference(name: "gap", sha256: ""),
            solve: SolveSummary(status: .bestEffort, objective: 0, bound: nil, gap: nil, seconds: 0, engine: "GLPK 5.0"),
            terms: [RosterTerm(term: 1, start: day("2024-01-01"), end: day("2024-01-31"), links: [Link(from: "A", to: "B")],
                               stays: [Stay(person: "A-1", site: "B", arrive: day("2024-01-01"), leave: day("2024-01-31")),
                                       Stay(person: "A-2", site: "B", arrive: day("2024-01-11"), leave: day("2024-01-31"))])])
        let facts = RosterFacts(roster, scenario: s)
        XCTAssertEqual(facts.gapsBySite["B"], [RosterFacts.Gap(range: DateRange(from: day("2024-01-01"), to: day("2024-01-10")), present: 1, needed: 2)])
        XCTAssertEqual(facts.gapsBySite["A"], [RosterFacts.Gap(range: DateRange(from: day("2024-01-01"), to: day("2024-01-31")), present: 0, needed: 2)])
    }

    /// Planner text never reaches a page or a workbook unescaped.
    func testPlannerTextIsEscapedEverywhere() throws {
        let evil = "<script>alert(1)</script>|*_"
        let s = Scenario(
            name: evil, calendar: CalendarSettings(start: day("2024-01-01"), termMonths: 1, terms: 1),
            units: [Unit(id: "A", name: evil), Unit(id: "B", name: "乙矿")],
            people: [Person(id: "A-1", name: evil, unit: "A")])
        let roster = Roster(
            scenario: ScenarioReference(name: evil, sha256: ""),
            solve: SolveSummary(status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0, engine: "GLPK 5.0"),
            terms: [RosterTerm(term: 1, start: day("2024-01-01"), end: day("2024-01-31"), links: [Link(from: "A", to: "B")],
                               stays: [Stay(person: "A-1", site: "B", arrive: day("2024-01-01"), leave: day("2024-01-31"))])])
        for bytes in [ReportHTML.bytes(roster, scenario: s), FormsHTML.bytes(roster, scenario: s)] {
            XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains("<script>"))
        }
        let md = String(decoding: RosterMarkdown.bytes(roster, scenario: s), as: UTF8.self)
        XCTAssertFalse(md.contains("<script>"), md)
        XCTAssertTrue(md.contains("\\<script\\>"), md)
    }

    /// At city size the ring is drawn as one block per cycle, every unit named exactly once.
    func testLargeRingsAreDrawnCycleByCycle() {
        let units = (0..<300).map { Unit(id: String(format: "E%03d", $0), name: "企业\($0)", short: "矿\($0)") }
        var links: [Link] = []
        for start in stride(from: 0, to: 300, by: 5) {
            for k in 0..<5 { links.append(Link(from: units[start + k].id, to: units[start + (k + 1) % 5].id)) }
        }
        let s = Scenario(name: "city", calendar: CalendarSettings(start: day("2024-01-01")), units: units, people: [])
        let term = RosterTerm(term: 1, start: day("2024-01-01"), end: day("2024-06-30"), links: links, stays: [])
        let roster = Roster(scenario: ScenarioReference(name: "city", sha256: ""),
                            solve: SolveSummary(status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0, engine: "GLPK 5.0"),
                            terms: [term])
        let svg = RingSVG.svg(term: term, facts: RosterFacts(roster, scenario: s))
        XCTAssertEqual(svg.components(separatedBy: "环 ").count - 1, 60)
        let labels = svg.components(separatedBy: "</text>").dropLast().compactMap { $0.split(separator: ">").last.map(String.init) }
        var counts: [String: Int] = [:]
        for l in labels { counts[l, default: 0] += 1 }
        for u in units { XCTAssertEqual(counts[u.short ?? ""], 1, u.id) }
    }

    /// 附件4 in visiting mode: each person at a visit is one 人次 of their office's level, each
    /// visit one 家次 for every level present, summed from the first month on.
    func testVisitingStatisticsCountByLevel() throws {
        let s = Scenario(
            name: "两人一企", mode: .visiting, calendar: CalendarSettings(start: day("2023-09-01"), termMonths: 2, terms: 1),
            units: [Unit(id: "CITY", name: "市局", kind: .office, level: .city, sends: true),
                    Unit(id: "CTY", name: "县局", kind: .office, level: .county, sends: true),
                    Unit(id: "P1", name: "甲化工", sends: false), Unit(id: "P2", name: "乙化工", sends: false)],
            people: [Person(id: "C1", name: "市一", unit: "CITY"), Person(id: "K1", name: "县一", unit: "CTY"),
                     Person(id: "K2", name: "县二", unit: "CTY")])
        let term = RosterTerm(
            term: 1, start: day("2023-09-01"), end: day("2023-10-31"), links: [],
            stays: [Stay(person: "C1", site: "P1", arrive: day("2023-09-01"), leave: day("2023-10-31")),
                    Stay(person: "K1", site: "P1", arrive: day("2023-09-01"), leave: day("2023-10-31")),
                    Stay(person: "K1", site: "P2", arrive: day("2023-09-01"), leave: day("2023-10-31")),
                    Stay(person: "K2", site: "P2", arrive: day("2023-09-01"), leave: day("2023-10-31"))],
            visits: [Visit(date: day("2023-09-05"), site: "P1", people: ["C1", "K1"]),
                     Visit(date: day("2023-09-12"), site: "P2", people: ["K1", "K2"]),
                     Visit(date: day("2023-10-10"), site: "P1", people: ["C1", "K1"])])
        let roster = Roster(scenario: ScenarioReference(name: "v", sha256: ""),
                            solve: SolveSummary(status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0, engine: "GLPK 5.0"),
                            terms: [term])
        let table = NoticeForms.visitingStatistics(RosterFacts(roster, scenario: s))
        let counts = table.body.map { Array($0[2...5]) }
        // The notice's figures are cumulative since the first month: September's row, then
        // September and October together.
        XCTAssertEqual(counts, [
            [.count(1), .count(3), .count(1), .count(2)],
            [.count(2), .count(4), .count(2), .count(3)],
        ])
        XCTAssertEqual(table.body.map(\.first), [.text("截至2023-09"), .text("截至2023-10")])
        XCTAssertTrue(table.footer.joined().contains("2023年9月以来的动态累计数据"), "\(table.footer)")
        for format in ExportFormat.allCases { XCTAssertFalse(try format.files(roster, scenario: s).isEmpty, "\(format)") }
    }
}

/// Visiting mode (两人一企) in each export, on the hand-made roster the goldens use.
final class VisitingExportTests: XCTestCase {
    func fixture() throws -> (Roster, Scenario) {
        (try ExportGolden.roster("Tests/ZhudianExportTests/Fixtures/visiting-2023.json"),
         try ExportGolden.scenario("Tests/ZhudianExportTests/Fixtures/visiting-2023.yaml"))
    }

    /// The fixture is a roster the independent checker accepts, so the goldens show a real one.
    func testTheFixtureKeepsEveryRule() throws {
        let (roster, scenario) = try fixture()
        let report = RosterChecker(scenario: scenario, scenarioSHA256: nil).check(roster)
        XCTAssertTrue(report.passed, report.lines(.en).joined(separator: "\n"))
    }

    /// The 兖州 example has a roster: a hand-made one (each plant's people and visit days
    /// picked greedily) that the checker accepts, naming the example's current bytes.
    func testTheJiningExampleHasARosterTheCheckerAccepts() throws {
        let loaded = try ScenarioLoader.load(path: ExportGolden.packageRoot.appendingPathComponent("Scenarios/jining-chemical-2023.yaml").path)
        let roster = try ExportGolden.roster("Tests/ZhudianExportTests/Fixtures/jining-chemical-2023-handmade.json")
        let report = RosterChecker(scenario: loaded.scenario, scenarioSHA256: loaded.sha256).check(roster)
        XCTAssertTrue(report.passed, report.lines(.en).joined(separator: "\n"))
        XCTAssertEqual(roster.terms.first?.visits?.count, 30 * 6)
    }

    func testVisitsCSVHasOneRowPerVisitAndOnlyForVisitingRosters() throws {
        let (roster, scenario) = try fixture()
        let bytes = try XCTUnwrap(VisitsCSV.bytes(roster, scenario: scenario))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "日期,驻点企业,人员")
        XCTAssertEqual(lines[4], "2023-10-07,甲化工有限公司,周建国、郑志强")
        XCTAssertEqual(lines.count, 1 + 6 + 1, "header, six visits, the empty string after the last CRLF")
        var resident = roster
        for i in resident.terms.indices { resident.terms[i].visits = nil }
        XCTAssertNil(VisitsCSV.bytes(resident, scenario: scenario))
        XCTAssertEqual(try ExportFormat.visits.files(resident, scenario: scenario).count, 0)
        XCTAssertEqual(String(decoding: RosterCSV.bytes(roster, scenario: scenario).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").first,
                       RosterCSV.header.joined(separator: ","), "roster.csv keeps its header")
    }

    /// A person's calendar holds their visits, each with the colleague, the town and the
    /// coordinates; a site's holds its visits with both people.
    func testCalendarsHoldOneEventPerVisit() throws {
        let (roster, scenario) = try fixture()
        let facts = RosterFacts(roster, scenario: scenario)
        let person = String(decoding: RosterCalendars.personCalendar("K1", facts), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertEqual(person.components(separatedBy: "X-ZHUDIAN-KIND:visit").count - 1, 4)
        XCTAssertEqual(person.components(separatedBy: "X-ZHUDIAN-KIND:stay").count - 1, 0)
        XCTAssertTrue(person.contains("GEO:35.561;116.79"), person)
        XCTAssertTrue(person.contains("同行人员：周建国（市工信局）"), person)
        XCTAssertTrue(person.contains("LOCATION:乙新材料有限公司（新驿镇）"), person)
        let site = String(decoding: RosterCalendars.siteCalendar("P2", facts), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertEqual(site.components(separatedBy: "X-ZHUDIAN-KIND:visit").count - 1, 2)
        XCTAssertTrue(site.contains("SUMMARY:走访：郑志强、王丽娟"), site)
    }

    /// roster.xlsx lists the visits on a sheet of their own, roster.md as a month grid; a
    /// resident roster has neither.
    func testWorkbookAndMarkdownListTheVisits() throws {
        let (roster, scenario) = try fixture()
        let sheets = RosterWorkbook.sheets(RosterFacts(roster, scenario: scenario))
        let visits = try XCTUnwrap(sheets.first { $0.name == "走访安排" })
        XCTAssertEqual(visits.rows.count, 1 + 6)
        XCTAssertEqual(visits.rows[4][2].value, .date(CivilDate(iso: "2023-10-07") ?? CivilDate(dayNumber: 0)))
        let md = String(decoding: RosterMarkdown.bytes(roster, scenario: scenario), as: UTF8.self)
        XCTAssertTrue(md.contains("| 甲化工 | 周建国、郑志强 | 5 | 7 |"), md)
        var resident = roster
        for i in resident.terms.indices { resident.terms[i].visits = nil }
        XCTAssertFalse(RosterWorkbook.sheets(RosterFacts(resident, scenario: scenario)).contains { $0.name == "走访安排" })
        XCTAssertFalse(String(decoding: RosterMarkdown.bytes(resident, scenario: scenario), as: UTF8.self).contains("### 走访"))
    }

    /// The timeline marks every visit on the bar of each person who makes it.
    func testTheReportMarksEachVisitForEachPerson() throws {
        let (roster, scenario) = try fixture()
        let html = String(decoding: ReportHTML.bytes(roster, scenario: scenario), as: UTF8.self)
        XCTAssertEqual(html.components(separatedBy: "fill=\"\(TimelineSVG.visitColour)\"").count - 1, 12)
        XCTAssertTrue(html.contains("<th>走访次数</th><td>6</td>"), "the solve table counts the visits")
    }
}
