extension RosterChecker {
    /// Rules 1, 2 and 5: self-inspection, same group, qualification, availability (resident
    /// stays; visiting mode checks visit days in ``visitViolations(_:)``), forbid entries and
    /// distance. One instance per unit-level link (self, group, forbid, distance) or per stay
    /// (qualified, unavailable).
    func placementViolations(_ view: RosterView) -> [Violation] {
        var out: [Violation] = []
        for k in view.planTerms {
            for (link, people) in teams(in: k, of: view).sorted(by: { $0.key < $1.key }) {
                out += linkViolations(term: k, link: link, people: people)
            }
            for s in view.stays[k] ?? [] {
                guard let p = person(s.person) else { continue }
                if !p.active {
                    out.append(
                        Violation(
                            kind: .rule(.unavailable), term: k, unit: p.unit, site: s.site, people: [p.id],
                            message: .inactivePerson(term: k, person: personName(p.id), site: unitName(s.site))))
                }
                if scenario.rules.requireQualified, !p.qualified {
                    out.append(
                        Violation(
                            kind: .rule(.qualified), term: k, unit: p.unit, site: s.site, people: [p.id],
                            message: .unqualified(term: k, person: personName(p.id), site: unitName(s.site))))
                }
                if scenario.mode == .resident, let v = absenceViolation(term: k, stay: s, person: p) { out.append(v) }
            }
        }
        return out
    }

    private func linkViolations(term k: Int, link: Link, people: [String]) -> [Violation] {
        guard let home = unit(link.from), let site = unit(link.to) else { return [] }
        var out: [Violation] = []
        if link.from == link.to {
            out.append(
                Violation(
                    kind: .rule(.selfInspection), term: k, unit: link.from, site: link.to, people: people,
                    message: .selfInspection(term: k, site: unitName(link.to), people: people.map(personName))))
        } else if sameGroupForbidden(home: home, site: site) {
            // A unit's own site is reported as self-inspection only, not as its own group too.
            out.append(
                Violation(
                    kind: .rule(.group), term: k, unit: link.from, site: link.to, people: people,
                    message: .sameGroup(
                        term: k, unit: unitName(link.from), site: unitName(link.to), group: home.group ?? "",
                        people: people.map(personName))))
        }

        var hit: [String] = []
        var reasons: [String] = []
        for f in scenario.forbid where f.site == link.to {
            let matches: [String]
            switch f.subject {
            case let .person(id): matches = people.filter { $0 == id }
            case let .unit(id): matches = id == link.from ? people : []
            }
            guard !matches.isEmpty else { continue }
            hit += matches
            if let r = f.reason, !r.isEmpty, !reasons.contains(r) { reasons.append(r) }
        }
        if !hit.isEmpty {
            let who = Array(Set(hit)).sorted()
            out.append(
                Violation(
                    kind: .rule(.forbid), term: k, unit: link.from, site: link.to, people: who,
                    message: .forbidden(
                        term: k, unit: unitName(link.from), site: unitName(link.to), people: who.map(personName),
                        reasons: reasons)))
        }

        if let limit = scenario.rules.maxDistanceKm, let a = home.location, let b = site.location {
            let km = JudgeGeometry.kilometres(a, b)
            // A hair of tolerance so a limit typed as the exact distance is kept.
            if km > limit + 1e-9 {
                out.append(
                    Violation(
                        kind: .rule(.distance), term: k, unit: link.from, site: link.to, people: people,
                        message: .tooFar(
                            term: k, unit: unitName(link.from), site: unitName(link.to), kilometres: km, limit: limit)))
            }
        }
        return out
    }

    /// Resident mode: any day of the stay as written, handover days included, inside an absence.
    private func absenceViolation(term k: Int, stay s: Stay, person p: Person) -> Violation? {
        guard s.arrive <= s.leave else { return nil }
        var days: [DateRange] = []
        for a in p.unavailable where a.range.from <= a.range.to && JudgeCalendar.overlap(a.range, DateRange(from: s.arrive, to: s.leave)) {
            days.append(DateRange(from: max(a.range.from, s.arrive), to: min(a.range.to, s.leave)))
        }
        guard let first = days.min(by: { $0.from < $1.from }), let last = days.max(by: { $0.to < $1.to }) else {
            return nil
        }
        days.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        return Violation(
            kind: .rule(.unavailable), term: k, unit: p.unit, site: s.site, people: [p.id],
            dates: DateRange(from: first.from, to: last.to),
            message: .unavailableDuringStay(term: k, person: personName(p.id), site: unitName(s.site), days: days))
    }
}
