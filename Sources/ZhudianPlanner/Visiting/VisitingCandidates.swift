import ZhudianCore

/// Who may be assigned where in visiting mode (rule 10's assignment, with rules 1, 2, 5, 7
/// and `active`): person p at site v in term k when p is active and (with `requireQualified`)
/// qualified, self, group, forbid and distance allow it, no history cooldown bars the link or
/// the person, and p alone could make the month's visits in every month of the term. Leave
/// does not bar the assignment (SPEC §3 rule 5): only a month in which p cannot make
/// `visitsPerMonth` visits `minVisitGapDays` apart does, since no team with p could either.
struct VisitingCandidates {
    /// One possible assignment.
    struct Candidate {
        let person: Int
        let site: Int
        let term: Int
        /// Plan terms before `term` in which p must also be at the site (history cooldown).
        let since: [Int]
    }

    /// Candidates in (term, sender, site, person) order: the column order of the model.
    let all: [Candidate]

    /// `elastic` (best effort) keeps people who cannot visit in some month: their site's
    /// missing visits are then listed as breaks, as leave does not bar the assignment.
    init(_ ctx: PlanContext, days: VisitDays, part: Set<Int>?, elastic: Bool = false) {
        let s = ctx.scenario
        let need = s.calendar.visitsPerMonth
        let gap = s.calendar.minVisitGapDays
        let senders = ctx.senders.filter { part?.contains($0) ?? true }
        let sites = ctx.sites.filter { part?.contains($0) ?? true }
        let teams = s.rules.structure != .free
        var out: [Candidate] = []
        for k in 1...ctx.terms {
            let able = s.people.indices.map { p in
                elastic || days.months[k].allSatisfy { m in
                    VisitDays.fits(need, gap: gap, in: m.days.filter { days.available(p, $0) })
                }
            }
            for u in senders {
                for v in sites {
                    guard ctx.linkAllowed(u, v) == nil, !ctx.linkCooledDownByHistory(u, v, term: k) else { continue }
                    var found: [Candidate] = []
                    for p in ctx.index.peopleOfUnit[u] {
                        let person = s.people[p]
                        guard person.active, !s.rules.requireQualified || person.qualified, able[p],
                            ctx.siteAllowed(p, v) == nil, let since = ctx.historyRequirement(p, v, k)
                        else { continue }
                        found.append(Candidate(person: p, site: v, term: k, since: since))
                    }
                    // A team link that cannot be staffed can never be used: leave it out.
                    if teams && found.count < ctx.minStaff(v) { continue }
                    out += found
                }
            }
        }
        all = out
    }
}
