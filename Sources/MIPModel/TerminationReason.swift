/// Why a solve ended, kept apart from whether values exist: a search
/// stopped at its time limit is neither success nor failure.
public enum TerminationReason: Sendable, Equatable {
    /// Proven optimal (within the solver's tolerances).
    case optimal
    /// The time limit was reached; values exist if an incumbent was found.
    case timeLimit
    /// ``SolveOptions/relativeGap`` was reached; values exist.
    case gapLimit
    /// No point satisfies all constraints (including lazy ones).
    case infeasible
    /// The objective can improve without limit (reported when the LP relaxation is unbounded).
    case unbounded
    /// ``SolveHooks/shouldStop`` returned true; values exist if an incumbent was found.
    case stopped
    /// The solver or a hook failed; the message says why. No values.
    case failed(String)
}
