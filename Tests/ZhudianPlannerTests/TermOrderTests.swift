import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianScenario
@testable import ZhudianPlanner

/// Cycles over two terms are constructed last term first too
/// (``PricedTeamSolve/constructedRoster(_:_:_:_:early:bound:)``): built second, term 1 must
/// keep the pair cooldown and count its people against term 2, which is built already; and
/// the priced solve still ends at the full model's optimum.
final class TermOrderTests: XCTestCase {
    static func scenario(_ seed: Int) -> Scenario {
        var c = GeneratorConfig(units: 30)
        c.seed = UInt64(seed)
        c.terms = 2
        c.history = 2
        c.structure = .cycles
        return ScenarioGenerator.generate(c)
    }

    /// Built last term first, the links are staffed (the staffing MIP is exact: a link that
    /// repeats the other term's pair makes it infeasible), and no enterprise goes to the same
    /// site in both terms.
    func testLastTermFirstKeepsThePairCooldownWithTheTermBuiltBefore() throws {
        var built = 0
        for seed in 40..<44 {
            let s = Self.scenario(seed)
            XCTAssertGreaterThanOrEqual(s.rules.pairCooldown, 1, "seed \(seed)")
            guard let (solve, state, r) = try Self.converged(s) else {
                XCTFail("seed \(seed): the LP rounds ended the part")
                continue
            }
            for counting in [PricedTeamSolve.PeopleCounting.hall, .none] {
                let forward = try solve.constructedRoster(
                    r.lp.values, r.built, state.pool, r.duals, counting: counting, early: false, terms: [1, 2])
                let backward = try solve.constructedRoster(
                    r.lp.values, r.built, state.pool, r.duals, counting: counting, early: false, terms: [2, 1])
                guard forward != nil else { continue }
                let roster = try XCTUnwrap(backward, "seed \(seed), \(counting): no staffed roster last term first")
                XCTAssertEqual(roster.built.model.violations(at: roster.values), [], "seed \(seed), \(counting)")
                let rows = try XCTUnwrap(roster.built.teamRows)
                var site: [Int: [Int: Int]] = [:]
                for l in rows.links where roster.values[l.variable.index] > 0.5 { site[l.node, default: [:]][l.term] = l.site }
                for (node, terms) in site {
                    XCTAssertNotEqual(terms[1], terms[2], "seed \(seed), \(counting): node \(node) at one site twice")
                }
                built += 1
            }
        }
        XCTAssertGreaterThanOrEqual(built, 4)
    }

    /// The planner builds both orders for two-term cycles, keeps the cheaper, and the
    /// priced optimum is the full model's.
    func testBothOrdersAreBuiltAndThePricedOptimumIsTheFullModels() throws {
        let planner = Planner(solver: GLPKSolver())
        var reordered = 0
        for seed in 40..<43 {
            let s = Self.scenario(seed)
            let priced = try assertPricedAgreesWithFull(planner, s, timeLimit: 120, label: "seed \(seed)")
            if priced.log.contains(where: { $0.contains("terms [2, 1]") }) { reordered += 1 }
        }
        XCTAssertGreaterThan(reordered, 0, "no two-term cycles were built last term first")
    }
    /// The support MIP gets the links of every constructed roster, not only its start's: a
    /// gap stop then leaves a roster within its gap of each (cycles 150 × 2 stopped at 10 026.21
    /// with the cheaper order's links alone, at 10 022.30 with both). The other roster here is
    /// built from a zero point (distances alone), so that some of its links are neither in the
    /// LP's support nor in the start.
    func testTheSupportMIPHoldsTheOtherRostersLinks() throws {
        var foreign = 0
        for seed in 40..<44 {
            let s = Self.scenario(seed)
            guard let (solve, state, r) = try Self.converged(s) else {
                XCTFail("seed \(seed): the LP rounds ended the part")
                continue
            }
            let start = try XCTUnwrap(try solve.constructedRoster(r.lp.values, r.built, state.pool, r.duals))
            let zero = Array(repeating: 0.0, count: r.lp.values.count)
            guard let other = try solve.constructedRoster(zero, r.built, state.pool, r.duals) else { continue }
            func used(_ roster: PricedTeamSolve.Found) throws -> [String] {
                try XCTUnwrap(roster.built.teamRows).links.filter { roster.values[$0.variable.index] > 0.5 }
                    .map { "\($0.term) \($0.node) \($0.site)" }
            }
            let support = Set(try XCTUnwrap(r.built.teamRows).links.filter { r.lp.values[$0.variable.index] > 1e-6 }
                .map { "\($0.term) \($0.node) \($0.site)" })
            let startLinks = Set(try used(start))
            foreign += try used(other).filter { !support.contains($0) && !startLinks.contains($0) }.count
            var proven = false
            let found = try XCTUnwrap(
                try solve.supportRoster(
                    r.lp.values, r.built, state.pool, start: start, also: [other], neighbourhood: [],
                    rootStart: r.rootStart, searched: &proven),
                "seed \(seed): no support roster")
            let columns = Set(try XCTUnwrap(found.built.teamRows).links.map { "\($0.term) \($0.node) \($0.site)" })
            for l in try used(other) { XCTAssertTrue(columns.contains(l), "seed \(seed): link \(l) left out") }
        }
        XCTAssertGreaterThan(foreign, 0, "every other roster's link was in the LP's support or the start anyway")
    }

    /// The priced solve of `s` after its LP rounds, with their pool and result; nil when the
    /// rounds ended the part.
    static func converged(_ s: Scenario) throws -> (PricedTeamSolve, PricingState, Relaxed)? {
        let basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
        let solve = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: PlanOptions(), deadline: nil)
        var state = PricingState(ents: basis.ents.count, terms: basis.ctx.terms)
        solve.seedSelection(&state.selected)
        guard case .rounds(let r) = try solve.lpRounds(&state) else { return nil }
        return (solve, state, r)
    }
}
