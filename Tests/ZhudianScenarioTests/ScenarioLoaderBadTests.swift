import Foundation
import XCTest
import ZhudianCore
import ZhudianScenario

final class ScenarioLoaderBadTests: XCTestCase {
    /// Each file in `Fixtures/bad`, with where its first error is and a phrase it must contain.
    static let expectations: [(file: String, line: Int, column: Int, phrase: String)] = [
        // unknown fields, at every level
        ("unknown-top-field", 19, 1, "unknown field `authorty`; did you mean `authority`?"),
        ("unknown-calendar-field", 5, 3, "unknown field `calendar.termMonth`; did you mean `termMonths`?"),
        ("unknown-rules-field", 20, 3, "unknown field `rules.minstaf`; did you mean `minStaff`?"),
        ("unknown-objective-field", 21, 3, "the fields allowed here are `distance`, `fairness`, `change`"),
        ("unknown-unit-field", 7, 5, "unknown field `units[0].nmae`; did you mean `name`?"),
        ("unknown-location-field", 10, 27, "unknown field `units[1].location.long`; did you mean `lon`?"),
        ("unknown-person-field", 22, 5, "unknown field `people[2].phon`; did you mean `phone`?"),
        ("unknown-unavailable-field", 20, 44, "`people[1].unavailable[0].reasn`; did you mean `reason`?"),
        ("unknown-history-field", 20, 5, "unknown field `history[0].begin`; the fields allowed here are `start`, `stays`"),
        ("unknown-stay-field", 21, 32, "unknown field `history[0].stays[0].days`"),
        ("unknown-pin-field", 20, 24, "unknown field `pins[0].sit`; did you mean `site`?"),
        ("unknown-forbid-field", 20, 28, "unknown field `forbid[0].reson`; did you mean `reason`?"),
        ("unknown-event-field", 6, 26, "unknown field `calendar.events[0].titel`; did you mean `title`?"),
        // ids and references
        ("duplicate-unit-id", 12, 9, "repeats the unit id `B` already used on line 8"),
        ("duplicate-person-id", 19, 9, "repeats the person id `A-1` already used on line 13"),
        ("bad-id-characters", 10, 9, "`units[2].id` is `丙 矿`, which is not a valid id"),
        ("dangling-person-unit", 21, 11, "names the unit `CC`, which `units` does not define; did you mean `C`?"),
        ("dangling-history-person", 21, 22, "`history[0].stays[0].person` names the person `Z-9`"),
        ("dangling-pin-site", 20, 30, "`pins[0].site` names the unit `QX`"),
        ("dangling-forbid-person", 20, 14, "`forbid[0].person` names the person `B-2`"),
        ("history-site-office", 21, 33, "names `AJJ`, which is not a site"),
        ("history-out-of-order", 22, 12, "`history[1].start` does not start after the entry above it (2022-02-20)"),
        ("history-after-start", 20, 12, "`history[0].start` is 2022-08-20, but history holds the terms before `calendar.start` (2022-08-20)"),
        // values
        ("impossible-date", 4, 10, "`calendar.start` is `2023-02-30`, a date that does not exist"),
        ("term-months-13", 5, 15, "`calendar.termMonths` is `13`, but it must be between 1 and 12"),
        ("terms-9", 5, 10, "`calendar.terms` is `9`, but it must be between 1 and 8"),
        ("handover-31", 5, 17, "`calendar.handoverDays` is `31`, but it must be between 0 and 30"),
        ("negative-weight", 20, 13, "`objective.distance` is `-1`, but it must be between 0 and 1000000"),
        ("weight-huge", 20, 13, "`objective.distance` is `1e308`, but it must be between 0 and 1000000"),
        ("weight-infinite", 20, 13, "`objective.fairness` is `.inf`, but it must be a finite number"),
        ("latitude-95", 8, 21, "`units[0].location.lat` is `95`, but it must be between -90 and 90"),
        ("wrong-type-number", 5, 10, "`calendar.terms` must be a whole number"),
        ("wrong-type-bool", 20, 21, "`rules.requireQualified` must be `true` or `false`, found `maybe`"),
        ("quoted-number", 5, 10, "`calendar.terms` must be a whole number (such as `3`), found the quoted text `\"2\"`; remove the quotes"),
        ("quoted-bool", 20, 21, "`rules.requireQualified` must be `true` or `false`, found the quoted text `\"true\"`; remove the quotes"),
        ("bad-choice", 20, 14, "`rules.structure` is `rings`, which is not one of `ring`, `cycles`, `free`; did you mean `ring`?"),
        ("official-unknown", 5, 13, "`calendar.official` is `tw`, which is not one of `cn`"),
        ("reversed-holiday-range", 5, 14, "`calendar.holidays[0]` ends on 2022-10-01, before it starts on 2022-10-07"),
        ("reversed-unavailable", 20, 32, "`people[1].unavailable[0]` ends on 2022-10-01"),
        ("bad-report-month", 5, 15, "has the key `2023-13`, which is not a month"),
        ("pin-term-out-of-range", 20, 12, "`pins[0].term` is `2`, but it must be exactly 1"),
        ("pin-both-subjects", 20, 5, "`pins[0]` must name exactly one of `unit` and `person`"),
        ("wrong-version", 1, 10, "`version` is `2`, but this program reads version 1"),
        ("missing-version", 1, 1, "required field `version` is missing"),
        ("missing-name", 1, 1, "required field `name` is missing"),
        ("missing-start", 4, 3, "required field `calendar.start` is missing"),
        // contradictions
        ("sites-per-person-resident", 20, 22, "`rules.maxSitesPerPerson` is 2, but with `mode: resident`"),
        ("office-receives", 16, 15, "office `AJJ` cannot receive"),
        ("office-sends-ring", 16, 12, "office `AJJ` sends, but with `structure: ring` only enterprises send teams"),
        ("enterprise-not-receiving-cycles", 12, 15, "with `structure: cycles` every enterprise sends and receives"),
        ("too-few-enterprises", 11, 14, "which needs at least 2 enterprises"),
        // the file and its YAML
        ("empty", 1, 1, "the scenario file is empty"),
        ("comments-only", 1, 1, "the scenario file is empty"),
        ("top-level-list", 1, 1, "the top level of a scenario must be a mapping of fields, found a list"),
        ("tab-indentation", 4, 1, "a tab character is used to indent"),
        ("two-documents", 19, 1, "the file holds a second YAML document here"),
        ("duplicate-key", 19, 1, "`name` is written twice in one mapping (first on line 2)"),
        ("not-utf8", 2, 7, "the file is not UTF-8 text (byte 0xB2"),
        ("undefined-alias", 19, 12, "alias `*bureau` refers to no anchor defined before it"),
        ("alias-bomb", 7, 12, "alias `*a5` makes the file expand to more than 1000000 values"),
        ("alias-bomb-as-key", 7, 12, "alias `*a5` makes the file expand to more than 1000000 values"),
        ("deep-nesting", 1, 65, "the YAML is nested more than 64 levels deep"),
        ("deep-nesting-unclosed", 2, 8, "the YAML is nested more than 64 levels deep"),
    ]

    func testEveryBadFixtureIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("bad"))
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        XCTAssertEqual(Set(files), Set(Self.expectations.map(\.file)))
        XCTAssertGreaterThanOrEqual(files.count, 30)
    }

    func testBadFixturesGiveTheirFirstError() {
        for e in Self.expectations {
            let path = Fixtures.path("bad/\(e.file).yaml")
            do {
                _ = try ScenarioLoader.load(path: path)
                XCTFail("\(e.file): loaded")
            } catch {
                XCTAssertFalse(error.isFileSystemError, e.file)
                guard let first = error.diagnostics.first else {
                    XCTFail("\(e.file): no diagnostics")
                    continue
                }
                XCTAssertEqual(first.severity, .error, e.file)
                let line = first.render(.en)
                let prefix = "error: \(path):\(e.line):\(e.column): "
                XCTAssertTrue(line.hasPrefix(prefix), "\(e.file): \(line)")
                XCTAssertTrue(line.contains(e.phrase), "\(e.file): \(line)")
                XCTAssertTrue(first.render(.zh).hasPrefix(prefix), "\(e.file): \(first.render(.zh))")
            }
        }
    }

    func testAllProblemsAreReportedAtOnce() {
        let text = """
            version: 1
            name: three problems
            calendar:
              start: 2022-08-20
              termMonths: 13
            rules:
              minStaf: 2
            units:
              - {id: A, name: a}
              - {id: B, name: b}
            people:
              - {id: A-1, name: p, unit: Q}
            """
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(text.utf8), file: "three.yaml")) { error in
            guard let error = error as? ScenarioLoadError else { return XCTFail("\(error)") }
            XCTAssertEqual(
                error.diagnostics.map { $0.render(.en) },
                [
                    "error: three.yaml:5:15: `calendar.termMonths` is `13`, but it must be between 1 and 12; "
                        + "change it to a value in that range",
                    "error: three.yaml:7:3: unknown field `rules.minStaf`; did you mean `minStaff`?",
                    "error: three.yaml:12:30: `people[0].unit` names the unit `Q`, which `units` does not define; "
                        + "did you mean `A`?",
                ])
        }
    }

    func testOneMistakeGivesOneError() {
        // A unit that is not a mapping must not also make "too few enterprises" or
        // "unknown unit" errors; a garbled range is one error, not one per half.
        let text = """
            version: 1
            name: cascade
            calendar: {start: 2022-08-20, holidays: ["x..y"]}
            units: [A, {id: B, name: b}]
            people: [{id: A-1, name: p, unit: A}]
            pins: [{term: 1, unit: A, site: B}]
            """
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(text.utf8), file: "c.yaml")) { error in
            XCTAssertEqual(
                (error as? ScenarioLoadError)?.diagnostics.map(\.message),
                [
                    .badDateOrRange(path: "calendar.holidays[0]", text: "x..y"),
                    .wrongType(path: "units[0]", expected: .mapping, found: .text("A")),
                ])
        }
    }

    func testAnUnreadableStructureIsNotJudgedAsCycles() {
        // `structure: spiral` falls back to the default while reading; with one enterprise the
        // file used to get a second error saying "`rules.structure` is `cycles`, which needs at
        // least 2 enterprises", naming a structure the file does not have.
        let text = """
            version: 1
            name: spiral
            calendar: {start: 2022-08-20}
            units: [{id: A, name: a}]
            people: [{id: A-1, name: p, unit: A}]
            rules: {structure: spiral}
            """
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(text.utf8), file: "s.yaml")) { error in
            let messages = (error as? ScenarioLoadError)?.diagnostics.map { $0.render(.en) } ?? []
            XCTAssertEqual(messages.count, 1, "\(messages)")
            XCTAssertTrue(messages.first?.contains("`rules.structure` is `spiral`") == true, "\(messages)")
        }
    }

    func testDiagnosticsAreSortedByLineThenColumn() {
        // Found in a different order (cross-checks run after the walk) than they are written.
        let text = """
            version: 1
            name: order
            calendar: {start: 2022-08-20, terms: 0}
            units:
              - {id: A, name: a}
              - {id: A, name: b}
            people: [{id: P, name: p, unit: A, served: -1}]
            objective: {distance: x}
            """
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(text.utf8), file: "o.yaml")) { error in
            let positions = (error as? ScenarioLoadError)?.diagnostics.map { [$0.line, $0.column] } ?? []
            XCTAssertEqual(positions, [[3, 38], [6, 10], [7, 44], [8, 23]])
        }
    }

    func testOversizeFileIsRefusedBeforeReading() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let path = dir.appendingPathComponent("huge.yaml").path
        // A sparse file: 10 MiB + 1 byte on paper, nothing to read in practice.
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("version: 1\n".utf8)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(ScenarioLoader.maxFileSize + 1))
        try handle.close()
        XCTAssertThrowsError(try ScenarioLoader.load(path: path)) { error in
            guard let error = error as? ScenarioLoadError else { return XCTFail("\(error)") }
            XCTAssertFalse(error.isFileSystemError)
            XCTAssertEqual(error.diagnostics.count, 1)
            XCTAssertEqual(
                error.diagnostics[0].render(.en),
                "error: \(path):1:1: the scenario file has 10485761 bytes, more than the limit of 10485760 (10 MiB); "
                    + "a scenario is a few kilobytes, so check that this is the right file")
        }
        XCTAssertThrowsError(
            try ScenarioLoader.load(data: [UInt8](repeating: 0x20, count: ScenarioLoader.maxFileSize + 1), file: "big"))
    }

    /// The aliases are counted, never expanded: the load stops at the first alias of `c`
    /// whose count crosses the limit, about halfway along line 3, with that one diagnostic.
    func testWideAliasFanOutIsRefusedByCountingNotExpanding() {
        // 100 aliases of 100 aliases of a 200-item list: 2 million values expanded from 4 KiB.
        var text = "a: &a [" + Array(repeating: "x", count: 200).joined(separator: ", ") + "]\n"
        text += "b: &b [" + Array(repeating: "*a", count: 100).joined(separator: ", ") + "]\n"
        let lineC = "c: [" + Array(repeating: "*b", count: 100).joined(separator: ", ") + "]"
        text += lineC + "\n"
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(text.utf8), file: "fan.yaml")) { error in
            let diagnostics = (error as? ScenarioLoadError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.count, 1, "\(error)")
            guard let first = diagnostics.first else { return }
            XCTAssertEqual(first.message, .aliasExpansionTooLarge(alias: "b", limit: 1_000_000))
            XCTAssertEqual(first.line, 3)
            // Each `*b` adds about 20,000 values, so the 50th crosses a million: the
            // prescan stops there instead of reading (or expanding) the rest of the line.
            XCTAssertGreaterThan(first.column, lineC.count / 3, first.render(.en))
            XCTAssertLessThan(first.column, lineC.count * 2 / 3, first.render(.en))
        }
    }

    func testModestAliasesAreAccepted() throws {
        let text = """
            version: 1
            name: aliases
            calendar: {start: 2022-08-20, holidays: &h [2022-10-01, 2022-10-02], workdays: [2022-10-08]}
            units:
              - {id: A, name: &n 矿, location: &loc {lat: 34.6, lon: 117.5}}
              - {id: B, name: *n, location: *loc}
            people: [{id: P, name: p, unit: A}]
            """
        let s = try ScenarioLoader.load(data: Array(text.utf8), file: "a.yaml").scenario
        XCTAssertEqual(s.units[1].name, "矿")
        XCTAssertEqual(s.units[1].location, Location(lat: 34.6, lon: 117.5))
        XCTAssertEqual(s.calendar.holidays.count, 2)
    }

    func testYAMLSyntaxErrorsHaveAPlaceAndContext() {
        let text = "version: 1\nname: [a, b\ncalendar: {}\n"
        XCTAssertThrowsError(try ScenarioLoader.load(data: Array(text.utf8), file: "s.yaml")) { error in
            let d = (error as? ScenarioLoadError)?.diagnostics ?? []
            XCTAssertEqual(d.count, 1)
            XCTAssertEqual(
                d.first?.render(.en),
                "error: s.yaml:3:9: YAML syntax error: did not find expected ',' or ']' "
                    + "(while parsing a flow sequence at line 2, column 7); fix the YAML at this place")
        }
    }
}
