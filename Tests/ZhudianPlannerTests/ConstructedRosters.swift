import GLPK
import ZhudianCore
@testable import ZhudianPlanner

/// The priced teams model's first rosters for a scenario, as the planner builds them: its LP
/// rounds from the seeded selection, then the construction over their last point
/// (``PricedTeamSolve/constructedRosters(_:_:_:_:early:bound:)``). Shared by the tests of the
/// construction (``ThreeTermConstructionTests``, ``PinnedLinksTests``).
struct ConstructedRosters {
    let basis: TeamBasis
    let solve: PricedTeamSolve
    let rosters: [(built: BuiltModel, values: [Double], objective: Double)]

    /// Nil when the LP rounds end the part (infeasible, or proven at once): nothing to build.
    init?(_ s: Scenario) throws {
        basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
        var options = PlanOptions()
        options.captureLog = true
        solve = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: options, deadline: nil)
        var state = PricingState(ents: basis.ents.count, terms: basis.ctx.terms)
        solve.seedSelection(&state.selected)
        guard case .rounds(let r) = try solve.lpRounds(&state) else { return nil }
        rosters = try solve.constructedRosters(r.lp.values, r.built, state.pool, r.duals)
    }
}
