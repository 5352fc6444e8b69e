import CGLPK
import CGLPKGuard
import MIPModel

extension GLPKSolver {
    /// Writes `model` in CPLEX LP format (via glp_write_lp), e.g. for
    /// `glpsol --lp FILE` or for attaching to a bug report.
    ///
    /// Names are rewritten to `x<index>_<name>` and `r<index>_<name>` using
    /// only `[A-Za-z0-9_(),]` (other characters become '_'), so GLPK's own
    /// renaming never kicks in and names cannot collide. The LP format has
    /// no objective constant (GLPK writes it as a comment, which `glpsol`
    /// ignores), so a non-zero ``Model/objectiveConstant`` becomes a column
    /// `objective_constant` fixed at 1 with that cost. Lazy rows are not
    /// part of a model and so are never written. A path ending in `.gz` is
    /// compressed. Nothing is printed.
    ///
    /// - Throws: ``GLPKError/writeFailed(path:reason:)`` on I/O errors,
    ///   ``GLPKError/invalidModel(_:)`` if the model fails re-validation,
    ///   ``GLPKError/internalError(_:)`` if GLPK itself failed (caught, the
    ///   process keeps running) or when called from inside a solve's hook.
    public func writeLP(_ model: Model, to path: String) throws {
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(model)
        } catch {
            throw GLPKError.invalidModel(error.description)
        }
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw GLPKError.writeFailed(path: path, reason: "the path is empty or contains a NUL byte")
        }
        // Capture (rather than print) GLPK's "Writing problem data..." and its I/O messages.
        let run = GuardSession.run(
            columns: 0, captureLog: true,
            during: { session in Self.write(prepared, LPNames(model), to: path, session) },
            after: { session, written in Self.failure(written, session, path: path) })
        switch run {
        case .success(nil):
            return
        case .success(let failure?):
            throw failure
        case .failure(.outOfMemory):
            throw GLPKError.internalError("out of memory before starting GLPK")
        case .failure(.nested):
            throw GLPKError.internalError("an LP file cannot be written inside a hook of a solve on the same thread")
        }
    }

    /// Loads `prepared` into a new problem and writes it; GLPK's `(caught, rc)`.
    private static func write(
        _ prepared: PreparedModel, _ names: LPNames, to path: String, _ session: UnsafeMutablePointer<zd_session>
    ) -> (caught: Int32, rc: Int32) {
        var rc: Int32 = 0
        guard let problem = ProblemHandle() else { return (1, rc) }
        problem.load(prepared, names: names)
        let pointer = problem.pointer
        if prepared.objectiveConstant != 0 {
            let column = glp_add_cols(pointer, 1)
            "objective_constant".withCString { glp_set_col_name(pointer, column, $0) }
            glp_set_col_bnds(pointer, column, GLP_FX, 1, 1)
            glp_set_obj_coef(pointer, column, prepared.objectiveConstant)
            glp_set_obj_coef(pointer, 0, 0)
        }
        let caught = path.withCString { zd_write_lp(session, pointer, $0, &rc) }
        problem.close()
        return (caught, rc)
    }

    /// The error a write ended with, from the session's error text and log; nil if none.
    private static func failure(
        _ written: (caught: Int32, rc: Int32), _ session: UnsafeMutablePointer<zd_session>, path: String
    ) -> GLPKError? {
        let errorText = SolveRun.lines(session.pointee.error).joined(separator: "; ")
        guard written.caught == 0 else {
            return GLPKError.internalError("glpk error: " + (errorText.isEmpty ? "unknown internal error" : errorText))
        }
        guard written.rc == 0 else {
            // The log holds GLPK's reason, e.g. "Unable to create '...' - No such file or directory".
            let reason = SolveRun.lines(session.pointee.log)
                .filter { !$0.hasPrefix("Writing") }
                .joined(separator: "; ")
            return GLPKError.writeFailed(path: path, reason: reason.isEmpty ? "glp_write_lp failed" : reason)
        }
        return nil
    }
}
