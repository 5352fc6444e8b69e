import ZhudianCore

/// Rings (or cycles) built per term without the LP, for the people model's seed
/// (``PersonSeed``): the seed's dive then fixes their links and only picks the people.
///
/// Why: at 100 enterprises in a ring with staying on, the dive over each sender's 8 nearest
/// sites found that no tour closes over them, widened to 16, and then each LP took about a
/// second and the dive did not finish in 60 s (BENCHMARKS.md). A tour built by
/// ``LinkConstruction`` over every usable link always closes when one exists that it finds,
/// and the last term's links come first: with handover days someone placed then may be at
/// no other site now, so rings by distance alone could not be staffed at 100 enterprises.
enum PersonRings {
    /// Arcs the greedy pass starts with per unit (any other usable link joins fragments).
    static let nearest = 8

    /// Per term (index 1…T; 0 empty), the links `(from, to)` of one cover of the part's
    /// units, or nil when the structure is free, the part's senders are not its sites, or
    /// some term's usable links admit no cover the construction finds.
    static func build(_ ctx: PlanContext, part: Set<Int>?) -> [[(from: Int, to: Int)]]? {
        let rules = ctx.scenario.rules
        guard rules.structure != .free else { return nil }
        let members = ctx.sites.filter { part?.contains($0) ?? true }
        // A tour covers units that both send and receive; anything else is not a ring of them.
        guard Set(members) == Set(ctx.senders.filter { part?.contains($0) ?? true }) else { return nil }
        let minCycle = rules.structure == .ring ? nil : rules.minCycle
        var chosen: [[(from: Int, to: Int)]] = [[]]
        for k in 1..<(ctx.terms + 1) {
            let usable = usableLinks(ctx, members, k)
            // Links of the last pairCooldown terms may not come back (history's are not usable).
            let units = ctx.scenario.units.count
            let recent = Set(chosen.suffix(rules.pairCooldown).flatMap { $0.map { $0.from * units + $0.to } })
            let last = Set((chosen.last ?? []).map { $0.from * units + $0.to })
            func weight(_ a: Int, _ b: Int) -> Double? {
                let (u, v) = (members[a], members[b])
                guard a != b, usable[a * members.count + b], !recent.contains(u * units + v)
                else { return nil }
                // The last term's link first: its people may stay on, and with handover days
                // someone placed then may be nowhere else now (rule 4 across terms).
                if k == 1 ? ctx.historyLink(u, v, term: 0) : last.contains(u * units + v) { return 0 }
                // What the link's people cost at least: its distance for each of them.
                return ctx.km(u, v) * Double(ctx.minStaff(v))
            }
            var arcs: [LinkConstruction.Arc] = []
            for a in members.indices {
                let near = members.indices.compactMap { b in weight(a, b).map { (b, $0) } }
                    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                for (b, w) in near.prefix(nearest) { arcs.append(LinkConstruction.Arc(from: a, to: b, weight: w, value: 0)) }
            }
            var construction = LinkConstruction(nodes: members.count, minCycle: minCycle, arcs: arcs)
            construction.byValue = false
            construction.kicks = minCycle == nil
                ? PricedTeamSolve.ringKicks(members.count) : PricedTeamSolve.cycleKicks(members.count)
            construction.other = weight
            guard let succ = construction.build() else { return nil }
            chosen.append(succ.enumerated().map { (from: members[$0.offset], to: members[$0.element]) })
        }
        return chosen
    }

    /// ``PersonLinks/usable(_:_:_:_:)`` for every pair of `members` in term `k`, by
    /// `a * members.count + b`; each person's term status is asked once per term, not once
    /// per site.
    private static func usableLinks(_ ctx: PlanContext, _ members: [Int], _ k: Int) -> [Bool] {
        let n = members.count
        var usable = [Bool](repeating: false, count: n * n)
        for (a, u) in members.enumerated() {
            let able = ctx.index.peopleOfUnit[u].filter { p in
                if case .ineligible = ctx.personTermStatus(p, k) { return false }
                return true
            }
            for (b, v) in members.enumerated() where a != b {
                guard ctx.linkAllowed(u, v) == nil, !ctx.linkCooledDownByHistory(u, v, term: k) else { continue }
                // A whole team: ring and cycles only come here.
                usable[a * n + b] = able.count(where: { ctx.siteAllowed($0, v) == nil }) >= ctx.minStaff(v)
            }
        }
        return usable
    }
}
