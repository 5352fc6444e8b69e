import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// GLPK's clique cuts in the guessed search of free placement where people stay on
/// (``GuessedCliqueCuts``).
final class GuessedCliqueCutsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// On for free placement with people staying on over two terms; off over one term, with a
    /// pair cooldown, with one term in a row, and under ring and cycles (fails when the rule is
    /// widened or dropped).
    func testCliqueCutsOnlyWhereFreePeopleStayOn() {
        let rules = GuessedGapTests.stayingOnFree(0).rules
        XCTAssertTrue(GuessedCliqueCuts.applies(rules, terms: 2), "free placement with staying on")
        XCTAssertFalse(GuessedCliqueCuts.applies(rules, terms: 1), "one term")
        var cooldown = rules
        cooldown.pairCooldown = 1
        XCTAssertFalse(GuessedCliqueCuts.applies(cooldown, terms: 2), "a pair cooldown")
        var once = rules
        once.maxConsecutiveTerms = 1
        XCTAssertFalse(GuessedCliqueCuts.applies(once, terms: 2), "one term in a row")
        for structure in [Structure.ring, .cycles] {
            var other = rules
            other.structure = structure
            XCTAssertFalse(GuessedCliqueCuts.applies(other, terms: 2), "\(structure)")
        }
    }

    /// Tiny free scenarios with people staying on: the guessed search runs with GLPK's clique
    /// cuts (its log says so) and the plan proves the brute force's optimum, with the guess as
    /// it is and too low (fails when the planner leaves the cuts off: no clique line in the log).
    func testGuessedSearchWithCliqueCutsKeepsTheBruteForceOptimum() {
        let free = TinyScenario(terms: 2, historyPerUnit: 1)
        var guessed = 0
        var withCliques = 0
        for seed in UInt64(21)...36 {
            let s = free.make(seed: seed)
            let optimum = PeopleBruteForce.optimum(s)?.objective
            for share in [nil, 1e-9] as [Double?] {
                let options = GuessedGapTests.options(guessed: true, share: share)
                let label = "seed \(seed), share \(share ?? GuessedGap.share)"
                guard assertPlanAgrees(planner, s, optimum: optimum, options: options, label: label) else { continue }
                let log = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: options).log
                guessed += GuessedGapTests.guessedLine(log) == nil ? 0 : 1
                // The log's GLPK lines are the last search's: the guessed one when no search follows it.
                guard GuessedGapTests.guessedLine(log)?.hasPrefix("guessed search: optimal") == true,
                    !log.contains(where: { $0.hasPrefix("search: ") })
                else { continue }
                XCTAssertTrue(log.contains { $0.contains("Clique cuts enabled") }, "\(label): no clique cuts")
                withCliques += 1
            }
        }
        XCTAssertGreaterThanOrEqual(guessed, 8, "too few guessed searches to compare")
        XCTAssertGreaterThanOrEqual(withCliques, 2, "the guessed search never ended the plan: its cuts went unchecked \(withCliques)")
    }
}
