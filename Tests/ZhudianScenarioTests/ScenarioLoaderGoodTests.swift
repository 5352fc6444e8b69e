import Foundation
import XCTest
import ZhudianCore
import ZhudianScenario

final class ScenarioLoaderGoodTests: XCTestCase {
    private func load(_ name: String) throws -> LoadedScenario {
        try ScenarioLoader.load(path: Fixtures.path("good/" + name))
    }

    func testMinimalScenarioGetsTheDefaults() throws {
        let loaded = try load("minimal.yaml")
        let s = loaded.scenario
        XCTAssertEqual(s.version, 1)
        XCTAssertEqual(s.name, "最小场景")
        XCTAssertEqual(s.authority, "")
        XCTAssertEqual(s.sector, "")
        XCTAssertEqual(s.mode, .resident)
        XCTAssertEqual(s.calendar, CalendarSettings(start: CivilDate(year: 2022, month: 8, day: 20)!))
        XCTAssertEqual(s.calendar.termMonths, 6)
        XCTAssertEqual(s.calendar.terms, 1)
        XCTAssertEqual(s.rules, Rules())
        XCTAssertEqual(s.rules.structure, .cycles)
        XCTAssertEqual(s.rules.minCycle, 3)
        XCTAssertEqual(s.objective, ObjectiveWeights())
        XCTAssertEqual(s.units.map(\.id), ["A", "B", "OFF"])
        XCTAssertEqual(s.units[0], Unit(id: "A", name: "甲矿"))
        XCTAssertTrue(s.units[0].sends)
        XCTAssertTrue(s.units[0].receives)
        // Under cycles an office neither sends nor receives unless told to send (which is an error).
        XCTAssertFalse(s.units[2].sends)
        XCTAssertFalse(s.units[2].receives)
        XCTAssertEqual(s.units[2].level, .city)
        XCTAssertEqual(s.people[0], Person(id: "A-1", name: "甲一", unit: "A"))
        XCTAssertTrue(s.people[0].qualified)
        XCTAssertEqual(s.people[0].served, 0)
        XCTAssertEqual(s.history, [])
        XCTAssertEqual(s.pins, [])
        XCTAssertEqual(s.forbid, [])
        XCTAssertEqual(loaded.warnings, [])
    }

    func testFullScenarioReadsEveryField() throws {
        let loaded = try load("full.yaml")
        let s = loaded.scenario
        let d = { (y: Int, m: Int, day: Int) in CivilDate(year: y, month: m, day: day)! }
        XCTAssertEqual(s.authority, "台儿庄区应急管理局")
        XCTAssertEqual(s.sector, "非煤矿山")
        XCTAssertEqual(
            s.calendar,
            CalendarSettings(
                start: d(2022, 8, 20), termMonths: 6, terms: 2, handoverDays: 3,
                holidays: [DateRange(day: d(2022, 10, 1)), DateRange(from: d(2022, 10, 3), to: d(2022, 10, 7))],
                workdays: [DateRange(day: d(2022, 10, 8))], official: "cn",
                events: [
                    CalendarEvent(date: d(2022, 8, 12), title: "报送驻点人员名单"),
                    CalendarEvent(date: d(2022, 8, 18), title: "驻点人员岗前培训"),
                ],
                reportDay: 30, reportDue: ["2023-10": d(2023, 9, 26)], visitsPerMonth: 1, minVisitGapDays: 7))
        var rules = Rules()
        rules.minStaff = 2
        XCTAssertEqual(s.rules, rules)
        XCTAssertEqual(s.objective, ObjectiveWeights(distance: 1, fairness: 20, change: 0.5))
        XCTAssertEqual(
            s.units[0],
            Unit(
                id: "SDS", name: "枣庄市张山子煤业有限公司双顶山石灰岩矿", short: "双顶山矿", kind: .enterprise,
                level: .county, group: "张山子煤业", town: "张山子镇", location: Location(lat: 34.62, lon: 117.58),
                minStaff: 3, sends: true, receives: true))
        XCTAssertEqual(s.units[3], Unit(id: "AJJ", name: "台儿庄区应急管理局", kind: .office, level: .county, sends: false))
        XCTAssertEqual(
            s.people[0],
            Person(
                id: "SDS-01", name: "王强", unit: "SDS", qualified: true, phone: "13800000000", served: 1,
                unavailable: [Absence(range: DateRange(from: d(2022, 10, 1), to: d(2022, 10, 7)), reason: "年假")]))
        XCTAssertEqual(s.people[1].phone, "13900000000", "a phone written as a number keeps its digits")
        XCTAssertFalse(s.people[2].qualified)
        XCTAssertEqual(
            s.history, [HistoryTerm(start: d(2022, 2, 20), stays: [HistoryStay(person: "SDS-01", site: "QX")])])
        XCTAssertEqual(
            s.pins,
            [
                Pin(term: 1, subject: .unit("SDS"), site: "QX"),
                Pin(term: 2, subject: .person("SDS-02"), site: "LS"),
            ])
        XCTAssertEqual(
            s.forbid,
            [
                Forbid(subject: .person("QX-03"), site: "LS", reason: "亲属在该企业任职"),
                Forbid(subject: .unit("QX"), site: "SDS"),
            ])
        XCTAssertEqual(loaded.sourceMap.position("calendar.start"), SourcePosition(line: 8, column: 10))
        XCTAssertEqual(loaded.sourceMap.keyPosition("calendar.start"), SourcePosition(line: 8, column: 3))
        XCTAssertEqual(loaded.sourceMap.position("units[0].minStaff"), SourcePosition(line: 51, column: 15))
        XCTAssertEqual(loaded.sourceMap.position("people[0].unavailable[0]"), SourcePosition(line: 72, column: 9))
        XCTAssertEqual(loaded.sourceMap.position("calendar.reportDue.2023-10"), SourcePosition(line: 19, column: 26))
        XCTAssertEqual(loaded.sourceMap.nearestPosition("units[1].minStaff"), SourcePosition(line: 54, column: 5))
        XCTAssertEqual(loaded.warnings, [])
    }

    func testBOMAndCRLFAreAccepted() throws {
        let loaded = try load("bom-crlf.yaml")
        XCTAssertEqual(loaded.scenario.name, "BOM 与 CRLF")
        XCTAssertEqual(loaded.scenario.units.map(\.name), ["甲矿", "乙矿"])
        XCTAssertEqual(loaded.scenario.people[0].unit, "A")
        // The BOM takes no column, and a CR does not start a line.
        XCTAssertEqual(loaded.sourceMap.keyPosition("version"), SourcePosition(line: 1, column: 1))
        XCTAssertEqual(loaded.sourceMap.position("calendar.start"), SourcePosition(line: 4, column: 10))
    }

    func testAnchorsAndMergeKeys() throws {
        let s = try load("anchors.yaml").scenario
        XCTAssertEqual(s.units.map(\.id), ["A", "B"])
        XCTAssertEqual(s.units[1].group, "G1", "the merged mapping supplies fields the unit does not write")
        XCTAssertEqual(s.units[1].name, "乙矿", "explicit fields win over merged ones")
    }

    func testVisitingModeAllowsSeveralSitesPerPersonAndOfficesSendUnderFree() throws {
        let s = try load("visiting.yaml").scenario
        XCTAssertEqual(s.mode, .visiting)
        XCTAssertEqual(s.rules.maxSitesPerPerson, 3)
        XCTAssertEqual(s.rules.structure, .free)
        XCTAssertTrue(s.units[1].sends, "under free an office sends by default")
        XCTAssertFalse(s.units[1].receives)
    }

    func testSHA256OfKnownBytes() throws {
        XCTAssertEqual(
            ScenarioLoader.sha256Hex(Array("abc".utf8)),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let bytes = Array("version: 1\nname: x\ncalendar: {start: 2022-08-20}\nunits: [{id: A, name: a}, {id: B, name: b}]\npeople: []\n".utf8)
        let loaded = try ScenarioLoader.load(data: bytes, file: "mem.yaml")
        XCTAssertEqual(loaded.sha256, ScenarioLoader.sha256Hex(bytes))
        XCTAssertEqual(loaded.file, "mem.yaml")
        // The hash is of the file's bytes as read, BOM included.
        let path = Fixtures.path("good/bom-crlf.yaml")
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(try ScenarioLoader.load(path: path).sha256, ScenarioLoader.sha256Hex(raw))
        // A fixture's hash as `sha256sum` prints it.
        XCTAssertEqual(
            try load("minimal.yaml").sha256, "83aa88f8fe2e164ca0e84be2777f31241a5d80c05419c2807e2a2363d51aa8b6")
    }

    func testWarningsDoNotStopLoading() throws {
        let text = """
            version: 1
            name: warnings
            calendar: {start: 2022-08-20}
            units:
              - {id: A, name: a}
              - {id: B, name: b}
              - {id: OFF, name: office, kind: office}
            people: [{id: A-1, name: p, unit: A}]
            history:
              - {start: 2021-08-20, stays: []}
              - {start: 2022-02-20, stays: []}
            forbid:
              - {person: A-1, site: OFF}
            """
        let loaded = try ScenarioLoader.load(data: Array(text.utf8), file: "w.yaml")
        XCTAssertEqual(loaded.warnings.map(\.severity), [.warning, .warning])
        XCTAssertEqual(
            loaded.warnings.map(\.message),
            [
                .officeWithoutLevel(path: "units[2]", unit: "OFF"),
                .forbidSiteNotReceiving(path: "forbid[0].site", id: "OFF"),
            ])
        XCTAssertEqual(loaded.warnings[0].render(.en).prefix(22), "warning: w.yaml:7:5: `")
    }

    /// SPEC §3 rule 10: `official: cn` on a plan that reaches a year the State Council has not
    /// announced (the data file covers 2022–2026) warns at `calendar.official`, naming the
    /// years covered and the year not; a plan inside the covered years gets no warning.
    func testOfficialCalendarWarnsAboutYearsNotAnnounced() throws {
        func text(_ start: String) -> String {
            """
            version: 1
            name: w
            mode: visiting
            calendar:
              start: \(start)
              termMonths: 6
              terms: 2
              official: cn
            rules: {structure: free}
            units: [{id: A, name: a}, {id: B, name: b}]
            people: []
            """
        }
        let late = try ScenarioLoader.load(data: Array(text("2026-03-01").utf8), file: "w.yaml")
        XCTAssertEqual(late.warnings.map(\.message), [.officialYearsUnknown(path: "calendar.official", years: [2027], known: 2022...2026)])
        XCTAssertEqual(late.warnings.first?.position.line, 8)
        let rendered = late.warnings.first?.render(.en) ?? ""
        XCTAssertTrue(rendered.hasPrefix("warning: w.yaml:8:") && rendered.contains("2022–2026") && rendered.contains("2027"), rendered)
        XCTAssertTrue(late.warnings.first?.render(.zh).contains("2022–2026 年") ?? false)
        XCTAssertEqual(try ScenarioLoader.load(data: Array(text("2025-03-01").utf8), file: "w.yaml").warnings, [])
        let without = text("2026-03-01").replacingOccurrences(of: "  official: cn\n", with: "")
        XCTAssertEqual(try ScenarioLoader.load(data: Array(without.utf8), file: "w.yaml").warnings, [], "no official calendar, nothing to warn about")
    }

    /// SPEC 1.1: make-up working days are dates or ranges, as holidays are.
    func testWorkdaysTakeDatesAndRanges() throws {
        let text = """
            version: 1
            name: w
            mode: visiting
            calendar: {start: 2022-08-01, workdays: [2022-10-08, "2022-10-09..2022-10-10"]}
            rules: {structure: free}
            units: [{id: A, name: a}, {id: B, name: b}]
            people: []
            """
        let s = try ScenarioLoader.load(data: Array(text.utf8), file: "w.yaml").scenario
        guard let a = CivilDate(iso: "2022-10-08"), let b = CivilDate(iso: "2022-10-09"), let c = CivilDate(iso: "2022-10-10")
        else { return XCTFail("bad test dates") }
        XCTAssertEqual(s.calendar.workdays, [DateRange(day: a), DateRange(from: b, to: c)])
        // 2022-10-09 is a Sunday: a make-up day inside the range counts as a working day.
        XCTAssertTrue(OfficialCalendar.isWorkingDay(b, calendar: s.calendar))
        let reversed = text.replacingOccurrences(of: "2022-10-09..2022-10-10", with: "2022-10-10..2022-10-09")
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(reversed.utf8), file: "w.yaml")) { error in
            let rendered = (error as? ScenarioLoadError)?.diagnostics.map { $0.render(.en) } ?? []
            XCTAssertEqual(rendered.count, 1, "\(rendered)")
            XCTAssertTrue(rendered.first?.contains("`calendar.workdays[1]` ends on 2022-10-09, before it starts on 2022-10-10") ?? false, "\(rendered)")
        }
    }

    /// SPEC 1.1: `active: false` on a unit or a person; under a ring a closed mine need not
    /// send or receive, and it does not count towards the two enterprises a ring needs.
    func testActiveFalseOnUnitsAndPeople() throws {
        let text = """
            version: 1
            name: a
            calendar: {start: 2022-08-01}
            rules: {structure: ring}
            units:
              - {id: A, name: a}
              - {id: B, name: b}
              - {id: C, name: c, active: false, sends: false}
            people:
              - {id: A-1, name: p, unit: A, active: false}
              - {id: B-1, name: q, unit: B}
            history:
              - {start: 2022-02-01, stays: [{person: A-1, site: C}]}
            """
        let s = try ScenarioLoader.load(data: Array(text.utf8), file: "a.yaml").scenario
        XCTAssertEqual(s.units.map(\.active), [true, true, false])
        XCTAssertEqual(s.people.map(\.active), [false, true])
        let alone = text.replacingOccurrences(of: "{id: B, name: b}", with: "{id: B, name: b, active: false}")
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(alone.utf8), file: "a.yaml")) { error in
            let rendered = (error as? ScenarioLoadError)?.diagnostics.map { $0.render(.en) } ?? []
            XCTAssertTrue(rendered.contains { $0.contains("needs at least 2 enterprises") }, "\(rendered)")
        }
    }

    func testMissingFileIsAFileSystemError() {
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/nonexistent/zhudian/scenario.yaml")) { error in
            guard let error = error as? ScenarioLoadError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.isFileSystemError)
            XCTAssertEqual(error.diagnostics.count, 1)
            XCTAssertTrue(
                error.diagnostics[0].render(.en).hasPrefix(
                    "error: /nonexistent/zhudian/scenario.yaml:1:1: cannot read the scenario file: No such file"),
                error.diagnostics[0].render(.en))
        }
        XCTAssertThrowsError(try ScenarioLoader.load(path: Fixtures.path("good"))) { error in
            XCTAssertTrue((error as? ScenarioLoadError)?.isFileSystemError ?? false, "a directory is not a file")
        }
    }
}
