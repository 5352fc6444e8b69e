import MIPModel

extension RowSink {
    /// Rows about a unit coming back to a site two terms later (rules 4 and 7, implied), for
    /// each enterprise `u` and window of three terms `j, j+1, j+2`:
    ///
    /// - `rclq[u,v,j]`: `y[u,v,j] + y[u,v,j+1] + y[u,v,j+2] − rep[u,j] ≤ 1`;
    /// - `rppl[p,j]`: `z[p,j] + z[p,j+1] + z[p,j+2] + rep[u,j] ≤ 2` for each person p of u
    ///   (`z[p,j] + z[p,j+2] + rep[u,j] ≤ 2` when people may serve two terms in a row).
    ///
    /// `rep[u,j] ∈ [0,1]` says "u is at one site in terms j and j+2". Why they hold: u's sites
    /// `a, b, c` in the window differ in neighbouring terms (`pairCooldown ≥ 1`). Unless
    /// `a = c`, all three differ, so one site takes at most one of the three terms. If `a = c`,
    /// `rep` may be 1, and then nobody serves in both j and j+2 (the person cooldown bars the
    /// site, `personCooldown ≥ 2`) and, when nobody may serve two
    /// terms in a row (`maxConsecutiveTerms` 1, or handover days), nobody serves twice in the
    /// window at all. With `pairCooldown ≥ 2` no unit comes back within two terms: the rows are
    /// written without `rep` (and without the people rows, which would say nothing).
    ///
    /// A site `u` can never come back to (a ``UnitCooldown`` conflict between terms j and
    /// j+2: too few people for three disjoint teams) gets its `rclq` row without `rep` as well:
    /// `pcool` (j, j+1), (j+1, j+2) and `ucool` (j, j+2) are the three edges of a triangle of
    /// the links' conflict graph, whose clique row is `Σ_k y[u,v,k] ≤ 1`
    /// (``UnitRepeatCliques``). Without it the LP puts u at v in all three terms at ½ and pays
    /// `rep[u,j] = ½`, which the person rows accept at fractional `z`.
    ///
    /// Why they matter: with three terms the LP alternates each unit between two sites at half
    /// values (`a, b, a` and `b, a, b`, both coming back) while people serve terms j and j+2 as
    /// if it did not; the person rows of the cooldown (`ccool`) are slack at half values. On peer
    /// row 16 these rows lift the root LP from 3421.81 to 3498.86 of an optimum near 3601.7
    /// (BENCHMARKS.md, fifth round). Rows over two sites (`Σ_k y[u,{a,b},k] − rep ≤ 2`) hold
    /// too but were left out: 0.27 more on row 16, 12 more on row 28, for twice the rows and
    /// twice the first LP's time. A link without a column is 0 in every row, which only weakens
    /// a row; the rows hold `y` with coefficient +1 in `≤` rows, so a pricing that leaves their
    /// duals out under-prices a left-out link and its bounds stay valid.
    ///
    /// - Complexity: O(E · T · (S + P_u)) rows for E enterprises with S sites and P_u people each.
    mutating func addUnitRepeat(
        basis: TeamBasis, y: [[Int: Variable]], z: [[Variable?]], units nU: Int, cliques: Bool = true
    ) throws(ModelError) {
        let ctx = basis.ctx
        let rules = ctx.scenario.rules
        let T = ctx.terms
        guard T >= 3 else { return }
        let comesBack = rules.pairCooldown == 1
        // Coming back is free for people without the person cooldown: nothing to say then.
        guard !comesBack || rules.personCooldown >= 2 else { return }
        let noTwoInARow = rules.maxConsecutiveTerms == 1 || ctx.scenario.calendar.handoverDays > 0
        let noReturn = cliques ? UnitRepeatCliques(basis.unitConflicts) : UnitRepeatCliques([])
        for u in basis.ents {
            for j in 1...(T - 2) {
                let window = [j, j + 1, j + 2]
                var sites: [Int] = []
                for v in basis.ents where v != u && window.contains(where: { y[$0][u * nU + v] != nil }) {
                    sites.append(v)
                }
                guard !sites.isEmpty else { continue }
                let rep = comesBack
                    ? try model.addVariable(name: "rep_\(u)_\(j)", lower: 0, upper: 1) : nil
                func links(_ v: Int) -> [Variable] { window.compactMap { y[$0][u * nU + v] } }
                for v in sites {
                    let cols = links(v)
                    guard cols.count >= 2 else { continue }
                    var e = LinearExpression.sum(cols)
                    if noReturn.contains(unit: u, site: v, window: j) {
                        try model.addConstraint(name: "rnot_\(u)_\(v)_\(j)", e, upper: 1)
                        continue
                    }
                    if let rep { e.add(rep, -1) }
                    try model.addConstraint(name: "rclq_\(u)_\(v)_\(j)", e, upper: 1)
                }
                guard let rep else { continue }
                for p in ctx.index.peopleOfUnit[u] {
                    let terms = noTwoInARow ? window : [j, j + 2]
                    let cols = terms.compactMap { z[p][$0] }
                    guard cols.count >= 2 else { continue }
                    var e = LinearExpression.sum(cols)
                    e.add(rep, 1)
                    try model.addConstraint(name: "rppl_\(p)_\(j)", e, upper: 2)
                }
            }
        }
    }
}
