import Foundation
import XCTest
import ZhudianCore
import ZhudianExport

/// The diff's three renderings of one small change: B's team goes to C instead of A.
final class RosterDiffRenderTests: XCTestCase {
    private func day(_ s: String) -> CivilDate {
        guard let d = CivilDate(iso: s) else { fatalError("bad date \(s) in a test") }
        return d
    }

    private var scenario: Scenario {
        Scenario(
            name: "三矿", calendar: CalendarSettings(start: day("2023-02-20")),
            units: [
                Unit(id: "A", name: "甲矿有限公司", short: "甲矿", location: Location(lat: 34.60, lon: 117.50)),
                Unit(id: "B", name: "乙矿有限公司", short: "乙矿", location: Location(lat: 34.62, lon: 117.55)),
                Unit(id: "C", name: "丙矿有限公司", short: "丙矿", location: Location(lat: 34.65, lon: 117.60)),
            ],
            people: [
                Person(id: "A-1", name: "王一", unit: "A"), Person(id: "B-1", name: "李一", unit: "B"),
                Person(id: "C-1", name: "张一", unit: "C", served: 1),
            ])
    }

    private func roster(_ pairs: [(String, String)], objective: Double) -> Roster {
        let homes = ["A-1": "A", "B-1": "B", "C-1": "C"]
        let term = RosterTerm(
            term: 1, start: day("2023-02-20"), end: day("2023-08-19"),
            links: pairs.compactMap { p in homes[p.0].map { Link(from: $0, to: p.1) } }.sorted(),
            stays: pairs.map { Stay(person: $0.0, site: $0.1, arrive: day("2023-02-20"), leave: day("2023-08-19")) }.sorted())
        return Roster(
            scenario: ScenarioReference(name: "三矿", sha256: "x"),
            solve: SolveSummary(status: .optimal, objective: objective, bound: objective, gap: 0, seconds: 0, engine: "t"),
            terms: [term])
    }

    private var diff: RosterDiff {
        RosterDiff(
            before: roster([("A-1", "B"), ("B-1", "C"), ("C-1", "A")], objective: 1),
            after: roster([("A-1", "C"), ("B-1", "A"), ("C-1", "B")], objective: 2), scenario: scenario)
    }

    func testTextInBothLanguages() {
        let en = RosterDiffText.lines(diff, scenario: scenario, language: .en)
        XCTAssertEqual(en[0], "term 1: links 3 → 3 (3 added, 3 removed), 3 people moved")
        XCTAssertEqual(en[1], "  before: 甲矿 → 乙矿 → 丙矿 → 甲矿")
        XCTAssertEqual(en[2], "  after:  甲矿 → 丙矿 → 乙矿 → 甲矿")
        XCTAssertEqual(en[3], "  moved: 王一 (A-1): 乙矿 → 丙矿")
        XCTAssertTrue(en.last?.hasPrefix("cost: ") ?? false, "\(en)")
        XCTAssertTrue(en.last?.contains("fairness 20.00 → 20.00") ?? false, "\(en)")
        let zh = RosterDiffText.lines(diff, scenario: scenario, language: .zh)
        XCTAssertEqual(zh[0], "第1轮：对口关系 3 → 3 条（新增 3，取消 3），3 人调动")
        XCTAssertEqual(zh[3], "  调动：王一（A-1）：乙矿 → 丙矿")
        XCTAssertTrue(zh.last?.hasPrefix("费用：") ?? false, "\(zh)")
        let bare = RosterDiffText.lines(RosterDiff(before: roster([], objective: 1), after: roster([], objective: 1)), scenario: nil, language: .en)
        XCTAssertEqual(bare.first, "no changes: both rosters place the same people at the same sites")
        XCTAssertEqual(bare.last, "objective (as the rosters say): 1.00 → 1.00; give --scenario for distance and fairness")
    }

    func testJSONHoldsEveryPart() throws {
        let bytes = RosterDiffJSON.bytes(diff)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        XCTAssertEqual(object["format"] as? String, "zhudian-diff")
        let terms = try XCTUnwrap(object["terms"] as? [[String: Any]])
        XCTAssertEqual((terms[0]["moves"] as? [[String: Any]])?.first?["to"] as? [String], ["C"])
        XCTAssertEqual(terms[0]["ringAfter"] as? [[String]], [["A", "C", "B"]])
        let after = try XCTUnwrap(object["after"] as? [String: Any])
        XCTAssertEqual((after["cost"] as? [String: Any])?["fairness"] as? Double, 20)
        XCTAssertEqual(bytes, RosterDiffJSON.bytes(diff), "the same diff gives the same bytes")
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertLessThan(try XCTUnwrap(text.range(of: "\"before\"")).lowerBound, try XCTUnwrap(text.range(of: "\"terms\"")).lowerBound)
    }

    func testMarkdownTables() {
        let md = RosterDiffMarkdown.text(diff, scenario: scenario)
        XCTAssertTrue(md.hasPrefix("# 排班对比\n"), md)
        XCTAssertTrue(md.contains("\n## 第1轮\n"), md)
        XCTAssertTrue(md.contains("| 王一（A-1） | 乙矿 | 丙矿 |\n"), md)
        XCTAssertTrue(md.contains("| 公平 | 20.00 | 20.00 |\n"), md)
    }
}
