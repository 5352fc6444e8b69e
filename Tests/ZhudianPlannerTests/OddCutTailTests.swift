import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The priced teams model's odd-cut rounds stop once they tail off
/// (``PricedTeamSolve/oddCutsTailedOff(_:window:gain:)``): the rule itself, and a ring of 60
/// enterprises whose rounds stop after their first odd-cut round.
final class OddCutTailTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    func testTheRuleComparesTheLastRoundWithTheOneAWindowBefore() {
        let values = [100.0, 100.5, 100.6, 100.61]
        // Over the last two rounds the value rose 0.11: below 2e-3 of it, not below 1e-3.
        XCTAssertTrue(PricedTeamSolve.oddCutsTailedOff(values, window: 2, gain: 2e-3))
        XCTAssertFalse(PricedTeamSolve.oddCutsTailedOff(values, window: 2, gain: 1e-3))
        // Not before the window is full: the first value is the LP before any odd cut.
        XCTAssertFalse(PricedTeamSolve.oddCutsTailedOff(values, window: 4, gain: 1))
        // A round where links entered may lower the value: that is no gain either.
        XCTAssertTrue(PricedTeamSolve.oddCutsTailedOff([100, 99], window: 1, gain: 1e-9))
    }

    static func scenario(seed: UInt64) -> Scenario {
        ScenarioGenerator.generate(GeneratorConfig(units: 60, seed: seed, structure: .ring, terms: 1, history: 1))
    }

    static func options(tailed: Bool) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .teams
        options.pricing = true
        // Tailed off after the first odd-cut round, whatever it gained.
        if tailed { options.oddCutTail = (window: 1, gain: 1) }
        options.captureLog = true
        options.timeLimit = 600
        return options
    }

    /// Ring 60, seed 3: the planner proves the optimum without the stop; with it, the odd
    /// cuts tail off, the rounds' last LP stays at or below that optimum, the planner proves it
    /// again, and a second run gives the same roster.
    func testTailedOffRoundsBoundBelowTheOptimumProveItAndRepeat() throws {
        let s = Self.scenario(seed: 3)
        let reference = ScenarioReference(name: s.name, sha256: Fixtures.sha256)
        let plain = planner.plan(s, reference: reference, options: Self.options(tailed: false))
        XCTAssertEqual(plain.outcome, .optimal)
        let optimum = try XCTUnwrap(plain.roster?.solve.objective)
        let result = planner.plan(s, reference: reference, options: Self.options(tailed: true))
        XCTAssertTrue(result.log.contains { $0.contains("odd cuts tailed off") }, "the test says nothing")
        try PricedRoundsAssertions.assertBoundProvesAndRepeats(result, optimum: optimum, scenario: s) {
            planner.plan(s, reference: reference, options: Self.options(tailed: true))
        }
    }
}
