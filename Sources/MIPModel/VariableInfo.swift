/// Everything the model stores about one variable, after validation.
public struct VariableInfo: Sendable, Equatable {
    /// The name given at creation (validated, never empty).
    public let name: String
    /// Lower bound; `-infinity` when unbounded below; rounded up for integral kinds.
    public let lower: Double
    /// Upper bound; `+infinity` when unbounded above; rounded down for integral kinds.
    public let upper: Double
    /// The variable's domain.
    public let kind: VariableKind
    /// Coefficient in the objective function.
    public let objective: Double

    /// Creates the stored description; ``Model`` validates before calling it.
    public init(name: String, lower: Double, upper: Double, kind: VariableKind, objective: Double) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.kind = kind
        self.objective = objective
    }
}
