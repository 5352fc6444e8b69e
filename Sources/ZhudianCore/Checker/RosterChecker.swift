/// The independent judge of a roster: re-verifies every rule of SPEC §3 and the roster file's
/// form (SPEC §4) against the scenario, and recomputes the objective.
///
/// It shares no code with any formulation on purpose: it reads the roster as a planner would
/// (who is where on which day) rather than as a model does (variables and rows), so a bug in
/// the planner's formulation shows up here instead of being repeated.
///
///     let checker = RosterChecker(scenario: scenario, scenarioSHA256: hash)
///     let report = checker.check(roster)
///     for line in report.lines(.en) { print(line) }
///     // coverage: term 2, site QX (泉兴矿): 1 of 2 people present on 2023-03-01..2023-08-19
///
/// The checker never traps on any roster value: unknown ids, repeated or out-of-range terms,
/// dates far outside the plan and an empty roster are all reported as violations.
///
/// - Complexity: O(sites · days of the plan + stays · (terms + absences) + visits), with
///   days ≤ 8 terms of 12 months.
public struct RosterChecker: Sendable {
    /// The scenario the roster is judged against.
    public let scenario: Scenario
    /// The scenario file's SHA-256 (lower-case hex); nil skips the hash comparison.
    public let scenarioSHA256: String?
    /// The roster a what-if started from; its dropped stays cost `objective.change` each.
    public let baseline: Roster?
    /// Id look-ups.
    let index: JudgeIndex

    /// Creates a checker. The scenario is expected to be one the scenario loader accepted.
    public init(scenario: Scenario, scenarioSHA256: String?, baseline: Roster? = nil) {
        self.scenario = scenario
        self.scenarioSHA256 = scenarioSHA256
        self.baseline = baseline
        self.index = JudgeIndex(scenario)
    }

    /// Checks `roster` against every rule and the file format, and recomputes its objective.
    public func check(_ roster: Roster) -> CheckReport {
        var violations: [Violation] = []
        checkHeader(roster, into: &violations)

        if roster.solve.status == .infeasible {
            checkInfeasible(roster, into: &violations)
            return CheckReport(violations: violations, objective: nil, rulesChecked: [])
        }

        let view = RosterView(scenario: scenario, index: index, roster: roster, problems: &violations)
        var broken: [Violation] = []
        broken += placementViolations(view)
        broken += coverageViolations(view)
        if scenario.mode == .resident { broken += overlapViolations(view) }
        broken += structureViolations(view)
        broken += rotationViolations(view)
        broken += homeViolations(view)
        broken += pinViolations(view)
        if scenario.mode == .visiting { broken += visitViolations(view) }

        let objective = objective(of: view)
        checkSolve(roster, objective: objective, broken: broken, into: &violations)
        // A best-effort roster's breaks are its explanation: those it names are not held
        // against it, unless they are of a kind it may never break (SPEC §4).
        if roster.solve.status == .bestEffort, let explanation = roster.explanation {
            broken.removeAll { v in
                guard let rule = v.rule, !Self.neverBrokenByBestEffort.contains(rule) else { return false }
                return explanation.contains { Self.names($0, v) }
            }
        }
        return CheckReport(violations: violations + broken, objective: objective, rulesChecked: applicableRules)
    }

    /// The SPEC §3 objective of `roster` as written, whatever its status: every stay's
    /// distance and fairness terms, plus `change` for every baseline stay it drops.
    /// Stays with unknown ids and terms outside 1…`terms` are not counted.
    public func objective(of roster: Roster) -> Double {
        var ignored: [Violation] = []
        return objective(of: RosterView(scenario: scenario, index: index, roster: roster, problems: &ignored))
    }

    /// The rules the scenario makes the checker evaluate, in SPEC §3 order: `group` only with
    /// `sameGroup: forbid`, `qualified` only with `requireQualified`, `distance` only with a
    /// `maxDistanceKm`, `overlap` in resident mode and `visits` in visiting mode.
    public var applicableRules: [RuleKind] {
        RuleKind.allCases.filter { rule in
            switch rule {
            case .group: scenario.rules.sameGroup == .forbid
            case .qualified: scenario.rules.requireQualified
            case .distance: scenario.rules.maxDistanceKm != nil
            case .overlap: scenario.mode == .resident
            case .visits: scenario.mode == .visiting
            default: true
            }
        }
    }

    // MARK: - Look-ups shared by the rule files

    /// The unit with this id.
    func unit(_ id: String) -> Unit? { index.unit[id].map { scenario.units[$0] } }

    /// The person with this id.
    func person(_ id: String) -> Person? { index.person[id].map { scenario.people[$0] } }

    /// A unit as messages name it.
    func unitName(_ id: String) -> CheckName { CheckName(id: id, name: unit(id)?.displayName) }

    /// A person as messages name them.
    func personName(_ id: String) -> CheckName { CheckName(id: id, name: person(id)?.name) }

    /// The people of each unit-level link of a plan term: (home unit, site) → person ids, sorted.
    func teams(in term: Int, of view: RosterView) -> [Link: [String]] {
        var result: [Link: [String]] = [:]
        for s in view.stays[term] ?? [] {
            guard let p = person(s.person) else { continue }
            result[Link(from: p.unit, to: s.site), default: []].append(p.id)
        }
        return result.mapValues { $0.sorted() }
    }
}
