import MIPModel
import ZhudianCore

/// Stage 1 of visiting mode (docs/FORMULATION.md): who is assigned to which site in each term.
/// The visit days are stage 2's (``VisitCalendar``); this model carries rows every assignment
/// with a calendar keeps, and the no-good rows stage 2 sends back.
///
/// Columns:
/// - `x[p,v,k]` ∈ {0,1}: p is assigned to site v in term k, for each ``VisitingCandidates``
///   candidate; cost `distance·km(home, v) + fairness·served − change·[baseline keeps it]`.
/// - `z[p,k]` ∈ {0,1}: p is assigned somewhere in term k.
/// - `y[u,v,k]` ∈ {0,1}: the link u → v is used — only where a row reads it (structure, pair
///   cooldown between plan terms, mutual pairs).
/// - `w[p,v,j,k]` ∈ [0,1]: fairness for p's stay at v in term k when p served in term j < k.
///
/// Rows, per term k:
/// - `cover[v,k]` and `team_size[v,k]`: Σ_p x[p,v,k] = minStaff(v) (rule 10).
/// - `sites[p,k]`: Σ_v x[p,v,k] ≤ maxSitesPerPerson·z[p,k] (rule 10); with several terms also
///   `placed[p,v,k]`: x[p,v,k] ≤ z[p,k].
/// - free: `link`, `mutual`; ring/cycles: `team`, `send`, `recv`, `pair2`, lazy cycle rows (rule 6).
/// - `home[u,k]` over z (rule 8); `pcool`, `ccool`, `hcool` (rule 7); `consec` over z; `pin`.
/// - `fair[p,v,j,k]` (objective); `vdays`, `vpair` (valid calendar rows); `nogood[i]`:
///   Σ_{(p,v,k)∈A_i} x[p,v,k] ≤ |A_i| − 1 for each assignment A_i of a component that has no calendar.
///
/// Size: one column per candidate plus P·T; rows O(T·(S + P·months) + pairs away).
enum VisitingFormulation {
    /// An assignment of one calendar component that has no calendar: never again all together.
    typealias NoGood = [Placement]

    /// Builds the model over the units in `part` (all when nil).
    static func build(
        _ ctx: PlanContext, days: VisitDays, options: PlanOptions, part: Set<Int>?, noGoods: [NoGood],
        elastic: Bool = false
    ) throws(ModelError) -> BuiltModel {
        let s = ctx.scenario
        let T = ctx.terms
        let nU = s.units.count
        let teams = s.rules.structure != .free
        let limit = s.rules.maxSitesPerPerson
        // Elastic (best effort): coverage, sending, keepAtHome and pins get slack columns.
        var sink = RowSink(model: Model(name: elastic ? "zhudian_visiting_elastic" : "zhudian_visiting"), elastic: elastic)
        let senders = ctx.senders.filter { part?.contains($0) ?? true }
        let sites = ctx.sites.filter { part?.contains($0) ?? true }
        let people = senders.flatMap { ctx.index.peopleOfUnit[$0] }
        let kept = elastic ? [] : sink.addChangeConstant(ctx, baseline: options.baseline, part: part)
        let candidates = VisitingCandidates(ctx, days: days, part: part, elastic: elastic)

        // A link column only where a row reads it: the structure, a pair cooldown between plan
        // terms, or a mutual pair (u → v and v → u need both to send and receive). An office
        // never receives, so the usual visiting scenario has none, and 36 000 `link` rows less.
        let isSender = Set(senders)
        let isSite = Set(sites)
        func linkMatters(_ u: Int, _ v: Int) -> Bool {
            teams || (s.rules.pairCooldown >= 1 && T >= 2)
                || (s.rules.mutualPairs == .forbid && isSite.contains(u) && isSender.contains(v))
        }
        var x: [Placement: Variable] = [:]
        var y: [[Int: Variable]] = Array(repeating: [:], count: T + 1)
        var byPerson: [[Int: [(site: Int, variable: Variable)]]] = Array(repeating: [:], count: T + 1)
        var history: [(person: Int, site: Int, term: Int, since: Int)] = []
        for c in candidates.all {
            let place = Placement(term: c.term, person: c.person, site: c.site)
            let u = ctx.home(c.person)
            let cost = s.objective.distance * ctx.km(u, c.site) + s.objective.fairness * Double(s.people[c.person].served)
                - (kept.contains(place) ? s.objective.change : 0)
            let col = try sink.model.addVariable(name: "x_\(c.person)_\(c.site)_\(c.term)", kind: .binary, objective: cost)
            x[place] = col
            byPerson[c.term][c.person, default: []].append((c.site, col))
            for i in c.since { history.append((c.person, c.site, c.term, i)) }
            if linkMatters(u, c.site), y[c.term][u * nU + c.site] == nil {
                y[c.term][u * nU + c.site] = try sink.model.addVariable(name: "y_\(u)_\(c.site)_\(c.term)", kind: .binary)
            }
        }
        func col(_ p: Int, _ v: Int, _ k: Int) -> Variable? { x[Placement(term: k, person: p, site: v)] }

        var z: [[Int: Variable]] = Array(repeating: [:], count: T + 1)
        for k in 1...T {
            for p in byPerson[k].keys.sorted() {
                guard let cols = byPerson[k][p] else { continue }
                let placed = try sink.model.addVariable(name: "z_\(p)_\(k)", kind: .binary)
                z[k][p] = placed
                try sink.addSitesPerPerson(person: p, term: k, columns: cols.map(\.variable), placed: placed, limit: limit)
                if T >= 2 { try sink.addPlaced(person: p, term: k, columns: cols, placed: placed) }
            }
            try sink.addCoverage(term: k, sites: sites, people: people, ctx: ctx, exact: true, col: col)
            if teams {
                try sink.addTeams(term: k, senders: senders, sites: sites, y: y[k], ctx: ctx, col: col)
                try sink.addTeamStructure(term: k, senders: senders, sites: sites, y: y[k], units: nU, rules: s.rules)
            } else {
                try sink.addFreeLinks(term: k, senders: senders, sites: sites, y: y[k], ctx: ctx, col: col)
            }
            let placedIn = z[k]
            try sink.addKeepAtHome(term: k, units: senders, ctx: ctx) { p in placedIn[p].map { [$0] } ?? [] }
            // Valid only when every visit is made; a best-effort roster may leave visits out.
            if !elastic { try sink.addVisitCapacity(term: k, columns: byPerson[k], ctx: ctx, days: days) }
        }
        try sink.addPairCooldown(terms: T, senders: senders, sites: sites, y: y, units: nU, cooldown: s.rules.pairCooldown)
        try sink.addPersonCooldown(people: people, sites: sites, ctx: ctx, col: col)
        try sink.addHistoryCooldown(history, col: col)
        for p in people {
            try sink.addConsecutive(person: p, ctx: ctx) { t in z[t][p].map { [$0] } ?? [] }
            var stays: [Int: [(site: Int, variable: Variable)]] = [:]
            var placed: [Int: Variable] = [:]
            for k in 1...T {
                if let cols = byPerson[k][p] { stays[k] = cols }
                if let zc = z[k][p] { placed[k] = zc }
            }
            try sink.addStayFairness(person: p, stays: stays, placed: placed, weight: s.objective.fairness)
        }
        try sink.addPins(ctx: ctx, part: part, teams: teams, y: y, col: col)
        for (i, cut) in noGoods.enumerated() {
            let cols = cut.compactMap { x[$0] }
            // A no-good naming a column this model lacks is already kept by its absence.
            guard cols.count == cut.count else { continue }
            try sink.model.addConstraint(name: "nogood_\(i)", LinearExpression(cols.map { ($0, 1) }), upper: Double(cols.count - 1))
        }

        let cuts = teams ? cycleCuts(ctx, senders: senders, y: y) : []
        let columns = x
        let decode: ([Double]) -> [Placement] = { point in
            columns.filter { point[$0.value.index] > 0.5 }.map(\.key).sorted()
        }
        return BuiltModel(model: sink.model, cycleCuts: cuts, decode: decode, slacks: sink.slacks)
    }

    /// Lazy subtour/short-cycle rows per term under ring/cycles, as ``PersonFormulation`` has them.
    private static func cycleCuts(_ ctx: PlanContext, senders: [Int], y: [[Int: Variable]]) -> [CycleCuts] {
        let rules = ctx.scenario.rules
        // With minCycle 3 the pair2 rows already forbid every short cycle (see TeamFormulation).
        guard rules.structure == .ring || rules.minCycle > 3 else { return [] }
        let nU = ctx.scenario.units.count
        var node = Array(repeating: -1, count: nU)
        for (i, u) in senders.enumerated() { node[u] = i }
        return (1...ctx.terms).map { k in
            let arcs = y[k].keys.sorted().compactMap { key -> (from: Int, to: Int, variable: Variable)? in
                let (u, v) = key.quotientAndRemainder(dividingBy: nU)
                guard node[v] >= 0, let c = y[k][key] else { return nil }
                return (node[u], node[v], c)
            }
            return CycleCuts(
                nodes: senders.count, arcs: arcs, minCycle: rules.structure == .ring ? nil : rules.minCycle, name: "t\(k)")
        }
    }
}
