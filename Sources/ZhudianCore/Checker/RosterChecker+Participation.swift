extension RosterChecker {
    /// The sites the roster is judged on (SPEC §1, §3): units that receive and take part in
    /// the plan (`active` not false). The checker's own reading, shared with no planner code.
    var judgedSites: [Unit] { scenario.units.filter { $0.receives && $0.active } }

    /// Whether rule 6's teams apply: `ring` and `cycles` (SPEC §3.6), the checker's own reading.
    var judgedWithTeams: Bool { scenario.rules.structure == .ring || scenario.rules.structure == .cycles }
}
