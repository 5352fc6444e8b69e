/// A lower bound on a minimisation model from any row duals, optimal or not (Lagrangian
/// relaxation of every row).
///
/// For duals `π` with the sign each row allows (`≥ 0` where only the lower bound is finite,
/// `≤ 0` where only the upper bound is, the sign picks the side of a ranged row), every
/// point `x` within the column bounds that keeps the rows costs at least
/// `constant + Σ_i π_i·rhs_i + Σ_j d_j·x_j`, with `d = c − Aᵀπ`. The least of the last sum
/// over the column bounds gives the bound; a caller that knows more about some columns (for
/// example that exactly one of a group is 1 in every integer point) may take their part
/// itself, from ``reducedCosts``.
///
/// Why: an interior-point or stopped simplex solve gives near-optimal duals but no
/// optimality certificate; this turns them into a bound that holds regardless.
public struct LagrangianBound: Sendable {
    /// The duals used: the ones given, with a sign a row does not allow set to 0.
    public let rowDuals: [Double]
    /// `c_j − Σ_i a_ij·π_i` per column.
    public let reducedCosts: [Double]
    /// `constant + Σ_i π_i·rhs_i`.
    public let rowPart: Double

    /// The bound's parts for `model` (minimisation) under `rowDuals`; nil for a maximisation
    /// model or when the count of duals is not the count of rows.
    public init?(_ model: Model, rowDuals given: [Double]) {
        guard model.sense == .minimize, given.count == model.constraintCount else { return nil }
        var duals = given
        var rowPart = model.objectiveConstant
        var reduced = model.variables.map(\.objective)
        for (i, row) in model.constraints.enumerated() {
            var pi = given[i].isFinite ? given[i] : 0
            let rhs: Double
            if row.lower == row.upper {
                rhs = row.lower
            } else if pi > 0 {
                rhs = row.lower
            } else if pi < 0 {
                rhs = row.upper
            } else {
                rhs = 0
            }
            // A side the row does not have cannot carry a dual.
            if !rhs.isFinite { pi = 0 }
            duals[i] = pi
            guard pi != 0 else { continue }
            rowPart += pi * rhs
            for term in row.expression.terms { reduced[term.variable.index] -= term.coefficient * pi }
        }
        rowDuals = duals
        reducedCosts = reduced
        self.rowPart = rowPart
    }

    /// The least `d_j·x_j` over column `j`'s bounds in `model` (−∞ when unbounded that way).
    public func columnFloor(_ model: Model, _ j: Int) -> Double {
        let d = reducedCosts[j]
        let v = model.variables[j]
        if d > 0 { return d * v.lower }
        if d < 0 { return d * v.upper }
        return 0
    }

    /// The bound with every column taken over its own bounds.
    public func value(_ model: Model) -> Double {
        model.variables.indices.reduce(rowPart) { $0 + columnFloor(model, $1) }
    }
}
