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
        let run = GuardSession.run(columns: prepared.columnCount, captureLog: false) { session in
            guard let problem = ProblemHandle() else { return result(.failed("glp_create_prob failed")) }
            problem.load(prepared)
            let identity = LPIndexMap(identity: prepared)
            Self.install(start, in: problem.pointer, prepared, identity)
            let out = Self.simplex(problem.pointer, identity, session, options: options, started: started)
            problem.close()
            return out
        }
        switch run {
        case .success(let out): return out
        case .failure(let why): return result(.failed(why.description))
        }
    }

    /// GLPK columns and rows of a model's columns and rows (1-based).
    struct LPIndexMap {
        let columns: [Int32]
        let rows: [Int32]

        init(columns: [Int32], rows: [Int32]) {
            self.columns = columns
            self.rows = rows
        }

        /// Model index i at GLPK index i + 1.
        init(identity prepared: PreparedModel) {
            columns = (0..<prepared.columnCount).map { Int32($0 + 1) }
            rows = (0..<prepared.rowCount).map { Int32($0 + 1) }
        }
    }

    /// Sets `start`'s statuses when it fits the model (as many basic entries as rows);
    /// otherwise GLPK keeps the basis it has. Whether it was set.
    @discardableResult
    static func install(_ start: Basis?, in problem: OpaquePointer, _ prepared: PreparedModel, _ map: LPIndexMap) -> Bool {
        guard let start, start.columns.count == prepared.columnCount, start.rows.count == prepared.rowCount,
            start.columns.filter({ $0 == .basic }).count + start.rows.filter({ $0 == .basic }).count
                == prepared.rowCount
        else { return false }
        // Statuses that do not fit a column's or row's bounds are mapped to ones that do:
        // GLPK only checks the count of basic entries (and its factorisation).
        for (j, status) in start.columns.enumerated() {
            glp_set_col_stat(problem, map.columns[j], glpk(status, type: prepared.columnTypes[j]))
        }
        for (i, status) in start.rows.enumerated() {
            glp_set_row_stat(problem, map.rows[i], glpk(status, type: prepared.rowTypes[i]))
        }
        return true
    }

    /// Dual simplex from the problem's basis (from the standard one when that basis cannot
    /// be factorised), read back in the model's order through `map`.
    static func simplex(
        _ problem: OpaquePointer, _ map: LPIndexMap, _ session: UnsafeMutablePointer<zd_session>,
        options: SolveOptions, started: ContinuousClock.Instant
    ) -> RelaxationResult {
        func result(_ status: RelaxationResult.Status) -> RelaxationResult {
            RelaxationResult(
                status: status, objective: nil, values: [], rowDuals: [], reducedCosts: [],
                seconds: (ContinuousClock.now - started).seconds)
        }
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_OFF
        parm.meth = GLP_DUALP
        if let limit = options.timeLimit, limit.isFinite {
            parm.tm_lim = Int32(max(1, min(Double(Int32.max), (limit * 1000).rounded(.up))))
        }
        var rc: Int32 = 0
        // GLPK counts iterations per problem, across solves: the difference is this solve's.
        let iterationsBefore = glp_get_it_cnt(problem)
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
        let ended = glp_get_status(problem)
        if ended == GLP_NOFEAS { return result(.infeasible) }
        if ended == GLP_UNBND { return result(.unbounded) }
        guard ended == GLP_OPT else { return result(.failed("glpk's simplex ended with status \(ended)")) }
        let values = map.columns.map { glp_get_col_prim(problem, $0) }
        let reduced = map.columns.map { glp_get_col_dual(problem, $0) }
        let duals = map.rows.map { glp_get_row_dual(problem, $0) }
        var out = RelaxationResult(
            status: .optimal, objective: glp_get_obj_val(problem), values: values, rowDuals: duals,
            reducedCosts: reduced, seconds: (ContinuousClock.now - started).seconds)
        out.iterations = Int(glp_get_it_cnt(problem) - iterationsBefore)
        out.basis = Basis(
            columns: map.columns.map { status(glp_get_col_stat(problem, $0)) },
            rows: map.rows.map { status(glp_get_row_stat(problem, $0)) })
        return out
    }

    static func status(_ s: Int32) -> Basis.Status {
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
    static func glpk(_ status: Basis.Status, type: Int32) -> Int32 {
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
