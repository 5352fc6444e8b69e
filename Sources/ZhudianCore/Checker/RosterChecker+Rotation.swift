extension RosterChecker {
    /// Rule 7, with the history terms counting (term 0 is the last history entry, −1 the one
    /// before…; terms older than the history are taken as unused).
    ///
    /// - `pairCooldown c`: no link u → v of term k was used in terms k−c…k−1; one instance per link.
    /// - `personCooldown c`: no person at a site they stayed at in terms k−c…k−1, unless they
    ///   have been there in every term since (staying on without a break); one per person and site.
    /// - `maxConsecutiveTerms m`: no person placed in every term k−m…k; one per person and term.
    func rotationViolations(_ view: RosterView) -> [Violation] {
        var out: [Violation] = []
        let rules = scenario.rules
        var linksOf: [Int: Set<Link>] = [:]
        for j in view.allTerms { linksOf[j] = view.links(in: j) }

        for k in view.planTerms {
            let teams = teams(in: k, of: view)
            if rules.pairCooldown > 0 {
                let oldest = max(k - rules.pairCooldown, view.firstHistoryTerm)
                for (link, people) in teams.sorted(by: { $0.key < $1.key }) {
                    guard
                        let used = stride(from: k - 1, through: oldest, by: -1).first(where: {
                            linksOf[$0]?.contains(link) ?? false
                        })
                    else { continue }
                    out.append(
                        Violation(
                            kind: .rule(.pairCooldown), term: k, unit: link.from, site: link.to, people: people,
                            message: .pairCooldown(
                                term: k, unit: unitName(link.from), site: unitName(link.to), usedIn: used,
                                cooldown: rules.pairCooldown)))
                }
            }

            for s in view.stays[k] ?? [] {
                guard let p = person(s.person) else { continue }
                if rules.personCooldown > 0 {
                    // The unbroken run at this site ending in k−1 is staying on, which is allowed.
                    var runStart = k
                    while runStart - 1 >= view.firstHistoryTerm, view.isPlaced(p.id, at: s.site, in: runStart - 1) {
                        runStart -= 1
                    }
                    let oldest = max(k - rules.personCooldown, view.firstHistoryTerm)
                    if let last = stride(from: runStart - 1, through: oldest, by: -1).first(where: {
                        view.isPlaced(p.id, at: s.site, in: $0)
                    }) {
                        out.append(
                            Violation(
                                kind: .rule(.personCooldown), term: k, unit: p.unit, site: s.site, people: [p.id],
                                message: .personCooldown(
                                    term: k, person: personName(p.id), site: unitName(s.site), lastTerm: last,
                                    cooldown: rules.personCooldown)))
                    }
                }
            }

            let placed = Set((view.stays[k] ?? []).map(\.person)).sorted()
            for id in placed {
                var run = 0
                while k - run >= view.firstHistoryTerm, view.isPlaced(id, in: k - run) { run += 1 }
                guard run > rules.maxConsecutiveTerms else { continue }
                out.append(
                    Violation(
                        kind: .rule(.maxConsecutiveTerms), term: k, unit: person(id)?.unit,
                        site: view.sites(of: id, in: k).min(), people: [id],
                        message: .consecutiveTerms(
                            term: k, person: personName(id), firstTerm: k - run + 1, limit: rules.maxConsecutiveTerms)))
            }
        }
        return out
    }
}
