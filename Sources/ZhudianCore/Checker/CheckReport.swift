/// The verdict of ``RosterChecker``: every broken rule instance and format problem, and the
/// objective recomputed from the roster.
///
///     let report = RosterChecker(scenario: s, scenarioSHA256: hash).check(roster)
///     if !report.passed { report.lines(.zh).forEach { print($0) } }
public struct CheckReport: Sendable, Equatable {
    /// Sorted by term (scenario-level problems first), rule (format first, then SPEC §3
    /// order), site, unit, people.
    public let violations: [Violation]
    /// The SPEC §3 objective of the roster as written; nil when the status is `infeasible`.
    public let objective: Double?
    /// The rules that were evaluated (a rule switched off by the scenario, or one that does not
    /// apply to its mode, is left out; nothing is evaluated for an `infeasible` roster).
    public let rulesChecked: [RuleKind]

    /// True when nothing is broken.
    public var passed: Bool { violations.isEmpty }

    /// Creates a report; the violations are put in the report's order.
    public init(violations: [Violation], objective: Double?, rulesChecked: [RuleKind]) {
        self.violations = violations.sorted(by: Violation.ordered)
        self.objective = objective
        self.rulesChecked = rulesChecked.sorted()
    }

    /// The violations of one kind.
    public func violations(of kind: ViolationKind) -> [Violation] { violations.filter { $0.kind == kind } }

    /// One rendered line per violation.
    public func lines(_ language: Language) -> [String] { violations.map { $0.render(language) } }
}
