import XCTest
import ZhudianCore
import ZhudianTestSupport

final class RosterDiffTests: XCTestCase {
    /// One ring through all six mines, SDS → QX → ZS → LHS → LS → HTS → SDS.
    private func ringRoster(_ s: Scenario) -> Roster {
        let links = [("SDS", "QX"), ("QX", "ZS"), ("ZS", "LHS"), ("LHS", "LS"), ("LS", "HTS"), ("HTS", "SDS")]
        return RosterBuilder.roster(s, placements: [links.flatMap { l in [1, 2].map { (person: "\(l.0)-0\($0)", site: l.1) } }])
    }

    func testLinksRingsAndMoves() {
        let s = Fixtures.noticeScenario()
        let diff = RosterDiff(before: Fixtures.noticeRoster(), after: ringRoster(s), scenario: s)
        let t = diff.terms[0]
        XCTAssertEqual(t.ringBefore, [["HTS", "ZS", "LHS", "LS"], ["QX", "SDS"]])
        XCTAssertEqual(t.ringAfter, [["HTS", "SDS", "QX", "ZS", "LHS", "LS"]])
        XCTAssertEqual(t.added, [Link(from: "HTS", to: "SDS"), Link(from: "QX", to: "ZS")])
        XCTAssertEqual(t.removed, [Link(from: "HTS", to: "ZS"), Link(from: "QX", to: "SDS")])
        XCTAssertEqual(
            t.moves,
            [
                RosterDiff.PersonMove(person: "HTS-01", from: ["ZS"], to: ["SDS"]),
                RosterDiff.PersonMove(person: "HTS-02", from: ["ZS"], to: ["SDS"]),
                RosterDiff.PersonMove(person: "QX-01", from: ["SDS"], to: ["ZS"]),
                RosterDiff.PersonMove(person: "QX-02", from: ["SDS"], to: ["ZS"]),
            ])
        XCTAssertEqual(t.uncovered, [])
        XCTAssertFalse(diff.isEmpty)
    }

    func testAPostThatLosesItsTeamIsUncovered() {
        let s = Fixtures.noticeScenario()
        var after = Fixtures.noticeRoster()
        after.terms[0].stays.removeAll { $0.site == "LS" && $0.person == "LHS-02" }
        let diff = RosterDiff(before: Fixtures.noticeRoster(), after: after, scenario: s)
        XCTAssertEqual(diff.terms[0].uncovered, ["LS"], "one person left where minStaff is 2")
        XCTAssertEqual(RosterDiff(before: Fixtures.noticeRoster(), after: after).terms[0].uncovered, [], "without the scenario: someone is still there")
        after.terms[0].stays.removeAll { $0.site == "LS" }
        XCTAssertEqual(RosterDiff(before: Fixtures.noticeRoster(), after: after).terms[0].uncovered, ["LS"])
    }

    func testFreeStructureLinksAreNotRings() {
        let s = Fixtures.noticeScenario()
        var after = Fixtures.noticeRoster()
        after.terms[0].stays.append(Stay(person: "SDS-03", site: "LS", arrive: after.terms[0].start, leave: after.terms[0].end))
        after.terms[0].links.append(Link(from: "SDS", to: "LS"))
        XCTAssertNil(RosterDiff(before: Fixtures.noticeRoster(), after: after, scenario: s).terms[0].ringAfter)
    }

    func testTheSameRosterHasNoDiffAndTheCostIsTheObjective() {
        let s = Fixtures.noticeScenario()
        let r = Fixtures.noticeRoster()
        let diff = RosterDiff(before: r, after: r, scenario: s)
        XCTAssertTrue(diff.isEmpty)
        let cost = try? XCTUnwrap(diff.costBefore)
        XCTAssertEqual(cost?.total ?? -1, RosterBuilder.objective(r, scenario: s), accuracy: 1e-9)
        XCTAssertEqual(cost?.fairness, 0)
    }

    func testFairnessCountsServedAndEarlierTerms() {
        var s = Fixtures.noticeScenario()
        s.objective.distance = 0
        s.people[0].served = 2  // SDS-01
        let cost = RosterCost(Fixtures.noticeRoster(), scenario: s)
        XCTAssertEqual(cost.distance, 0)
        XCTAssertEqual(cost.fairness, 40)
    }
}
