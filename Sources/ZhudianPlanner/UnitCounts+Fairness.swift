import MIPModel

extension UnitCounts {
    /// The fairness cost of the unit model: per sending unit `u`, the stays it makes over the
    /// plan, Σ_{v,k} n[u,v,k], pay at least the cheapest as many of its people's fairness
    /// steps, `fairness × (served(p) + r − 1)` for r = 1 … the terms `p` counts as able in —
    /// the people model's `t[p,r]` steps (``PersonFormulation``), pooled per unit. One
    /// continuous column `f[u,m] ∈ [0,1]` per step, costing it, and the row
    /// Σ_{v,k} n[u,v,k] − Σ_m f[u,m] ≤ 0; the steps are sorted by cost, so the LP takes the
    /// cheapest first. A person staying on makes two stays, so the second is charged here
    /// (the stay-on columns `s` cost nothing, ``UnitCounts/model()``).
    ///
    /// Why: the unit model counted distance only, but fairness is most of a roster's cost where
    /// people have served before: at the sweep's free 34 × 3 with staying on (041) the counted
    /// roster cost 7 550.02, of which 6 480 fairness and 1 070 km. Without it the unit model
    /// sends people from units whose people have served most as readily as from those whose
    /// people have not, and the people model over its links cannot undo that.
    ///
    /// Adds one column per step of every sending unit (at most its people × terms) and one row
    /// per sending unit. A lower bound on the fairness the people model pays for the same
    /// counts (who is able in which term, and the pair rows, are not looked at).
    func addFairness(_ model: inout Model, n: [[Int: Variable]]) throws(ModelError) {
        let s = ctx.scenario
        let weight = s.objective.fairness
        guard weight > 0 else { return }
        for u in ctx.senders where part?.contains(u) ?? true {
            var e = LinearExpression()
            for k in 1...ctx.terms {
                for t in placed(u, term: k, n).terms { e.add(t.variable, t.coefficient) }
            }
            guard !e.terms.isEmpty else { continue }
            let steps = fairnessSteps(unit: u, weight: weight)
            for (m, cost) in steps.enumerated() {
                let f = try model.addVariable(name: "f_\(u)_\(m)", lower: 0, upper: 1, objective: cost)
                e.add(f, -1)
            }
            try model.addConstraint(name: "fair_\(u)", e, upper: 0)
        }
    }

    /// The fairness steps of unit `u`'s people, cheapest first: `weight × (served + r − 1)`
    /// for r = 1 … the terms the person counts as able in (``mayServe(_:_:term:)``).
    private func fairnessSteps(unit u: Int, weight: Double) -> [Double] {
        var steps: [Double] = []
        for p in ctx.index.peopleOfUnit[u] {
            let terms = (1...ctx.terms).count { Self.mayServe(ctx, p, term: $0) }
            let served = Double(ctx.scenario.people[p].served)
            for r in 0..<terms { steps.append(weight * (served + Double(r))) }
        }
        return steps.sorted()
    }
}
