import Foundation
import XCTest
import ZhudianCore

@testable import ZhudianScenario

/// `next` as a library: the edited text (golden), the values it must hold, and refusals.
final class NextScenarioTests: XCTestCase {
    private func day(_ s: String) -> CivilDate {
        guard let d = CivilDate(iso: s) else { fatalError("bad date \(s) in a test") }
        return d
    }

    private func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(relative))))
    }

    /// The roster `zhudian plan` gives for `next/commented.yaml` (two terms of a three-mine ring).
    private func commentedRoster(_ loaded: LoadedScenario) -> Roster {
        func stays(_ pairs: [(String, String)], _ from: String, _ to: String) -> [Stay] {
            pairs.map { Stay(person: $0.0, site: $0.1, arrive: day(from), leave: day(to)) }
        }
        return Roster(
            scenario: ScenarioReference(name: loaded.scenario.name, sha256: loaded.sha256),
            solve: SolveSummary(status: .optimal, objective: 42.9, bound: 42.9, gap: 0, seconds: 0, engine: "test"),
            terms: [
                RosterTerm(
                    term: 1, start: day("2022-08-20"), end: day("2023-02-19"),
                    links: [Link(from: "A", to: "C"), Link(from: "B", to: "A"), Link(from: "C", to: "B")],
                    stays: stays([("B-2", "A"), ("C-2", "B"), ("A-2", "C")], "2022-08-20", "2023-02-22")),
                RosterTerm(
                    term: 2, start: day("2023-02-20"), end: day("2023-08-19"),
                    links: [Link(from: "A", to: "B"), Link(from: "B", to: "C"), Link(from: "C", to: "A")],
                    stays: stays([("C-3", "A"), ("A-3", "B"), ("B-3", "C")], "2023-02-20", "2023-08-22")),
            ])
    }

    private func nextOfCommented(
        settings: [String] = ["name=三矿互查 2023"], rules: CommandLineRules = CommandLineRules()
    ) throws -> (NextScenario.Output, LoadedScenario) {
        let data = try bytes("next/commented.yaml")
        let loaded = try ScenarioLoader.load(data: data, file: "commented.yaml")
        let out = try NextScenario.make(
            bytes: data, loaded: loaded, roster: commentedRoster(loaded), rosterFile: "roster.json",
            settings: settings.map { try ScenarioSetting(parsing: $0) }, rules: rules)
        return (out, loaded)
    }

    /// Comments, blank lines, key order and both styles survive; only what `next` changes changes.
    func testTheEditedFileMatchesTheGoldenFile() throws {
        let (out, _) = try nextOfCommented()
        let actual = String(decoding: out.bytes, as: UTF8.self)
        let name = "golden/next-commented.yaml"
        if ProcessInfo.processInfo.environment["ZHUDIAN_RECORD"] == "1" {
            let url = Fixtures.sourceDirectory.appendingPathComponent(name)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return XCTFail("recorded \(url.path); review it, then run again without ZHUDIAN_RECORD")
        }
        let expected = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
        XCTAssertEqual(actual, expected)
    }

    func testTheNewScenarioHoldsWhatNextPromises() throws {
        let (out, loaded) = try nextOfCommented()
        let s = out.loaded.scenario
        XCTAssertEqual(s.name, "三矿互查 2023")
        XCTAssertFalse(out.nameKept)
        XCTAssertEqual(s.calendar.start, day("2023-08-20"))
        XCTAssertEqual(s.history.map(\.start), [day("2022-08-20"), day("2023-02-20")])
        XCTAssertEqual(s.history.count, NextScenario.historyLength(loaded.scenario))
        let served = Dictionary(uniqueKeysWithValues: s.people.map { ($0.id, $0.served) })
        XCTAssertEqual(served, ["A-1": 2, "A-2": 1, "A-3": 1, "B-1": 0, "B-2": 1, "B-3": 1, "C-1": 0, "C-2": 1, "C-3": 1])
        XCTAssertEqual(s.people[1].unavailable.map(\.range.from), [day("2024-05-01")])
        XCTAssertEqual(s.calendar.events.map(\.title), ["年中检查"])
        XCTAssertEqual(s.pins, [], "both pins were for the planned terms")
        XCTAssertEqual(s.forbid, loaded.scenario.forbid)
        var rest = s
        rest.calendar = loaded.scenario.calendar
        rest.name = loaded.scenario.name
        rest.people = loaded.scenario.people
        rest.history = loaded.scenario.history
        rest.pins = loaded.scenario.pins
        XCTAssertEqual(rest, loaded.scenario, "every other setting is kept")
    }

    func testLaterPinsAreRenumberedAndCommandLineOnesAdded() throws {
        let s = try ScenarioLoader.load(data: try bytes("next/commented.yaml"), file: "c.yaml").scenario
        var longer = s
        longer.calendar.terms = 3
        longer.pins.append(Pin(term: 3, subject: .unit("B"), site: "A"))
        let roster = commentedRoster(LoadedScenario(scenario: s, sha256: "x", file: "c.yaml"))
        let next = NextScenario.expected(longer, after: roster, pins: [Pin(term: 2, subject: .person("C-1"), site: "B")])
        XCTAssertEqual(next.pins, [Pin(term: 1, subject: .unit("B"), site: "A"), Pin(term: 2, subject: .person("C-1"), site: "B")])

        let (out, _) = try nextOfCommented(rules: CommandLineRules(pinTeam: ["1:A:B"], forbidUnit: ["C:A"]))
        XCTAssertEqual(out.loaded.scenario.pins, [Pin(term: 1, subject: .unit("A"), site: "B")])
        XCTAssertEqual(out.loaded.scenario.forbid.last, Forbid(subject: .unit("C"), site: "A"))
    }

    /// History keeps what the cooldowns, the run of consecutive terms and the handover look at.
    func testHistoryLengthRule() {
        var s = Scenario(name: "x", calendar: CalendarSettings(start: day("2022-01-01"), handoverDays: 0), units: [], people: [])
        s.rules.pairCooldown = 0
        s.rules.personCooldown = 0
        s.rules.maxConsecutiveTerms = 0
        XCTAssertEqual(NextScenario.historyLength(s), 0)
        s.calendar.handoverDays = 3
        XCTAssertEqual(NextScenario.historyLength(s), 1)
        s.rules.maxConsecutiveTerms = 3
        XCTAssertEqual(NextScenario.historyLength(s), 3)
        s.rules.personCooldown = 4
        XCTAssertEqual(NextScenario.historyLength(s), 4)
        s.rules.pairCooldown = 5
        XCTAssertEqual(NextScenario.historyLength(s), 5)
    }

    func testSettingsApplyBeforeTheHistoryIsCut() throws {
        let (out, _) = try nextOfCommented(settings: ["rules.personCooldown=4"])
        XCTAssertEqual(out.loaded.scenario.history.count, 4, "2 old terms + 2 planned, all needed by a cooldown of 4")
        XCTAssertTrue(out.nameKept)
    }

    func testARosterOfAnotherScenarioIsRefusedUnlessForced() throws {
        let data = try bytes("next/commented.yaml")
        let loaded = try ScenarioLoader.load(data: data, file: "commented.yaml")
        var roster = commentedRoster(loaded)
        roster.scenario.sha256 = String(repeating: "0", count: 64)
        XCTAssertThrowsError(try NextScenario.make(bytes: data, loaded: loaded, roster: roster, rosterFile: "r.json")) {
            guard case .rosterOfAnotherScenario(let r, _, _, _) = $0 as? ScenarioEditError else { return XCTFail("\($0)") }
            XCTAssertEqual(r, "r.json")
            XCTAssertTrue(($0 as? ScenarioEditError)?.render(.en).contains("sha256") ?? false)
        }
        XCTAssertNoThrow(try NextScenario.make(bytes: data, loaded: loaded, roster: roster, rosterFile: "r.json", force: true))
        roster.terms = []
        XCTAssertThrowsError(try NextScenario.make(bytes: data, loaded: loaded, roster: roster, rosterFile: "r.json", force: true)) {
            XCTAssertEqual($0 as? ScenarioEditError, .rosterWithoutTerms(roster: "r.json"))
        }
    }

    func testARosterNamingAnUnknownPersonIsRefusedEvenWhenForced() throws {
        let data = try bytes("next/commented.yaml")
        let loaded = try ScenarioLoader.load(data: data, file: "commented.yaml")
        var roster = commentedRoster(loaded)
        roster.terms[0].stays[0].person = "Z-9"
        XCTAssertThrowsError(try NextScenario.make(bytes: data, loaded: loaded, roster: roster, rosterFile: "r.json", force: true)) {
            XCTAssertEqual($0 as? ScenarioEditError, .rosterUnknownID(roster: "r.json", kind: .person, id: "Z-9"))
        }
    }

    func testStartCannotBeSetInNext() throws {
        XCTAssertThrowsError(try nextOfCommented(settings: ["calendar.start=2024-01-01"])) {
            XCTAssertEqual($0 as? ScenarioEditError, .computedSetting(path: "calendar.start", command: "next"))
        }
    }

    func testBOMAndCRLFSurvive() throws {
        let text = try String(decoding: bytes("next/commented.yaml"), as: UTF8.self)
        let data = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let loaded = try ScenarioLoader.load(data: data, file: "crlf.yaml")
        let out = try NextScenario.make(bytes: data, loaded: loaded, roster: commentedRoster(loaded), rosterFile: "r.json")
        XCTAssertEqual(Array(out.bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let written = String(decoding: out.bytes.dropFirst(3), as: UTF8.self)
        XCTAssertFalse(written.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF was written")
        XCTAssertEqual(out.loaded.scenario.history.count, 2)
    }
}
