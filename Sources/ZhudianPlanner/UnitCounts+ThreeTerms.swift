import MIPModel

extension UnitCounts {
    /// Three terms in a row `j, j+1, j+2` per unit (where the pair rows hold): the people of
    /// `j+1` serve in neither `j` nor `j+2` (except by staying on), and only those able in both
    /// `j` and `j+2` may serve in both, so
    /// Σ n[u,·,j] + Σ n[u,·,j+1] + Σ n[u,·,j+2] − Σ s[u,·,j] − Σ s[u,·,j+1]
    /// ≤ |able in j ∪ j+1 ∪ j+2| + |able in j ∩ able in j+2|
    /// (each person adds at most one, two where serving in `j` and `j+2`).
    ///
    /// Why: the pair rows count each two terms alone. At the sweep's 127 (free 28 × 3, two
    /// history terms) a unit of six had three able in term 1 (two in history term 0, one away)
    /// and five in term 3 (one away), and the unit model sent 3, 2 and 4: both pair rows hold
    /// (5 and 6 ≤ 6), but terms 1 and 3 share at most two people, so 3 + 4 stays take at least
    /// five people and leave one for term 2. The people model over its links had no roster.
    func addThreeTerms(
        _ model: inout Model, unit u: Int, n: [[Int: Variable]], stay: [[Int: Variable]], serving: [Set<Int>]
    ) throws(ModelError) {
        guard ctx.terms >= 3 else { return }
        let nU = ctx.scenario.units.count
        for j in 1...(ctx.terms - 2) {
            var e = LinearExpression()
            for k in j...(j + 2) {
                for key in keys[k] where key / nU == u {
                    if let c = n[k][key] { e.add(c, 1) }
                    if k < j + 2, let c = stay[k][key] { e.add(c, -1) }
                }
            }
            guard !e.terms.isEmpty else { continue }
            let all = serving[j].union(serving[j + 1]).union(serving[j + 2]).count
            let twice = serving[j].intersection(serving[j + 2]).count
            try model.addConstraint(name: "three_\(u)_\(j)", e, upper: Double(all + twice))
        }
    }
}
