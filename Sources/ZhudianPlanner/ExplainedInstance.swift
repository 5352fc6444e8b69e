import ZhudianCore

/// A rule instance of an explanation whose message is kept as a ``PlannerMessage``, so
/// that it can be written in Chinese into the roster file (SPEC §4) and in the caller's
/// language on a terminal.
struct ExplainedInstance: Sendable {
    var rule: RuleKind
    var term: Int?
    var unit: String?
    var site: String?
    var people: [String]
    var message: PlannerMessage

    /// The roster's form, with the message in `language`.
    func rendered(_ language: Language) -> RuleInstance {
        RuleInstance(rule: rule, term: term, unit: unit, site: site, people: people, message: message.render(language))
    }
}

/// Why an infeasible scenario came without an explanation: never a made-up cause.
public enum Unexplained: Sendable, Equatable {
    /// The explanation's own solve reached the time limit.
    case timeLimit
    /// The planner was asked to stop (Ctrl-C) before an explanation was found.
    case stopped
    /// The elastic model relaxes coverage, sending, home staffing and pins only; it found
    /// the scenario infeasible even with all of them relaxed, so the cause is elsewhere.
    case beyondRelaxedRules
}
