/// The end of an interior-point solve of a model's LP relaxation: a point and row duals
/// close to optimal, without a basis and without a certificate of optimality.
///
/// Why: on large, degenerate relaxations (the teams model of 1000 enterprises over two
/// terms) an interior-point method reaches the optimum to eight digits in seconds where the
/// simplex method needs minutes; ``LagrangianBound`` turns its duals into a bound that holds
/// whatever their accuracy.
public struct InteriorPoint: Sendable {
    /// Primal values per column.
    public let values: [Double]
    /// Row duals (the sign convention of ``RelaxationResult``).
    public let rowDuals: [Double]
    /// The primal objective at `values`, constant included (not a bound).
    public let objective: Double
    /// Whether the method reported convergence (it may stop short, e.g. on numerical
    /// trouble, and still return its best point).
    public let converged: Bool
    /// Wall-clock seconds.
    public let seconds: Double

    /// Creates the result; backends fill it in.
    public init(values: [Double], rowDuals: [Double], objective: Double, converged: Bool, seconds: Double) {
        self.values = values
        self.rowDuals = rowDuals
        self.objective = objective
        self.converged = converged
        self.seconds = seconds
    }
}

/// A solver that can run an interior-point method on a model's LP relaxation.
public protocol InteriorPointSolver {
    /// The interior-point method's last point on `model`'s LP relaxation (integrality
    /// dropped); nil when the method produced no point (an empty or infeasible model).
    /// Throws ``InteriorPointFailure`` when the engine failed (a bug); never aborts.
    func interiorPoint(_ model: Model) throws(InteriorPointFailure) -> InteriorPoint?
}

/// The engine failed in an interior-point solve, or could not load the model.
public struct InteriorPointFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// A failure saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
