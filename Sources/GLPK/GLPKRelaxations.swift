import CGLPK
import CGLPKGuard
import MIPModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GLPK's ``RelaxationSequence``: one `glp_prob` kept between solves. A model that extends
/// the last one (``ProblemExtension``) is added to it in place — new columns and rows
/// appended, the new columns' entries in earlier rows set — and re-solved from GLPK's
/// current basis without loading anything again; any other model is loaded anew, from the
/// last basis moved by names (what ``RebuildingRelaxations`` does).
///
/// The problem belongs to the thread that made it (GLPK's environment is thread-local) and
/// lives only during ``GLPKSolver/withRelaxations(_:)``.
@_spi(Testing) public final class GLPKRelaxations: RelaxationSequence {
    /// How a solve got its model into GLPK.
    public enum Load: Equatable, Sendable {
        /// Loaded into a new problem (the first model, or one that was no extension).
        case fresh
        /// Appended to the problem of the model before.
        case extended
    }

    private var problem: OpaquePointer?
    /// The guard's generation when `problem` was made: a caught GLPK error frees every
    /// problem of the thread and moves it on.
    private var generation: UInt32 = 0
    private var image: ProblemImage?
    private let thread = pthread_self()
    private var closed = false
    /// How the last solve loaded its model (for tests).
    public private(set) var lastLoad: Load?

    /// Deletes the problem; the sequence answers every later solve with a failure.
    func close() {
        drop()
        closed = true
    }

    deinit {
        drop()
    }

    /// Solves `model`'s LP relaxation, in place when it extends the last model.
    public func solve(_ model: Model, options: SolveOptions) -> RelaxationResult {
        let started = ContinuousClock.now
        func result(_ status: RelaxationResult.Status) -> RelaxationResult {
            RelaxationResult(
                status: status, objective: nil, values: [], rowDuals: [], reducedCosts: [],
                seconds: (ContinuousClock.now - started).seconds)
        }
        guard !closed, pthread_equal(thread, pthread_self()) != 0 else {
            return result(.failed("a GLPK relaxation sequence was used outside its withRelaxations call or thread"))
        }
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(model)
        } catch {
            return result(.failed("the model cannot be solved: \(error)"))
        }
        if prepared.columnCount == 0 {
            // Nothing for the simplex: the one-off solve answers it.
            drop()
            return GLPKSolver().solveRelaxation(model, options: options, start: nil)
        }
        let run = GuardSession.run(
            columns: prepared.columnCount, captureLog: false,
            during: { session in
                guard let (pointer, map) = loaded(prepared, model) else { return result(.failed("glp_create_prob failed")) }
                return RelaxationRun.simplex(pointer, map, session, options: options, started: started)
            },
            after: { session, out in
                if session.pointee.failed != 0 {
                    // GLPK freed the problem with its environment.
                    problem = nil
                    image = nil
                }
                return out
            })
        switch run {
        case .success(let out): return out
        case .failure(let why): return result(.failed(why.description))
        }
    }

    /// The problem holding `model`, extended in place when it can be, and where each of the
    /// model's columns and rows is in it; nil only if GLPK cannot create a problem.
    private func loaded(
        _ prepared: PreparedModel, _ model: Model
    ) -> (OpaquePointer, RelaxationRun.LPIndexMap)? {
        let alive = problem != nil && zd_generation() == generation
        if alive, let pointer = problem, let image, let plan = ProblemExtension(image, prepared, model) {
            Self.extend(pointer, plan, prepared)
            self.image?.apply(plan, prepared)
            lastLoad = .extended
            return (pointer, RelaxationRun.LPIndexMap(columns: plan.columnOf, rows: plan.rowOf))
        }
        var start: Basis?
        if alive, let pointer = problem, let image { start = Self.basis(of: pointer, image, for: model) }
        drop()
        guard let pointer = glp_create_prob() else { return nil }
        problem = pointer
        generation = zd_generation()
        Self.load(pointer, prepared)
        image = ProblemImage(prepared, model)
        let map = RelaxationRun.LPIndexMap(identity: prepared)
        RelaxationRun.install(start, in: pointer, prepared, map)
        lastLoad = .fresh
        return (pointer, map)
    }

    /// Appends `plan`'s columns and rows. Every index and value was checked in Swift
    /// (``PreparedModel``, ``ProblemExtension``): GLPK aborts on bad ones.
    private static func extend(_ problem: OpaquePointer, _ plan: ProblemExtension, _ prepared: PreparedModel) {
        let firstColumn = glp_get_num_cols(problem) + 1
        let firstRow = glp_get_num_rows(problem) + 1
        // glp_add_cols/glp_add_rows reject a count of zero.
        if !plan.newColumns.isEmpty { glp_add_cols(problem, Int32(plan.newColumns.count)) }
        if !plan.newRows.isEmpty { glp_add_rows(problem, Int32(plan.newRows.count)) }
        for (k, j) in plan.newColumns.enumerated() {
            let c = firstColumn + Int32(k)
            // A new column is non-basic: setting its bounds puts it at the bound they call for.
            glp_set_col_bnds(problem, c, prepared.columnTypes[j], prepared.columnLower[j], prepared.columnUpper[j])
            glp_set_obj_coef(problem, c, prepared.objective[j])
        }
        for (k, i) in plan.newRows.enumerated() {
            let r = firstRow + Int32(k)
            // A new row is basic: the basis stays one.
            glp_set_row_bnds(problem, r, prepared.rowTypes[i], prepared.rowLower[i], prepared.rowUpper[i])
            setEntries(plan.rowEntries[k].columns, plan.rowEntries[k].values) { glp_set_mat_row(problem, r, $0, $1, $2) }
        }
        // A whole column at once (earlier and added rows): glp_set_mat_col replaces it.
        for k in plan.newColumns.indices {
            let c = firstColumn + Int32(k)
            setEntries(plan.columnEntries[k].rows, plan.columnEntries[k].values) {
                glp_set_mat_col(problem, c, $0, $1, $2)
            }
        }
    }

    /// Calls `set` with GLPK's 1-based index and value arrays (slot 0 unused).
    private static func setEntries(
        _ indices: [Int32], _ values: [Double],
        _ set: (Int32, UnsafePointer<Int32>?, UnsafePointer<Double>?) -> Void
    ) {
        guard !indices.isEmpty else { return }
        let ind: [Int32] = [0] + indices
        let val: [Double] = [0] + values
        ind.withUnsafeBufferPointer { i in val.withUnsafeBufferPointer { v in set(Int32(indices.count), i.baseAddress, v.baseAddress) } }
    }

    private static func load(_ pointer: OpaquePointer, _ prepared: PreparedModel) {
        // ProblemHandle's loader, without the handle's ownership (this class owns the pointer).
        ProblemHandle.load(pointer, prepared)
    }

    /// The statuses `problem` holds, moved to `model` by names (new columns at their lower
    /// bound, new rows basic), as ``Basis/transferred(from:to:)`` does.
    private static func basis(of problem: OpaquePointer, _ image: ProblemImage, for model: Model) -> Basis {
        Basis(
            columns: model.variables.map { v in
                image.columnIndex[v.name].map { RelaxationRun.status(glp_get_col_stat(problem, $0)) } ?? .atLower
            },
            rows: model.constraints.map { r in
                image.rowIndex[r.name].map { RelaxationRun.status(glp_get_row_stat(problem, $0)) } ?? .basic
            })
    }

    private func drop() {
        if let pointer = problem, zd_generation() == generation {
            precondition(pthread_equal(thread, pthread_self()) != 0, "a GLPK problem must be deleted on its own thread")
            glp_delete_prob(pointer)
        }
        problem = nil
        image = nil
    }
}

extension GLPKSolver {
    /// Runs `body` with a ``RelaxationSequence`` that keeps one GLPK problem between solves
    /// and extends it in place when the next model only adds columns and rows.
    public func withRelaxations<R>(_ body: (any RelaxationSequence) throws -> R) rethrows -> R {
        let sequence = GLPKRelaxations()
        defer { sequence.close() }
        return try body(sequence)
    }
}
