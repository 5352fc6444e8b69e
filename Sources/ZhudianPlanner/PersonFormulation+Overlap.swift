import MIPModel

extension RowSink {
    /// Rule 4 across terms, `over[p,v,k]`: a person at v in term k is, in term k+1, at v or
    /// nowhere (moving on to another site overlaps the handover days). Written for one person
    /// over the plan's terms; `col(p, v, k)` as in ``addPersonCooldown(people:sites:ctx:col:)``.
    ///
    /// The row is x[p,v,k] + Σ_{w≠v} x[p,w,k+1] ≤ 1. With `throughOn`, when term k+1 has at
    /// least ``overlapTermColumn`` columns of p, it is written through one continuous column
    /// `on[p,k+1]` = Σ_w x[p,w,k+1] (`ondef`, which with `on ≤ 1` is also the `place` row)
    /// as x[p,v,k] + on[p,k+1] − x[p,v,k+1] ≤ 1: the same rows on every point, so the same LP
    /// and the same rosters.
    ///
    /// Why: written out, each of p's columns in k+1 sits in the row of every other site of
    /// term k — |sites|² entries per person and term pair, over half of the model's 48 000
    /// non-zeros at the peer benchmark's row 19 (cycles 20 × 2, staying on). Every simplex
    /// iteration and every tableau row GLPK's branching evaluates walks them; through `on`
    /// a column sits in three rows (BENCHMARKS.md, "Small people-model rows against CP-SAT,
    /// eighth round"). Not above 24 sending units: there the seeds and the priced model ran
    /// slower with it (row 20, ring 26 × 2: 18 % more CPU).
    mutating func addOverlap(
        person p: Int, terms T: Int, sites: [Int], col: (Int, Int, Int) -> Variable?, throughOn: Bool
    ) throws(ModelError) {
        guard T >= 2 else { return }
        for k in 1..<T {
            let next = sites.compactMap { w in col(p, w, k + 1).map { (site: w, column: $0) } }
            guard !next.isEmpty else { continue }
            let on = throughOn && next.count >= Self.overlapTermColumn ? try onDuty(person: p, term: k + 1, next.map(\.column)) : nil
            for v in sites {
                guard let a = col(p, v, k) else { continue }
                let others = next.filter { $0.site != v }
                guard !others.isEmpty else { continue }
                var e = expr([(a, 1)])
                if let on {
                    e.add(on, 1)
                    if let stay = col(p, v, k + 1) { e.add(stay, -1) }
                } else {
                    for w in others { e.add(w.column, 1) }
                }
                try model.addConstraint(name: "over_\(p)_\(v)_\(k)", e, upper: 1)
            }
        }
    }

    /// From this many columns of a person in the next term on, ``addOverlap(person:terms:sites:col:throughOn:)``
    /// writes its rows through `on[p,k]`: with two, the written-out row has two entries of the
    /// next term, as many as the short one plus its share of `ondef`.
    static let overlapTermColumn = 3

    /// `on[p,k]` ∈ [0, 1] with `ondef[p,k]`: on[p,k] − Σ_v x[p,v,k] = 0.
    private mutating func onDuty(person p: Int, term k: Int, _ columns: [Variable]) throws(ModelError) -> Variable {
        let on = try model.addVariable(name: "on_\(p)_\(k)", lower: 0, upper: 1)
        var e = expr([(on, 1)])
        for c in columns { e.add(c, -1) }
        try model.addConstraint(name: "ondef_\(p)_\(k)", e, lower: 0, upper: 0)
        return on
    }
}
