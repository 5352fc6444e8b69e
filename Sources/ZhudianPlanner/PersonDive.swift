import MIPModel

/// Rounds a model's LP relaxation to an integer point by diving: fix the binary columns the
/// LP sets highest to 1 (a batch at a time, halved when the LP turns infeasible, a single
/// column fixed to 0 instead when even it cannot be 1), solve the LP again from the last
/// basis, until the LP point is integral and breaks no lazy row.
///
/// Why: on the restricted people model (``PersonSeed``) the LP solves at once, but GLPK's
/// branching and feasibility pump find no integer point in 30 s, because the covers are
/// tight; the LP's own support, fixed step by step, keeps every row satisfied.
struct PersonDive {
    let solver: any MIPSolver
    let deadline: ContinuousClock.Instant?
    let shouldStop: () -> Bool
    /// Lazy rows an integral point must also keep (subtours under ring and cycles).
    let separate: ([Double]) -> [LazyRow]
    /// Columns dived on before any other (team links: a team's people follow its link).
    var first: Set<Int> = []

    /// Columns fixed to 1 at once, at most.
    static let largestBatch = 64
    /// Below this distance from 0 or 1 a value counts as integral.
    static let tolerance = 1e-6

    /// How a dive ended.
    enum Outcome {
        /// An integer point of the model, indexed by column, and how many batches of fixings
        /// were undone on the way.
        case point([Double], undone: Int)
        /// The model's own LP (with the lazy rows found, before any fixing that stands) is
        /// infeasible: its columns admit no roster, so a wider model is needed.
        case noRoster
        /// The deadline or a stop request came first, or fixings the dive cannot undo left
        /// no point.
        case stopped
    }

    /// An integer point of `model`, or why there is none.
    ///
    /// When the lazy rows a point breaks make the LP infeasible, the batches of fixings are
    /// undone, latest first, until the LP is feasible again, and the batch halved (a single
    /// column is fixed to 0 instead): under ring and cycles, links fixed to 1 can form paths
    /// that no tour of the candidate links closes.
    ///
    /// - Throws: ``ModelError`` for a row it cannot add, ``PersonDive/Failure`` when the LP
    ///   solver fails or calls the LP unbounded (both bugs).
    func point(_ model: Model) throws -> Outcome {
        var accepted = model
        var lp = try relax(accepted, start: nil)
        var batch = Self.largestBatch
        var rows = 0
        // The model before each batch of fixings that stands, and that batch, latest last.
        var undo: [(model: Model, chosen: [Int])] = []
        var undone = 0
        while let current = lp, !shouldStop(), !expired {
            // Cycle rows first, at every point: fixings made against a subtour can leave no
            // tour at all.
            let cuts = separate(current.values)
            if !cuts.isEmpty {
                var cutRows: [(name: String, row: LazyRow)] = []
                for cut in cuts {
                    rows += 1
                    cutRows.append(("dive_cut_\(rows)", cut))
                }
                try Self.add(cutRows, to: &accepted)
                // Every model an undo returns to keeps these rows too.
                for i in undo.indices { try Self.add(cutRows, to: &undo[i].model) }
                lp = try relax(accepted, start: grown(current.basis, rows: cuts.count))
                // The batches closed off every tour: undo them, latest first, until one does not.
                while lp == nil, let (before, chosen) = undo.popLast(), !expired {
                    undone += 1
                    accepted = before
                    if chosen.count > 1 {
                        batch = chosen.count / 2
                    } else {
                        rows += 1
                        try accepted.addConstraint(
                            name: "dive_down_\(rows)", LinearExpression([(Variable(index: chosen[0]), 1)]), upper: 0)
                    }
                    lp = try relax(accepted, start: nil)
                }
                if lp == nil && !expired && !shouldStop() { return .noRoster }
                continue
            }
            let fractional = fractionalColumns(accepted, current.values)
            if fractional.isEmpty { return .point(current.values, undone: undone) }
            var trial = accepted
            let chosen = Array(fractional.prefix(batch))
            for j in chosen {
                rows += 1
                try trial.addConstraint(name: "dive_up_\(rows)", LinearExpression([(Variable(index: j), 1)]), lower: 1)
            }
            if let next = try relax(trial, start: grown(current.basis, rows: chosen.count)) {
                undo.append((accepted, chosen))
                accepted = trial
                lp = next
                batch = min(Self.largestBatch, batch * 2)
            } else if batch > 1 {
                batch /= 2
            } else {
                // Even this one column cannot be 1: it is 0 in every roster the dive can reach.
                rows += 1
                try accepted.addConstraint(name: "dive_down_\(rows)", LinearExpression([(Variable(index: fractional[0]), 1)]), upper: 0)
                lp = try relax(accepted, start: grown(current.basis, rows: 1))
                if lp == nil && undo.isEmpty && !expired { return .noRoster }
            }
        }
        if lp == nil && undo.isEmpty && !expired && !shouldStop() { return .noRoster }
        return .stopped
    }

    /// Adds lazy rows found (named) to `model`.
    private static func add(_ rows: [(name: String, row: LazyRow)], to model: inout Model) throws(ModelError) {
        for (name, cut) in rows {
            try model.addConstraint(name: name, cut.expression, lower: cut.lower, upper: cut.upper)
        }
    }

    /// Binary columns strictly between 0 and 1: those in ``first`` when any is fractional,
    /// else all; highest value first (ties by index).
    private func fractionalColumns(_ model: Model, _ values: [Double]) -> [Int] {
        let all = model.variables.indices.filter { j in
            model.variables[j].kind == .binary && values[j] > Self.tolerance && values[j] < 1 - Self.tolerance
        }
        let leading = all.filter { first.contains($0) }
        return (leading.isEmpty ? all : leading).sorted { (-values[$0], $0) < (-values[$1], $1) }
    }

    /// The LP optimum, or nil when it is infeasible or the time ran out.
    private func relax(_ model: Model, start: Basis?) throws(Failure) -> RelaxationResult? {
        let result = solver.solveRelaxation(
            model, options: SolveOptions(timeLimit: secondsLeft(until: deadline)), start: start)
        switch result.status {
        case .optimal: return result
        case .infeasible, .timeLimit: return nil
        case .unbounded: throw Failure(why: "the dive's LP is unbounded (costs are never negative)")
        case .failed(let why): throw Failure(why: why)
        }
    }

    /// The LP solver failed during a dive: a bug, never a reason to carry on without a seed.
    struct Failure: Error, CustomStringConvertible {
        let why: String
        var description: String { "dive: \(why)" }
    }

    /// `basis` with `rows` new rows appended, basic (the new rows' slacks).
    private func grown(_ basis: Basis?, rows: Int) -> Basis? {
        basis.map { Basis(columns: $0.columns, rows: $0.rows + Array(repeating: .basic, count: rows)) }
    }

    private var expired: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }
}
