import XCTest
import ZhudianCore
@testable import ZhudianExport

final class RosterCSVTests: XCTestCase {
    func day(_ s: String) -> CivilDate { CivilDate(iso: s) ?? CivilDate(dayNumber: 0) }

    func scenario() -> Scenario {
        Scenario(
            name: "csv",
            calendar: CalendarSettings(start: day("2022-08-20"), termMonths: 6, terms: 1, handoverDays: 3),
            units: [
                ZhudianCore.Unit(id: "SDS", name: "枣庄市张山子煤业有限公司双顶山石灰岩矿", short: "双顶山矿"),
                ZhudianCore.Unit(id: "QX", name: "山东泉兴水泥有限公司水泥用石灰岩矿, 二号\"矿\""),
            ],
            people: [
                Person(id: "SDS-01", name: "王强", unit: "SDS"),
                Person(id: "SDS-02", name: "李建国", unit: "SDS"),
            ])
    }

    func roster() -> Roster {
        Roster(
            scenario: ScenarioReference(name: "csv", sha256: ""),
            solve: SolveSummary(status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0, engine: "GLPK 5.0"),
            terms: [
                RosterTerm(
                    term: 1, start: day("2022-08-20"), end: day("2023-02-19"),
                    links: [Link(from: "SDS", to: "QX")],
                    stays: [
                        Stay(person: "SDS-01", site: "QX", arrive: day("2022-08-20"), leave: day("2023-02-22")),
                        Stay(person: "SDS-02", site: "QX", arrive: day("2022-08-20"), leave: day("2023-02-22")),
                    ])
            ])
    }

    /// The exact bytes: BOM, the Chinese header, CRLF rows, RFC 4180 quoting of the comma and
    /// quotes; and 双顶山, a site nobody is at, as an empty post (空岗) for the whole term.
    func testGoldenBytes() {
        let bytes = RosterCSV.bytes(roster(), scenario: scenario())
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(
            ("轮次,派出单位,驻点企业,姓名,进驻日期,撤离日期\r\n"
                + "1,枣庄市张山子煤业有限公司双顶山石灰岩矿,\"山东泉兴水泥有限公司水泥用石灰岩矿, 二号\"\"矿\"\"\",王强,2022-08-20,2023-02-22\r\n"
                + "1,枣庄市张山子煤业有限公司双顶山石灰岩矿,\"山东泉兴水泥有限公司水泥用石灰岩矿, 二号\"\"矿\"\"\",李建国,2022-08-20,2023-02-22\r\n"
                + "1,,枣庄市张山子煤业有限公司双顶山石灰岩矿,空岗,2022-08-20,2023-02-19\r\n").utf8)
        XCTAssertEqual(bytes, expected, String(decoding: bytes, as: UTF8.self))
    }

    func testUnknownIdsFallBackToTheId() {
        var r = roster()
        r.terms[0].stays.append(Stay(person: "X-9", site: "ZZ", arrive: day("2022-08-20"), leave: day("2023-02-22")))
        let text = String(decoding: RosterCSV.bytes(r, scenario: scenario()).dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.contains("1,,ZZ,X-9,2022-08-20,2023-02-22\r\n"), text)
    }

    /// OWASP CSV injection: a cell led by = + - @ tab or CR is written as text, `'` first and quoted.
    func testCellsThatWouldRunAsFormulasAreWrittenAsText() {
        XCTAssertEqual(RosterCSV.quote("=HYPERLINK(\"http://x\",\"点我\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"")
        XCTAssertEqual(RosterCSV.quote("+86 138"), "\"'+86 138\"")
        XCTAssertEqual(RosterCSV.quote("-2+3"), "\"'-2+3\"")
        XCTAssertEqual(RosterCSV.quote("@SUM(A1)"), "\"'@SUM(A1)\"")
        XCTAssertEqual(RosterCSV.quote("\t=1"), "\"'\t=1\"")
        XCTAssertEqual(RosterCSV.quote("\r=1"), "\"'\r=1\"")
        // Not leading: left as they are.
        XCTAssertEqual(RosterCSV.quote("王=强"), "王=强")
        XCTAssertEqual(RosterCSV.quote("2022-08-20"), "2022-08-20")

        var s = scenario()
        s.people[0].name = "=1+1"
        s.units[0].name = "@矿"
        let text = String(decoding: RosterCSV.bytes(roster(), scenario: s).dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        XCTAssertTrue(rows[1].hasPrefix("1,\"'@矿\","), rows[1])
        XCTAssertTrue(rows[1].contains(",\"'=1+1\","), rows[1])
        XCTAssertTrue(rows[2].contains(",李建国,"), rows[2])
    }
}
