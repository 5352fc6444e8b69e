extension RosterChecker {
    /// Rule 10 (visiting mode), per plan term:
    ///
    /// - one person covers at most `maxSitesPerPerson` sites (one instance per person);
    /// - visits fall on working days (`JudgeWorkingDays.isWorkingDay(_:calendar:)`), one per visit;
    /// - a visit's people are exactly the site's assigned people, one per visit;
    /// - a person makes at most one visit a day, one per person and day;
    /// - every calendar month of the term with a working day inside the term has at least
    ///   `visitsPerMonth` visits to each site, one per site and month;
    /// - visits to one site are at least `minVisitGapDays` apart, across terms too, one per pair;
    /// - and rule 5's availability: nobody visits on a day they are unavailable (kind
    ///   `unavailable`, one per person, site and term); leave does not bar the assignment.
    ///
    /// Visits dated outside their term were reported as format problems and are not counted.
    func visitViolations(_ view: RosterView) -> [Violation] {
        var out: [Violation] = []
        let calendar = scenario.calendar
        var bySite: [String: [(date: CivilDate, term: Int)]] = [:]

        for k in view.planTerms {
            var assigned: [String: Set<String>] = [:]
            var covers: [String: Set<String>] = [:]
            for s in view.stays[k] ?? [] {
                assigned[s.site, default: []].insert(s.person)
                covers[s.person, default: []].insert(s.site)
            }
            for (p, sites) in covers.sorted(by: { $0.key < $1.key }) where sites.count > scenario.rules.maxSitesPerPerson {
                out.append(
                    Violation(
                        kind: .rule(.visits), term: k, unit: person(p)?.unit, people: [p],
                        message: .tooManySites(
                            term: k, person: personName(p), sites: sites.sorted().map(unitName),
                            limit: scenario.rules.maxSitesPerPerson)))
            }

            let visits = view.visits[k] ?? []
            var daysOf: [String: [CivilDate: [String]]] = [:]
            var absent: [Link: [CivilDate]] = [:]
            for v in visits {
                bySite[v.site, default: []].append((v.date, k))
                if !JudgeWorkingDays.isWorkingDay(v.date, calendar: calendar) {
                    out.append(
                        Violation(
                            kind: .rule(.visits), term: k, site: v.site, people: v.people, dates: DateRange(day: v.date),
                            message: .visitNotWorkingDay(term: k, site: unitName(v.site), date: v.date)))
                }
                let expected = (assigned[v.site] ?? []).sorted()
                if Set(v.people) != Set(expected) {
                    out.append(
                        Violation(
                            kind: .rule(.visits), term: k, site: v.site, people: v.people, dates: DateRange(day: v.date),
                            message: .visitTeam(
                                term: k, site: unitName(v.site), date: v.date, expected: expected, found: v.people)))
                }
                for id in v.people {
                    daysOf[id, default: [:]][v.date, default: []].append(v.site)
                    if let p = person(id), p.unavailable.contains(where: { JudgeCalendar.contains($0.range, v.date) }) {
                        absent[Link(from: id, to: v.site), default: []].append(v.date)
                    }
                }
            }
            for (id, days) in daysOf.sorted(by: { $0.key < $1.key }) {
                for (day, sites) in days.sorted(by: { $0.key < $1.key }) where sites.count > 1 {
                    out.append(
                        Violation(
                            kind: .rule(.visits), term: k, unit: person(id)?.unit, people: [id], dates: DateRange(day: day),
                            message: .visitsSameDay(term: k, person: personName(id), date: day, sites: sites.sorted().map(unitName))))
                }
            }
            for (key, days) in absent.sorted(by: { $0.key < $1.key }) {
                let sorted = Array(Set(days)).sorted()
                guard let first = sorted.first, let last = sorted.last else { continue }
                out.append(
                    Violation(
                        kind: .rule(.unavailable), term: k, unit: person(key.from)?.unit, site: key.to, people: [key.from],
                        dates: DateRange(from: first, to: last),
                        message: .unavailableOnVisits(term: k, person: personName(key.from), site: unitName(key.to), days: sorted)))
            }
            out += monthlyViolations(term: k, visits: visits)
        }

        let minGap = calendar.minVisitGapDays
        if minGap > 0 {
            for (site, list) in bySite.sorted(by: { $0.key < $1.key }) {
                let sorted = list.sorted { ($0.date, $0.term) < ($1.date, $1.term) }
                for (a, b) in zip(sorted, sorted.dropFirst()) where JudgeCalendar.days(from: a.date, to: b.date) < minGap {
                    out.append(
                        Violation(
                            kind: .rule(.visits), term: b.term, site: site, dates: DateRange(from: a.date, to: b.date),
                            message: .visitGap(term: b.term, site: unitName(site), previous: a.date, date: b.date, minGap: minGap)))
                }
            }
        }
        return out
    }

    /// At least `visitsPerMonth` visits to every site in each calendar month of the term that
    /// has a working day inside the term (the months at a term's edges count only their days
    /// inside the term).
    private func monthlyViolations(term k: Int, visits: [Visit]) -> [Violation] {
        let required = scenario.calendar.visitsPerMonth
        let range = schedule.days(k)
        guard required > 0, range.from <= range.to,
            var month = CivilDate(year: range.from.year, month: range.from.month, day: 1)
        else { return [] }
        var out: [Violation] = []
        while month <= range.to {
            let next = JudgeCalendar.addingMonths(1, to: month)
            let days = DateRange(from: max(month, range.from), to: min(JudgeCalendar.addingDays(-1, to: next), range.to))
            defer { month = next }
            var day = days.from
            var working = false
            while day <= days.to, !working {
                working = JudgeWorkingDays.isWorkingDay(day, calendar: scenario.calendar)
                day = JudgeCalendar.addingDays(1, to: day)
            }
            guard working else { continue }
            for site in judgedSites where minStaff(of: site) > 0 {
                let count = visits.filter { $0.site == site.id && JudgeCalendar.contains(days, $0.date) }.count
                guard count < required else { continue }
                out.append(
                    Violation(
                        kind: .rule(.visits), term: k, site: site.id, dates: days,
                        message: .fewVisits(
                            term: k, site: unitName(site.id), month: month.monthKey, days: days, count: count,
                            required: required)))
            }
        }
        return out
    }
}
