import Foundation
import XCTest
import ZhudianCore
@testable import ZhudianExport

/// Work logs: the expected rows, the workbooks handed out, and reading filled logs back —
/// every bad-row kind refused with its file, sheet and row.
final class WorkLogTests: XCTestCase {
    func day(_ s: String) -> CivilDate { CivilDate(iso: s) ?? CivilDate(dayNumber: 0) }

    func notice() throws -> RosterFacts {
        RosterFacts(try ExportGolden.roster("Scenarios/taierzhuang-2022-notice.json"),
                    scenario: try ExportGolden.scenario("Scenarios/taierzhuang-2022.yaml"))
    }

    func visiting() throws -> RosterFacts {
        RosterFacts(try ExportGolden.roster("Tests/ZhudianExportTests/Fixtures/visiting-chem.json"),
                    scenario: try ExportGolden.scenario("Tests/ZhudianExportTests/Fixtures/visiting-chem.yaml"))
    }

    /// A CSV work log: the header, then `rows` of (date, site, people, [counter: value], narrative).
    static func csv(_ rows: [(String, String, String, [WorkLogCounter: String], String)]) -> [UInt8] {
        var lines = [WorkLogColumn.all.joined(separator: ",")]
        for (date, site, people, counts, narrative) in rows {
            let cells = [date, site, "", people, ""] + WorkLogCounter.allCases.map { counts[$0] ?? "" } + [narrative, ""]
            lines.append(cells.joined(separator: ","))
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    // MARK: expected rows

    func testResidentRowsAreTheWeeksOfTheMonthCutAtItsEdges() throws {
        let slots = WorkLogSlot.all(try notice()).filter { $0.site == "QX" }
        XCTAssertEqual(slots.prefix(8).map { "\($0.days)" }, [
            "2022-08-20..2022-08-21", "2022-08-22..2022-08-28", "2022-08-29..2022-08-31",
            "2022-09-01..2022-09-04", "2022-09-05..2022-09-11", "2022-09-12..2022-09-18", "2022-09-19..2022-09-25",
            "2022-09-26..2022-09-30",
        ])
        XCTAssertEqual(slots[0].people, ["SDS-01", "SDS-02"])
        // The plan's last week ends with the term (2023-02-19, a Sunday): the handover days after
        // it belong to the next roster's first week.
        XCTAssertEqual(slots.last.map { "\($0.days)" }, "2023-02-13..2023-02-19")
    }

    func testVisitingRowsAreThePlannedVisits() throws {
        let slots = WorkLogSlot.all(try visiting())
        XCTAssertEqual(slots.map { "\($0.site) \($0.date)" }, [
            "P1 2023-09-05", "P1 2023-10-10", "P1 2023-11-07", "P2 2023-09-12", "P2 2023-10-11", "P2 2023-11-08",
            "P3 2023-09-06", "P3 2023-10-12", "P3 2023-11-09",
        ])
        XCTAssertEqual(slots[0].people, ["C1", "K1"])
    }

    // MARK: workbooks

    func testOneWorkbookPerSiteAndMonthPrefilledAndValidated() throws {
        let facts = try notice()
        let files = try WorkLogWorkbook.files(facts.roster, scenario: facts.scenario)
        XCTAssertEqual(files.count, 6 * 7, "six sites, August to February")
        XCTAssertEqual(files.first?.path, "worklog/SDS-2022-08.xlsx")
        let qx = try XCTUnwrap(files.first { $0.path == "worklog/QX-2022-09.xlsx" })
        let sheet = try XCTUnwrap(try XLSXReader.sheets(qx.bytes).first)
        XCTAssertEqual(sheet.name, "工作日志")
        XCTAssertEqual(sheet.rows[5]?.count, WorkLogColumn.all.count)
        XCTAssertEqual(sheet.rows[6]?[0], .number(Double(day("2022-09-01").dayNumber + 25_569)))
        XCTAssertEqual(sheet.rows[6]?[1], .text("QX"))
        XCTAssertEqual(sheet.rows[6]?[3], .text("SDS-01、SDS-02"))
        XCTAssertEqual((6...10).map { sheet.rows[$0]?[1] }, Array(repeating: .text("QX"), count: 5))
        XCTAssertNil(sheet.rows[11], "five weeks in September 2022")
        let xml = WorkLogWorkbook.sheet(site: "QX", month: "2022-09",
                                        slots: WorkLogSlot.all(facts).filter { $0.site == "QX" && $0.date.monthKey == "2022-09" },
                                        facts: facts).validations
        XCTAssertEqual(xml.map(\.kind), [.whole(minimum: 0), .decimal(minimum: 0), .date(DateRange(from: day("2022-09-01"), to: day("2022-09-30")))])
        XCTAssertEqual(xml[0].ranges, ["F6:K50", "M6:U50"], "every counter but 万元, rows 6 to 5 + 5 + 40")
        XCTAssertEqual(xml[1].ranges, ["L6:L50"], "万元 is column L")
    }

    func testTheWorkbookCarriesItsValidationRules() throws {
        let facts = try notice()
        let file = try XCTUnwrap(try WorkLogWorkbook.files(facts.roster, scenario: facts.scenario).first)
        var strings = SharedStrings()
        let sheet = WorkLogWorkbook.sheet(site: "SDS", month: "2022-08",
                                          slots: WorkLogSlot.all(facts).filter { $0.site == "SDS" && $0.date.monthKey == "2022-08" }, facts: facts)
        let part = XLSXWorksheetXML.part(sheet, selected: true, strings: &strings)
        XCTAssertTrue(part.contains("<dataValidations count=\"3\">"), part)
        XCTAssertTrue(part.contains("type=\"whole\" operator=\"greaterThanOrEqual\""))
        XCTAssertTrue(part.contains("type=\"decimal\" operator=\"greaterThanOrEqual\""))
        // The schema puts dataValidations after mergeCells and before printOptions.
        let order = ["</mergeCells>", "<dataValidations", "<printOptions"].map { part.range(of: $0)?.lowerBound }
        XCTAssertEqual(order.compactMap { $0 }.count, 3)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        XCTAssertFalse(file.bytes.isEmpty)
    }

    // MARK: reading

    func testAFilledWorkbookReadsBack() throws {
        let facts = try notice()
        let sheet = XLSXSheet(name: "工作日志", rows: [
            [.title("驻点监督工作日志")],
            WorkLogColumn.all.map(XLSXCell.header),
            [.date(day("2022-09-05")), .text("QX"), .text(""), .text("SDS-01、SDS-02"), .text("")]
                + WorkLogCounter.allCases.map { $0 == .rewardedReporting ? .number(0.5) : .count($0.rawValue % 3) } + [.text("查晨会"), .blank],
            [.date(day("2022-09-12")), .text("QX"), .text(""), .text("SDS-01"), .text("")]
                + WorkLogCounter.allCases.map { _ in XLSXCell.blank } + [.blank, .blank],
        ])
        let read = WorkLogReader.read(file: "QX.xlsx", bytes: try XLSXPackage.bytes([sheet]))
        XCTAssertEqual(read.problems, [])
        XCTAssertEqual(read.rows.count, 1, "the unfilled row is not a log")
        let row = try XCTUnwrap(read.rows.first)
        XCTAssertEqual(row.place.description, "QX.xlsx:工作日志:3")
        XCTAssertEqual(row.date, day("2022-09-05"))
        XCTAssertEqual(row.people, ["SDS-01", "SDS-02"])
        XCTAssertEqual(row.counts[.rewardedReporting], 0.5)
        XCTAssertEqual(row.counts[.rules], 1)
        XCTAssertEqual(WorkLogCheck.check(read.rows, facts: facts).problems, [])
    }

    func testEveryBadCellIsRefusedWithFileSheetAndRow() throws {
        let header = WorkLogColumn.all.map(XLSXCell.header)
        func row(_ date: XLSXCell, _ site: String, _ people: String, _ first: XLSXCell) -> [XLSXCell] {
            [date, .text(site), .text(""), .text(people), .text(""), first]
                + WorkLogCounter.allCases.dropFirst().map { _ in XLSXCell.count(0) } + [.text("x"), .blank]
        }
        let sheet = XLSXSheet(name: "日志", rows: [
            header,
            row(.text("9/5/2022"), "QX", "SDS-01", .count(1)),                  // 2: not a date
            row(.date(day("2022-09-05")), "QX", "SDS-01", .count(-1)),          // 3: negative
            row(.date(day("2022-09-06")), "QX", "SDS-01", .text("三")),          // 4: not a number
            row(.date(day("2022-09-07")), "QX", "SDS-01", .number(1.5)),        // 5: not whole
            row(.date(day("2022-09-08")), "QX", "", .count(1)),                 // 6: nobody
        ])
        let read = WorkLogReader.read(file: "logs/QX.xlsx", bytes: try XLSXPackage.bytes([sheet]))
        XCTAssertEqual(read.rows, [])
        XCTAssertEqual(read.problems.map { $0.render(.en) }, [
            "error: logs/QX.xlsx:日志:2: '日期' is not a date: '9/5/2022'; write it as YYYY-MM-DD",
            "error: logs/QX.xlsx:日志:3: '核查全员责任清单（人）' is negative (-1); counts are 0 or more",
            "error: logs/QX.xlsx:日志:4: '核查全员责任清单（人）' is not a number: '三'; write 0 when there was none",
            "error: logs/QX.xlsx:日志:5: '核查全员责任清单（人）' must be a whole number, not 1.5",
            "error: logs/QX.xlsx:日志:6: '人员编号' is empty; write the ids of the supervisors who were there",
        ])
    }

    func testRowsThatBreakTheRosterAreRefusedWithFileAndRow() throws {
        let facts = try notice()
        let bytes = Self.csv([
            ("2022-09-05", "QX", "SDS-01、SDS-02", [.morningMeetings: "1"], ""),   // 2: fine
            ("2022-09-05", "QX", "SDS-01", [.morningMeetings: "1"], ""),           // 3: the same site and day again
            ("2022-09-06", "XX", "SDS-01", [.morningMeetings: "1"], ""),           // 4: no such site
            ("2022-09-07", "QX", "NOBODY", [.morningMeetings: "1"], ""),           // 5: no such person
            ("2023-02-23", "QX", "SDS-01", [.morningMeetings: "1"], ""),           // 6: the day after the stay
            ("2022-09-08", "QX", "ZS-01", [.morningMeetings: "1"], ""),            // 7: placed elsewhere
        ])
        let read = WorkLogReader.read(file: "qx.csv", bytes: bytes)
        XCTAssertEqual(read.problems, [])
        let checked = WorkLogCheck.check(read.rows, facts: facts)
        XCTAssertEqual(checked.entries.map(\.place.row), [2])
        XCTAssertEqual(checked.problems.map { $0.render(.en) }, [
            "error: qx.csv:3: a second row for QX on 2022-09-05 (the first is at qx.csv:2); merge them into one row",
            "error: qx.csv:4: site 'XX' is not a site of this roster; use the site id the roster gives",
            "error: qx.csv:5: person 'NOBODY' is not in this roster; use the person id the roster gives",
            "error: qx.csv:6: 2023-02-23 is outside SDS-01's stay at QX (2022-08-20..2023-02-22); correct the date or the person",
            "error: qx.csv:7: ZS-01 is not placed at QX; remove their id or correct the site",
        ])
        XCTAssertEqual(checked.problems[3].render(.zh),
                       "error: qx.csv:6: 2023-02-23 不在 SDS-01 于 QX 的驻点期间（2022-08-20..2023-02-22）；请改正日期或人员")
    }

    func testVisitingRowsMustBePlannedVisitsByThePeopleOnThem() throws {
        let facts = try visiting()
        let read = WorkLogReader.read(file: "v.csv", bytes: Self.csv([
            ("2023-09-05", "P1", "C1、K1", [.dangerousWork: "1"], ""),   // 2: the planned visit
            ("2023-09-07", "P1", "C1", [.dangerousWork: "1"], ""),       // 3: no visit that day
            ("2023-09-12", "P2", "K1、C1", [.dangerousWork: "1"], ""),   // 4: C1 is not on that visit
        ]))
        let checked = WorkLogCheck.check(read.rows, facts: facts)
        XCTAssertEqual(checked.problems.map { $0.render(.en) }, [
            "error: v.csv:3: no visit to P1 is planned on 2023-09-07; use the date of a planned visit",
            "error: v.csv:4: C1 is not on the visit to P2 on 2023-09-12 (K1, K2); correct the people",
        ])
    }

    func testAFileWithoutTheWorkLogsColumnsIsRefused() throws {
        let noHeader = WorkLogReader.read(file: "a.csv", bytes: Array("名字,数量\r\n王强,1\r\n".utf8))
        XCTAssertEqual(noHeader.problems.map { $0.render(.en) },
                       ["error: a.csv:1: no header row (a row with a '日期' column); fill in the exported work-log template"])
        let short = WorkLogReader.read(file: "b.csv", bytes: Array("说明\r\n日期,企业编号,人员编号\r\n".utf8))
        XCTAssertEqual(short.problems.count, WorkLogCounter.allCases.count)
        XCTAssertEqual(short.problems.first?.render(.en),
                       "error: b.csv:2: the header has no '核查全员责任清单（人）' column; copy the header from the exported work log")
        let junk = WorkLogReader.read(file: "c.xlsx", bytes: Array("not a zip".utf8))
        XCTAssertEqual(junk.problems.map(\.kind), [.notALog(.workbook("not a zip archive"))])
        // 日期 in GBK, as Excel's plain "CSV" writes it on Chinese Windows.
        let gbk = WorkLogReader.read(file: "d.csv", bytes: [0xC8, 0xD5, 0xC6, 0xDA, 0x0D, 0x0A])
        XCTAssertEqual(gbk.problems.map { $0.render(.en) },
                       ["error: d.csv:1: the CSV file is not UTF-8; save it from Excel as 'CSV UTF-8 (Comma delimited)'"])
    }

    /// Cells as other writers store them: inline strings, rich-text runs, no `r` attribute.
    func testCellsWrittenByOtherProgramsReadBack() throws {
        let xml = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="2"><c r="B2" t="inlineStr"><is><r><t>日</t></r><r><t>期</t></r></is></c><c><v>3</v></c>
            <c t="str"><v>QX</v></c></row></sheetData></worksheet>
            """
        let rows = try XLSXReader.cells(Data(xml.utf8), strings: [])
        XCTAssertEqual(rows[2]?[1], .text("日期"))
        XCTAssertEqual(rows[2]?[2], .number(3), "a cell without r is the next one in its row")
        XCTAssertEqual(rows[2]?[3], .text("QX"))
    }

    /// Retyped headers still find their columns: ASCII parentheses, quotes, spaces.
    func testRetypedTitlesFindTheirColumns() {
        XCTAssertEqual(WorkLogColumn.normalized("督促召开\"晨会\"(次)"), WorkLogColumn.normalized("督促召开晨会（次）"))
        XCTAssertEqual(WorkLogColumn.normalized("发现 隐患\n（项）"), "发现隐患（项）")
    }

    func testCSVQuotingAndBOM() {
        XCTAssertEqual(CSVTable.rows("\u{FEFF}a,\"b,c\",\"d\"\"e\"\r\n1,\"x\ny\",\n"),
                       [["a", "b,c", "d\"e"], ["1", "x\ny", ""]])
    }
}
