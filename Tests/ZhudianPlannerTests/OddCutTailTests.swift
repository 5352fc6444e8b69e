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

    /// The last LP of the rounds (the one the first roster starts from), from the log.
    static func lastLPValue(_ log: [String]) -> Double? {
        guard let line = log.last(where: { $0.contains("pricing: LP ") }),
            let range = line.range(of: "objective ")
        else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "," })
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
        let value = try XCTUnwrap(Self.lastLPValue(result.log))
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
