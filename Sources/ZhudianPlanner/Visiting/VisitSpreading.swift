import ZhudianCore

/// The spreading rule that dates visits (docs/FORMULATION.md, "Visit days"): each month's
/// days inside the term are split into `visitsPerMonth` equal windows; the i-th visit of site v
/// aims at the day `window start + (7·v + 3·i) mod window length` of window i (staggered by site
/// index so one person's sites fall on different days); months are taken in date order, within a
/// month visit i of every site before visit i+1, sites with the fewest days their whole team
/// is free first (then by index); each visit takes the feasible day nearest its target, the
/// earlier on a tie. Feasible: a working day, every team member available and not visiting
/// elsewhere that day, at least `minVisitGapDays` after the site's previous visit.
///
/// It is a heuristic: when it finds no day for a visit, ``VisitCalendarModel`` decides exactly.
///
/// - Complexity: O(visits × working days of a month × team size).
enum VisitSpreading {
    /// The visits of `teams` as (site, day number, people), or nil when the rule gets stuck.
    static func run(_ teams: VisitTeams, days: VisitDays, perMonth: Int, gap: Int) -> [(site: Int, day: Int, people: [Int])]? {
        spread(teams, days: days, perMonth: perMonth, gap: gap, skip: false).map(\.visits)
    }

    /// The rule for a best-effort roster: a visit with no feasible day is left out and listed
    /// (site, term, the month's first day) instead of stopping the rule.
    static func skipping(_ teams: VisitTeams, days: VisitDays, perMonth: Int, gap: Int)
        -> (visits: [(site: Int, day: Int, people: [Int])], skipped: [(site: Int, term: Int, month: CivilDate)])
    {
        spread(teams, days: days, perMonth: perMonth, gap: gap, skip: true) ?? ([], [])
    }

    private static func spread(_ teams: VisitTeams, days: VisitDays, perMonth: Int, gap: Int, skip: Bool)
        -> (visits: [(site: Int, day: Int, people: [Int])], skipped: [(site: Int, term: Int, month: CivilDate)])?
    {
        var skipped: [(site: Int, term: Int, month: CivilDate)] = []
        var busy: [Int: Set<Int>] = [:]
        var last: [Int: Int] = [:]
        var out: [(site: Int, day: Int, people: [Int])] = []
        for k in 1..<teams.team.count {
            let here = teams.team[k]
            for month in days.months[k] {
                let free = here.mapValues { days.commonDays($0, in: month) }
                let order = here.keys.sorted { (free[$0]?.count ?? 0, $0) < (free[$1]?.count ?? 0, $1) }
                let length = month.span.dayCount
                for i in 0..<perMonth {
                    let start = month.span.from.dayNumber + i * length / perMonth
                    let width = max(1, (i + 1) * length / perMonth - i * length / perMonth)
                    for v in order {
                        guard let people = here[v] else { continue }
                        let target = start + (7 * v + 3 * i) % width
                        let choice = (free[v] ?? []).filter { d in
                            (last[v].map { d - $0 >= max(gap, 1) } ?? true)
                                && people.allSatisfy { !(busy[$0]?.contains(d) ?? false) }
                        }.min { (abs($0 - target), $0) < (abs($1 - target), $1) }
                        guard let day = choice else {
                            guard skip else { return nil }
                            if !skipped.contains(where: { $0.site == v && $0.term == k && $0.month == month.first }) {
                                skipped.append((v, k, month.first))
                            }
                            continue
                        }
                        last[v] = day
                        for p in people { busy[p, default: []].insert(day) }
                        out.append((v, day, people))
                    }
                }
            }
        }
        return (out, skipped)
    }
}
