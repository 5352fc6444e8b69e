import Foundation
import XCTest
import ZhudianCore

@testable import ZhudianScenario

/// The effective scenario of `whatif` as text: each change lands where a planner would write
/// it, in the file's own style, and everything else stays.
final class WhatIfScenarioTests: XCTestCase {
    private func day(_ s: String) -> CivilDate {
        guard let d = CivilDate(iso: s) else { fatalError("bad date \(s) in a test") }
        return d
    }

    /// The commented three-mine file of the `next` tests and a two-term roster planned from it.
    private func base() throws -> (bytes: [UInt8], loaded: LoadedScenario, roster: Roster) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("next/commented.yaml"))))
        let loaded = try ScenarioLoader.load(data: bytes, file: "commented.yaml")
        func stays(_ pairs: [(String, String)], _ from: String, _ to: String) -> [Stay] {
            pairs.map { Stay(person: $0.0, site: $0.1, arrive: day(from), leave: day(to)) }
        }
        let roster = Roster(
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
        return (bytes, loaded, roster)
    }

    func testEachChangeLandsInTheFilesOwnStyle() throws {
        let (bytes, loaded, roster) = try base()
        var changes = WhatIfChanges()
        changes.dropPeople = ["A-1"]
        changes.dropSites = ["C"]
        changes.absences = ["A-2:2023-03-01..2023-03-10", "A-3:2023-04-01"]
        let out = try WhatIfScenario.make(bytes: bytes, loaded: loaded, baseline: roster, baselineFile: "r.json", changes: changes)
        let text = String(decoding: out.bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("    served: 2          # two terms before 2022\n    active: false\n"), text)
        XCTAssertTrue(text.contains("  - {id: C, name: 丙矿, location: {lat: 34.65, lon: 117.60}, active: false}"), text)
        XCTAssertTrue(
            text.contains("      - {from: 2024-05-01, to: 2024-05-05, reason: 培训}\n      - {from: 2023-03-01, to: 2023-03-10, reason: whatif --absent}"),
            text)
        XCTAssertTrue(text.contains("  - {id: A-3, name: 王三, unit: A, unavailable: [{from: 2023-04-01, to: 2023-04-01, reason: whatif --absent}]}"), text)
        XCTAssertTrue(text.contains("  fairness: 20\n  change: \(Int(out.changeWeight))\n"), text)
        for comment in ["# distances matter most", "# agreed with the bureau", "# the old ones go"] {
            XCTAssertTrue(text.contains(comment), comment)
        }
        let s = out.loaded.scenario
        XCTAssertEqual(out.changeWeight, ChangeWeight.weight(for: s))
        XCTAssertGreaterThan(out.changeWeight, ChangeWeight.bound(s))
        XCTAssertEqual(s.pins, loaded.scenario.pins, "no --from: nothing frozen")
    }

    /// `--from 2`: term 1 is pinned as published; the person who leaves is away from S_2 + handover.
    func testFromFreezesEarlierTermsAndStartsTheChangeAfterTheHandover() throws {
        let (bytes, loaded, roster) = try base()
        var changes = WhatIfChanges()
        changes.dropPeople = ["A-3"]
        changes.absences = ["B-1:2022-09-01..2023-03-31", "B-2:2022-09-01..2022-10-01"]
        changes.from = 2
        changes.changeWeight = 500
        let out = try WhatIfScenario.make(bytes: bytes, loaded: loaded, baseline: roster, baselineFile: "r.json", changes: changes)
        let s = out.loaded.scenario
        XCTAssertEqual(out.frozenTerms, 1)
        XCTAssertEqual(s.objective.change, 500)
        XCTAssertEqual(
            Array(s.pins.suffix(3)),
            [("B-2", "A"), ("C-2", "B"), ("A-2", "C")].map { Pin(term: 1, subject: .person($0.0), site: $0.1) })
        XCTAssertTrue(s.person("A-3")?.active ?? false, "leaving from term 2 on is an absence, not active: false")
        XCTAssertEqual(
            s.person("A-3")?.unavailable.last?.range, DateRange(from: day("2023-02-23"), to: day("2023-08-22")))
        XCTAssertEqual(s.person("B-1")?.unavailable.last?.range, DateRange(from: day("2023-02-23"), to: day("2023-03-31")))
        XCTAssertEqual(s.person("B-2")?.unavailable, loaded.scenario.person("B-2")?.unavailable, "wholly before: no change")
    }
}
