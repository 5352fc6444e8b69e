import ZhudianCore

/// The `objective.change` cost no part's model carries: each part's model counts the
/// baseline stays at its own sites (kept or not), so a stay at a site in no part — a site
/// closed by `active: false`, or one the scenario no longer has — is dropped by every roster
/// and priced by none. The planner adds it to the parts' sum, so the solver's objective stays
/// the rule text's cost (``ObjectiveAudit``) and the bound stays a bound on it.
///
///     BaselineOutsideParts.cost(ctx, parts: [[0, 1], [2, 3]], baseline: base)   // change × stays at other sites
enum BaselineOutsideParts {
    /// `change ×` the baseline stays (in planned terms) whose site is in none of `parts`;
    /// 0 for a single model, which counts every stay itself.
    static func cost(_ ctx: PlanContext, parts: [Set<Int>?], baseline: Roster?) -> Double {
        let s = ctx.scenario
        guard s.objective.change > 0, let base = baseline, parts.count > 1 else { return 0 }
        let covered = parts.reduce(into: Set<Int>()) { $0.formUnion($1 ?? []) }
        var outside = 0
        for term in base.terms {
            for stay in term.stays {
                guard let v = ctx.index.unit[stay.site], covered.contains(v) else {
                    outside += 1
                    continue
                }
            }
        }
        return s.objective.change * Double(outside)
    }
}
