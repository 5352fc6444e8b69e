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
        var options = PlanOptions()
        options.twoTermPatterns = patterns
        return try PersonFormulation.build(PlanContext(s), options: options, elastic: false, twoTerms: true).model
    }

    func testPatternsMatchTheBruteForceOnCyclesAndRings() throws {
        var compared = 0
        var stayed = 0
        for (structure, seeds) in [(Structure.cycles, UInt64(701)...740), (.ring, 741...770)] {
            for seed in seeds {
                let s = config(structure, history: Int(seed % 3)).make(seed: seed)
                XCTAssertTrue(PersonFormulation.twoTermsApply(PlanContext(s)), "seed \(seed)")
                let expected = PeopleBruteForce.optimum(s)
                for patterns in [true, false] {
                    var options = PlanOptions()
                    options.forcedFormulation = .people
                    options.twoTermPatterns = patterns
                    let label = "\(structure), seed \(seed), patterns \(patterns)"
                    if assertPlanAgrees(planner, s, optimum: expected?.objective, options: options, label: label), patterns {
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
        for seed in UInt64(771)...830 {
            var c = config(seed % 2 == 0 ? .cycles : .ring, history: 1)
            c.minStaff = [1]
            let s = c.make(seed: seed)
            let with = GLPKSolver().solveRelaxation(try model(s, patterns: true))
            let without = GLPKSolver().solveRelaxation(try model(s, patterns: false))
            XCTAssertEqual(with.status, without.status, "seed \(seed)")
            guard let a = with.objective, let b = without.objective else { continue }
            XCTAssertGreaterThanOrEqual(a, b - 1e-6 * max(1, abs(b)), "seed \(seed): the patterns lowered the bound")
            solved += 1
        }
        XCTAssertGreaterThanOrEqual(solved, 10, "too few feasible relaxations")
    }

    /// One row per person replaces `place`, `over`, `ondef`, `hand`, `hcool` and `fair`.
    func testThePatternModelHasOneRowPerPersonAndNoTermRows() throws {
        let s = config(.cycles, history: 1).make(seed: 702)
        let m = try model(s, patterns: true)
        XCTAssertTrue(m.constraints.contains { $0.name.hasPrefix("one_") })
        for gone in ["place_", "over_", "ondef_", "hand_", "hcool_", "fair_"] {
            XCTAssertFalse(m.constraints.contains { $0.name.hasPrefix(gone) }, gone)
        }
        XCTAssertFalse(m.variables.contains { $0.name.hasPrefix("x_") || $0.name.hasPrefix("t_") })
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
