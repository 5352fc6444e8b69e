import ZhudianCore

/// Why a visiting scenario has no plan, as `visits` rule instances (SPEC §4: one site's visits
/// in one month): a site, term and month in which no team of `minStaff` people who may be
/// assigned to it has `visitsPerMonth` common available working days `minVisitGapDays` apart.
/// Each such instance stands whatever else the plan does. The people named are those who may be
/// assigned to the site in the term (rules 1, 2, 5 qualification, 7 and forbid allow it).
///
/// - Complexity: O(sites × terms × months × teams tried); teams are searched depth-first and
///   the search stops at the first team that fits.
enum VisitingExplanation {
    /// The instances found; empty when every site has a possible team in every month.
    static func instances(_ ctx: PlanContext, days: VisitDays) -> [ExplainedInstance] {
        let s = ctx.scenario
        let need = s.calendar.visitsPerMonth
        let gap = s.calendar.minVisitGapDays
        var out: [ExplainedInstance] = []
        for k in 1...ctx.terms {
            for v in ctx.sites {
                let size = ctx.minStaff(v)
                guard size > 0 else { continue }
                let able = eligible(ctx, site: v, term: k)
                for m in days.months[k] {
                    guard !hasTeam(able, size: size, fits: { VisitDays.fits(need, gap: gap, in: days.commonDays($0, in: m)) })
                    else { continue }
                    out.append(
                        ExplainedInstance(
                            rule: .visits, term: k, unit: nil, site: s.units[v].id, people: able.map { s.people[$0].id },
                            message: .visitsImpossible(
                                site: s.units[v].displayName, term: k, month: m.first.monthKey, team: size, visits: need,
                                people: able.map { s.people[$0].name })))
                }
            }
        }
        return out
    }

    /// People who may be assigned to site `v` in term `k`, leave aside.
    private static func eligible(_ ctx: PlanContext, site v: Int, term k: Int) -> [Int] {
        let s = ctx.scenario
        return ctx.senders.flatMap { u -> [Int] in
            guard ctx.linkAllowed(u, v) == nil, !ctx.linkCooledDownByHistory(u, v, term: k) else { return [] }
            return ctx.index.peopleOfUnit[u].filter { p in
                s.people[p].active && (!s.rules.requireQualified || s.people[p].qualified)
                    && ctx.siteAllowed(p, v) == nil && ctx.historyRequirement(p, v, k) != nil
            }
        }
    }

    /// Whether some `size` of `people` pass `fits`; a team that fails stays failing with more
    /// members (fewer common days), so a failing prefix is not extended.
    private static func hasTeam(_ people: [Int], size: Int, fits: ([Int]) -> Bool) -> Bool {
        var budget = 100_000
        func extend(_ team: [Int], from i: Int) -> Bool {
            if team.count == size { return true }
            var j = i
            while j < people.count, budget > 0 {
                budget -= 1
                let next = team + [people[j]]
                if fits(next), extend(next, from: j + 1) { return true }
                j += 1
            }
            return false
        }
        // An exhausted budget is "maybe": say nothing rather than a cause not proven.
        return extend([], from: 0) || budget <= 0
    }
}
