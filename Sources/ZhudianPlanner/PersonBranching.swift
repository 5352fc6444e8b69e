import MIPModel

/// Which columns the people model's MIPs branch on first: the link columns `y[u,v,k]`
/// (``SolveOptions/branchFirst``).
///
/// Why: the people model's LP optimum mixes links at ½ — `u → v` and `v → u` at ½ each, two
/// people of `u` at ½ on `v` — and after branching on one person another person of the unit
/// (often interchangeable) takes the half, at the same LP value: at peer row 24 (free 30 × 2)
/// GLPK's own rule left the bound at the root's for hundreds of nodes. Fixing the link decides
/// where the unit's people may go at once; given the links the LP is nearly integral
/// (docs/FORMULATION.md, "GLPK's search on the small rows, eighth round").
///
/// Used by the priced MIPs, by the full model where it has a seed (more than 24 sending
/// units) and more than one term (``appliesToFullModel(_:seeded:)``), and by the unseeded full
/// model (``prepareUnseeded(_:_:options:)``). In both full models the link
/// is chosen by degradation (``SolveOptions/branchFirstByDegradation``): on the seeded one
/// (``PersonRestart``) peer row 24 (free 30 × 2) took 4.2 s of CPU instead of 5.8 s and row 29
/// (free 50 × 2, cap) was proven in 14 s where it stopped at 0.09 % after 30 s. The priced
/// MIPs choose the same way (``PricedPersonSolve``): row 21 (free 29 × 2, staying on) proven
/// in 8 s where it stopped at 0.17 % after 30 s.
enum PersonBranching {
    /// Whether the full people model branches on links first. Naming columns turns GLPK's
    /// presolve off (it renumbers the columns), and where the full model was presolved that
    /// can cost more than links first gain: below 25 sending units peer row 15 (free 15 × 2)
    /// took 2.2–2.8 s with links first against 0.5–1.0 s and row 07 ended at 1.84 % against
    /// 1.07 %; with one term row 26 (free 40 × 1) 12–14 s against 1.7–1.9 s (without presolve
    /// GLPK's own rule took 19 s there). Over two terms row 24 (free 30 × 2) is proven in
    /// 13–18 s, where it stopped at 0.02 % before. Measured per row, not derived: the rule
    /// follows the rows measured (docs/FORMULATION.md, "GLPK's search on the small rows").
    static func appliesToFullModel(_ ctx: PlanContext, seeded: Bool) -> Bool {
        seeded && ctx.terms > 1
    }

    /// The unseeded full people model (free placement up to 24 sending units; ring and cycles
    /// wherever the people model decides unseeded, such as people staying on): its links first, the one GLPK's Driebeck–Tomlin estimate ranks
    /// best (the product of both branches' bound changes; ``SolveOptions/branchFirstByDegradation``),
    /// and its root LP by the dual simplex from the slack basis where every cost is ≥ 0 (that
    /// basis is then dual feasible). Returns the columns to branch on first (none where it does
    /// not apply).
    ///
    /// Why: GLPK's own rule branches on people, whom an interchangeable colleague replaces at
    /// the same LP value, and the most fractional link often leaves both children's bound
    /// where it was. Measured on peer rows 06, 09, 11, 15, 18 and 07 (docs/FORMULATION.md,
    /// "Free placement, small rows, tenth round"): row 09's search 42 → 10 branchings, row 07
    /// (free 9 × 3) proven where it stopped at 0.32 % after 30 s. The presolve it gives up is
    /// what made links first slower below 25 units with the most-fractional rule (above).
    /// Ring and cycles with people staying on (the two-term pattern model) gain the same way:
    /// peer rows 10, 14 and 19 0.13 → 0.07 s, 0.12 → 0.10–0.11 s and 0.25 → 0.23–0.24 s, a
    /// generated cycles 20 × 2 4.5 → 1.8 s (BENCHMARKS.md, "Where issue 21 stands (end of the
    /// tenth round)").
    static func prepareUnseeded(_ built: inout BuiltModel, _ ctx: PlanContext, options: PlanOptions) -> [Int] {
        guard options.unseededLinksFirst else { return [] }
        let links = columns(built.model, options: options)
        guard !links.isEmpty else { return [] }
        built.branchFirstByDegradation = true
        let model = built.model
        // The two-term pattern model may have asked for the dual root already; keep it.
        built.dualRoot = built.dualRoot || (model.sense == .minimize
            && model.variables.allSatisfy { $0.objective >= 0 && $0.lower.isFinite })
        built.mirCuts = ctx.scenario.rules.structure != .free || FreeTeamCap.staysOn(ctx.scenario.rules, terms: ctx.terms)
        built.nodePreprocessing = built.mirCuts
        return links
    }

    /// The binary link columns of a people model (named `y_u_v_k` by ``PersonFormulation``,
    /// as ``PersonColumns`` reads them), or none when ``PlanOptions/linksFirst`` is off.
    static func columns(_ model: Model, options: PlanOptions) -> [Int] {
        guard options.linksFirst else { return [] }
        return model.variables.indices.filter {
            model.variables[$0].kind == .binary && model.variables[$0].name.hasPrefix("y_")
        }
    }
}
