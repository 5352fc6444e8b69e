import CGLPK
import CGLPKGuard
import MIPModel

extension GLPKSolver: InteriorPointSolver {
    /// GLPK's primal-dual interior-point method (`glp_interior`) on `model`'s LP relaxation,
    /// under the guard. GLPK may stop it on numerical instability and still hold its best
    /// point: that point is returned, marked not converged. It takes no time limit.
    public func interiorPoint(_ model: Model) throws(InteriorPointFailure) -> InteriorPoint? {
        let started = ContinuousClock.now
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(model)
        } catch {
            throw InteriorPointFailure("the model cannot be solved: \(error)")
        }
        guard prepared.columnCount > 0 else { return nil }
        let run = GuardSession.run(columns: prepared.columnCount, captureLog: false) {
            session -> Result<InteriorPoint?, InteriorPointFailure> in
            guard let problem = ProblemHandle() else { return .failure(InteriorPointFailure("glp_create_prob failed")) }
            problem.load(prepared)
            var parm = glp_iptcp()
            glp_init_iptcp(&parm)
            parm.msg_lev = GLP_MSG_OFF
            var rc: Int32 = 0
            guard zd_interior(session, problem.pointer, &parm, &rc) == 0 else {
                let text = SolveRun.lines(session.pointee.error).joined(separator: "; ")
                return .failure(InteriorPointFailure("glpk error: " + (text.isEmpty ? "unknown internal error" : text)))
            }
            let status = glp_ipt_status(problem.pointer)
            // No point at all: an empty or infeasible problem (GLP_EFAIL, GLP_ENOPFS, GLP_ENODFS).
            guard rc == 0 || rc == GLP_ENOCVG || rc == GLP_EITLIM || rc == GLP_EINSTAB, status != GLP_NOFEAS else {
                return .success(nil)
            }
            let n = Int32(prepared.columnCount)
            let m = Int32(prepared.rowCount)
            let point = InteriorPoint(
                values: (0..<n).map { glp_ipt_col_prim(problem.pointer, $0 + 1) },
                rowDuals: (0..<m).map { glp_ipt_row_dual(problem.pointer, $0 + 1) },
                objective: glp_ipt_obj_val(problem.pointer),
                converged: rc == 0 && status == GLP_OPT,
                seconds: (ContinuousClock.now - started).seconds)
            problem.close()
            return .success(point)
        }
        switch run {
        case .success(let outcome): return try outcome.get()
        case .failure(let why): throw InteriorPointFailure(why.description)
        }
    }
}
