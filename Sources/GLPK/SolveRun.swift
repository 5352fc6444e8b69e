import CGLPK
import CGLPKGuard
import MIPModel

/// One synchronous solve: every GLPK call of it happens inside ``execute()``
/// on the calling thread.
struct SolveRun {
    private let model: Model
    private let options: SolveOptions
    private let hooks: SolveHooks
    private let validatesLazyRows: Bool
    private let started = ContinuousClock.now
    private var nodes = 0
    private var lazyRowsAdded = 0
    private var branchedFirst = 0
    private var heuristic: (runs: Int, found: Int) = (0, 0)
    private var log: [String] = []
    private var bound: Double?

    init(model: Model, options: SolveOptions, hooks: SolveHooks, validatesLazyRows: Bool) {
        self.model = model
        self.options = options
        self.hooks = hooks
        self.validatesLazyRows = validatesLazyRows
    }

    /// What a finished search produced, before values are read.
    private enum Outcome {
        case finished(TerminationReason, hasValues: Bool)
        case glpkError(String)
    }

    /// Validates, solves and reads the result; never throws, never aborts.
    mutating func execute() -> SolveResult {
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(model)
        } catch {
            return result(.failed("the model cannot be solved: \(error)"))
        }
        if let shouldStop = hooks.shouldStop, shouldStop() {
            return result(.stopped)
        }
        if prepared.columnCount == 0 {
            return solveEmpty()
        }
        let first: [UInt8]?
        switch Self.branchFirstFlags(options.branchFirst, prepared) {
        case .success(let flags): first = flags
        case .failure(let why): return result(.failed(why.message))
        }
        let incumbent = screenedInitialSolution(prepared)
        let callbacks = SolveSession(
            model: model, hooks: hooks, integerColumns: prepared.integerColumns,
            validatesLazyRows: validatesLazyRows, started: started, deadline: deadline, nodeLimit: options.nodeLimit)
        let captureLog = options.captureLog
        let run = GuardSession.run(
            columns: prepared.columnCount, captureLog: captureLog,
            during: { session in
                callbacks.attach(to: session)
                return searched(prepared, session, callbacks: callbacks, incumbent: incumbent, first: first)
            },
            after: { session, found in (found, Self.Ended(session, captureLog: captureLog)) })
        let outcome: Outcome
        let raw: [Double]
        let values: [Double]?
        let ended: Ended
        switch run {
        case .failure(let why):
            return result(.failed(why.description))
        case .success(let (found, e)):
            (outcome, raw, values) = found
            ended = e
        }
        nodes = ended.nodes
        lazyRowsAdded = ended.lazyRowsAdded
        branchedFirst = ended.branchedFirst
        heuristic = ended.heuristic
        if let b = ended.bound { bound = b }
        log = ended.log + Self.heuristicLine(options.nodeHeuristic, ended.heuristic, captureLog: options.captureLog)

        switch outcome {
        case .glpkError(let message):
            return result(.failed(message))
        case .finished(var termination, _):
            if let failure = callbacks.failure ?? lazyViolation(raw: raw, values: values) {
                return result(.failed(failure))
            }
            if termination == .stopped, callbacks.deadlineReached, !callbacks.stopRequested {
                termination = .timeLimit
            }
            var out = result(termination, values: values)
            out.nodeLimitReached = termination == .stopped && callbacks.nodeLimitReached && !callbacks.stopRequested
            return out
        }
    }

    /// Loads the problem and searches it inside `session`; the outcome and, when the search
    /// found a point, its raw and rounded values.
    private func searched(
        _ prepared: PreparedModel, _ session: UnsafeMutablePointer<zd_session>, callbacks: SolveSession,
        incumbent: [Double]?, first: [UInt8]?
    ) -> (Outcome, [Double], [Double]?) {
        guard let problem = ProblemHandle() else { return (.glpkError("glp_create_prob failed"), [], nil) }
        problem.load(prepared)
        let pointer = problem.pointer
        // C reads the flags only during zd_intopt, inside this closure.
        let outcome = withExtendedLifetime(callbacks) {
            (first ?? []).withUnsafeBufferPointer { flags in
                session.pointee.branch_first = first == nil ? nil : flags.baseAddress
                session.pointee.branch_first_rule = options.branchFirstByDegradation ? 1 : 0
                session.pointee.branch_first_levels = options.branchFirstAbove.map { Int32(clamping: max(0, $0)) } ?? -1
                Self.install(options.nodeHeuristic, in: session)
                defer { session.pointee.branch_first = nil }
                return search(pointer, prepared, session, incumbent: incumbent)
            }
        }
        var found: (raw: [Double], rounded: [Double]?) = ([], nil)
        if case .finished(_, hasValues: true) = outcome { found = readValues(pointer, prepared) }
        problem.close()
        return (outcome, found.raw, found.rounded)
    }

    /// What a search's session holds once it has ended.
    private struct Ended {
        let nodes: Int
        let lazyRowsAdded: Int
        let branchedFirst: Int
        let heuristic: (runs: Int, found: Int)
        let bound: Double?
        /// GLPK's terminal output and caught errors (with ``SolveOptions/captureLog`` only).
        let log: [String]

        init(_ session: UnsafeMutablePointer<zd_session>, captureLog: Bool) {
            let snapshot = session.pointee.snapshot
            nodes = Int(snapshot.nodes)
            lazyRowsAdded = Int(session.pointee.lazy_rows_added)
            branchedFirst = Int(session.pointee.branched_first)
            heuristic = (Int(session.pointee.heur_runs), Int(session.pointee.heur_found))
            bound = snapshot.has_bound != 0 ? snapshot.bound : nil
            log = captureLog ? SolveRun.lines(session.pointee.log) + SolveRun.lines(session.pointee.error) : []
        }
    }

    /// The wall-clock deadline from ``SolveOptions/timeLimit``, if any.
    private var deadline: ContinuousClock.Instant? {
        guard let limit = options.timeLimit, limit.isFinite else { return nil }
        return started + .milliseconds(Int64(max(0, min(limit, 1e9)) * 1000))
    }

    /// Milliseconds left for GLPK's tm_lim (at least 1, as 0 is not "none").
    private var remainingMilliseconds: Int32 {
        guard let deadline else { return Int32.max }
        let left = (deadline - ContinuousClock.now).seconds * 1000
        return Int32(max(1, min(Double(Int32.max), left.rounded(.up))))
    }

    /// Runs simplex (when presolve is off) and branch-and-cut, and maps
    /// GLPK's return code and status to a termination (GLPK.md §6).
    private func search(
        _ problem: OpaquePointer, _ prepared: PreparedModel, _ session: UnsafeMutablePointer<zd_session>,
        incumbent: [Double]?, allowPresolve: Bool = true
    ) -> Outcome {
        let needsOwnColumns = hooks.separator != nil || incumbent != nil || !options.branchFirst.isEmpty
        let presolve = allowPresolve && options.presolve && !needsOwnColumns
        if !presolve {
            // glp_intopt without presolve needs an optimal LP basis first.
            if let early = relaxation(problem, prepared, session) { return early }
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = options.captureLog ? GLP_MSG_ALL : GLP_MSG_OFF
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        parm.mir_cuts = options.cuts.mir ? GLP_ON : GLP_OFF
        parm.gmi_cuts = options.cuts.gomory ? GLP_ON : GLP_OFF
        parm.cov_cuts = options.cuts.cover ? GLP_ON : GLP_OFF
        parm.clq_cuts = options.cuts.clique ? GLP_ON : GLP_OFF
        parm.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        parm.pp_tech = options.nodePreprocessing ? GLP_PP_ALL : GLP_PP_ROOT
        if options.pseudoCostBranching { parm.br_tech = GLP_BR_PCH }
        if let seconds = options.proximitySearch, seconds.isFinite, seconds > 0 {
            parm.ps_heur = GLP_ON
            parm.ps_tm_lim = Int32(min(seconds * 1000, 3_600_000))
        }
        if hooks.separator != nil {
            // Built-in heuristics store incumbents without GLP_IROWGEN, so
            // they could accept points that break lazy rows (seen: simple
            // rounding returned 402 where the true optimum was 419).
            parm.sr_heur = GLP_OFF
            parm.fp_heur = GLP_OFF
            parm.ps_heur = GLP_OFF
        }
        parm.tm_lim = remainingMilliseconds
        session.pointee.branch_candidates = Int32(clamping: max(0, options.branchingCandidates ?? 0))
        session.pointee.gomory_root_only = options.cuts.gomory && options.cuts.gomoryAtRootOnly ? 1 : 0
        let gap = options.relativeGap
        parm.mip_gap = gap.isFinite && gap > 0 ? gap : 0
        var rc: Int32 = 0
        // C keeps a pointer to the 1-based incumbent only during zd_intopt.
        let caught: Int32 = (incumbent ?? []).withUnsafeBufferPointer { buffer in
            session.pointee.heuristic = incumbent == nil ? nil : buffer.baseAddress
            defer { session.pointee.heuristic = nil }
            return zd_intopt(session, problem, &parm, &rc)
        }
        if caught != 0 {
            return .glpkError(Self.errorMessage(session))
        }
        let status = glp_mip_status(problem)
        let hasSolution = status == GLP_OPT || status == GLP_FEAS
        switch rc {
        case 0:
            if status == GLP_OPT { return .finished(.optimal, hasValues: true) }
            if status == GLP_NOFEAS { return .finished(.infeasible, hasValues: false) }
            // Finished with an unproven incumbent: only tolerances can do that.
            if status == GLP_FEAS { return .finished(.gapLimit, hasValues: true) }
            return .finished(.failed("glpk finished without a solution status"), hasValues: false)
        case GLP_ETMLIM:
            return .finished(.timeLimit, hasValues: hasSolution)
        case GLP_EMIPGAP:
            return .finished(.gapLimit, hasValues: hasSolution)
        case GLP_ESTOP:
            return .finished(.stopped, hasValues: hasSolution)
        case GLP_ENOPFS:
            return .finished(.infeasible, hasValues: false)
        case GLP_ENODFS:
            // The presolver only knows the relaxation is dual infeasible,
            // which also happens when it is primal infeasible: search again
            // without it, which starts with a plain simplex that tells them apart.
            guard presolve else { return .finished(.unbounded, hasValues: false) }
            return search(problem, prepared, session, incumbent: incumbent, allowPresolve: false)
        case GLP_EROOT:
            return .finished(.failed("glpk found no optimal basis for the root relaxation"), hasValues: false)
        case GLP_EBOUND:
            return .finished(.failed("glpk rejected a column or row bound (GLP_EBOUND)"), hasValues: false)
        case GLP_EFAIL:
            return .finished(.failed("glpk's branch-and-cut failed (GLP_EFAIL)"), hasValues: false)
        default:
            return .finished(.failed("glp_intopt returned code \(rc)"), hasValues: false)
        }
    }

    /// Solves the LP relaxation without presolve. Returns nil when it is
    /// optimal (the search may go on), otherwise how the solve ends.
    /// With ``SolveHooks/initialBasis`` that fits, the dual simplex starts from it (rows the
    /// basis did not know start basic, so it is primal infeasible at most); when GLPK
    /// cannot factorise it, the standard basis is used instead.
    private func relaxation(
        _ problem: OpaquePointer, _ prepared: PreparedModel, _ session: UnsafeMutablePointer<zd_session>
    ) -> Outcome? {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = options.captureLog ? GLP_MSG_ALL : GLP_MSG_OFF
        parm.presolve = GLP_OFF
        parm.tm_lim = remainingMilliseconds
        let warm = RelaxationRun.install(hooks.initialBasis, in: problem, prepared, .init(identity: prepared))
        if warm { parm.meth = GLP_DUALP }
        var rc: Int32 = 0
        guard zd_simplex(session, problem, &parm, &rc) == 0 else {
            return .glpkError(Self.errorMessage(session))
        }
        if warm, rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND || rc == GLP_EFAIL {
            glp_std_basis(problem)
            parm.meth = GLP_PRIMAL
            parm.tm_lim = remainingMilliseconds
            guard zd_simplex(session, problem, &parm, &rc) == 0 else {
                return .glpkError(Self.errorMessage(session))
            }
        }
        switch rc {
        case 0:
            let status = glp_get_status(problem)
            if status == GLP_OPT { return nil }
            if status == GLP_NOFEAS { return .finished(.infeasible, hasValues: false) }
            if status == GLP_UNBND { return .finished(.unbounded, hasValues: false) }
            return .finished(.failed("glpk's simplex ended with status \(status)"), hasValues: false)
        case GLP_ETMLIM:
            return .finished(.timeLimit, hasValues: false)
        case GLP_ESING, GLP_ECOND, GLP_EBADB:
            return .finished(.failed("glpk's simplex hit a singular or ill-conditioned basis (code \(rc))"), hasValues: false)
        default:
            return .finished(.failed("glp_simplex returned code \(rc)"), hasValues: false)
        }
    }

    /// The MIP solution as GLPK holds it, and with integer columns rounded.
    private func readValues(_ problem: OpaquePointer, _ prepared: PreparedModel) -> (raw: [Double], rounded: [Double]) {
        let raw = (0..<prepared.columnCount).map { glp_mip_col_val(problem, Int32($0 + 1)) }
        var rounded = raw
        for column in prepared.integerColumns {
            rounded[column] = raw[column].rounded()
        }
        return (raw, rounded)
    }

    /// Asks the separator about the final solution, as a last line of
    /// defence: any path by which GLPK stores an incumbent without
    /// GLP_IROWGEN would otherwise go unnoticed. Violation is judged on
    /// GLPK's unrounded values, as during the search. Nil when all is well.
    private func lazyViolation(raw: [Double], values: [Double]?) -> String? {
        guard let separator = hooks.separator, validatesLazyRows, let values else { return nil }
        for row in separator(values, true) {
            let stored: Constraint
            do {
                stored = try model.normalized(row)
            } catch {
                return "the separator returned an invalid row: \(error)"
            }
            if SolveSession.violates(stored.expression.value(at: raw), lower: stored.lower, upper: stored.upper) {
                return "glpk accepted a solution that violates lazy row '\(row.name)'; the separator must "
                    + "return a violated row for every integral point that breaks a lazy constraint"
            }
        }
        return nil
    }

    /// The initial solution in GLPK's 1-based layout, or nil when it is
    /// absent or fails any check: glp_ios_heur_sol trusts it blindly and a
    /// bad one would be reported as optimal (GLPK.md §5).
    private func screenedInitialSolution(_ prepared: PreparedModel) -> [Double]? {
        guard let point = hooks.initialSolution, point.count == prepared.columnCount,
              point.allSatisfy(\.isFinite) else { return nil }
        var rounded = point
        for column in prepared.integerColumns {
            guard abs(point[column] - point[column].rounded()) <= 1e-6 else { return nil }
            rounded[column] = point[column].rounded()
        }
        guard model.violations(at: rounded).isEmpty else { return nil }
        if let separator = hooks.separator, !separator(rounded, true).isEmpty {
            return nil
        }
        return [0] + rounded
    }

    /// A model without variables: every row is the constant 0.
    private func solveEmpty() -> SolveResult {
        let feasible = model.constraints.allSatisfy { row in
            !SolveSession.violates(0, lower: row.lower, upper: row.upper)
        }
        return result(feasible ? .optimal : .infeasible, values: feasible ? [] : nil)
    }

    private func result(_ termination: TerminationReason, values: [Double]? = nil) -> SolveResult {
        let objective = values.map { model.objectiveValue(at: $0) }
        var bestBound: Double?
        switch termination {
        case .optimal:
            bestBound = objective
        case .timeLimit, .gapLimit, .stopped:
            bestBound = bound
            // A recorded node bound can be stale or rounded past the
            // incumbent; a bound is never better than a known solution.
            if let known = objective, let recorded = bound {
                bestBound = model.sense == .minimize ? min(recorded, known) : max(recorded, known)
            }
        case .infeasible, .unbounded, .failed:
            bestBound = nil
        }
        var out = SolveResult(
            termination: termination, values: values, objective: objective, bestBound: bestBound,
            seconds: (ContinuousClock.now - started).seconds, nodes: nodes, log: log,
            lazyRowsAdded: lazyRowsAdded)
        out.branchedFirst = branchedFirst
        out.nodeHeuristicRuns = heuristic.runs
        out.nodeHeuristicFound = heuristic.found
        return out
    }

    private static func errorMessage(_ session: UnsafeMutablePointer<zd_session>) -> String {
        let text = lines(session.pointee.error).joined(separator: "; ")
        return "glpk error: " + (text.isEmpty ? "unknown internal error" : text)
    }

    /// Splits captured C text into lines without trailing newlines.
    static func lines(_ text: zd_text) -> [String] {
        guard let bytes = text.bytes, text.length > 0 else { return [] }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: text.length)
        let string = String(decoding: buffer, as: UTF8.self)
        return string.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0) }
            .filter { line in line.contains { !$0.isWhitespace } }
    }
}
