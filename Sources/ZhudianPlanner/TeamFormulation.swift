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
        var out: SiteLinks = Array(
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
            if options.unitRepeatRows {
                try sink.addUnitRepeat(basis: basis, y: y, z: z, units: nU, cliques: options.unitRepeatCliques)
            }
        }
        try addPersonCooldown(&sink, basis: basis, y: y, z: z, out: out)

        // Consecutive terms and handover overlap, per person.
        try addConsecutive(&sink, basis: basis, z: z)

        // Pins: a person is at v when both their z and their unit's link to v are 1.
        let zPins = z
        try sink.addPins(ctx: ctx, part: basis.part, teams: true, y: y, col: { _, _, _ in nil }) { p, v, k in
            guard let zc = zPins[p][k], !basis.personBanned(p, v, k) else { return [] }
            var terms: [(Variable, Double)] = [(zc, 0.5)]
            if let c = y[k][ctx.home(p) * nU + v] { terms.append((c, 0.5)) }
            return terms
        }

        // Fairness.
        try addFairness(&sink, basis: basis, z: z)

        // Kept baseline stays.
        try addKeptBaseline(&sink, basis: basis, options: options, y: y, z: z)

        // Rows found earlier (subtour, blossom), as ordinary rows.
        index.pool = try addPool(&sink, basis: basis, pool: pool, y: y, out: out)

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
        built.rootGomory = T >= 3 && !elastic && options.rootGomory
        if built.rootGomory, options.gomoryLinksFirst {
            built.gomoryLinksFirst = linkColumns.map(\.variable.index)
            built.gomoryLinksFirstAbove = options.gomoryLinksFirstAbove
        }
        return built
    }
}

/// Per term and node, the node's link columns in site order: `out[k][i]` for `ents[i]`.
typealias SiteLinks = [[[(site: Int, variable: Variable)]]]

/// Which links a teams model includes: `sites[k][i]` lists, in ascending unit index, the
/// sites enterprise `basis.ents[i]` may be linked to in term k (index 0 unused).
struct LinkSelection {
    var sites: [[[Int]]]
}
