import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// ``AdjacentStaffing``: a link whose team would need people the team of the term next to it
/// takes is not a column, exactly when the unit is short of them; and the teams model without
/// those links still proves the optimum the enumeration finds.
final class AdjacentStaffingTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// The square of ``squareScenario(firstUnitPeople:)`` over two terms, after a history term in
    /// which unit 0 sent its people 0 and 1 to unit 1: they may not serve term 1 (one term in a
    /// row) nor be at unit 1 in term 2 (person cooldown 2).
    func scenario(firstUnitPeople: Int) -> Scenario {
        var s = squareScenario(firstUnitPeople: firstUnitPeople)
        s.calendar.terms = 2
        s.history = [HistoryTerm(stays: [HistoryStay(person: "U0-0", site: "U1"), HistoryStay(person: "U0-1", site: "U1")])]
        return s
    }

    func testFivePeopleCannotReturnToTheHistorySiteInTermTwo() {
        let basis = TeamBasis(PlanContext(scenario(firstUnitPeople: 5)), elastic: false, part: nil)
        // Term 1 takes two of U0-2…4; term 2 at unit 1 needs two others of them.
        XCTAssertFalse(basis.possible(0, 1, 2))
        // Elsewhere in term 2 the history people may go; in term 1 unit 1 is the history link.
        XCTAssertTrue(basis.possible(0, 2, 2))
        XCTAssertTrue(basis.possible(0, 3, 2))
        XCTAssertTrue(basis.possible(0, 2, 1))
        XCTAssertFalse(basis.possible(0, 1, 1))
    }

    func testSixPeopleCanAndElasticModelsKeepTheLink() {
        XCTAssertTrue(TeamBasis(PlanContext(scenario(firstUnitPeople: 6)), elastic: false, part: nil).possible(0, 1, 2))
        XCTAssertTrue(TeamBasis(PlanContext(scenario(firstUnitPeople: 5)), elastic: true, part: nil).possible(0, 1, 2))
    }

    func testPeopleWhoMayServeTwoTermsInARowKeepTheLink() {
        var s = scenario(firstUnitPeople: 5)
        s.rules.maxConsecutiveTerms = 2
        s.rules.personCooldown = 1
        s.rules.pairCooldown = 1
        XCTAssertNil(TeamBasis(PlanContext(s), elastic: false, part: nil).adjacent)
    }

    /// Rings and cycles of 5–6 enterprises over two terms, teams of two from 5–6 people, one
    /// history term of two people per unit: a unit of 5 whose history people may not go back to
    /// their site in term 2 has too few people left for it (a unit of 6 has enough).
    func config(_ structure: Structure) -> TinyScenario {
        TinyScenario(
            structure: structure, minCycle: 3, terms: 2, pairCooldown: 1, personCooldown: 2, maxConsecutiveTerms: 1,
            handoverDays: [0], unitRange: 5...6, historyTerms: 1, historyPerUnit: 2, peoplePerUnit: 5...6,
            peopleCap: 40, keepAtHome: [0], minStaff: [2], leaveRate: 0.05)
    }

    /// Compares the planner (every link, and priced) with ``TeamsBruteForce`` on `seeds`; returns
    /// how many of the feasible seeds lost a link to ``AdjacentStaffing``.
    func compare(_ config: TinyScenario, seeds: ClosedRange<UInt64>, file: StaticString = #filePath, line: UInt = #line)
        -> (feasible: Int, cut: Int)
    {
        var feasible = 0
        var cut = 0
        for seed in seeds {
            let s = config.make(seed: seed)
            let expected = TeamsBruteForce.optimum(s)
            if let expected {
                feasible += 1
                assertOracleRosterPasses(expected, s, label: "seed \(seed)", file: file, line: line)
                if Self.removedLinks(s) > 0 { cut += 1 }
            }
            for pricing in [false, true] {
                var options = PlanOptions()
                options.forcedFormulation = .teams
                options.pricing = pricing
                assertPlanAgrees(
                    planner, s, optimum: expected?.objective, options: options, label: "seed \(seed), pricing \(pricing)",
                    file: file, line: line)
            }
        }
        return (feasible, cut)
    }

    /// Links the per-term head count allows and ``AdjacentStaffing`` does not.
    static func removedLinks(_ s: Scenario) -> Int {
        let basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
        guard let adjacent = basis.adjacent else { return 0 }
        var removed = 0
        for (i, u) in basis.ents.enumerated() {
            for v in basis.ents where v != u {
                for k in 1...basis.ctx.terms where !adjacent.allows(i, v, k, need: basis.ctx.minStaff(v)) {
                    removed += 1
                }
            }
        }
        return removed
    }

    func testRingsOverTwoTermsMatchTheBruteForce() {
        let tally = compare(config(.ring), seeds: 1...10)
        XCTAssertGreaterThanOrEqual(tally.feasible, 6, "\(tally)")
        XCTAssertGreaterThanOrEqual(tally.cut, 3, "\(tally)")
    }

    func testCyclesOverTwoTermsMatchTheBruteForce() {
        let tally = compare(config(.cycles), seeds: 11...20)
        XCTAssertGreaterThanOrEqual(tally.feasible, 6, "\(tally)")
        XCTAssertGreaterThanOrEqual(tally.cut, 3, "\(tally)")
    }
}
