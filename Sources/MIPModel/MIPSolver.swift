/// A MIP backend: turns a ``Model`` into a ``SolveResult``.
public protocol MIPSolver: Sendable {
    /// Engine name and version, e.g. "GLPK 5.0".
    var engineName: String { get }

    /// Solves `model` synchronously on the calling thread. Never throws and
    /// never aborts: engine errors become ``TerminationReason/failed(_:)``.
    func solve(_ model: Model, options: SolveOptions, hooks: SolveHooks) -> SolveResult
}

extension MIPSolver {
    /// Solves without hooks.
    public func solve(_ model: Model, options: SolveOptions = SolveOptions()) -> SolveResult {
        solve(model, options: options, hooks: SolveHooks())
    }
}
