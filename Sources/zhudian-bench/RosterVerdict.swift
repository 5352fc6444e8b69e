import ZhudianCore

/// The independent checker's verdict on a roster the bench reports, as `zhudian check` gives
/// it: a speed figure for a roster that breaks a rule is no figure at all, so every row says
/// whether its roster passed, and a failed one makes the bench exit non-zero.
enum RosterVerdict: Equatable {
    /// The roster kept every rule and its solve block (objective, bound, status) holds.
    case passed
    /// No roster to judge (infeasible, no roster in the limit, a failure).
    case none
    /// The checker found this many problems; `first` is the first one, rendered.
    case failed(count: Int, first: String)

    /// Judges `roster` against `scenario` with the same hash the planner was given, and the
    /// baseline a what-if re-plan prices dropped stays against.
    static func of(_ roster: Roster?, scenario: Scenario, sha256: String, baseline: Roster? = nil) -> RosterVerdict {
        // An infeasible roster places nobody: there is nothing to judge but its explanation,
        // which the planner's own self-check covers.
        guard let roster, roster.solve.status != .infeasible else { return .none }
        let report = RosterChecker(scenario: scenario, scenarioSHA256: sha256, baseline: baseline).check(roster)
        guard let first = report.violations.first else { return .passed }
        return .failed(count: report.violations.count, first: first.render(.en))
    }

    /// The table cell.
    var cell: String {
        switch self {
        case .passed: return "passed"
        case .none: return "—"
        case .failed(let count, let first):
            return "FAILED (\(count)): " + first.replacingOccurrences(of: "|", with: "\\|")
        }
    }

    /// True when the checker rejected the roster.
    var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
