import Foundation
import XCTest
import ZhudianCore

@testable import ZhudianScenario

/// `--set PATH=VALUE`: every one-value field of SPEC §1 can be set, in a file that writes it
/// and in one that leaves it out; everything else is refused with a clear message.
final class ScenarioSettingTests: XCTestCase {
    private func text(_ relative: String) throws -> String {
        try String(contentsOfFile: Fixtures.path(relative), encoding: .utf8)
    }

    private func applied(_ settings: [String], to relative: String) throws -> Scenario {
        let edited = try ScenarioSetting.apply(
            settings.map { try ScenarioSetting(parsing: $0) }, to: try text(relative), file: relative)
        return try ScenarioLoader.load(data: Array(edited.utf8), file: relative).scenario
    }

    /// (setting, what the loaded scenario must then say). `active` (SPEC 1.1) is left to the
    /// loader that knows it.
    private let cases: [(String, (Scenario) -> Bool)] = [
        ("name=台儿庄 2023: 上半年 #1", { $0.name == "台儿庄 2023: 上半年 #1" }),
        ("authority=区应急局", { $0.authority == "区应急局" }),
        ("sector=非煤矿山", { $0.sector == "非煤矿山" }),
        ("mode=visiting", { $0.mode == .visiting }),
        ("calendar.termMonths=3", { $0.calendar.termMonths == 3 }),
        ("calendar.terms=2", { $0.calendar.terms == 2 }),
        ("calendar.handoverDays=5", { $0.calendar.handoverDays == 5 }),
        ("calendar.start=2023-02-20", { $0.calendar.start == CivilDate(iso: "2023-02-20") }),
        ("calendar.official=cn", { $0.calendar.official == "cn" }),
        ("calendar.reportDay=28", { $0.calendar.reportDay == 28 }),
        ("calendar.visitsPerMonth=2", { $0.calendar.visitsPerMonth == 2 }),
        ("calendar.minVisitGapDays=10", { $0.calendar.minVisitGapDays == 10 }),
        ("rules.minStaff=1", { $0.rules.minStaff == 1 }),
        ("rules.structure=free", { $0.rules.structure == .free }),
        ("rules.minCycle=2", { $0.rules.minCycle == 2 }),
        ("rules.mutualPairs=allow", { $0.rules.mutualPairs == .allow }),
        ("rules.sameGroup=allow", { $0.rules.sameGroup == .allow }),
        ("rules.pairCooldown=2", { $0.rules.pairCooldown == 2 }),
        ("rules.personCooldown=3", { $0.rules.personCooldown == 3 }),
        ("rules.maxConsecutiveTerms=2", { $0.rules.maxConsecutiveTerms == 2 }),
        ("rules.keepAtHome=0", { $0.rules.keepAtHome == 0 }),
        ("rules.requireQualified=false", { !$0.rules.requireQualified }),
        ("rules.maxDistanceKm=25.5", { $0.rules.maxDistanceKm == 25.5 }),
        ("objective.distance=2", { $0.objective.distance == 2 }),
        ("objective.fairness=0", { $0.objective.fairness == 0 }),
        ("objective.change=1.5", { $0.objective.change == 1.5 }),
        ("units.A.name=甲矿新名", { $0.units[0].name == "甲矿新名" }),
        ("units.A.short=甲", { $0.units[0].short == "甲" }),
        ("units.A.group=甲集团", { $0.units[0].group == "甲集团" }),
        ("units.A.town=张山子镇", { $0.units[0].town == "张山子镇" }),
        ("units.A.minStaff=3", { $0.units[0].minStaff == 3 }),
        ("units.OFF.level=county", { $0.units[2].level == .county }),
        ("people.A-1.name=甲一一", { $0.people[0].name == "甲一一" }),
        ("people.A-1.qualified=no", { !$0.people[0].qualified }),
        ("people.A-1.phone=13800000000", { $0.people[0].phone == "13800000000" }),
        ("people.A-1.served=4", { $0.people[0].served == 4 }),
    ]

    func testEveryOneValueFieldCanBeSetWhereTheFileLeavesItOut() throws {
        for (setting, holds) in cases {
            let s = try applied([setting], to: "good/minimal.yaml")
            XCTAssertTrue(holds(s), setting)
        }
    }

    func testSettingsReplaceValuesTheFileWrites() throws {
        let s = try applied(["rules.minStaff=3", "objective.change=0", "calendar.terms=3", "name=x"], to: "good/full.yaml")
        XCTAssertEqual(s.rules.minStaff, 3)
        XCTAssertEqual(s.objective.change, 0)
        XCTAssertEqual(s.calendar.terms, 3)
        XCTAssertEqual(s.name, "x")
        let edited = try ScenarioSetting.apply([try ScenarioSetting(parsing: "rules.minStaff=3")], to: try text("good/full.yaml"), file: "f")
        let changed = zip(edited.split(separator: "\n"), try text("good/full.yaml").split(separator: "\n")).filter { $0.0 != $0.1 }
        XCTAssertEqual(changed.map { String($0.0) }, ["  minStaff: 3"], "only the one line changes")
    }

    func testUnknownPathsGetADidYouMean() {
        let expectations: [(String, String?)] = [
            ("rules.minStaf=3", "rules.minStaff"), ("calender=1", "calendar"), ("nmae=x", "name"),
            ("objective.distanse=1", "objective.distance"), ("units.A.minstaff=3", "units.A.minStaff"),
            ("people.A-1.qualifed=no", "people.A-1.qualified"), ("rules.whatever=1", nil),
        ]
        for (text, suggestion) in expectations {
            XCTAssertThrowsError(try applied([text], to: "good/minimal.yaml"), text) {
                guard case .unknownSetting(_, let s, _) = $0 as? ScenarioEditError else { return XCTFail("\(text): \($0)") }
                XCTAssertEqual(s, suggestion, text)
            }
        }
    }

    func testUnknownIDsGetADidYouMean() {
        XCTAssertThrowsError(try applied(["units.AA.minStaff=3"], to: "good/minimal.yaml")) {
            XCTAssertEqual($0 as? ScenarioEditError, .unknownID(path: "units.AA.minStaff", id: "AA", suggestion: "A"))
        }
    }

    func testListsAndMappingsAreNotOneValue() {
        for text in ["calendar.holidays=[]", "pins=[]", "people.A-1.unavailable=[]", "units.A.location=1", "rules=1"] {
            XCTAssertThrowsError(try applied([text], to: "good/minimal.yaml"), text) {
                guard case .notOneValue = $0 as? ScenarioEditError else { return XCTFail("\(text): \($0)") }
            }
        }
    }

    func testBadValuesAreRefusedWithTheLoadersMessage() {
        let expectations: [(String, String)] = [
            ("rules.minStaff=0", "`rules.minStaff` is `0`"), ("rules.structure=rign", "did you mean `ring`"),
            ("calendar.start=2023-02-30", "2023-02-30"), ("objective.distance=far", "number"),
            ("name=", "`name`"), ("rules.minStaff=3, 4", "rules.minStaff"),
        ]
        for (text, words) in expectations {
            XCTAssertThrowsError(try applied([text], to: "good/minimal.yaml"), text) {
                guard let e = $0 as? ScenarioEditError, case .refused = e else { return XCTFail("\(text): \($0)") }
                XCTAssertTrue(e.render(.en).contains(words), "\(text): \(e.render(.en))")
                XCTAssertTrue(e.render(.en).hasPrefix("--set \(text):"), e.render(.en))
            }
        }
    }

    func testMalformedSettings() {
        for text in ["rules.minStaff", "=3", ""] {
            XCTAssertThrowsError(try ScenarioSetting(parsing: text), text) {
                XCTAssertEqual($0 as? ScenarioEditError, .malformedSetting(text: text))
            }
        }
        XCTAssertEqual(try ScenarioSetting(parsing: "name=a=b").value, "a=b")
    }

    /// A file that quotes its values (as `zhudian generate` writes them) keeps them quoted
    /// where the loader reads quoted values; numbers stay plain.
    func testQuotedValuesStayQuoted() throws {
        let text = """
            version: 1
            name: "甲"
            calendar: {start: "2022-08-20", terms: 1}
            rules:
              structure: "cycles"
              minStaff: 2
            units: [{id: "A", name: "甲矿"}, {id: "B", name: "乙矿"}]
            people: []

            """
        let settings = try ["name=乙", "rules.structure=ring", "calendar.start=2023-01-01", "rules.minStaff=1"]
            .map { try ScenarioSetting(parsing: $0) }
        let edited = try ScenarioSetting.apply(settings, to: text, file: "q.yaml")
        XCTAssertTrue(edited.contains("name: \"乙\"\n"), edited)
        XCTAssertTrue(edited.contains("calendar: {start: \"2023-01-01\", terms: 1}"), edited)
        XCTAssertTrue(edited.contains("  structure: \"ring\"\n  minStaff: 1\n"), edited)
    }

    /// Unit A is an anchor that B merges: setting A's field would set B's too.
    func testAnAnchoredPlaceIsRefusedAndAMergedOneGetsItsOwnKey() throws {
        XCTAssertThrowsError(try applied(["units.A.minStaff=3"], to: "good/anchors.yaml")) {
            XCTAssertEqual($0 as? ScenarioEditError, .sharedByAnchor(path: "units.A.minStaff"))
        }
        let s = try applied(["units.B.group=G2"], to: "good/anchors.yaml")
        XCTAssertEqual(s.units.map(\.group), ["G1", "G2"])
    }
}
