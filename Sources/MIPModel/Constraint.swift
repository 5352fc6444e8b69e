/// A stored row `lower ≤ expression ≤ upper`.
///
/// The model keeps the expression merged, sorted by variable, free of zero
/// coefficients and with constant 0: the caller's constant is folded into
/// the bounds, so solvers can load it as is.
public struct Constraint: Sendable, Equatable {
    /// The name given at creation (validated, never empty).
    public let name: String
    /// Merged, sorted terms; `constant` is always 0.
    public let expression: LinearExpression
    /// Lower bound on the expression; `-infinity` when absent.
    public let lower: Double
    /// Upper bound on the expression; `+infinity` when absent.
    public let upper: Double

    /// Creates the stored form; ``Model`` validates and normalises before calling it.
    public init(name: String, expression: LinearExpression, lower: Double, upper: Double) {
        self.name = name
        self.expression = expression
        self.lower = lower
        self.upper = upper
    }
}
