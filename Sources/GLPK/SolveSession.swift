import CGLPK
import CGLPKGuard
import MIPModel

/// The Swift side of one solve's callbacks, reached from the C trampoline
/// through `zd_session.context`.
///
/// A class because C holds an unretained pointer to it for the duration of
/// `zd_intopt`; it never leaves the solving thread. Its methods are pure
/// computation: they must not call GLPK (a GLPK error there would longjmp
/// over Swift frames).
final class SolveSession {
    let model: Model
    let hooks: SolveHooks
    let integerColumns: [Int]
    private let validatesLazyRows: Bool
    private let started: ContinuousClock.Instant
    private let deadline: ContinuousClock.Instant?
    private let nodeLimit: Int?

    /// Set when a hook broke the contract; the solve reports `.failed` with it.
    private(set) var failure: String?
    /// Set when ``SolveHooks/shouldStop`` asked to stop.
    private(set) var stopRequested = false
    /// Set when the callback stopped the search at the wall-clock deadline.
    private(set) var deadlineReached = false
    /// Set when the callback stopped the search at ``SolveOptions/nodeLimit``.
    private(set) var nodeLimitReached = false

    private var reportedIncumbent: Double?
    private var reportedBound: Double?
    private var reportedAt: ContinuousClock.Instant?

    init(
        model: Model, hooks: SolveHooks, integerColumns: [Int], validatesLazyRows: Bool,
        started: ContinuousClock.Instant, deadline: ContinuousClock.Instant?, nodeLimit: Int? = nil
    ) {
        self.model = model
        self.hooks = hooks
        self.integerColumns = integerColumns
        self.validatesLazyRows = validatesLazyRows
        self.started = started
        self.deadline = deadline
        self.nodeLimit = nodeLimit
    }

    /// Installs the C entry points that forward to this object.
    func attach(to session: UnsafeMutablePointer<zd_session>) {
        session.pointee.context = Unmanaged.passUnretained(self).toOpaque()
        session.pointee.progress = { context, snapshot in
            guard let context, let snapshot else { return 1 }
            let owner = Unmanaged<SolveSession>.fromOpaque(context).takeUnretainedValue()
            return owner.progress(snapshot.pointee) ? 1 : 0
        }
        session.pointee.accept = { context, point, count in
            guard let context, let point else { return 0 }
            let owner = Unmanaged<SolveSession>.fromOpaque(context).takeUnretainedValue()
            return owner.accept(UnsafeMutableBufferPointer(start: point, count: Int(count))) ? 1 : 0
        }
        if hooks.separator != nil {
            session.pointee.separate = { context, point, count, rows in
                guard let context, let point, let rows else { return 1 }
                let owner = Unmanaged<SolveSession>.fromOpaque(context).takeUnretainedValue()
                return owner.separate(UnsafeBufferPointer(start: point, count: Int(count)), into: rows) ? 0 : 1
            }
        }
    }

    /// Calls the separator and copies the rows the LP point violates into
    /// the C buffer. Returns false (and records why) to stop the search.
    private func separate(_ raw: UnsafeBufferPointer<Double>, into rows: UnsafeMutablePointer<zd_rows>) -> Bool {
        guard let separator = hooks.separator else { return true }
        let lpPoint = Array(raw)
        var point = lpPoint
        // Superset of GLPK's own test (|x - round(x)| <= tol_int = 1e-5), so
        // every point GLPK could accept is shown to the separator as integral.
        let integral = integerColumns.allSatisfy { abs(lpPoint[$0] - lpPoint[$0].rounded()) <= 1.0001e-5 }
        if integral {
            for column in integerColumns { point[column] = point[column].rounded() }
        }
        for row in separator(point, integral) {
            let terms: [(column: Int, coefficient: Double)]
            let lower: Double
            let upper: Double
            if validatesLazyRows {
                let stored: Constraint
                do {
                    stored = try model.normalized(row)
                } catch {
                    failure = "the separator returned an invalid row: \(error)"
                    return false
                }
                // Only violated rows: re-adding satisfied ones could loop forever.
                let activity = stored.expression.value(at: lpPoint)
                guard Self.violates(activity, lower: stored.lower, upper: stored.upper) else { continue }
                terms = stored.expression.terms.map { (column: $0.variable.index, coefficient: $0.coefficient) }
                lower = stored.lower
                upper = stored.upper
            } else {
                // Test-only path: hands GLPK whatever the separator said, to
                // exercise the C guard.
                terms = row.expression.terms.map { (column: $0.variable.index, coefficient: $0.coefficient) }
                lower = row.lower
                upper = row.upper
            }
            let type: Int32
            let low: Double
            let high: Double
            do {
                (type, low, high) = try PreparedModel.bounds(lower, upper, what: "lazy row '\(row.name)'")
            } catch {
                failure = "the separator returned an invalid row: \(error)"
                return false
            }
            let indices = terms.map { Int32(truncatingIfNeeded: $0.column + 1) }
            let values = terms.map(\.coefficient)
            let added = indices.withUnsafeBufferPointer { indexBuffer in
                values.withUnsafeBufferPointer { valueBuffer in
                    zd_rows_add(rows, type, low, high, Int32(terms.count), indexBuffer.baseAddress, valueBuffer.baseAddress)
                }
            }
            guard added == 0 else {
                failure = "out of memory while storing lazy rows"
                return false
            }
        }
        return true
    }

    /// Whether `activity` lies outside the bounds by more than the relative
    /// tolerance 1e-6, which exceeds GLPK's primal tolerance (1e-7) so a
    /// re-optimised LP never re-violates the row it just received.
    static func violates(_ activity: Double, lower: Double, upper: Double) -> Bool {
        if activity.isNaN { return true }
        if lower.isFinite, activity < lower - 1e-6 * max(1, abs(lower)) { return true }
        if upper.isFinite, activity > upper + 1e-6 * max(1, abs(upper)) { return true }
        return false
    }

    /// Reports progress, polls ``SolveHooks/shouldStop`` and the deadline.
    /// Returns true to stop the search.
    private func progress(_ snapshot: zd_snapshot) -> Bool {
        let now = ContinuousClock.now
        if let report = hooks.progress {
            let incumbent = snapshot.has_incumbent != 0 ? snapshot.incumbent : nil
            let bound = snapshot.has_bound != 0 ? snapshot.bound : nil
            let due = reportedAt.map { now - $0 >= .milliseconds(500) } ?? true
            if due || incumbent != reportedIncumbent || bound != reportedBound {
                reportedIncumbent = incumbent
                reportedBound = bound
                reportedAt = now
                var gap: Double?
                if let incumbent, let bound {
                    gap = SolveResult.relativeGap(objective: incumbent, bound: bound)
                }
                report(SolveProgress(
                    incumbent: incumbent, bound: bound, gap: gap, nodes: Int(snapshot.nodes),
                    elapsed: (now - started).seconds))
            }
        }
        if let shouldStop = hooks.shouldStop, shouldStop() {
            stopRequested = true
            return true
        }
        // GLPK checks tm_lim only between nodes; long root work or row
        // generation loops are cut here instead.
        if let deadline, now >= deadline {
            deadlineReached = true
            return true
        }
        if let nodeLimit, Int(snapshot.nodes) >= nodeLimit {
            nodeLimitReached = true
            return true
        }
        return false
    }
}
