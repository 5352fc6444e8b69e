import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The shapes the peer benchmark finds slow for the people model (issue 21, item 2), as
/// correctness tests against ``PeopleBruteForce``: free placement over three terms under the
/// notices' rotation (row 07: free 9 × 3), and staying on under a ring over two terms (rows
/// 20 and 36). Timings belong in BENCHMARKS.md, not here.
final class PeopleSlowShapesTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Plans `s` with the people model and compares it with the enumeration; returns
    /// whether the oracle found a roster.
    @discardableResult
    func agrees(
        _ s: Scenario, _ label: String, seeded: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) -> Bool {
        var options = PlanOptions()
        options.forcedFormulation = .people
        if seeded {
            // One nearest site: the seed starts from the constructed rings (``PersonRings``).
            options.peopleSeed = true
            options.seedLinks = 1
        }
        return assertPlanAgrees(
            planner, s, optimum: PeopleBruteForce.optimum(s)?.objective, options: options, label: label,
            file: file, line: line)
    }

    /// Row 07's rules (pairCooldown 1, maxConsecutiveTerms 1, personCooldown 2, history) over
    /// three terms: a person serves terms 1 and 3 or one of them, and links alternate.
    func testFreePlacementOverThreeTermsMatchesTheBruteForce() {
        let config = TinyScenario(
            terms: 3, pairCooldown: 1, maxConsecutiveTerms: 1, handoverDays: [0], unitRange: 3...3, historyPerUnit: 1,
            peoplePerUnit: 3...3, peopleCap: 9, keepAtHome: [0], minStaff: [1], mutualPairs: [.allow], leaveRate: 0.05,
            oneStaffRate: 1)
        var feasible = 0
        for seed in UInt64(401)...424 where agrees(config.make(seed: seed), "seed \(seed)") { feasible += 1 }
        XCTAssertGreaterThanOrEqual(feasible, 5, "too few feasible scenarios to compare")
    }

    /// Rows 20 and 36's rules (ring, pairCooldown 0, maxConsecutiveTerms 2, history): people
    /// may stay on at their site, so the people model plans them.
    func testStayingOnUnderARingOverTwoTermsMatchesTheBruteForce() {
        let config = TinyScenario(
            structure: .ring, minCycle: 2, unitRange: 4...4, historyPerUnit: 1, peoplePerUnit: 3...3, peopleCap: 12,
            minStaff: [1], leaveRate: 0.1)
        var feasible = 0
        for seed in UInt64(451)...470 where agrees(config.make(seed: seed), "seed \(seed)") { feasible += 1 }
        XCTAssertGreaterThanOrEqual(feasible, 8, "too few feasible scenarios to compare")
    }

    /// The same with the seed on, started from constructed rings: its roster never changes
    /// the optimum the full model proves.
    func testStayingOnUnderARingSeededFromConstructedRingsMatchesTheBruteForce() throws {
        let config = TinyScenario(
            structure: .ring, minCycle: 2, unitRange: 4...4, historyPerUnit: 1, peoplePerUnit: 3...3, peopleCap: 12,
            minStaff: [1], leaveRate: 0.1)
        var feasible = 0
        var constructed = 0
        for seed in UInt64(451)...470 {
            let s = config.make(seed: seed)
            if agrees(s, "seed \(seed)", seeded: true) { feasible += 1 }
            var options = PlanOptions()
            options.forcedFormulation = .people
            let note = try PersonSeed.find(
                solver: GLPKSolver(), ctx: PlanContext(s), options: options, part: nil, deadline: nil, nearest: 1)?.note
            if note?.contains("constructed rings") ?? false { constructed += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 8, "too few feasible scenarios to compare")
        XCTAssertGreaterThanOrEqual(constructed, 5, "the seed rarely started from constructed rings: the test proves little")
    }
}
