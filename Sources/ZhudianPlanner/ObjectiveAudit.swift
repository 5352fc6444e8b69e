/// The solver's objective checked against the roster's cost recomputed from the rule text
/// (``RosterAssembly/objective(_:_:_:baseline:)``): a wrong cost row in a formulation
/// would otherwise give a plausible roster that is not the optimum it claims to be.
enum ObjectiveAudit {
    /// Relative difference beyond which the two disagree.
    static let tolerance = 1e-6

    /// Nil when the two agree; otherwise the message of an internal error naming both.
    ///
    /// A roster not proven optimal may come from a heuristic that leaves continuous helper
    /// columns (fairness increments `t`, kept baseline stays `q`) off their least values: its
    /// solver objective may then exceed the roster's cost, never fall below it. A proven
    /// optimum has them at their least values, so there the check is two-sided.
    static func disagreement(solver: Double, recomputed: Double, proven: Bool) -> String? {
        guard solver.isFinite, recomputed.isFinite else {
            return "the solver's objective \(solver) or the roster's recomputed cost \(recomputed) is not a number"
        }
        let difference = solver - recomputed
        if abs(difference) <= tolerance * max(1, abs(solver), abs(recomputed)) { return nil }
        if !proven && difference > 0 { return nil }
        return "the solver's objective \(solver) differs from the roster's cost \(recomputed) recomputed from the rules"
    }
}
