import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The seeded full people model's guessed search under free placement where nobody stays on
/// (``GuessedGap/Rule/linksFromRoot``: links first by degradation, from the root LP's basis):
/// the optimum of the model without it, with it on, with a guess of 10 % and with a guess too
/// low to hold. (Tiny scenarios for the brute force were tried: where nobody stays on their
/// seed's roster is within 0.2 % of the root LP, so the guessed search never runs there.)
final class GuessedGapLinksTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Generated free scenarios of 8–12 enterprises over one and two terms, nobody staying on:
    /// the seeded full model proves the same optimum with the guessed search off, on, on with
    /// a guess of 10 % and on with a guess so low that the fixing against the seed's roster
    /// follows it, each roster passing the checker. Fails when the planner never runs the
    /// guessed search there, when it rarely proves alone, or when a guess too low never falls back.
    func testLinksFromRootAgreesWithTheModelWithoutIt() {
        var compared = 0
        var provenByGuess = 0
        var fellBack = 0
        for i in 0..<8 {
            let s = Self.freeScenario(i, seeds: 9400)
            XCTAssertFalse(FreeTeamCap.staysOn(s.rules, terms: s.calendar.terms), "scenario \(i): someone stays on")
            var off = GuessedGapTests.options(guessed: false)
            off.timeLimit = 60
            var proven = true
            for share in [nil, 0.1, 1e-9] as [Double?] {
                var on = GuessedGapTests.options(guessed: true, share: share)
                on.timeLimit = 60
                let label = "scenario \(i), share \(share ?? GuessedGap.share)"
                let (a, b, same) = assertSameOptimum(planner, s, off: off, on: on, label: label)
                XCTAssertFalse(a.formulation.contains("priced"), "\(label): \(a.formulation)")
                XCTAssertNil(GuessedGapTests.guessedLine(a.log), "\(label): the guessed search ran while off")
                proven = proven && same
                guard same, let line = GuessedGapTests.guessedLine(b.log) else { continue }
                let searchedAfter = b.log.contains(where: { $0.hasPrefix("search: ") })
                if share == nil, line.hasPrefix("guessed search: optimal"), !searchedAfter { provenByGuess += 1 }
                if share == 1e-9, searchedAfter { fellBack += 1 }
            }
            if proven { compared += 1 }
        }
        XCTAssertGreaterThanOrEqual(compared, 6, "too few proven scenarios to compare")
        XCTAssertGreaterThanOrEqual(provenByGuess, 3, "the guessed search rarely proved alone: it went untested")
        XCTAssertGreaterThanOrEqual(fellBack, 2, "a guess too low never fell back: the fallback went untested")
    }

    /// Generated free scenario `i` of a series (seed `seeds + i`): 8–12 enterprises, two terms
    /// for even `i`, `i % 3` history terms, 2–5 people per unit, a fifth on leave.
    static func freeScenario(_ i: Int, seeds: UInt64) -> Scenario {
        var c = GeneratorConfig(units: 8 + i % 5)
        c.seed = seeds + UInt64(i)
        c.structure = .free
        c.terms = i % 2 == 0 ? 2 : 1
        c.history = i % 3
        c.peoplePerUnit = 2...5
        c.leaveRate = 0.2
        return ScenarioGenerator.generate(c)
    }
}
