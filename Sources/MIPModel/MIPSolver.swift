/// A MIP backend: turns a ``Model`` into a ``SolveResult``.
public protocol MIPSolver: Sendable {
    /// Engine name and version, e.g. "GLPK 5.0".
    var engineName: String { get }

    /// Solves `model` synchronously on the calling thread. Never throws and
    /// never aborts: engine errors become ``TerminationReason/failed(_:)``.
    func solve(_ model: Model, options: SolveOptions, hooks: SolveHooks) -> SolveResult

    /// Solves the LP relaxation of `model` (integrality dropped, no presolve) and returns
    /// primal values, row duals and reduced costs. Only ``SolveOptions/timeLimit`` and
    /// ``SolveOptions/captureLog`` apply. Never throws and never aborts.
    /// With `start`, the simplex begins from that basis when it fits the model (same counts,
    /// as many basic entries as rows) and from scratch otherwise.
    func solveRelaxation(_ model: Model, options: SolveOptions, start: Basis?) -> RelaxationResult

    /// Runs `body` with a ``RelaxationSequence`` valid during the call only (a backend may
    /// keep engine state in it that belongs to the calling thread). The default rebuilds
    /// each model (``RebuildingRelaxations``).
    func withRelaxations<R>(_ body: (any RelaxationSequence) throws -> R) rethrows -> R
}

extension MIPSolver {
    /// Solves without hooks.
    public func solve(_ model: Model, options: SolveOptions = SolveOptions()) -> SolveResult {
        solve(model, options: options, hooks: SolveHooks())
    }

    /// Solves the LP relaxation from scratch.
    public func solveRelaxation(_ model: Model, options: SolveOptions = SolveOptions()) -> RelaxationResult {
        solveRelaxation(model, options: options, start: nil)
    }
}
