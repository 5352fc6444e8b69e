import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The seeded full people model of free placement with its seed found only when the guessed
/// search needs it (``SeedAfterGuess``): the same optimum as with the seed first, with the
/// guess as it is and with a guess too low (the seed is then found and the restarts fix
/// against it).
final class SeedAfterGuessTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Generated free scenarios of 8–12 enterprises over one and two terms (some with people
    /// staying on): the same optimum with the seed after the guess and with the seed first,
    /// with the guessed share as it is and with one so low the guess fails, each roster
    /// checked. Fails when the guessed search never proves without the seed (the dive then
    /// still runs every time), or when a failed guess never finds the seed afterwards.
    func testSeedAfterTheGuessKeepsTheOptimum() {
        var compared = 0
        var withoutSeed = 0
        var seedAfter = 0
        var seededFirst = 0
        for i in 0..<8 {
            let s = GuessedGapLinksTests.freeScenario(i, seeds: 9500)
            var proven = true
            for share in [nil, 1e-9] as [Double?] {
                var first = GuessedGapTests.options(guessed: true, share: share)
                first.seedAfterGuess = false
                first.timeLimit = 60
                var after = first
                after.seedAfterGuess = true
                let label = "scenario \(i), share \(share ?? GuessedGap.share)"
                let (a, b, same) = assertSameOptimum(planner, s, off: first, on: after, label: label)
                proven = proven && same
                // Where the dive finds no roster the model is the unseeded one either way.
                guard a.log.contains(where: { $0.hasPrefix("people seed: ") }) else { continue }
                seededFirst += 1
                guard same, let line = GuessedGapTests.guessedLine(b.log) else { continue }
                let seeded = b.log.contains { $0.hasPrefix("people seed: ") }
                if line.hasPrefix("guessed search: optimal"), !seeded { withoutSeed += 1 }
                if share == 1e-9, seeded, b.log.contains(where: { $0.hasPrefix("search: ") }) { seedAfter += 1 }
            }
            if proven { compared += 1 }
        }
        XCTAssertGreaterThanOrEqual(compared, 6, "too few proven scenarios to compare")
        XCTAssertGreaterThanOrEqual(seededFirst, 10, "too few runs seeded first: the comparison went untested")
        XCTAssertGreaterThanOrEqual(withoutSeed, 3, "the guessed search rarely proved without the seed")
        XCTAssertGreaterThanOrEqual(seedAfter, 3, "a failed guess rarely found the seed after it")
    }
}
