import XCTest
import ZhudianCore

@testable import ZhudianScenario

final class ScenarioWriterTests: XCTestCase {
    /// The written text read back by the project's loader.
    private func load(_ text: String, file: String = "written.yaml") throws -> LoadedScenario {
        try ScenarioLoader.load(data: Array(text.utf8), file: file)
    }

    /// Loads `text` and compares with `expected` field by field first, so that a failure names
    /// the part that differs rather than printing two whole scenarios.
    private func assertRoundTrip(
        _ expected: Scenario, _ label: String, warnings: Bool = false, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let text = ScenarioWriter.yaml(expected, comment: label)
        let loaded: Scenario
        do {
            let result = try load(text, file: label)
            loaded = result.scenario
            if !warnings {
                XCTAssertEqual(result.warnings.map { $0.render(.en) }, [], label, file: file, line: line)
            }
        } catch {
            return XCTFail("\(label): the loader refused the written file: \(error)\n\(text)", file: file, line: line)
        }
        XCTAssertEqual(loaded.calendar, expected.calendar, label, file: file, line: line)
        XCTAssertEqual(loaded.rules, expected.rules, label, file: file, line: line)
        XCTAssertEqual(loaded.objective, expected.objective, label, file: file, line: line)
        for (a, b) in zip(loaded.units, expected.units) where a != b {
            XCTFail("\(label): unit \(b.id) reads back as \(a)", file: file, line: line)
        }
        for (a, b) in zip(loaded.people, expected.people) where a != b {
            XCTFail("\(label): person \(b.id) reads back as \(a)", file: file, line: line)
        }
        XCTAssertEqual(loaded.history, expected.history, label, file: file, line: line)
        XCTAssertEqual(loaded.pins, expected.pins, label, file: file, line: line)
        XCTAssertEqual(loaded.forbid, expected.forbid, label, file: file, line: line)
        XCTAssertEqual(loaded, expected, label, file: file, line: line)
    }

    func testGeneratedScenariosRoundTrip() {
        let configs: [GeneratorConfig] = [
            GeneratorConfig(units: 6),
            GeneratorConfig(units: 8, seed: 2, structure: .ring, terms: 2, history: 2, pinCount: 3),
            GeneratorConfig(
                units: 14, seed: 3, minCycle: 2, terms: 3, history: 3, counties: 3, leaveRate: 0.4,
                unqualifiedRate: 0.2, groupRate: 0.6, forbidCount: 6, pinCount: 5, highRiskRate: 0.3),
            GeneratorConfig(
                units: 10, offices: 3, seed: 4, structure: .free, terms: 2, history: 1, counties: 2,
                forbidCount: 5, pinCount: 4),
            GeneratorConfig(units: 5, seed: 5, history: 0, handoverDays: 0),
            GeneratorConfig(units: 40, seed: 6, terms: 2, history: 2, counties: 5, forbidCount: 12, pinCount: 10),
        ]
        for config in configs {
            assertRoundTrip(ScenarioGenerator.generate(config), "seed \(config.seed) \(config.structure)")
        }
    }

    /// Every optional field set, and strings a plain YAML scalar would turn into something else.
    func testAwkwardValuesRoundTrip() {
        guard let start = CivilDate(iso: "2022-08-20"), let h1 = CivilDate(iso: "2022-10-01"),
            let h2 = CivilDate(iso: "2022-10-03"), let h3 = CivilDate(iso: "2022-10-07"),
            let w = CivilDate(iso: "2022-10-08"), let e = CivilDate(iso: "2022-08-12"),
            let due = CivilDate(iso: "2023-09-26"), let due2 = CivilDate(iso: "2022-12-28")
        else { return XCTFail("bad test dates") }
        var calendar = CalendarSettings(
            start: start, termMonths: 6, terms: 2, handoverDays: 3,
            holidays: [DateRange(day: h1), DateRange(from: h2, to: h3)], workdays: [DateRange(day: w), DateRange(from: h3.addingDays(1), to: w)], official: "cn",
            events: [CalendarEvent(date: e, title: "报送驻点人员名单: 17:00 前 # 截止")], reportDay: 30,
            reportDue: ["2023-10": due, "2023-01": due2])
        calendar.visitsPerMonth = 2
        calendar.minVisitGapDays = 7
        var rules = Rules()
        rules.minCycle = 2
        rules.maxDistanceKm = 12.5
        rules.personCooldown = 3
        rules.requireQualified = false
        let weird = [
            "yes", "no", "null", "y", "true", "0001", "1e3", "0x1F", "1_000", ".5", "-1", "on", "2022-08-20",
        ]
        var units: [ZhudianCore.Unit] = weird.enumerated().map { i, id in
            ZhudianCore.Unit(
                id: id, name: "企业 \(i): \"引号\" \\ 反斜杠 #不是注释", short: i == 0 ? "  空格  " : nil,
                group: i < 2 ? "同一集团" : nil, town: i == 2 ? "镇\t制表" : nil,
                location: i == 3 ? Location(lat: 35, lon: 117.123456789) : Location(lat: 34.62, lon: 117.58),
                minStaff: i == 4 ? 3 : nil)
        }
        units.append(
            ZhudianCore.Unit(
                id: "O1", name: "局\n换行\r回车\u{85}\u{2028}\u{2029}\u{1}\u{7F}\u{FEFF}", kind: .office, level: .city,
                sends: false))
        let people =
            weird.map { id in
                Person(
                    id: id + "-1", name: "王强😀", unit: id, qualified: id != "no", phone: "0013800000000",
                    served: id == "yes" ? 3 : 0,
                    unavailable: id == "null"
                        ? [
                            Absence(range: DateRange(from: h1, to: h3), reason: "年假"),
                            Absence(range: DateRange(day: w)),
                        ]
                        : [])
            } + [Person(id: "O1-1", name: "李", unit: "O1")]
        let scenario = Scenario(
            name: "name: with colon", authority: "\"quoted\"", sector: "非煤矿山 / 化工", mode: .resident, calendar: calendar,
            rules: rules, objective: ObjectiveWeights(distance: 0.1, fairness: 1e-5, change: 999_999.875),
            units: units, people: people,
            history: [
                HistoryTerm(start: start.addingMonths(-12), stays: [HistoryStay(person: "yes-1", site: "0001")]),
                HistoryTerm(stays: []),
            ],
            pins: [
                Pin(term: 1, subject: .unit("yes"), site: "null"), Pin(term: 2, subject: .person("no-1"), site: "true"),
            ],
            forbid: [
                Forbid(subject: .person("y-1"), site: "1e3", reason: "亲属在该企业任职"),
                Forbid(subject: .unit("on"), site: "-1"),
            ])
        assertRoundTrip(scenario, "awkward", warnings: true)
    }

    func testWritesTheDocumentedLayout() {
        guard let start = CivilDate(iso: "2022-08-20") else { return XCTFail("bad date") }
        let scenario = Scenario(
            name: "台儿庄区驻点", authority: "台儿庄区应急管理局", sector: "非煤矿山",
            calendar: CalendarSettings(start: start),
            units: [
                ZhudianCore.Unit(id: "SDS", name: "双顶山矿", group: "张山子", location: Location(lat: 34.62, lon: 117.58)),
                ZhudianCore.Unit(id: "O1", name: "区应急局", kind: .office, level: .county, sends: false),
            ],
            people: [Person(id: "SDS-01", name: "王强", unit: "SDS", phone: "13800000000")],
            history: [HistoryTerm(start: start.addingMonths(-6), stays: [HistoryStay(person: "SDS-01", site: "QX")])],
            pins: [Pin(term: 1, subject: .unit("SDS"), site: "QX")],
            forbid: [Forbid(subject: .person("SDS-01"), site: "LS", reason: "亲属")])
        let expected = """
            # line one
            #
            # line three
            version: 1
            name: "台儿庄区驻点"
            authority: "台儿庄区应急管理局"
            sector: "非煤矿山"
            mode: "resident"

            calendar:
              start: "2022-08-20"
              termMonths: 6
              terms: 1
              handoverDays: 0
              holidays: []
              workdays: []
              events: []
              reportDue: {}
              visitsPerMonth: 1
              minVisitGapDays: 0

            rules:
              minStaff: 2
              structure: "cycles"
              minCycle: 3
              mutualPairs: "forbid"
              sameGroup: "forbid"
              pairCooldown: 1
              personCooldown: 2
              maxConsecutiveTerms: 1
              keepAtHome: 1
              requireQualified: true
              maxSitesPerPerson: 1

            objective:
              distance: 1
              fairness: 20
              change: 0

            units:
              - {id: "SDS", name: "双顶山矿", kind: "enterprise", group: "张山子", location: {lat: 34.62, lon: 117.58}}
              - {id: "O1", name: "区应急局", kind: "office", level: "county", sends: false}

            people:
              - {id: "SDS-01", name: "王强", unit: "SDS", phone: "13800000000", served: 0}

            history:
              - start: "2022-02-20"
                stays:
                  - {person: "SDS-01", site: "QX"}

            pins:
              - {term: 1, unit: "SDS", site: "QX"}

            forbid:
              - {person: "SDS-01", site: "LS", reason: "亲属"}

            """
        XCTAssertEqual(ScenarioWriter.yaml(scenario, comment: "line one\r\n\nline three  "), expected)
    }

    func testQuotingAndNumbers() {
        XCTAssertEqual(YAMLScalar.quoted("a\"b\\c"), #""a\"b\\c""#)
        XCTAssertEqual(
            YAMLScalar.quoted("\n\t\r\u{0}\u{1B}\u{7F}\u{85}\u{2028}\u{2029}\u{FEFF}"),
            #""\n\t\r\0\x1B\x7F\N\L\P\uFEFF""#)
        XCTAssertEqual(YAMLScalar.quoted("枣庄 😀"), "\"枣庄 😀\"")
        XCTAssertEqual(ScenarioWriter.number(1), "1")
        XCTAssertEqual(ScenarioWriter.number(-0.0), "0")
        XCTAssertEqual(ScenarioWriter.number(35.1234), "35.1234")
        XCTAssertEqual(ScenarioWriter.number(0.1), "0.1")
        XCTAssertEqual(ScenarioWriter.number(1e-5), "1.0e-05")
        XCTAssertEqual(ScenarioWriter.number(1.5e20), "1.5e+20")
        XCTAssertEqual(ScenarioWriter.number(1e20), "1.0e+20")
        XCTAssertEqual(Double(ScenarioWriter.number(1e20)), 1e20)
        XCTAssertEqual(Double(ScenarioWriter.number(0.1 + 0.2)), 0.1 + 0.2)
    }

    func testSameScenarioSameBytes() {
        let s = ScenarioGenerator.generate(
            GeneratorConfig(units: 12, seed: 9, terms: 2, history: 2, forbidCount: 3, pinCount: 3))
        XCTAssertEqual(ScenarioWriter.yaml(s), ScenarioWriter.yaml(s))
        XCTAssertFalse(ScenarioWriter.yaml(s).hasPrefix("#"))
    }
}
