import MIPModel
import ZhudianCore

/// The compact model for `ring` and `cycles` when `pairCooldown ≥ 1` (so nobody can stay on
/// at a site): unit-level links plus "who is placed" per person and term.
///
/// Because a unit sends exactly one team per term, a placed person's site is the site of
/// their unit's link; person-specific site bans become `z + y ≤ 1` rows.
///
/// Columns (T terms, E enterprises, P people):
/// - `y[u,v,k]` ∈ {0,1}: unit u's team is at site v in term k — only for links that are not
///   barred by self, group, forbid, distance, a history link cooldown, or too few eligible people.
/// - `z[p,k]` ∈ {0,1}: person p is placed in term k — only where qualified, available for the
///   whole stay including handover days, and not still handing over from history.
/// - `t[p,r]` ∈ [0,1]: p serves at least r terms of the plan; its cost is the fairness
///   increment `fairness·(served + r − 1)`, increasing in r, so the LP fills them in order
///   and the linearisation of "served + terms served earlier" is exact.
/// - `q[b]` ∈ [0,1]: baseline stay b is kept (with `objective.change` > 0).
///
/// Rows, per term k:
/// - `send[u,k]`: Σ_v y[u,v,k] = 1 — every enterprise sends one team (rule 6).
/// - `recv[v,k]`: Σ_u y[u,v,k] = 1 — every site receives one team (rules 3, 6).
/// - `team[u,k]`: Σ_{p∈u} z[p,k] = Σ_v minStaff(v)·y[u,v,k] — the team has minStaff(v) people.
/// - `ban[p,v,k]`: z[p,k] + y[u,v,k] ≤ 1 where p may not be at v (forbid, person cooldown from history).
/// - `pair2[u,v,k]`: y[u,v,k] + y[v,u,k] ≤ 1 when 2-cycles are not allowed.
/// - `pcool[u,v,j,k]`: y[u,v,j] + y[u,v,k] ≤ 1 for 1 ≤ k−j ≤ pairCooldown (rule 7).
/// - `ccool[p,v,j,k]`: z[p,j] + y[u,v,j] + z[p,k] + y[u,v,k] ≤ 3 for pairCooldown < k−j ≤ personCooldown.
/// - `ucool[u,v,j,k]`: y[u,v,j] + y[u,v,k] ≤ 1 where u's people cannot staff v in both terms
///   (``UnitCooldown``; not in elastic models).
/// - `rclq`, `rppl` with a column `rep[u,j]` per unit and window of three terms: a unit
///   back at a site two terms later, and who may serve then (``RowSink/addUnitRepeat(basis:y:z:units:)``;
///   not in elastic models).
/// - `consec[p,i]`: Σ z over any maxConsecutiveTerms+1 terms in a row ≤ maxConsecutiveTerms − history placements in the window.
/// - `over[p,k]`: z[p,k] + z[p,k+1] ≤ 1 when handoverDays > 0 (moving on overlaps the handover, rule 4).
/// - `home[u,k]`: Σ_{qualified p∈u} z[p,k] ≤ qualified(u) − keepAtHome (rule 8).
/// - `pin…`: pinned links and people fixed to 1 (rule 9).
/// - `short[S,k]`: Σ_{i,j∈S} y[i,j,k] ≤ |S| − 1 for every 3 ≤ |S| < minCycle, up front when the
///   model has every link and few enterprises (``ShortCycleRows``);
/// - lazily: subtour elimination for `ring`, short-cycle elimination for `cycles` otherwise.
///
/// Size: at most T·E² link columns and T·P person columns; rows O(T·(E + P) + pairs).
/// With a ``LinkSelection`` only the selected links get columns (see ``PricedTeamSolve``),
/// and a ``CutSet`` pool adds subtour rows found earlier as ordinary rows.
enum TeamFormulation {
    /// Builds the dense model over the enterprises in `part` (all when nil).
    static func build(
        _ ctx: PlanContext, options: PlanOptions, elastic: Bool, part: Set<Int>? = nil
    ) throws(ModelError) -> BuiltModel {
        try build(TeamBasis(ctx, elastic: elastic, part: part), options: options)
    }

    /// Builds the model over `basis`'s enterprises, with only the links in `links` (all
    /// possible links when nil) and the subtour rows of `pool` as ordinary rows.
    static func build(
        _ basis: TeamBasis, options: PlanOptions, links: LinkSelection? = nil, pool: [CutSet] = []
    ) throws(ModelError) -> BuiltModel {
        let ctx = basis.ctx
        let s = ctx.scenario
        let rules = s.rules
        let T = ctx.terms
        let nU = s.units.count
        let elastic = basis.elastic
        var sink = RowSink(model: Model(name: elastic ? "zhudian_teams_elastic" : "zhudian_teams"), elastic: elastic)
        // Elastic models keep the costs too (see ElasticSolve).
        let fW = s.objective.fairness
        let ents = basis.ents
        let node = basis.node

        // z columns.
        var z: [[Variable?]] = Array(repeating: Array(repeating: nil, count: T + 1), count: s.people.count)
        for u in ents {
            for p in ctx.index.peopleOfUnit[u] {
                for k in 1...T where basis.placeable[p][k] {
                    z[p][k] = try sink.model.addVariable(name: "z_\(p)_\(k)", kind: .binary)
                }
            }
        }

        // y columns, and per term each unit's links in site order.
        var y: [[Int: Variable]] = Array(repeating: [:], count: T + 1)
        var out: [[[(site: Int, variable: Variable)]]] = Array(
            repeating: Array(repeating: [], count: ents.count), count: T + 1)
        var arcsOfTerm: [[(from: Int, to: Int, variable: Variable)]] = Array(repeating: [], count: T + 1)
        var linkColumns: [TeamLink] = []
        for k in 1...T {
            for (i, u) in ents.enumerated() {
                let targets = links?.sites[k][i] ?? ents
                for v in targets where basis.possible(u, v, k) {
                    let col = try sink.model.addVariable(name: "y_\(u)_\(v)_\(k)", kind: .binary, objective: basis.cost(u, v))
                    y[k][u * nU + v] = col
                    out[k][i].append((v, col))
                    linkColumns.append(TeamLink(term: k, node: i, site: v, variable: col))
                    arcsOfTerm[k].append((node[u], node[v], col))
                }
            }
        }

        var index = TeamRowIndex(terms: T, nodes: ents.count)
        index.links = linkColumns
        for k in 1...T {
            let rows = try sink.addTeamStructure(term: k, senders: ents, sites: ents, y: y[k], units: nU, rules: rules)
            for (i, u) in ents.enumerated() {
                index.send[k][i] = rows.send[u]?.index ?? -1
                index.recv[k][i] = rows.recv[u]?.index ?? -1
            }
            // team size.
            for (i, u) in ents.enumerated() {
                var e = LinearExpression()
                for p in ctx.index.peopleOfUnit[u] { if let c = z[p][k] { e.add(c, 1) } }
                for l in out[k][i] { e.add(l.variable, -Double(ctx.minStaff(l.site))) }
                index.team[k][i] = try sink.model.addConstraint(name: "team_\(u)_\(k)", e, lower: 0, upper: 0).index
            }
            // person-site bans.
            for (i, u) in ents.enumerated() {
                for l in out[k][i] {
                    for p in ctx.index.peopleOfUnit[u] {
                        guard let zc = z[p][k], basis.personBans[p][k].contains(l.site) else { continue }
                        try sink.model.addConstraint(
                            name: "ban_\(p)_\(l.site)_\(k)", expr([(zc, 1), (l.variable, 1)]), upper: 1)
                    }
                }
            }
            try sink.addKeepAtHome(term: k, units: ents, ctx: ctx) { p in z[p][k].map { [$0] } ?? [] }
        }

        // Cooldowns within the plan.
        try sink.addPairCooldown(terms: T, senders: ents, sites: ents, y: y, units: nU, cooldown: rules.pairCooldown)
        // Implied by the people rows, so only where every rule is kept: an elastic model may
        // break a people rule and so use a link twice after all.
        if !elastic {
            try sink.addUnitCooldown(basis.unitConflicts, y: y, units: nU)
            if options.unitRepeatRows { try sink.addUnitRepeat(basis: basis, y: y, z: z, units: nU) }
        }
        for k in 1...T {
            if rules.personCooldown > rules.pairCooldown {
                for j in max(1, k - rules.personCooldown)..<k where k - j > rules.pairCooldown {
                    for (i, u) in ents.enumerated() {
                        for l in out[j][i] {
                            guard let b = y[k][u * nU + l.site] else { continue }
                            for p in ctx.index.peopleOfUnit[u] {
                                guard let zj = z[p][j], let zk = z[p][k] else { continue }
                                try sink.model.addConstraint(
                                    name: "ccool_\(p)_\(l.site)_\(j)_\(k)",
                                    expr([(zj, 1), (l.variable, 1), (zk, 1), (b, 1)]), upper: 3)
                            }
                        }
                    }
                }
            }
        }

        // Consecutive terms and handover overlap, per person.
        let m = rules.maxConsecutiveTerms
        for u in ents {
            for p in ctx.index.peopleOfUnit[u] {
                try sink.addConsecutive(person: p, ctx: ctx) { t in z[p][t].map { [$0] } ?? [] }
                if s.calendar.handoverDays > 0 && m >= 2 && T >= 2 {
                    for k in 1..<T {
                        guard let a = z[p][k], let b = z[p][k + 1] else { continue }
                        try sink.model.addConstraint(name: "over_\(p)_\(k)", expr([(a, 1), (b, 1)]), upper: 1)
                    }
                }
            }
        }

        // Pins: a person is at v when both their z and their unit's link to v are 1.
        let zPins = z
        try sink.addPins(ctx: ctx, part: basis.part, teams: true, y: y, col: { _, _, _ in nil }) { p, v, k in
            guard let zc = zPins[p][k], !basis.personBanned(p, v, k) else { return [] }
            var terms: [(Variable, Double)] = [(zc, 0.5)]
            if let c = y[k][ctx.home(p) * nU + v] { terms.append((c, 0.5)) }
            return terms
        }

        // Fairness.
        if fW > 0, basis.pricing?.staysCost ?? true {
            for u in ents {
                for p in ctx.index.peopleOfUnit[u] {
                    let cols = (1...T).compactMap { z[p][$0] }
                    guard !cols.isEmpty else { continue }
                    let served = Double(s.people[p].served)
                    if cols.count == 1 {
                        try sink.model.setObjectiveCoefficient(cols[0], fW * served)
                        continue
                    }
                    var e = LinearExpression()
                    for c in cols { e.add(c, 1) }
                    for r in 1...cols.count {
                        let t = try sink.model.addVariable(
                            name: "t_\(p)_\(r)", lower: 0, upper: 1,
                            objective: fW * (served + Double(r - 1)))
                        e.add(t, -1)
                    }
                    try sink.model.addConstraint(name: "fair_\(p)", e, lower: 0, upper: 0)
                }
            }
        }

        // Kept baseline stays.
        if !elastic, s.objective.change > 0, let base = options.baseline {
            let part = basis.part
            var n = 0
            n = base.terms.reduce(0) { n, t in
                n + t.stays.filter { st in ctx.index.unit[st.site].map { part?.contains($0) ?? true } ?? (part == nil) }.count
            }
            for term in base.terms where term.term >= 1 && term.term <= T {
                for st in term.stays {
                    guard let p = ctx.index.person[st.person], let v = ctx.index.unit[st.site],
                        let zc = z[p][term.term], let yc = y[term.term][ctx.home(p) * nU + v]
                    else { continue }
                    let q = try sink.model.addVariable(name: "q_\(p)_\(v)_\(term.term)", lower: 0, upper: 1, objective: -s.objective.change)
                    try sink.model.addConstraint(name: "keepz_\(p)_\(v)_\(term.term)", expr([(q, 1), (zc, -1)]), upper: 0)
                    try sink.model.addConstraint(name: "keepy_\(p)_\(v)_\(term.term)", expr([(q, 1), (yc, -1)]), upper: 0)
                }
            }
            sink.model.objectiveConstant += s.objective.change * Double(n)
        }

        // Rows found earlier (subtour, blossom), as ordinary rows.
        for (c, cut) in pool.enumerated() {
            var inS = Array(repeating: false, count: ents.count)
            for i in cut.members { inS[i] = true }
            var e = LinearExpression()
            for i in cut.members {
                for l in out[cut.term][i] where inS[node[l.site]] { e.add(l.variable, 1) }
            }
            for t in cut.teeth {
                if let c = y[cut.term][ents[t.a] * nU + ents[t.b]] { e.add(c, 1) }
                if let c = y[cut.term][ents[t.b] * nU + ents[t.a]] { e.add(c, 1) }
            }
            let kind = cut.teeth.isEmpty ? "sec" : "blossom"
            index.pool.append(
                try sink.model.addConstraint(
                    name: "\(kind)\(c)_t\(cut.term)_\(cut.members.count)", e, upper: cut.bound
                ).index)
        }

        // Arcs per term for blossom separation, where 2-cycles are barred.
        if (rules.structure == .ring && ents.count > 2) || (rules.structure == .cycles && rules.minCycle > 2) {
            index.blossoms = (1...T).map {
                Blossoms(nodes: ents.count, arcs: arcsOfTerm[$0], oddCuts: rules.structure == .ring && options.oddCutBlossoms)
            }
        }

        var cuts: [CycleCuts] = []
        // With minCycle 3 the pair2 rows already forbid every short cycle: no lazy rows are
        // needed, which keeps GLPK's presolver and rounding heuristics available. A small model
        // with every link gets all its short-cycle rows up front for the same reason.
        var upFront: [[Int]]? = nil
        if rules.structure == .cycles && rules.minCycle > 3 && links == nil {
            upFront = ShortCycleRows.sets(nodes: ents.count, minCycle: rules.minCycle)
        }
        if let upFront {
            for k in 1...T {
                try sink.addShortCycles(upFront, term: k) { i in out[k][i].map { (node[$0.site], $0.variable) } }
            }
        }
        if rules.structure == .ring || (rules.structure == .cycles && rules.minCycle > 3 && upFront == nil) {
            for k in 1...T {
                cuts.append(
                    CycleCuts(
                        nodes: ents.count, arcs: arcsOfTerm[k],
                        minCycle: rules.structure == .ring ? nil : rules.minCycle, name: "t\(k)"))
            }
        }

        let zCols = z
        let outCols = out
        let decode: ([Double]) -> [Placement] = { x in
            var placements: [Placement] = []
            for k in 1...T {
                for (i, u) in ents.enumerated() {
                    guard let v = outCols[k][i].first(where: { x[$0.variable.index] > 0.5 })?.site else { continue }
                    for p in ctx.index.peopleOfUnit[u] {
                        if let c = zCols[p][k], x[c.index] > 0.5 {
                            placements.append(Placement(term: k, person: p, site: v))
                        }
                    }
                }
            }
            return placements.sorted()
        }
        try basis.pricing?.apply(to: &sink)
        var built = BuiltModel(model: sink.model, cycleCuts: cuts, decode: decode, slacks: sink.slacks)
        built.teamRows = index
        return built
    }
}

/// Which links a teams model includes: `sites[k][i]` lists, in ascending unit index, the
/// sites enterprise `basis.ents[i]` may be linked to in term k (index 0 unused).
struct LinkSelection {
    var sites: [[[Int]]]
}

/// A row of one term that holds for every roster, by node indices (positions in
/// ``TeamBasis/ents``), so it may be added to any teams model and priced exactly:
/// - a subtour row `Σ_{i,j∈S} y_ij ≤ |S| − 1` (`teeth` empty, `members` = S);
/// - a blossom row `Σ_{i,j∈H} y_ij + Σ_{{a,b}∈T} (y_ab + y_ba) ≤ |H| + (|T| − 1)/2`
///   (`members` = H, `teeth` = T: an odd number of pairs leaving H, disjoint or not — see
///   ``Blossoms`` and ``OddCutBlossoms``).
struct CutSet: Hashable {
    /// An unordered pair of nodes, `a < b`.
    struct Pair: Hashable, Comparable {
        let a: Int
        let b: Int
        init(_ x: Int, _ y: Int) {
            a = min(x, y)
            b = max(x, y)
        }
        static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
    }

    let term: Int
    let members: [Int]
    var teeth: [Pair] = []

    /// The right-hand side.
    var bound: Double {
        teeth.isEmpty ? Double(members.count - 1) : Double(members.count) + Double(teeth.count - 1) / 2
    }
}

/// A link column of a teams model: enterprise `TeamBasis.ents[node]` at `site` in `term`.
struct TeamLink {
    let term: Int
    let node: Int
    let site: Int
    let variable: Variable
}

/// Where a teams model's priced rows are: row indices per term and node (−1 when absent),
/// and the pool rows in ``CutSet`` order.
struct TeamRowIndex {
    var send: [[Int]]
    var recv: [[Int]]
    var team: [[Int]]
    var pool: [Int] = []
    /// The link columns.
    var links: [TeamLink] = []
    /// Blossom separation per term (index 0 is term 1); empty where 2-cycles are allowed.
    var blossoms: [Blossoms] = []

    init(terms: Int, nodes: Int) {
        let empty = Array(repeating: Array(repeating: -1, count: nodes), count: terms + 1)
        send = empty
        recv = empty
        team = empty
    }
}

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
        if !elastic { unitConflicts = UnitCooldown.conflicts(self) }
    }

    /// Whether p may never be at v in term k (fixed facts, forbid entries, person cooldown).
    func personBanned(_ p: Int, _ v: Int, _ k: Int) -> Bool {
        ctx.siteAllowed(p, v) != nil || personBans[p][k].contains(v)
    }

    /// Whether link u → v may be used in term k: allowed by the unit-level rules, not barred
    /// by a history link cooldown, and staffable by enough of u's placeable people.
    func possible(_ u: Int, _ v: Int, _ k: Int) -> Bool {
        guard ctx.linkAllowed(u, v) == nil, !ctx.linkCooledDownByHistory(u, v, term: k) else { return false }
        let i = node[u]
        return placeableCount[i][k] - (bannedCount[i][k][v] ?? 0) >= ctx.minStaff(v)
    }

    /// The objective coefficient of link u → v: distance weight × km × team size.
    func cost(_ u: Int, _ v: Int) -> Double {
        guard pricing?.staysCost ?? true else { return 0 }
        return distanceWeight * ctx.km(u, v) * Double(ctx.minStaff(v))
    }
}
