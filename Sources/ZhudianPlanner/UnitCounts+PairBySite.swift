import MIPModel

extension UnitCounts {
    /// The pair rows per site (where the pair rows hold: terms `k` and `k+1` need different
    /// people except those staying on): the people of `u` at `v` in one term and all of `u`'s
    /// people in the other are different people, so
    /// n[u,v,k+1] + Σ_w n[u,w,k] − s[u,v,k] ≤ |able at v in k+1 ∪ able in k| and
    /// n[u,v,k] + Σ_w n[u,w,k+1] − s[u,v,k] ≤ |able at v in k ∪ able in k+1|. Added only where
    /// the count is below the unit's pair row's (a site some of the unit's people may not go to).
    ///
    /// Why: with history, the people of history term 0 may not serve in term 1 and may not be
    /// back in term 2 at the site they were at. The pair row counted them for term 2 at any site,
    /// so the unit model put the unit's other people in term 1 and sent two to the history site
    /// in term 2, and the people model over its links had no roster (the sweep's 127, free 28 × 3
    /// with two history terms, and 148, free 32 × 3 with one).
    func addPairBySite(
        _ model: inout Model, unit u: Int, n: [[Int: Variable]], stay: [[Int: Variable]], serving: [Set<Int>]
    ) throws(ModelError) {
        let nU = ctx.scenario.units.count
        let people = ctx.index.peopleOfUnit[u]
        for k in 1..<ctx.terms {
            let both = serving[k].union(serving[k + 1]).count
            for (at, other) in [(k + 1, k), (k, k + 1)] {
                let rest = placed(u, term: other, n)
                guard !rest.terms.isEmpty else { continue }
                for key in keys[at] where key / nU == u {
                    guard let a = n[at][key] else { continue }
                    let able = people.filter { Self.mayServe(ctx, $0, at: key % nU, term: at) }
                    let cap = serving[other].union(able).count
                    guard cap < both else { continue }
                    var e = rest
                    e.add(a, 1)
                    if let c = stay[k][key] { e.add(c, -1) }
                    try model.addConstraint(name: "pairsite_\(key)_\(at)_\(k)", e, upper: Double(cap))
                }
            }
        }
    }
}
