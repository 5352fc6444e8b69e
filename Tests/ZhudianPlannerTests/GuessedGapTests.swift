import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The seeded full people model's guessed search (``GuessedGap``), where people stay on under
/// free placement: the optimum is the brute force's and the priced model's with it on, off,
/// and with a guess too low to hold.
final class GuessedGapTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// The full people model, seeded from one nearest site (a dear seed, so the guess is
    /// below it), with the guessed search on or off and an optional share of the root LP.
    static func options(guessed: Bool, share: Double? = nil, pseudoCosts: Bool = true) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .people
        options.peopleSeed = true
        options.personPricing = false
        options.seedLinks = 1
        options.guessedGap = guessed
        options.guessedShare = share
        options.pseudoCosts = pseudoCosts
        options.captureLog = true
        return options
    }

    /// The log line of the guessed search, if it ran.
    static func guessedLine(_ log: [String]) -> String? { log.first { $0.hasPrefix("guessed search: ") } }

    /// Tiny free scenarios with staying on (pairCooldown 0, two terms in a row): the brute
    /// force's optimum with the guessed search off, on, on with ``PlanOptions/pseudoCosts`` off
    /// (free placement branches links first from the root, ``GuessedGap/Rule``), on with a
    /// guess of 10 % and on with a guess so low that the search falls back to the seed's
    /// fixing; with the tiny guess the fallback search runs after it on some (fails when a
    /// guess too low ends the solve, or when the planner never runs the guessed search).
    func testGuessedSearchKeepsTheBruteForceOptimum() {
        let free = TinyScenario(terms: 2, historyPerUnit: 1)
        var feasible = 0
        var fellBack = 0
        let ref = { (s: Scenario) in ScenarioReference(name: s.name, sha256: "") }
        for seed in UInt64(21)...36 {
            let s = free.make(seed: seed)
            XCTAssertTrue(FreeTeamCap.staysOn(s.rules, terms: s.calendar.terms), "seed \(seed): nobody stays on")
            let optimum = PeopleBruteForce.optimum(s)?.objective
            var agreed = true
            let variants: [(String, PlanOptions)] = [
                ("off", Self.options(guessed: false)), ("on", Self.options(guessed: true)),
                ("on, GLPK's branching", Self.options(guessed: true, pseudoCosts: false)),
                ("on, a guess of 10 %", Self.options(guessed: true, share: 0.1)),
                ("on, a tiny guess", Self.options(guessed: true, share: 1e-9)),
            ]
            for (name, options) in variants {
                agreed = assertPlanAgrees(planner, s, optimum: optimum, options: options, label: "seed \(seed), \(name)") && agreed
            }
            guard agreed else { continue }
            feasible += 1
            XCTAssertNil(
                Self.guessedLine(planner.plan(s, reference: ref(s), options: Self.options(guessed: false)).log),
                "seed \(seed): the guessed search ran while off")
            let tiny = planner.plan(s, reference: ref(s), options: Self.options(guessed: true, share: 1e-9))
            if Self.guessedLine(tiny.log) != nil, tiny.log.contains(where: { $0.hasPrefix("search: ") }) { fellBack += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 8, "too few feasible scenarios to compare")
        XCTAssertGreaterThanOrEqual(fellBack, 2, "a guess too low never fell back: the fallback went untested")
    }

    /// The `i`-th of a series of generated free scenarios of 6–9 enterprises over two terms with
    /// people staying on (`pairCooldown` 0, two terms in a row), shared with
    /// ``PricedPersonGuessTests``.
    static func stayingOnFree(_ i: Int) -> Scenario {
        var c = GeneratorConfig(units: 6 + i % 4)
        c.seed = UInt64(9300 + i)
        c.structure = .free
        c.terms = 2
        c.history = i % 3
        c.peoplePerUnit = 2...5
        c.leaveRate = 0.2
        var s = ScenarioGenerator.generate(c)
        s.rules.pairCooldown = 0
        s.rules.maxConsecutiveTerms = 2
        return s
    }

    /// Generated free scenarios of 6–9 enterprises with staying on: the priced model's optimum
    /// (``PricedPersonSolve``) is the full model's with the guessed search off, on, and on with
    /// a guess of 2 %, and each roster passes the checker; the guessed search alone proves
    /// several of them (fails when the planner never runs it: checked by leaving
    /// `restart.guessed` false in `Planner.solvePart`).
    func testGuessedSearchAgreesWithThePricedModel() {
        var compared = 0
        var provenByGuess = 0
        for i in 0..<6 {
            let s = Self.stayingOnFree(i)
            var priced = PlanOptions(timeLimit: 60)
            priced.forcedFormulation = .people
            priced.personPricing = true
            priced.peopleSeed = true
            priced.seedLinks = 1
            var proven = true
            for (guessed, share) in [(false, nil), (true, nil), (true, 0.02)] as [(Bool, Double?)] {
                var full = Self.options(guessed: guessed, share: share)
                full.timeLimit = 60
                let label = "scenario \(i), guessed \(guessed), share \(share ?? GuessedGap.share)"
                let (a, b, same) = assertSameOptimum(planner, s, off: priced, on: full, label: label)
                XCTAssertTrue(a.formulation.contains("priced"), "scenario \(i): \(a.formulation)")
                XCTAssertFalse(b.formulation.contains("priced"), "scenario \(i): \(b.formulation)")
                proven = proven && same
                if same, guessed, Self.guessedLine(b.log)?.hasPrefix("guessed search: optimal") == true,
                    !b.log.contains(where: { $0.hasPrefix("search: ") })
                {
                    provenByGuess += 1
                }
            }
            if proven { compared += 1 }
        }
        XCTAssertGreaterThanOrEqual(compared, 5, "too few proven scenarios to compare")
        XCTAssertGreaterThanOrEqual(provenByGuess, 2, "the guessed search rarely proved alone: it went untested")
    }

    /// What a guessed search's end means for the whole model: at most the guess it is the
    /// optimum; above it, or with no roster, the guess was too low; at a limit the bound is
    /// capped at the guess (fails when the cap is left out: the search's own bound covers only
    /// the rosters without a fixed column).
    func testOutcomeAndBoundOfTheWholeModel() throws {
        let guess = try XCTUnwrap(GuessedGap(z: 1000, roster: 1100))
        XCTAssertEqual(guess.limit, 1002, accuracy: 1e-9)
        XCTAssertNil(GuessedGap(z: 1000, roster: 1001), "a roster within the guess needs none")
        func result(_ t: TerminationReason, _ objective: Double?, _ bound: Double?) -> SolveResult {
            SolveResult(
                termination: t, values: objective.map { _ in [1] }, objective: objective, bestBound: bound, seconds: 0,
                nodes: 1, log: [], lazyRowsAdded: 0)
        }
        XCTAssertEqual(guess.outcome(result(.optimal, 1001.5, 1001.5)), .proven)
        XCTAssertEqual(guess.wholeResult(result(.optimal, 1001.5, 1001.5)).bestBound ?? .nan, 1001.5, accuracy: 1e-9)
        XCTAssertEqual(guess.outcome(result(.optimal, 1003, 1003)), .tooLow)
        XCTAssertEqual(guess.outcome(result(.infeasible, nil, nil)), .tooLow)
        XCTAssertEqual(guess.outcome(result(.timeLimit, 1010, 1005)), .bounded)
        XCTAssertEqual(guess.wholeResult(result(.timeLimit, 1010, 1005)).bestBound ?? .nan, 1002, accuracy: 1e-9)
        XCTAssertEqual(guess.wholeResult(result(.timeLimit, 1010, 1001)).bestBound ?? .nan, 1001, accuracy: 1e-9)
        XCTAssertEqual(GuessedGap(z: 1000, roster: 1100, share: 0.01)?.limit ?? .nan, 1010, accuracy: 1e-9)
    }
}
