import MIPModel

extension PricedPersonSolve {
    /// Reduced-cost fixing of the priced MIP against a roster of cost `roster`.
    ///
    /// With the converged rounds' duals (a dual point of the full LP with the cycle rows, of
    /// value `L`), every point of the full model costs at least `L + d_j·(x_j − l_j)` for any
    /// one column `j` with reduced cost `d_j > 0`, so a roster that sets a binary column with
    /// `d_j > roster − L` costs more than `roster`. Fixing those columns of `model` to 0 keeps
    /// every roster at least as cheap as `roster`, the roster itself too (its columns price at
    /// most `roster − L`): the MIP's optimum and bound read as before. The links the filter
    /// keeps are whole links, but most of their people price far above the gap.
    ///
    /// Why: GLPK keeps every column in every node's LP and in its cut generator; at ring
    /// 26 × 2 with staying on (peer row 20) the MIP over the kept links is most of the run
    /// (docs/FORMULATION.md, "Small scenarios, sixth round").
    ///
    /// - Returns: how many columns were fixed.
    static func fixByReducedCost(
        _ model: inout Model, _ restriction: PersonRestriction, reducedCosts: [Double], L: Double, roster: Double
    ) throws(ModelError) -> Int {
        guard roster.isFinite, model.sense == .minimize else { return 0 }
        // Never fix what the roster itself might use: the LP's tolerances on top.
        let gap = roster - L + 1e-6 * max(1, abs(roster))
        var fixed = 0
        for (i, j) in restriction.columns.enumerated() {
            let info = model.variables[i]
            guard info.kind == .binary, info.lower == 0, info.upper == 1, reducedCosts[j] > gap else { continue }
            try model.setBounds(Variable(index: i), lower: 0, upper: 0)
            fixed += 1
        }
        return fixed
    }
}
