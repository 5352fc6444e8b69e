import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The people model of ring and cycles over two terms with staying on, in two-term patterns
/// (``PersonFormulation/buildTwoTerms(_:options:part:)``, peer rows 14 and 19): the brute force's
/// optimum with the patterns on and off, an LP bound never below the per-term model's, and the
/// patterns only where moving on between the terms is barred.
final class TwoTermPatternsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Two terms, handover days, staying on; history (`hcool`), leave in the handover days
    /// (`hand`), pins and forbid entries come from ``TinyScenario``.
    func config(_ structure: Structure, history: Int) -> TinyScenario {
        TinyScenario(
            structure: structure, minCycle: 2, handoverDays: [3], unitRange: 3...4, historyTerms: history,
            peoplePerUnit: 2...4, peopleCap: 12, minStaff: [1, 2], leaveRate: 0.1)
    }

    func model(_ s: Scenario, patterns: Bool) throws -> Model {
        try model(s, patterns: patterns, baseline: nil).model
    }

    func model(_ s: Scenario, patterns: Bool, baseline: Roster?) throws -> BuiltModel {
        var options = PlanOptions(baseline: baseline)
        options.twoTermPatterns = patterns
        return try PersonFormulation.build(PlanContext(s), options: options, elastic: false, twoTerms: true)
    }

    func testPatternsMatchTheBruteForceOnCyclesAndRings() throws {
        var compared = 0
        var stayed = 0
        for (structure, seeds) in [(Structure.cycles, UInt64(701)...740), (.ring, 741...770)] {
            for seed in seeds {
                let s = config(structure, history: Int(seed % 3)).make(seed: seed)
                XCTAssertTrue(PersonFormulation.twoTermsApply(PlanContext(s)), "seed \(seed)")
                let expected = PeopleBruteForce.optimum(s)
                for (patterns, dualRoot) in [(true, true), (true, false), (false, true)] {
                    var options = PlanOptions()
                    options.forcedFormulation = .people
                    options.twoTermPatterns = patterns
                    options.twoTermDualRoot = dualRoot
                    let label = "\(structure), seed \(seed), patterns \(patterns), dual root \(dualRoot)"
                    if assertPlanAgrees(planner, s, optimum: expected?.objective, options: options, label: label),
                        patterns, dualRoot
                    {
                        compared += 1
                    }
                }
                if let expected, OverlapRowsTests.staysOn(expected) { stayed += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 20, "too few feasible scenarios")
        XCTAssertGreaterThanOrEqual(stayed, 5, "the optima rarely keep someone on: the stay column goes untested")
    }

    /// The same rosters at the same costs, so the LP over their hull can only be tighter: the
    /// fairness of two terms is whole on the stay column, where the `t` steps could split it.
    func testTheLPBoundIsNeverBelowThePerTermModel() throws {
        var solved = 0
        var tighter = 0
        for seed in UInt64(771)...830 {
            var c = config(seed % 2 == 0 ? .cycles : .ring, history: 1)
            c.minStaff = [1]
            let s = c.make(seed: seed)
            let with = GLPKSolver().solveRelaxation(try model(s, patterns: true))
            let without = GLPKSolver().solveRelaxation(try model(s, patterns: false))
            // A `consec` row the LP could meet in part is a pattern left out whole, so the
            // patterns' LP may prove a scenario infeasible that the per-term LP does not.
            if without.status == .infeasible { XCTAssertEqual(with.status, .infeasible, "seed \(seed)") }
            if with.status == .infeasible, without.status == .optimal { tighter += 1 }
            guard let a = with.objective, let b = without.objective else { continue }
            XCTAssertGreaterThanOrEqual(a, b - 1e-6 * max(1, abs(b)), "seed \(seed): the patterns lowered the bound")
            solved += 1
        }
        XCTAssertGreaterThanOrEqual(solved, 10, "too few feasible relaxations")
        XCTAssertGreaterThanOrEqual(tighter, 1, "the patterns' LP never proved more: `consec` goes untested here")
    }

    /// One row per person replaces `place`, `over`, `ondef`, `hand`, `hcool`, `fair` and `consec`.
    func testThePatternModelHasOneRowPerPersonAndNoTermRows() throws {
        let s = config(.cycles, history: 1).make(seed: 702)
        let m = try model(s, patterns: true)
        XCTAssertTrue(m.constraints.contains { $0.name.hasPrefix("one_") })
        for gone in ["place_", "over_", "ondef_", "hand_", "hcool_", "fair_", "consec_"] {
            XCTAssertFalse(m.constraints.contains { $0.name.hasPrefix(gone) }, gone)
        }
        XCTAssertFalse(m.variables.contains { $0.name.hasPrefix("x_") || $0.name.hasPrefix("t_") })
    }

    /// A baseline's kept stays earn −change on their pattern (a stay kept in both terms on
    /// `s`, twice): the same optimum as the per-term model, which the brute force above does
    /// not cover. The baseline is the plan of the scenario without fairness, so that keeping
    /// it and fairness pull apart.
    func testABaselineGivesThePerTermModelsOptimum() throws {
        var compared = 0
        for seed in UInt64(701)...770 {
            var s = config(seed % 2 == 0 ? .cycles : .ring, history: 1).make(seed: seed)
            s.objective.fairness = 0
            let ref = ScenarioReference(name: s.name, sha256: "")
            let planned = planner.plan(s, reference: ref, options: PlanOptions())
            guard planned.outcome == .optimal, let baseline = planned.roster else { continue }
            s.objective.fairness = 40
            s.objective.change = 25
            var on = PlanOptions(baseline: baseline)
            on.forcedFormulation = .people
            var off = on
            off.twoTermPatterns = false
            let run = assertSameOptimum(planner, s, off: off, on: on, label: "seed \(seed)", baseline: baseline)
            XCTAssertEqual(run.on.outcome, .optimal, "seed \(seed)")
            XCTAssertTrue(run.compared, "seed \(seed)")
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 8, "too few baselines")
    }

    /// The root LP starts from the slack basis by the dual simplex only where every cost is
    /// ≥ 0 (no baseline), and only when asked.
    func testTheDualRootOnlyWithoutNegativeCosts() throws {
        let ref = ScenarioReference(name: "", sha256: "")
        let feasible = (UInt64(701)...720).lazy.map { self.config(.cycles, history: 1).make(seed: $0) }.first {
            self.planner.plan($0, reference: ref, options: PlanOptions()).outcome == .optimal
        }
        var s = try XCTUnwrap(feasible)
        XCTAssertTrue(try model(s, patterns: true, baseline: nil).dualRoot)
        var off = PlanOptions()
        off.twoTermDualRoot = false
        XCTAssertFalse(try PersonFormulation.buildTwoTerms(PlanContext(s), options: off, part: nil).dualRoot)
        let baseline = try XCTUnwrap(planner.plan(s, reference: ref, options: PlanOptions()).roster)
        XCTAssertFalse(baseline.terms.isEmpty)
        s.objective.change = 25
        XCTAssertFalse(try model(s, patterns: true, baseline: baseline).dualRoot)
    }

    /// Free placement, three terms, no handover days or no staying on: the per-term model.
    func testOnlyWhereMovingOnBetweenTwoTermsIsBarred() throws {
        var free = config(.free, history: 0)
        free.peopleCap = 8
        var three = config(.cycles, history: 0)
        three.terms = 3
        var noHandover = config(.cycles, history: 0)
        noHandover.handoverDays = [0]
        var noStay = config(.cycles, history: 0)
        noStay.maxConsecutiveTerms = 1
        for (name, c) in [("free", free), ("three terms", three), ("no handover", noHandover), ("no stay", noStay)] {
            let s = c.make(seed: 801)
            XCTAssertFalse(PersonFormulation.twoTermsApply(PlanContext(s)), name)
            XCTAssertTrue(try model(s, patterns: true).variables.contains { $0.name.hasPrefix("x_") }, name)
        }
    }
}
