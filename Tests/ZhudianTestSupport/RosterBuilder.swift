import ZhudianCore

/// Builds rosters for tests the way SPEC §4 writes them: dates from SPEC §2, stays sorted by
/// site then person, links derived from the stays, and the objective computed here, on its
/// own, from SPEC §3's formula (so a test compares it with the checker's, not with itself).
public enum RosterBuilder {
    /// A roster placing `placements[k-1]` (person id, site id) in term k.
    ///
    /// Resident mode: each stay arrives on `S_k` and leaves on `E_k + handoverDays`, or on `E_k`
    /// when the same person is at the same site in term k+1. Visiting mode: `S_k`…`E_k`, and
    /// `visits[k-1]` becomes the term's visits (sorted, people sorted).
    public static func roster(
        _ scenario: Scenario, sha256: String = Fixtures.sha256,
        placements: [[(person: String, site: String)]], visits: [[Visit]]? = nil,
        status: RosterStatus = .optimal
    ) -> Roster {
        var terms: [RosterTerm] = []
        for (i, list) in placements.enumerated() {
            let k = i + 1
            let next = i + 1 < placements.count ? placements[i + 1] : []
            let stays = list.map { p in
                let staysOn = next.contains { $0.person == p.person && $0.site == p.site }
                let r = scenario.stayRange(term: k, staysOn: staysOn)
                return Stay(person: p.person, site: p.site, arrive: r.from, leave: r.to)
            }
            terms.append(
                RosterTerm(
                    term: k, start: scenario.termStart(k), end: scenario.termEnd(k), links: [], stays: stays,
                    visits: scenario.mode == .visiting ? (visits.map { i < $0.count ? $0[i] : [] } ?? []) : nil))
        }
        let roster = Roster(
            scenario: ScenarioReference(name: scenario.name, sha256: sha256),
            solve: SolveSummary(status: status, objective: 0, bound: 0, gap: 0, seconds: 0.01, engine: "test"),
            terms: terms)
        return normalized(roster, scenario: scenario)
    }

    /// The roster with stays, links, visits and visit people sorted, links re-derived from the
    /// stays, and (for optimal rosters) objective and bound set to the recomputed objective.
    /// Dates are left as they are, so a test can break them on purpose.
    public static func normalized(_ roster: Roster, scenario: Scenario) -> Roster {
        var r = roster
        let homes = Dictionary(scenario.people.map { ($0.id, $0.unit) }, uniquingKeysWith: { a, _ in a })
        for i in r.terms.indices {
            r.terms[i].stays.sort()
            let links = Set(
                r.terms[i].stays.compactMap { s in
                    scenario.unit(s.site) == nil ? nil : homes[s.person].map { Link(from: $0, to: s.site) }
                })
            r.terms[i].links = links.sorted()
            if let v = r.terms[i].visits {
                r.terms[i].visits = v.map { Visit(date: $0.date, site: $0.site, people: $0.people.sorted()) }.sorted()
            }
        }
        if r.solve.status == .optimal {
            let value = objective(r, scenario: scenario)
            r.solve.objective = value
            r.solve.bound = value
            r.solve.gap = 0
        }
        return r
    }

    /// SPEC §3's objective, written out for tests: per stay (a repeated stay counts once) `distance × km(home unit, site) +
    /// fairness × (served + earlier plan terms with a stay)`, plus `change ×` each baseline stay
    /// the roster does not have.
    public static func objective(_ roster: Roster, scenario: Scenario, baseline: Roster? = nil) -> Double {
        var total = 0.0
        var earlier: [String: Int] = [:]
        var present: Set<String> = []
        for t in roster.terms.sorted(by: { $0.term < $1.term }) {
            var servedNow: Set<String> = []
            for s in t.stays {
                guard let p = scenario.person(s.person), let site = scenario.unit(s.site),
                    present.insert("\(t.term)|\(s.person)|\(s.site)").inserted
                else { continue }
                var km = 0.0
                if let a = scenario.unit(p.unit)?.location, let b = site.location { km = a.kilometres(to: b) }
                total += scenario.objective.distance * km
                total += scenario.objective.fairness * Double(p.served + (earlier[p.id] ?? 0))
                servedNow.insert(p.id)
            }
            for id in servedNow { earlier[id, default: 0] += 1 }
        }
        if let baseline {
            var dropped: Set<String> = []
            for t in baseline.terms {
                for s in t.stays where !present.contains("\(t.term)|\(s.person)|\(s.site)") {
                    dropped.insert("\(t.term)|\(s.person)|\(s.site)")
                }
            }
            total += scenario.objective.change * Double(dropped.count)
        }
        return total
    }

    /// A copy of `roster` with `edit` applied to term `k` (1-based), then normalised.
    public static func editing(
        _ roster: Roster, scenario: Scenario, term k: Int, _ edit: (inout RosterTerm) -> Void
    ) -> Roster {
        var r = roster
        if let i = r.terms.firstIndex(where: { $0.term == k }) { edit(&r.terms[i]) }
        return normalized(r, scenario: scenario)
    }

    /// A stay with SPEC §2's dates for a person leaving at the end of term `k` (not staying on).
    public static func stay(_ person: String, at site: String, term k: Int, in scenario: Scenario) -> Stay {
        let r = scenario.stayRange(term: k, staysOn: false)
        return Stay(person: person, site: site, arrive: r.from, leave: r.to)
    }
}
