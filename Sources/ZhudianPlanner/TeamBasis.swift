import ZhudianCore

/// What a teams model needs to know about one part's people and links, whichever links it
/// includes: who may be placed in which term, who is barred from which site, and which
/// links can be staffed at all. Computed once and shared by every model of the part.
struct TeamBasis {
    let ctx: PlanContext
    let elastic: Bool
    let part: Set<Int>?
    /// Enterprises in the structure (senders that are also sites), ascending.
    let ents: [Int]
    /// Unit index → position in `ents`, or −1.
    let node: [Int]
    /// `placeable[p][k]`: person p may be placed in term k (qualified, available for the
    /// whole stay including handover days, not still handing over from history).
    let placeable: [[Bool]]
    /// `personBans[p][k]`: sites p may not be at in term k for reasons of their own
    /// (a person forbid entry, the person cooldown after history stays).
    let personBans: [[Set<Int>]]
    /// `placeableCount[i][k]`: placeable people of `ents[i]` in term k.
    let placeableCount: [[Int]]
    /// `bannedCount[i][k][v]`: how many of them are barred from site v.
    let bannedCount: [[[Int: Int]]]
    let distanceWeight: Double
    /// Elastic priced solves only: what the model minimises (``ElasticSolve``); nil for the
    /// SPEC §3 cost of the stays with every slack at 1.
    var pricing: ElasticPricing? = nil
    /// Links a unit cannot use in both of two terms (``UnitCooldown``); empty in elastic
    /// models. Found once per part, as every model of the part shares them.
    private(set) var unitConflicts: [UnitCooldown.Conflict] = []
    /// Links no team of the terms next to theirs leaves people for (``AdjacentStaffing``);
    /// nil in elastic models, whose slacks may leave a unit without a team in a term.
    private(set) var adjacent: AdjacentStaffing? = nil

    init(_ ctx: PlanContext, elastic: Bool, part: Set<Int>?) {
        self.ctx = ctx
        self.elastic = elastic
        self.part = part
        let s = ctx.scenario
        let T = ctx.terms
        distanceWeight = s.objective.distance
        ents = ctx.senders.filter { part?.contains($0) ?? true }
        var node = Array(repeating: -1, count: s.units.count)
        for (i, u) in ents.enumerated() { node[u] = i }
        self.node = node
        var placeable = Array(repeating: Array(repeating: false, count: T + 1), count: s.people.count)
        var bans = Array(repeating: Array(repeating: Set<Int>(), count: T + 1), count: s.people.count)
        var counts = Array(repeating: Array(repeating: 0, count: T + 1), count: ents.count)
        var banned = Array(repeating: Array(repeating: [Int: Int](), count: T + 1), count: ents.count)
        for (i, u) in ents.enumerated() {
            for p in ctx.index.peopleOfUnit[u] {
                for k in 1...T {
                    guard ctx.personTermStatus(p, k) == .eligible else { continue }
                    // Still handing over at a history site when term 1 starts.
                    if k == 1, s.calendar.handoverDays > 0, !ctx.historySites(person: p, term: 0).isEmpty {
                        continue
                    }
                    placeable[p][k] = true
                    counts[i][k] += 1
                    var own = ctx.personForbids[p] ?? []
                    let c = s.rules.personCooldown
                    if c > 0 {
                        var t = max(k - c, ctx.firstHistoryTerm)
                        while t <= 0 {
                            own.formUnion(ctx.historySites(person: p, term: t))
                            t += 1
                        }
                    }
                    bans[p][k] = own
                    for v in own { banned[i][k][v, default: 0] += 1 }
                }
            }
        }
        self.placeable = placeable
        personBans = bans
        placeableCount = counts
        bannedCount = banned
        if !elastic {
            adjacent = AdjacentStaffing(self)
            unitConflicts = UnitCooldown.conflicts(self)
        }
    }

    /// Whether p may never be at v in term k (fixed facts, forbid entries, person cooldown).
    func personBanned(_ p: Int, _ v: Int, _ k: Int) -> Bool {
        ctx.siteAllowed(p, v) != nil || personBans[p][k].contains(v)
    }

    /// Whether link u → v may be used in term k: allowed by the unit-level rules, not barred
    /// by a history link cooldown, and staffable by enough of u's placeable people (beside
    /// the teams of the terms next to it, ``AdjacentStaffing``).
    func possible(_ u: Int, _ v: Int, _ k: Int) -> Bool {
        guard ctx.linkAllowed(u, v) == nil, !ctx.linkCooledDownByHistory(u, v, term: k) else { return false }
        let i = node[u]
        let need = ctx.minStaff(v)
        return placeableCount[i][k] - (bannedCount[i][k][v] ?? 0) >= need
            && adjacent?.allows(i, v, k, need: need) ?? true
    }

    /// The objective coefficient of link u → v: distance weight × km × team size.
    func cost(_ u: Int, _ v: Int) -> Double {
        guard pricing?.staysCost ?? true else { return 0 }
        return distanceWeight * ctx.km(u, v) * Double(ctx.minStaff(v))
    }
}
