import ZhudianCore

/// Turns placements into roster terms (SPEC §2 dates) and prices them (SPEC §3 objective).
enum RosterAssembly {
    /// Roster terms 1…T with links derived from the stays, every list sorted as SPEC §4 says.
    static func terms(_ s: Scenario, _ ctx: PlanContext, _ placements: [Placement]) -> [RosterTerm] {
        let here = Set(placements)
        var out: [RosterTerm] = []
        for k in 1...ctx.terms {
            let mine = placements.filter { $0.term == k }
            var stays: [Stay] = []
            var links = Set<Link>()
            for pl in mine {
                let stayOn = here.contains(Placement(term: k + 1, person: pl.person, site: pl.site))
                let range = s.stayRange(term: k, staysOn: stayOn)
                let person = s.people[pl.person]
                stays.append(Stay(person: person.id, site: s.units[pl.site].id, arrive: range.from, leave: range.to))
                links.insert(Link(from: person.unit, to: s.units[pl.site].id))
            }
            out.append(
                RosterTerm(
                    term: k, start: s.termStart(k), end: s.termEnd(k), links: links.sorted(),
                    stays: stays.sorted()))
        }
        return out
    }

    /// The SPEC §3 objective of `placements`, computed from the rule text, not from the model.
    static func objective(_ s: Scenario, _ ctx: PlanContext, _ placements: [Placement], baseline: Roster?) -> Double {
        var total = 0.0
        var servedInPlan = Array(repeating: Set<Int>(), count: s.people.count)
        for pl in placements { servedInPlan[pl.person].insert(pl.term) }
        for pl in placements {
            let earlier = servedInPlan[pl.person].filter { $0 < pl.term }.count
            total += s.objective.distance * ctx.km(ctx.home(pl.person), pl.site)
            total += s.objective.fairness * Double(s.people[pl.person].served + earlier)
        }
        if s.objective.change > 0, let base = baseline {
            let here = Set(placements.map { "\($0.term)|\(s.people[$0.person].id)|\(s.units[$0.site].id)" })
            for t in base.terms {
                for st in t.stays where !here.contains("\(t.term)|\(st.person)|\(st.site)") {
                    total += s.objective.change
                }
            }
        }
        return total
    }
}
