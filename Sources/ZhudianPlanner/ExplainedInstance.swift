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

    /// Whether both name the same rule instance (rule, term, unit, site; SPEC §4).
    func names(_ other: ExplainedInstance) -> Bool {
        rule == other.rule && term == other.term && unit == other.unit && site == other.site
    }

    /// The order the roster lists them in: by rule (SPEC §3 order, so an uncovered post comes
    /// before the structure it breaks), term, site, unit.
    static func ordered(_ a: ExplainedInstance, _ b: ExplainedInstance) -> Bool {
        (a.rule, a.term ?? 0, a.site ?? "", a.unit ?? "") < (b.rule, b.term ?? 0, b.site ?? "", b.unit ?? "")
    }

    /// The roster's form, with the message in `language`.
    func rendered(_ language: Language) -> RuleInstance {
        RuleInstance(rule: rule, term: term, unit: unit, site: site, people: people, message: message.render(language))
    }
}

/// How sure an explanation is (issue 17): the fewest rule instances, or a set none of
/// whose instances can be left out.
public enum ExplanationProof: Sendable, Equatable {
    /// No smaller set of relaxable rule instances makes the scenario feasible.
    case smallest
    /// Relaxing any proper subset leaves the scenario infeasible (the limit stopped the
    /// search for the smallest).
    case irreducible
    /// Causes proven by counting alone (a unit that must send but cannot keep enough people
    /// at home, a pin a fixed rule forbids); the limit came before the elastic model could say
    /// whether more stand beside them.
    case counted
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
