import MIPModel

/// Rows that the bounds of their columns imply: however the columns are set within their
/// bounds, the row's activity stays within the row's own bounds, so leaving the row out
/// changes no point of the model.
///
/// Why: once ``FixedColumnsDropped`` drops the columns fixed by reduced cost, each per-person
/// link row `x[p,v,k] ≤ y[u,v,k]` of a dropped person column is left as `−y ≤ 0`, which the
/// bound `y ≥ 0` already says. At peer row 24 (free 30 × 2) most of the 9 354 such rows are
/// of that kind; GLPK's presolve is off there (links first, ``PersonBranching``), so each one
/// stayed in every node's LP, in each tableau row the branching rule computes and in the MIR
/// cut generator's scan (docs/FORMULATION.md, "Free placement, twelfth round").
enum RedundantRows {
    /// Slack, relative to the size of the bounds, under which a bound still counts as implied.
    static let tolerance = 1e-9

    /// Whether `lower ≤ expression ≤ upper` holds for every point within the bounds of the
    /// columns of `model` that `expression` uses.
    static func implied(_ expression: LinearExpression, lower: Double, upper: Double, in model: Model) -> Bool {
        var low = expression.constant
        var high = expression.constant
        for term in expression.terms {
            let v = model.variables[term.variable.index]
            let a = term.coefficient
            low += a > 0 ? a * v.lower : a * v.upper
            high += a > 0 ? a * v.upper : a * v.lower
        }
        guard low.isFinite || lower == -.infinity, high.isFinite || upper == .infinity else { return false }
        let lowOK = lower == -.infinity || low >= lower - tolerance * max(1, abs(lower))
        let highOK = upper == .infinity || high <= upper + tolerance * max(1, abs(upper))
        return lowOK && highOK
    }
}
