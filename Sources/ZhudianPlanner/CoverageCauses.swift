import ZhudianCore

/// Why a site cannot get its people in a term, by counting who could serve there and what
/// excludes the others (issue 17: the planner's words, with the causes). Every count comes
/// from the scenario's facts, never from a solver.
struct CoverageCauses: Sendable {
    /// One sending unit and what keeps it (or its people) from the site.
    struct Sender: Equatable, Sendable {
        /// The unit's display name.
        var name: String
        /// A reason the whole unit is barred (self, group, forbid, distance, link cooldown).
        var barred: UnitBar?
        /// People who could serve at the site this term.
        var able: Int
        /// Qualified people the unit may place at all while keeping `keepAtHome` at home.
        var spare: Int
        /// The others, each with the first reason that excludes them.
        var excluded: [(person: String, reason: PersonBar)]

        static func == (a: Sender, b: Sender) -> Bool {
            a.name == b.name && a.barred == b.barred && a.able == b.able && a.spare == b.spare
                && a.excluded.map(\.person) == b.excluded.map(\.person)
                && a.excluded.map(\.reason) == b.excluded.map(\.reason)
        }
    }

    /// Why a whole unit may not send to the site.
    enum UnitBar: Equatable, Sendable {
        case group(String)
        case forbidden
        case distance(km: Double, cap: Double)
        case linkCooldown(lastTerm: Int)
        case pinnedElsewhere(String)
    }

    /// Why one person may not serve at the site.
    enum PersonBar: Equatable, Sendable {
        case inactive
        case unqualified
        case leave(DateRange)
        case handingOver
        case forbidden
        case personCooldown(lastTerm: Int)
        case pinnedElsewhere(String)
    }

    let site: String
    let term: Int
    let need: Int
    let teams: Bool
    let senders: [Sender]

    /// Counts for site `v` in term `k`.
    init(_ ctx: PlanContext, site v: Int, term k: Int) {
        let s = ctx.scenario
        site = s.units[v].displayName
        term = k
        need = ctx.minStaff(v)
        teams = s.rules.structure != .free
        senders = ctx.senders.filter { $0 != v }.map { Self.sender(ctx, $0, v, k) }
    }

    private static func sender(_ ctx: PlanContext, _ u: Int, _ v: Int, _ k: Int) -> Sender {
        let s = ctx.scenario
        let spare = ctx.qualifiedCount(u) - (s.units[u].kind == .enterprise ? s.rules.keepAtHome : 0)
        var out = Sender(name: s.units[u].displayName, barred: unitBar(ctx, u, v, k), able: 0, spare: spare, excluded: [])
        guard out.barred == nil else { return out }
        for p in ctx.index.peopleOfUnit[u] {
            if let why = personBar(ctx, p, v, k) {
                out.excluded.append((s.people[p].name, why))
            } else {
                out.able += 1
            }
        }
        return out
    }

    private static func unitBar(_ ctx: PlanContext, _ u: Int, _ v: Int, _ k: Int) -> UnitBar? {
        let s = ctx.scenario
        switch ctx.linkAllowed(u, v) {
        case .group?: return .group(s.units[u].group ?? "")
        case .forbid?: return .forbidden
        case .distance?: return .distance(km: ctx.km(u, v), cap: s.rules.maxDistanceKm ?? 0)
        default: break
        }
        let c = s.rules.pairCooldown
        var t = k - 1
        while t >= max(k - c, ctx.firstHistoryTerm), c > 0, t <= 0 {
            if ctx.historyLink(u, v, term: t) { return .linkCooldown(lastTerm: t) }
            t -= 1
        }
        // Under ring/cycles a unit sends one team: a pin elsewhere takes it.
        if s.rules.structure != .free,
            let pin = s.pins.first(where: { $0.term == k && $0.subject == .unit(s.units[u].id) && $0.site != s.units[v].id })
        {
            return .pinnedElsewhere(pin.site)
        }
        return nil
    }

    /// Who of unit `u` could be placed anywhere in term `k`, and why the others cannot:
    /// the reasons that do not depend on the site.
    static func availability(_ ctx: PlanContext, unit u: Int, term k: Int) -> (able: Int, excluded: [(person: String, reason: PersonBar)]) {
        var able = 0
        var excluded: [(person: String, reason: PersonBar)] = []
        for p in ctx.index.peopleOfUnit[u] {
            if let why = anySiteBar(ctx, p, k, site: nil) {
                excluded.append((ctx.scenario.people[p].name, why))
            } else {
                able += 1
            }
        }
        return (able, excluded)
    }

    /// Reasons that keep `p` from every site in term `k` (from all but `site`, when given,
    /// for the handover: one may stay on where one was).
    private static func anySiteBar(_ ctx: PlanContext, _ p: Int, _ k: Int, site v: Int?) -> PersonBar? {
        let s = ctx.scenario
        let person = s.people[p]
        if !person.active { return .inactive }
        if s.rules.requireQualified && !person.qualified { return .unqualified }
        let stay = s.stayRange(term: k, staysOn: false)
        if let away = person.unavailable.first(where: { $0.range.overlaps(stay) }) { return .leave(away.range) }
        if k == 1, s.calendar.handoverDays > 0, case let before = ctx.historySites(person: p, term: 0),
            !before.isEmpty, v.map({ before != [$0] }) ?? true
        {
            return .handingOver
        }
        return nil
    }

    private static func personBar(_ ctx: PlanContext, _ p: Int, _ v: Int, _ k: Int) -> PersonBar? {
        let s = ctx.scenario
        let person = s.people[p]
        if let why = anySiteBar(ctx, p, k, site: v) { return why }
        if ctx.personForbids[p]?.contains(v) == true { return .forbidden }
        if let pin = s.pins.first(where: { $0.term == k && $0.subject == .person(person.id) && $0.site != s.units[v].id }) {
            return .pinnedElsewhere(pin.site)
        }
        let c = s.rules.personCooldown
        var t = k - 1
        while t >= max(k - c, ctx.firstHistoryTerm), c > 0, t <= 0 {
            if ctx.historySites(person: p, term: t).contains(v) { return .personCooldown(lastTerm: t) }
            t -= 1
        }
        return nil
    }

    /// Units that could send a whole team (ring/cycles) or people who could serve (free).
    var supply: Int {
        teams
            ? senders.filter { $0.barred == nil && min($0.able, $0.spare) >= need }.count
            : senders.reduce(0) { $0 + min($1.able, max(0, $1.spare)) }
    }

    /// Whether the counts alone show the site cannot be staffed.
    var shortByCounting: Bool { teams ? supply == 0 : supply < need }
}
