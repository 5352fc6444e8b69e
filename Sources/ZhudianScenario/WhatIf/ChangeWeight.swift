import ZhudianCore

/// The `objective.change` weight `whatif` uses when the scenario sets none: large enough that
/// keeping one more stay of the baseline always beats any saving of distance or fairness, so
/// the re-plan drops as few baseline stays as the changes allow, and among those plans picks
/// the cheapest.
///
/// Why it works: every roster's distance + fairness cost lies in `[0, B]`, with `B` the bound
/// below; dropping one more stay costs `W = ⌊B⌋ + 1 > B`, more than any difference of the
/// other parts. `W` is kept as small as that bound allows, because the solver's tolerances
/// are relative to the size of the objective's coefficients.
///
///     ChangeWeight.weight(for: scenario)   // the six mines of 2023: a few thousand
///
/// - Complexity: O(people · sites).
public enum ChangeWeight {
    /// `B`: an upper bound on the distance + fairness cost of any roster of `s`. Each person
    /// who may be placed (active, qualified where that is required) holds at most one stay a
    /// term (resident mode), costing at most `distance · km(home, farthest active site) +
    /// fairness · (served + terms)`.
    public static func bound(_ s: Scenario) -> Double {
        let sites = s.units.filter { $0.active && $0.receives }
        var homes: [String: Unit] = [:]
        for u in s.units { homes[u.id] = u }
        // The farthest site from each home unit, computed once per unit, not per person.
        var farthest: [String: Double] = [:]
        var total = 0.0
        let terms = Double(s.calendar.terms)
        for p in s.people where p.active && (p.qualified || !s.rules.requireQualified) {
            guard let home = homes[p.unit], home.active, home.sends else { continue }
            let km: Double
            if let known = farthest[home.id] {
                km = known
            } else {
                km = sites.filter { $0.id != home.id }.map { s.kilometres(from: home, to: $0) }.max() ?? 0
                farthest[home.id] = km
            }
            let perTerm = s.objective.distance * km + s.objective.fairness * Double(p.served + s.calendar.terms)
            total += terms * perTerm
        }
        return total
    }

    /// `W = ⌊B⌋ + 1`, a whole number.
    public static func weight(for s: Scenario) -> Double {
        (bound(s)).rounded(.down) + 1
    }
}
