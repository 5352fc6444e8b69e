import CGLPK
import CGLPKGuard
import MIPModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one `glp_prob` for the duration of a synchronous solve.
///
/// GLPK allocates from a per-thread environment, so a problem must be
/// deleted on the thread that created it (elsewhere GLPK aborts), and must
/// not be deleted at all after a caught error freed that environment. The
/// type is `~Copyable` and never leaves the function that creates it.
struct ProblemHandle: ~Copyable {
    let pointer: OpaquePointer
    private let generation: UInt32
    private let thread: pthread_t

    /// Nil only if GLPK's allocator failed, which it reports by aborting, so
    /// in practice never; kept optional to avoid a force unwrap.
    init?() {
        guard let pointer = glp_create_prob() else { return nil }
        self.pointer = pointer
        self.generation = zd_generation()
        self.thread = pthread_self()
    }

    /// Deletes the problem now, rather than whenever the compiler ends the lifetime.
    consuming func close() {}

    deinit {
        precondition(pthread_equal(thread, pthread_self()) != 0, "a GLPK problem must be deleted on its own thread")
        if zd_generation() == generation {
            glp_delete_prob(pointer)
        }
    }

    /// Loads columns, rows and the matrix. Only valid arguments reach GLPK:
    /// `prepared` was checked in Swift.
    func load(_ prepared: PreparedModel, names: LPNames? = nil) {
        Self.load(pointer, prepared, names: names)
    }

    /// Loads `prepared` into `problem` (empty, made on this thread).
    static func load(_ problem: OpaquePointer, _ prepared: PreparedModel, names: LPNames? = nil) {
        glp_set_obj_dir(problem, prepared.maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(problem, 0, prepared.objectiveConstant)
        // glp_add_cols/glp_add_rows reject a count of zero.
        if prepared.columnCount > 0 {
            glp_add_cols(problem, Int32(prepared.columnCount))
        }
        if prepared.rowCount > 0 {
            glp_add_rows(problem, Int32(prepared.rowCount))
        }
        for column in 0..<prepared.columnCount {
            let j = Int32(column + 1)
            glp_set_col_bnds(
                problem, j, prepared.columnTypes[column], prepared.columnLower[column], prepared.columnUpper[column])
            glp_set_obj_coef(problem, j, prepared.objective[column])
        }
        for column in prepared.integerColumns {
            glp_set_col_kind(problem, Int32(column + 1), GLP_IV)
        }
        for row in 0..<prepared.rowCount {
            glp_set_row_bnds(problem, Int32(row + 1), prepared.rowTypes[row], prepared.rowLower[row], prepared.rowUpper[row])
        }
        if prepared.nonZeroCount > 0 {
            prepared.matrixRows.withUnsafeBufferPointer { rows in
                prepared.matrixColumns.withUnsafeBufferPointer { columns in
                    prepared.matrixValues.withUnsafeBufferPointer { values in
                        glp_load_matrix(
                            problem, Int32(prepared.nonZeroCount), rows.baseAddress, columns.baseAddress,
                            values.baseAddress)
                    }
                }
            }
        }
        if let names {
            names.problem.withCString { glp_set_prob_name(problem, $0) }
            for (column, name) in names.columns.enumerated() {
                name.withCString { glp_set_col_name(problem, Int32(column + 1), $0) }
            }
            for (row, name) in names.rows.enumerated() {
                name.withCString { glp_set_row_name(problem, Int32(row + 1), $0) }
            }
        }
    }
}
