/// A constraint produced during a solve by ``SolveHooks/separator``.
///
/// Lazy rows follow the rules of ``Model/addConstraint(name:_:lower:upper:)``
/// except that their names are informational only and are not validated.
public struct LazyRow: Sendable, Equatable {
    /// A label for logs; never passed to the solver.
    public var name: String
    /// The row's terms; repeats are merged and the constant is folded into the bounds.
    public var expression: LinearExpression
    /// Lower bound; `-infinity` when absent.
    public var lower: Double
    /// Upper bound; `+infinity` when absent.
    public var upper: Double

    /// A row `lower ≤ expression ≤ upper`.
    public init(name: String, _ expression: LinearExpression, lower: Double = -.infinity, upper: Double = .infinity) {
        self.name = name
        self.expression = expression
        self.lower = lower
        self.upper = upper
    }
}
