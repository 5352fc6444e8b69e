import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The priced teams model's heuristic blossom rounds for cycles stop once they tail off
/// (``BlossomRounds``): the runs it measures, and cycles of 60 enterprises whose blossom
/// rounds stop after their first cut round.
final class BlossomTailTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    func testARoundAfterLinksEnteredStartsTheMeasureAnew() {
        var rounds = BlossomRounds(tail: (window: 2, gain: 1e-3))
        XCTAssertFalse(rounds.record(100, afterCuts: false))
        XCTAssertFalse(rounds.record(101, afterCuts: true))
        // Links entered: the value fell, which is no tail-off of the cut rounds.
        XCTAssertFalse(rounds.record(99, afterCuts: false))
        XCTAssertEqual(rounds.values, [99])
        XCTAssertFalse(rounds.record(99.5, afterCuts: true))
        // Over the last two cut rounds 99 → 99.01: below 1e-3 of it.
        XCTAssertTrue(rounds.record(99.01, afterCuts: true))
        XCTAssertEqual(rounds.rounds, 3)
        // Tailed off for good: later values change nothing.
        XCTAssertFalse(rounds.record(200, afterCuts: true))
        XCTAssertTrue(rounds.tailed)
    }

    static func scenario(seed: UInt64) -> Scenario {
        ScenarioGenerator.generate(GeneratorConfig(units: 60, seed: seed, structure: .cycles, terms: 1, history: 1))
    }

    static func options(tailed: Bool) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .teams
        options.pricing = true
        // Tailed off after the first cut round, whatever it gained.
        if tailed { options.blossomTail = (window: 1, gain: 1) }
        options.captureLog = true
        options.timeLimit = 600
        return options
    }

    /// Cycles 60, seed 3: the planner proves the optimum without the stop; with it, the
    /// blossom rounds tail off, the rounds' last LP stays at or below that optimum, the
    /// planner proves it again, and a second run gives the same roster.
    func testTailedOffBlossomRoundsBoundBelowTheOptimumProveItAndRepeat() throws {
        let s = Self.scenario(seed: 3)
        let reference = ScenarioReference(name: s.name, sha256: Fixtures.sha256)
        let plain = planner.plan(s, reference: reference, options: Self.options(tailed: false))
        XCTAssertEqual(plain.outcome, .optimal)
        let optimum = try XCTUnwrap(plain.roster?.solve.objective)
        let result = planner.plan(s, reference: reference, options: Self.options(tailed: true))
        XCTAssertTrue(result.log.contains { $0.contains("blossom rounds tailed off") }, "the test says nothing")
        let value = try XCTUnwrap(OddCutTailTests.lastLPValue(result.log))
        XCTAssertLessThanOrEqual(value, optimum + 1e-6 * optimum)
        XCTAssertEqual(result.outcome, .optimal)
        var a = try XCTUnwrap(result.roster)
        XCTAssertEqual(a.solve.objective ?? .nan, optimum, accuracy: 1e-6 * optimum)
        let report = RosterChecker(scenario: s, scenarioSHA256: Fixtures.sha256).check(a)
        XCTAssertTrue(report.passed, "\(report.lines(.en))")
        var b = try XCTUnwrap(planner.plan(s, reference: reference, options: Self.options(tailed: true)).roster)
        a.solve.seconds = 0
        b.solve.seconds = 0
        XCTAssertEqual(a, b)
    }
}
