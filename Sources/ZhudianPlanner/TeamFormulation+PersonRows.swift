import MIPModel
import ZhudianCore

/// The teams model's rows about people across terms.
extension TeamFormulation {
    /// `ccool[p,v,j,k]`: `z[p,j] + y[u,v,j] + z[p,k] + y[u,v,k] ≤ 3` for
    /// `pairCooldown < k − j ≤ personCooldown` — p is not back at v within the person cooldown.
    static func addPersonCooldown(
        _ sink: inout RowSink, basis: TeamBasis, y: [[Int: Variable]], z: [[Variable?]], out: SiteLinks
    ) throws(ModelError) {
        let ctx = basis.ctx
        let rules = ctx.scenario.rules
        let nU = ctx.scenario.units.count
        guard rules.personCooldown > rules.pairCooldown else { return }
        for k in 1...ctx.terms {
            for j in max(1, k - rules.personCooldown)..<k where k - j > rules.pairCooldown {
                for (i, u) in basis.ents.enumerated() {
                    for l in out[j][i] {
                        guard let b = y[k][u * nU + l.site] else { continue }
                        for p in ctx.index.peopleOfUnit[u] {
                            guard let zj = z[p][j], let zk = z[p][k] else { continue }
                            try sink.model.addConstraint(
                                name: "ccool_\(p)_\(l.site)_\(j)_\(k)",
                                expr([(zj, 1), (l.variable, 1), (zk, 1), (b, 1)]), upper: 3)
                        }
                    }
                }
            }
        }
    }

    /// `consec[p,i]` per person and, with handover days and `maxConsecutiveTerms ≥ 2`,
    /// `over[p,k]`: `z[p,k] + z[p,k+1] ≤ 1` (moving on overlaps the handover, rule 4).
    static func addConsecutive(_ sink: inout RowSink, basis: TeamBasis, z: [[Variable?]]) throws(ModelError) {
        let ctx = basis.ctx
        let s = ctx.scenario
        let T = ctx.terms
        let m = s.rules.maxConsecutiveTerms
        for u in basis.ents {
            for p in ctx.index.peopleOfUnit[u] {
                try sink.addConsecutive(person: p, ctx: ctx) { t in z[p][t].map { [$0] } ?? [] }
                if s.calendar.handoverDays > 0 && m >= 2 && T >= 2 {
                    for k in 1..<T {
                        guard let a = z[p][k], let b = z[p][k + 1] else { continue }
                        try sink.model.addConstraint(name: "over_\(p)_\(k)", expr([(a, 1), (b, 1)]), upper: 1)
                    }
                }
            }
        }
    }

    /// `fair[p]`: `Σ_k z[p,k] = Σ_r t[p,r]` with `t[p,r]` costing `fairness·(served + r − 1)`
    /// (on `z` directly when p may serve one term only).
    static func addFairness(_ sink: inout RowSink, basis: TeamBasis, z: [[Variable?]]) throws(ModelError) {
        let ctx = basis.ctx
        let s = ctx.scenario
        let fW = s.objective.fairness
        guard fW > 0, basis.pricing?.staysCost ?? true else { return }
        for u in basis.ents {
            for p in ctx.index.peopleOfUnit[u] {
                let cols = (1...ctx.terms).compactMap { z[p][$0] }
                guard !cols.isEmpty else { continue }
                let served = Double(s.people[p].served)
                if cols.count == 1 {
                    try sink.model.setObjectiveCoefficient(cols[0], fW * served)
                    continue
                }
                var e = LinearExpression()
                for c in cols { e.add(c, 1) }
                for r in 1...cols.count {
                    let t = try sink.model.addVariable(
                        name: "t_\(p)_\(r)", lower: 0, upper: 1,
                        objective: fW * (served + Double(r - 1)))
                    e.add(t, -1)
                }
                try sink.model.addConstraint(name: "fair_\(p)", e, lower: 0, upper: 0)
            }
        }
    }
}
