import CGLPK
import CGLPKGuard
import MIPModel

/// One LP-relaxation solve with duals: every GLPK call of it happens inside ``execute()`` on
/// the calling thread, under the same guard as a MIP solve.
struct RelaxationRun {
    private let model: Model
    private let options: SolveOptions
    private let start: Basis?
    private let started = ContinuousClock.now

    init(model: Model, options: SolveOptions, start: Basis?) {
        self.model = model
        self.options = options
        self.start = start
    }

    mutating func execute() -> RelaxationResult {
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(model)
        } catch {
            return result(.failed("the model cannot be solved: \(error)"))
        }
        if prepared.columnCount == 0 {
            let feasible = model.constraints.allSatisfy { row in
                !SolveSession.violates(0, lower: row.lower, upper: row.upper)
            }
            guard feasible else { return result(.infeasible) }
            return RelaxationResult(
                status: .optimal, objective: model.objectiveConstant, values: [],
                rowDuals: Array(repeating: 0, count: prepared.rowCount), reducedCosts: [],
                seconds: (ContinuousClock.now - started).seconds)
        }
        guard let session = zd_session_create(Int32(prepared.columnCount), 0) else {
            return result(.failed("out of memory before starting GLPK"))
        }
        defer { zd_session_destroy(session) }
        guard zd_session_begin(session) == 0 else {
            return result(.failed("a GLPK solve cannot start inside a hook of another solve on the same thread"))
        }
        var out = result(.failed("glp_create_prob failed"))
        if let problem = ProblemHandle() {
            problem.load(prepared)
            out = simplex(problem.pointer, prepared, session)
            problem.close()
        }
        zd_session_end(session)
        return out
    }

    private func simplex(
        _ problem: OpaquePointer, _ prepared: PreparedModel, _ session: UnsafeMutablePointer<zd_session>
    ) -> RelaxationResult {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_OFF
        if let start, start.columns.count == prepared.columnCount, start.rows.count == prepared.rowCount,
            start.columns.filter({ $0 == .basic }).count + start.rows.filter({ $0 == .basic }).count
                == prepared.rowCount
        {
            // Statuses that do not fit a column's or row's bounds are mapped to ones that do:
            // GLPK only checks the count of basic entries (and its factorisation).
            for (j, status) in start.columns.enumerated() {
                glp_set_col_stat(problem, Int32(j + 1), Self.glpk(status, type: prepared.columnTypes[j]))
            }
            for (i, status) in start.rows.enumerated() {
                glp_set_row_stat(problem, Int32(i + 1), Self.glpk(status, type: prepared.rowTypes[i]))
            }
            parm.meth = GLP_DUALP
        } else {
            parm.meth = GLP_DUALP
        }
        if let limit = options.timeLimit, limit.isFinite {
            parm.tm_lim = Int32(max(1, min(Double(Int32.max), (limit * 1000).rounded(.up))))
        }
        var rc: Int32 = 0
        guard zd_simplex(session, problem, &parm, &rc) == 0 else {
            let text = SolveRun.lines(session.pointee.error).joined(separator: "; ")
            return result(.failed("glpk error: " + (text.isEmpty ? "unknown internal error" : text)))
        }
        if rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND {
            // The start was not a usable basis: solve from the standard one.
            glp_std_basis(problem)
            parm.meth = GLP_PRIMAL
            guard zd_simplex(session, problem, &parm, &rc) == 0 else {
                let text = SolveRun.lines(session.pointee.error).joined(separator: "; ")
                return result(.failed("glpk error: " + (text.isEmpty ? "unknown internal error" : text)))
            }
        }
        switch rc {
        case 0:
            break
        case GLP_ETMLIM:
            return result(.timeLimit)
        default:
            return result(.failed("glp_simplex returned code \(rc)"))
        }
        let status = glp_get_status(problem)
        if status == GLP_NOFEAS { return result(.infeasible) }
        if status == GLP_UNBND { return result(.unbounded) }
        guard status == GLP_OPT else { return result(.failed("glpk's simplex ended with status \(status)")) }
        let values = (0..<prepared.columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) }
        let reduced = (0..<prepared.columnCount).map { glp_get_col_dual(problem, Int32($0 + 1)) }
        let duals = (0..<prepared.rowCount).map { glp_get_row_dual(problem, Int32($0 + 1)) }
        var out = RelaxationResult(
            status: .optimal, objective: glp_get_obj_val(problem), values: values, rowDuals: duals,
            reducedCosts: reduced, seconds: (ContinuousClock.now - started).seconds)
        out.basis = Basis(
            columns: (0..<prepared.columnCount).map { Self.status(glp_get_col_stat(problem, Int32($0 + 1))) },
            rows: (0..<prepared.rowCount).map { Self.status(glp_get_row_stat(problem, Int32($0 + 1))) })
        return out
    }

    private static func status(_ s: Int32) -> Basis.Status {
        switch s {
        case GLP_BS: return .basic
        case GLP_NU: return .atUpper
        case GLP_NF: return .free
        case GLP_NS: return .fixed
        default: return .atLower
        }
    }

    /// A GLPK status for `status` that fits bounds of `type` (GLPK rejects, e.g., GLP_NU
    /// for a column without an upper bound).
    private static func glpk(_ status: Basis.Status, type: Int32) -> Int32 {
        if status == .basic { return GLP_BS }
        switch type {
        case GLP_FR: return GLP_NF
        case GLP_LO: return GLP_NL
        case GLP_UP: return GLP_NU
        case GLP_FX: return GLP_NS
        default: return status == .atUpper ? GLP_NU : GLP_NL
        }
    }

    private func result(_ status: RelaxationResult.Status) -> RelaxationResult {
        RelaxationResult(
            status: status, objective: nil, values: [], rowDuals: [], reducedCosts: [],
            seconds: (ContinuousClock.now - started).seconds)
    }
}
