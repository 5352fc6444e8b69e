import MIPModel

extension PricedTeamSolve {
    /// The part's result when `roster` costs no more than `L`, the LP bound of the full model
    /// (converged pricing: no left-out link has a negative reduced cost), within the relative
    /// `gap` asked for or float noise (1e-9) — every roster costs at least `L`, so this one is
    /// optimal (or within `gap`, then reported with the bound `L`). Nil otherwise, or when the point breaks a row of its model (lazy rows included):
    /// then the search goes on as usual.
    static func provenByBound(
        _ roster: (built: BuiltModel, values: [Double], objective: Double), L: Double, gap: Double
    ) -> PartResult? {
        let z = roster.objective
        guard z - L <= max(gap, 1e-9) * max(1, abs(z)) else { return nil }
        guard roster.built.model.violations(at: roster.values).isEmpty, roster.built.separate(roster.values).isEmpty else {
            return nil
        }
        // Within float noise it is proven; within a looser gap asked for, it stops as a MIP would.
        let proven = z - L <= 1e-9 * max(1, abs(z))
        var out = PartResult(termination: proven ? .optimal : .gapLimit)
        out.priced = true
        out.values = roster.values
        out.placements = roster.built.decode(roster.values)
        out.objective = z
        out.bound = proven ? z : L
        out.model = roster.built.model
        return out
    }
}
