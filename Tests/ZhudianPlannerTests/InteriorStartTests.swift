import Foundation
import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianScenario
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Stage 0 of the priced solve (``PricedTeamSolve/earlyStart(_:)``): a roster and a bound
/// from an interior-point solve before any simplex LP. The optimum must not move, the bound
/// must never pass it, and a simplex LP cut short must still leave a checked roster.
final class InteriorStartTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Two-term scenarios, small enough for the model with every link.
    static func scenario(_ i: Int) -> Scenario {
        var c = GeneratorConfig(units: 7 + i % 6)
        c.seed = UInt64(7100 + i)
        c.structure = i % 2 == 0 ? .cycles : .ring
        c.minCycle = 3
        c.terms = 2
        c.history = 1 + i % 2
        c.peoplePerUnit = 3...7
        c.forbidCount = i % 3
        return ScenarioGenerator.generate(c)
    }

    /// The full model's optimum (nil when infeasible or unproven).
    func fullOptimum(_ s: Scenario) -> Double? {
        var full = PlanOptions(timeLimit: 30)
        full.pricing = false
        let a = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: full)
        return a.outcome == .optimal ? a.roster?.solve.objective : nil
    }

    /// With stage 0 forced on (and two links per enterprise, so pricing must work), every
    /// priced plan ends at the full model's optimum with a roster the checker passes.
    func testInteriorStartKeepsTheOptimum() {
        var compared = 0
        for i in 0..<14 {
            let s = Self.scenario(i)
            guard let optimum = fullOptimum(s) else { continue }
            var options = PlanOptions(timeLimit: 30)
            options.pricing = true
            options.pricedLinks = 2
            options.interiorStart = true
            if assertPlanAgrees(planner, s, optimum: optimum, options: options, label: "scenario \(i)") { compared += 1 }
        }
        XCTAssertGreaterThanOrEqual(compared, 10)
    }

    /// Stage 0's bound is at most the full model's optimum and its roster costs at least
    /// that; with the LP's own point and duals the bound is close to the optimum too.
    func testEarlyBoundNeverExceedsTheOptimum() throws {
        var compared = 0
        var rosters = 0
        for i in 0..<14 {
            let s = Self.scenario(i)
            guard let optimum = fullOptimum(s) else { continue }
            var options = PlanOptions()
            options.interiorStart = true
            let basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
            let solve = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: options, deadline: nil)
            var state = PricingState(ents: basis.ents.count, terms: basis.ctx.terms)
            solve.seedSelection(&state.selected, nearest: 2)
            guard let early = try solve.earlyStart(state), let bound = early.bound else { continue }
            let tol = 1e-6 * max(1, abs(optimum))
            XCTAssertLessThanOrEqual(bound, optimum + tol, "scenario \(i)")
            if let r = early.roster {
                XCTAssertGreaterThanOrEqual(r.objective, optimum - tol, "scenario \(i)")
                XCTAssertTrue(r.built.model.violations(at: r.values).isEmpty, "scenario \(i)")
                rosters += 1
            }
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 10)
        XCTAssertGreaterThanOrEqual(rosters, 5)
    }

    /// Every simplex LP cut short (as a time limit does on 3000 enterprises × 2 terms): the
    /// plan still ends with stage 0's roster, which the checker passes, reported as not
    /// proven, with a bound no higher than the full model's optimum. Cycles only: the ring
    /// construction of two terms finds no second term on some of these small rings (then
    /// the part ends without a roster, as before stage 0).
    func testARosterComesBeforeTheLPWhenTheLPIsCutShort() {
        var planned = 0
        let cutShort = Planner(solver: SimplexCutShort())
        for i in stride(from: 0, to: 16, by: 2) {
            let s = Self.scenario(i)
            guard let optimum = fullOptimum(s) else { continue }
            guard let roster = stageZeroRoster(cutShort, s, "scenario \(i)") else { continue }
            let tol = 1e-6 * max(1, abs(optimum))
            XCTAssertGreaterThanOrEqual(roster.solve.objective ?? -.infinity, optimum - tol, "scenario \(i)")
            XCTAssertLessThanOrEqual(roster.solve.bound ?? .infinity, optimum + tol, "scenario \(i)")
            XCTAssertNotNil(roster.solve.bound, "scenario \(i)")
            planned += 1
        }
        XCTAssertGreaterThanOrEqual(planned, 5)
    }
}

extension InteriorStartTests {
    /// A stop asked for as soon as stage 0 reports its roster (what Ctrl-C does during the
    /// first simplex LP at 3000 enterprises): the plan still ends with that roster, which
    /// the checker passes. The stop is driven by the progress report, not by a clock.
    func testAStopAfterStageZeroKeepsItsRoster() {
        var planned = 0
        for i in stride(from: 0, to: 16, by: 2) {
            let s = Self.scenario(i)
            let reported = PollCounter()
            let polls = PollCounter()
            var options = PlanOptions(timeLimit: 30)
            options.pricing = true
            options.interiorStart = true
            options.progress = { _ in _ = reported.next() }
            // The first report is stage 0's roster; from then on every poll says stop.
            options.shouldStop = { reported.peek() > 0 && polls.next() > 0 }
            let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: Fixtures.sha256), options: options)
            guard reported.peek() > 0 else { continue }
            guard let roster = result.roster else {
                XCTFail("scenario \(i): no roster (\(result.outcome))")
                continue
            }
            let report = RosterChecker(scenario: s, scenarioSHA256: Fixtures.sha256).check(roster)
            XCTAssertTrue(report.passed, "scenario \(i): \(report.lines(.en))")
            planned += 1
        }
        XCTAssertGreaterThanOrEqual(planned, 5)
    }
}

/// GLPK, with every simplex LP relaxation ending at its time limit before an answer (what a
/// 120 s limit does to the first LP at 3000 enterprises × 2 terms); MIP solves and the
/// interior-point method are GLPK's own.
struct SimplexCutShort: MIPSolver, InteriorPointSolver {
    let glpk = GLPKSolver()

    var engineName: String { glpk.engineName }

    func solve(_ model: Model, options: SolveOptions, hooks: SolveHooks) -> SolveResult {
        glpk.solve(model, options: options, hooks: hooks)
    }

    func solveRelaxation(_ model: Model, options: SolveOptions, start: Basis?) -> RelaxationResult {
        RelaxationResult(status: .timeLimit, objective: nil, values: [], rowDuals: [], reducedCosts: [], seconds: 0)
    }

    func interiorPoint(_ model: Model) throws(InteriorPointFailure) -> InteriorPoint? {
        try glpk.interiorPoint(model)
    }
}

extension XCTestCase {
    /// `planner`'s roster for `s` with stage 0 on (pricing, interior start, 30 s), after
    /// asserting that it is `feasible` and that the checker passes it; nil (a failure) when
    /// the plan has none.
    func stageZeroRoster(
        _ planner: Planner, _ s: Scenario, _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) -> Roster? {
        var options = PlanOptions(timeLimit: 30)
        options.pricing = true
        options.interiorStart = true
        let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: Fixtures.sha256), options: options)
        guard let roster = result.roster else {
            XCTFail("\(label): no roster (\(result.outcome))", file: file, line: line)
            return nil
        }
        XCTAssertEqual(result.outcome, PlanResult.Outcome.feasible, label, file: file, line: line)
        let report = RosterChecker(scenario: s, scenarioSHA256: Fixtures.sha256).check(roster)
        XCTAssertTrue(report.passed, "\(label): \(report.lines(.en))", file: file, line: line)
        return roster
    }
}
