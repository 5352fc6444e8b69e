/// LP relaxations of one model that grows between solves (column generation, cutting
/// planes), each solve warm-started from the last.
///
/// A backend may keep its problem between solves: when the next model only adds columns and
/// rows (matched by name) and keeps every earlier column's and row's data, it extends its
/// problem in place and re-solves from the basis it holds, instead of loading the model anew.
/// The results are those of ``MIPSolver/solveRelaxation(_:options:start:)`` on the same model
/// (up to which of several optimal vertices the simplex returns).
public protocol RelaxationSequence: AnyObject {
    /// Solves the LP relaxation of `model`; see ``MIPSolver/solveRelaxation(_:options:start:)``
    /// (only ``SolveOptions/timeLimit`` applies). Never throws and never aborts.
    func solve(_ model: Model, options: SolveOptions) -> RelaxationResult
}

/// The sequence any backend has: every solve loads its model anew and starts from the
/// previous optimal basis, moved to the new model by names.
public final class RebuildingRelaxations: RelaxationSequence {
    private let solver: any MIPSolver
    private var previous: (model: Model, basis: Basis)?

    /// A sequence that solves with `solver`.
    public init(solver: any MIPSolver) {
        self.solver = solver
    }

    /// Solves `model` from the last optimal basis (moved by names), or from scratch.
    public func solve(_ model: Model, options: SolveOptions) -> RelaxationResult {
        let start = previous.map { $0.basis.transferred(from: $0.model, to: model) }
        let result = solver.solveRelaxation(model, options: options, start: start)
        if let basis = result.basis { previous = (model, basis) }
        return result
    }
}

extension MIPSolver {
    /// Runs `body` with a ``RebuildingRelaxations`` of this solver.
    public func withRelaxations<R>(_ body: (any RelaxationSequence) throws -> R) rethrows -> R {
        try body(RebuildingRelaxations(solver: self))
    }
}
