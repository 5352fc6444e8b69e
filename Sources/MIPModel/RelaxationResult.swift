/// The LP relaxation of a model (integrality dropped), solved to optimality, with the dual
/// information that column pricing and reduced-cost arguments need.
///
/// Sign conventions (minimisation): `reducedCosts[j] = c_j − Σ_i a_ij · rowDuals[i]`, and at
/// an optimum every column at its lower bound has a reduced cost ≥ 0 and every column at its
/// upper bound one ≤ 0 (within the solver's tolerance). For any point feasible for the rows
/// and bounds, `objective + Σ_j (d_j x_j − d_j x*_j)` is then a lower bound on its cost.
public struct RelaxationResult: Sendable {
    /// How the LP solve ended.
    public enum Status: Sendable, Equatable {
        /// Optimal: all fields are filled in.
        case optimal
        /// No point satisfies the rows and bounds.
        case infeasible
        /// The objective is unbounded below (for minimisation).
        case unbounded
        /// The time limit came first.
        case timeLimit
        /// The solver failed; the message says why.
        case failed(String)
    }

    /// How the solve ended.
    public let status: Status
    /// The optimal objective, constant included; nil unless optimal.
    public let objective: Double?
    /// Primal values per column; empty unless optimal.
    public let values: [Double]
    /// Dual values per row; empty unless optimal.
    public let rowDuals: [Double]
    /// Reduced costs per column; empty unless optimal.
    public let reducedCosts: [Double]
    /// Wall-clock seconds.
    public let seconds: Double
    /// The optimal basis; nil unless optimal. Pass it (mapped to a grown model) as the
    /// start of the next solve.
    public var basis: Basis? = nil
    /// Simplex iterations the solve took (0 where the backend does not count them): a
    /// measure of work that does not depend on the machine's load.
    public var iterations: Int = 0

    /// Creates a result; backends fill it in.
    public init(
        status: Status, objective: Double?, values: [Double], rowDuals: [Double], reducedCosts: [Double],
        seconds: Double
    ) {
        self.status = status
        self.objective = objective
        self.values = values
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.seconds = seconds
    }
}

/// Which columns and rows are basic: a simplex start for a later, grown model.
public struct Basis: Sendable, Equatable {
    /// Where a column or row (its auxiliary variable) stands.
    public enum Status: UInt8, Sendable {
        case basic, atLower, atUpper, free, fixed
    }
    /// Per column.
    public var columns: [Status]
    /// Per row.
    public var rows: [Status]

    /// A basis; a solver checks it fits the model and ignores it otherwise.
    public init(columns: [Status], rows: [Status]) {
        self.columns = columns
        self.rows = rows
    }

    /// This basis moved from `from` to `to` by column and row names: new columns start at
    /// their lower bound and new rows basic, so a basis of `from` stays a basis of `to`
    /// when `to` only adds columns and rows.
    public func transferred(from: Model, to: Model) -> Basis {
        var column: [String: Status] = [:]
        for (j, v) in from.variables.enumerated() where j < columns.count { column[v.name] = columns[j] }
        var row: [String: Status] = [:]
        for (i, r) in from.constraints.enumerated() where i < rows.count { row[r.name] = rows[i] }
        return Basis(
            columns: to.variables.map { column[$0.name] ?? .atLower },
            rows: to.constraints.map { row[$0.name] ?? .basic })
    }
}
