import CGLPK
import MIPModel

/// The GLPK 5.0 backend.
///
/// Each call to ``solve(_:options:hooks:)`` creates, loads, solves, reads
/// and deletes its own GLPK problem on the calling thread, so independent
/// solves may run on different threads at once (GLPK keeps its state in
/// thread-local storage). Nothing is printed: GLPK's terminal output is
/// swallowed, or kept in ``SolveResult/log`` with
/// ``SolveOptions/captureLog``. GLPK's internal errors, which would
/// otherwise abort the process, are caught and reported as
/// ``TerminationReason/failed(_:)``.
public struct GLPKSolver: MIPSolver {
    /// Test-only: `false` passes separator rows to GLPK unchecked, to prove
    /// that the C guard catches the resulting GLPK error. SPI rather than
    /// internal so the test also builds in release mode.
    @_spi(Testing) public var validatesLazyRows = true

    /// A solver with default behaviour; it holds no state.
    public init() {}

    /// "GLPK" and the linked library's version, e.g. "GLPK 5.0".
    public var engineName: String { glpkEngineName }

    /// Solves `model`; see ``MIPSolver/solve(_:options:hooks:)``.
    ///
    /// With a separator or an initial solution, presolve is turned off (both
    /// need the model's own columns) and the LP relaxation is solved first.
    public func solve(_ model: Model, options: SolveOptions, hooks: SolveHooks) -> SolveResult {
        var run = SolveRun(model: model, options: options, hooks: hooks, validatesLazyRows: validatesLazyRows)
        return run.execute()
    }

    /// Solves the LP relaxation with the simplex method and no presolve (dual simplex from a
    /// given basis, which suits rows added after a solve; primal otherwise); see
    /// ``MIPSolver/solveRelaxation(_:options:)``.
    public func solveRelaxation(_ model: Model, options: SolveOptions, start: Basis?) -> RelaxationResult {
        var run = RelaxationRun(model: model, options: options, start: start)
        return run.execute()
    }
}

/// Computed once: glp_version needs a GLPK environment on the calling thread.
private let glpkEngineName: String = {
    guard let version: UnsafePointer<CChar> = glp_version() else { return "GLPK" }
    return "GLPK " + String(cString: version)
}()
