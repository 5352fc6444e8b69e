import MIPModel
import ZhudianCore

extension RowSink {
    /// The objective's `change` term (SPEC §3): `change ×` every baseline stay the plan drops,
    /// written as the constant `change × (baseline stays in the part)` minus `change` on the
    /// column of every stay the plan keeps. Adds the constant and returns the kept placements,
    /// whose columns the caller prices with −change. Empty without a baseline or a weight.
    ///
    /// Shared by the person-column formulations (resident people, visiting).
    mutating func addChangeConstant(_ ctx: PlanContext, baseline: Roster?, part: Set<Int>?) -> Set<Placement> {
        let change = ctx.scenario.objective.change
        guard change > 0, let base = baseline else { return [] }
        var kept: Set<Placement> = []
        let n = base.terms.reduce(0) { n, t in
            n + t.stays.filter { st in ctx.index.unit[st.site].map { part?.contains($0) ?? true } ?? (part == nil) }.count
        }
        for term in base.terms where term.term >= 1 && term.term <= ctx.terms {
            for st in term.stays {
                if let p = ctx.index.person[st.person], let v = ctx.index.unit[st.site] {
                    kept.insert(Placement(term: term.term, person: p, site: v))
                }
            }
        }
        model.objectiveConstant += change * Double(n)
        return kept
    }
}
