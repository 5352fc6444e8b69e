import MIPModel

/// Reduced-cost fixing of the people model against a known roster (``PersonSeed``'s).
///
/// Solve the root LP (value `z`), and let `r` be the roster's cost. Every point of the model
/// costs at least `z + Σ_j d_j·x_j` over the columns at 0 in the LP optimum (reduced costs
/// `d_j ≥ 0` there), so a roster that sets a binary column with `d_j > r − z` costs more than
/// `r`. Fixing those columns to 0 therefore keeps every roster at least as cheap as `r` — the
/// roster itself too (its own columns have `d_j ≤ r − z`) — so the fixed model is never
/// infeasible, its optimum is the full model's, and its bound bounds every roster the fixed
/// columns leave out as well (they cost more than `r`, which is at least that bound).
///
/// Why: on the peer benchmark's small free rows the root gap is a few tenths of a percent
/// and most columns price far above it (row 26, free 40 × 1: 4 848 of 6 770), while GLPK
/// keeps every one in each node's LP (docs/FORMULATION.md, "Small scenarios, fifth round").
enum PersonReducedCostFix {
    /// The share of the time left the root LP may take; without an optimal LP nothing is fixed.
    static let timeShare = 0.2

    /// The root LP of `model` (the whole model), solved in `share` of the time left
    /// (``timeShare`` when nil).
    static func rootLP(
        _ model: Model, solver: any MIPSolver, deadline: ContinuousClock.Instant?, share: Double? = nil
    ) -> RelaxationResult {
        let limit = secondsLeft(until: deadline).map { $0 * (share ?? timeShare) }
        return solver.solveRelaxation(model, options: SolveOptions(timeLimit: limit), start: nil)
    }

    /// Fixes to 0 the binary columns of `model` whose reduced cost in `lp` (the root LP of the
    /// same columns, optimal) exceeds the gap between `lp` and `roster` (a roster's cost in
    /// this model). Returns how many it fixed; none when `lp` is not optimal.
    static func fix(_ model: inout Model, lp: RelaxationResult, roster: Double) throws(ModelError) -> Int {
        guard lp.status == .optimal, let z = lp.objective, model.sense == .minimize, roster.isFinite else { return 0 }
        // Tolerances: the LP's, and never fix what the roster itself might use.
        let gap = roster - z + 1e-6 * max(1, abs(roster))
        var fixed = 0
        for (j, info) in model.variables.enumerated() {
            guard info.kind == .binary, info.lower == 0, info.upper == 1, lp.values[j] < 1e-9, lp.reducedCosts[j] > gap
            else { continue }
            try model.setBounds(Variable(index: j), lower: 0, upper: 0)
            fixed += 1
        }
        return fixed
    }

    /// The log line of a fixing: what was fixed, or why nothing was.
    static func note(_ lp: RelaxationResult, roster: Double, fixed: Int, of columns: Int) -> String {
        guard lp.status == .optimal, let z = lp.objective else { return "reduced-cost fixing: none (root LP \(lp.status))" }
        let seconds = String(format: "%.3f", lp.seconds)
        return "reduced-cost fixing: root LP \(z) in \(seconds) s, roster \(roster), \(fixed) of \(columns) columns fixed to 0"
    }
}
