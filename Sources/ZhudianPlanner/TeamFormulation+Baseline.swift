import MIPModel
import ZhudianCore

extension TeamFormulation {
    /// `q[b]`, `keepz`, `keepy`: a baseline stay is kept when its person is placed and their
    /// unit is linked to its site (what-if, `objective.change` > 0); not in elastic models.
    static func addKeptBaseline(
        _ sink: inout RowSink, basis: TeamBasis, options: PlanOptions, y: [[Int: Variable]], z: [[Variable?]]
    ) throws(ModelError) {
        let ctx = basis.ctx
        let s = ctx.scenario
        let nU = s.units.count
        guard !basis.elastic, s.objective.change > 0, let base = options.baseline else { return }
        let part = basis.part
        let n = base.terms.reduce(0) { n, t in
            n + t.stays.filter { st in ctx.index.unit[st.site].map { part?.contains($0) ?? true } ?? (part == nil) }.count
        }
        for term in base.terms where term.term >= 1 && term.term <= ctx.terms {
            for st in term.stays {
                guard let p = ctx.index.person[st.person], let v = ctx.index.unit[st.site],
                    let zc = z[p][term.term], let yc = y[term.term][ctx.home(p) * nU + v]
                else { continue }
                let q = try sink.model.addVariable(name: "q_\(p)_\(v)_\(term.term)", lower: 0, upper: 1, objective: -s.objective.change)
                try sink.model.addConstraint(name: "keepz_\(p)_\(v)_\(term.term)", expr([(q, 1), (zc, -1)]), upper: 0)
                try sink.model.addConstraint(name: "keepy_\(p)_\(v)_\(term.term)", expr([(q, 1), (yc, -1)]), upper: 0)
            }
        }
        sink.model.objectiveConstant += s.objective.change * Double(n)
    }
}
