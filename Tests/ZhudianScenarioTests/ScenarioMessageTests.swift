import XCTest
import ZhudianCore
import ZhudianScenario

final class ScenarioMessageTests: XCTestCase {
    /// One instance of every case.
    static let samples: [ScenarioMessage] = [
        .cannotRead(reason: "No such file or directory"),
        .fileTooLarge(bytes: 10_485_761, limit: 10_485_760),
        .notUTF8(byte: 0xB2),
        .emptyFile,
        .topLevelNotMapping(found: .list),
        .multipleDocuments,
        .tabIndentation,
        .yamlSyntax(problem: "did not find expected ',' or ']'", context: "while parsing a flow sequence"),
        .duplicateKey(path: "name", firstLine: 2),
        .nestingTooDeep(limit: 64),
        .aliasExpansionTooLarge(alias: "a9", limit: 1_000_000),
        .tooManyValues(limit: 1_000_000),
        .undefinedAlias(alias: "bureau"),
        .keyNotText(path: "units[0]"),
        .unknownField(path: "units[0].nmae", suggestion: "name", valid: ["id", "name"]),
        .missingField(path: "calendar.start"),
        .wrongType(path: "calendar.terms", expected: .integer, found: .text("two")),
        .outOfRange(path: "calendar.termMonths", value: "13", bound: .between(1, 12)),
        .notFinite(path: "objective.fairness", value: ".inf"),
        .invalidChoice(path: "rules.structure", value: "rings", choices: ["ring", "cycles", "free"], suggestion: "ring"),
        .emptyText(path: "name"),
        .unsupportedVersion(found: "2"),
        .impossibleDate(path: "calendar.start", text: "2023-02-30"),
        .badDate(path: "calendar.start", text: "soon"),
        .badDateOrRange(path: "calendar.holidays[0]", text: "national day"),
        .reversedRange(path: "calendar.holidays[0]", from: "2022-10-07", to: "2022-10-01"),
        .badMonthKey(path: "calendar.reportDue", key: "2023-13"),
        .invalidID(path: "units[2].id", id: "C mine"),
        .duplicateUnitID(path: "units[3].id", id: "B", firstLine: 7),
        .duplicatePersonID(path: "people[2].id", id: "A-1", firstLine: 12),
        .unknownUnit(path: "people[2].unit", id: "CC", suggestion: "C"),
        .unknownPerson(path: "forbid[0].person", id: "B-2", suggestion: "B-1"),
        .siteNotReceiving(path: "history[0].stays[0].site", id: "AJJ"),
        .officeReceives(path: "units[3].receives", unit: "AJJ"),
        .officeSendsUnderTeams(path: "units[3].sends", unit: "AJJ", structure: "ring"),
        .enterpriseMustTakePart(path: "units[2].receives", unit: "C", field: "receives", structure: "cycles"),
        .tooFewEnterprises(structure: "ring", count: 1),
        .noSites,
        .sitesPerPersonInResident(value: 2),
        .needsOneSubject(path: "pins[0]"),
        .officeWithoutLevel(path: "units[3]", unit: "AJJ"),
        .historyOutOfOrder(path: "history[1].start", previous: "2022-02-20"),
        .historyNotBeforePlan(path: "history[0].start", start: "2022-08-20", planStart: "2022-08-20"),
        .forbidSiteNotReceiving(path: "forbid[0].site", id: "AJJ"),
        .overlayBlockValue(path: "calendar.holidays"),
        .addedPersonExists(id: "SDS-01"),
        .officialYearsUnknown(path: "calendar.official", years: [2027], known: 2022...2026),
        .officialCalendarBroken(detail: "official-cn.json: `notices[0].year` is missing"),
    ]

    /// Numbers the cases; the switch has no default, so a new case does not
    /// compile until it is numbered here — and then needs a sample above.
    static func caseNumber(_ m: ScenarioMessage) -> Int {
        switch m {
        case .cannotRead: return 0
        case .fileTooLarge: return 1
        case .notUTF8: return 2
        case .emptyFile: return 3
        case .topLevelNotMapping: return 4
        case .multipleDocuments: return 5
        case .tabIndentation: return 6
        case .yamlSyntax: return 7
        case .duplicateKey: return 8
        case .nestingTooDeep: return 9
        case .aliasExpansionTooLarge: return 10
        case .tooManyValues: return 11
        case .undefinedAlias: return 12
        case .keyNotText: return 13
        case .unknownField: return 14
        case .missingField: return 15
        case .wrongType: return 16
        case .outOfRange: return 17
        case .notFinite: return 18
        case .invalidChoice: return 19
        case .emptyText: return 20
        case .unsupportedVersion: return 21
        case .impossibleDate: return 22
        case .badDate: return 23
        case .badDateOrRange: return 24
        case .reversedRange: return 25
        case .badMonthKey: return 26
        case .invalidID: return 27
        case .duplicateUnitID: return 28
        case .duplicatePersonID: return 29
        case .unknownUnit: return 30
        case .unknownPerson: return 31
        case .siteNotReceiving: return 32
        case .officeReceives: return 33
        case .officeSendsUnderTeams: return 34
        case .enterpriseMustTakePart: return 35
        case .tooFewEnterprises: return 36
        case .noSites: return 37
        case .sitesPerPersonInResident: return 38
        case .needsOneSubject: return 39
        case .officeWithoutLevel: return 40
        case .historyOutOfOrder: return 41
        case .forbidSiteNotReceiving: return 42
        case .overlayBlockValue: return 44
        case .addedPersonExists: return 45
        case .historyNotBeforePlan: return 43
        case .officialYearsUnknown: return 46
        case .officialCalendarBroken: return 47
        }
    }

    func testSamplesCoverEveryCase() {
        XCTAssertEqual(Set(Self.samples.map(Self.caseNumber)), Set(0...47))
    }

    func testEveryMessageHasChineseAndEnglish() {
        for m in Self.samples {
            let en = m.render(.en)
            let zh = m.render(.zh)
            XCTAssertFalse(en.isEmpty)
            XCTAssertNotEqual(en, zh, "\(m)")
            XCTAssertTrue(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "no Chinese in: \(zh)")
            // The samples' values are ASCII, so any Chinese here would be untranslated text.
            XCTAssertFalse(en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese in: \(en)")
            XCTAssertFalse(en.contains("\n") || zh.contains("\n"), "one line each: \(en)")
        }
    }

    func testMessagesNameTheFieldAndTheFix() {
        XCTAssertEqual(
            ScenarioMessage.wrongType(path: "rules.minStaff", expected: .integer, found: .quoted("2")).render(.zh),
            "`rules.minStaff` 应为整数（如 `3`），实际为 `\"2\"`（带引号，是文字）；请去掉引号")
        XCTAssertEqual(
            ScenarioMessage.wrongType(path: "rules.minStaff", expected: .integer, found: .quoted("two")).render(.en),
            "`rules.minStaff` must be a whole number (such as `3`), found the quoted text `\"two\"`; "
                + "write a value of that kind there")
        // Removing the quotes would not make `"1.5"` a whole number, nor `"2"` a boolean.
        XCTAssertTrue(
            ScenarioMessage.wrongType(path: "rules.minStaff", expected: .integer, found: .quoted("1.5")).render(.en)
                .hasSuffix("write a value of that kind there"))
        XCTAssertTrue(
            ScenarioMessage.wrongType(path: "rules.requireQualified", expected: .boolean, found: .quoted("2")).render(.en)
                .hasSuffix("write a value of that kind there"))
        XCTAssertEqual(
            ScenarioMessage.outOfRange(path: "calendar.termMonths", value: "13", bound: .between(1, 12)).render(.en),
            "`calendar.termMonths` is `13`, but it must be between 1 and 12; change it to a value in that range")
        XCTAssertEqual(
            ScenarioMessage.outOfRange(path: "calendar.termMonths", value: "13", bound: .between(1, 12)).render(.zh),
            "`calendar.termMonths` 为 `13`，但必须在 1 到 12 之间；请改为此范围内的值")
        XCTAssertEqual(
            ScenarioMessage.unknownField(path: "units[0].nmae", suggestion: "name", valid: []).render(.en),
            "unknown field `units[0].nmae`; did you mean `name`?")
        XCTAssertEqual(
            ScenarioMessage.unknownField(path: "objective.fair", suggestion: nil, valid: ["distance", "fairness", "change"])
                .render(.en),
            "unknown field `objective.fair`; the fields allowed here are `distance`, `fairness`, `change`")
    }

    func testDiagnosticRendering() {
        let d = ScenarioDiagnostic(
            severity: .error, file: "s.yaml", line: 3, column: 5, message: .missingField(path: "calendar.start"))
        XCTAssertEqual(d.render(.en), "error: s.yaml:3:5: required field `calendar.start` is missing; add it")
        XCTAssertEqual(d.render(.zh), "error: s.yaml:3:5: 缺少必填字段 `calendar.start`；请补上")
    }
}
