/// The checker's own readings of the small SPEC formulas the planner also uses (minStaff,
/// same group, distance, gap): a few lines each, so a bug in the planner's copy is not
/// repeated by the judge.
extension RosterChecker {
    /// People a site needs every day: its own `minStaff` when it sets one, else the rule's
    /// (SPEC §1).
    func minStaff(of site: Unit) -> Int {
        if let own = site.minStaff { return own }
        return scenario.rules.minStaff
    }

    /// Rule 2: with `sameGroup: forbid`, a person of `home` may not stay at `site` when both
    /// units name the same group. A unit without a group shares it with nobody.
    func sameGroupForbidden(home: Unit, site: Unit) -> Bool {
        guard scenario.rules.sameGroup == .forbid else { return false }
        switch (home.group, site.group) {
        case let (a?, b?): return a == b
        default: return false
        }
    }

    /// The objective's km(home unit, site): great-circle, 0 where a location is missing (SPEC §3).
    func kilometres(from home: Unit, to site: Unit) -> Double {
        guard let a = home.location, let b = site.location else { return 0 }
        return JudgeGeometry.kilometres(a, b)
    }

    /// SPEC §4's gap: |objective − bound| / max(|objective|, 1e-9).
    static func gap(objective: Double, bound: Double) -> Double {
        let denominator = max(abs(objective), 1e-9)
        return abs(objective - bound) / denominator
    }
}
