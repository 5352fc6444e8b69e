extension RosterChecker {
    /// The sites the roster is judged on (SPEC §1, §3): units that receive and take part in
    /// the plan (`active` not false). The checker's own reading, shared with no planner code.
    var judgedSites: [Unit] { scenario.units.filter { $0.receives && $0.active } }
}
