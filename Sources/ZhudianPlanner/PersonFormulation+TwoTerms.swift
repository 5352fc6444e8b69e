import MIPModel
import ZhudianCore

/// The people model of ring and cycles over two terms where people may stay on, written with
/// one column per person, site and **pattern** instead of per person, site and term.
///
/// With two terms, handover days and `maxConsecutiveTerms` ≥ 2, a person's whole plan is one
/// of: nowhere, site v in term 1 only (`a[p,v]`), site w in term 2 only (`b[p,w]`), or site v
/// in both terms, staying on (`s[p,v]`) — v in term 1 and another site in term 2 overlaps the
/// handover days (`over`). So x[p,v,1] = a[p,v] + s[p,v] and x[p,v,2] = b[p,v] + s[p,v], and
/// one row per person, `one[p]`: Σ_v (a + b + s) ≤ 1, holds what `place` (both terms), `over`,
/// `ondef` and the `on` columns held in ``PersonFormulation/build(_:options:elastic:part:links:twoTerms:)``:
/// - `hand[p,v,1]` (away in the handover days after term 1: only staying on) is `a[p,v]` left out;
/// - `hcool[p,v,2]` (back at a history site only by staying on) is `b[p,v]` left out;
/// - `consec` (rule 5 with the history) is each pattern kept or left out whole
///   (``consecutiveAllow(_:person:terms:)``);
/// - `ccool` and `brk` need three terms; `fair` and the `t` columns become each pattern's own
///   cost: fW·served for one term, fW·(2·served + 1) for two (the same on every roster; in the
///   LP never less, since the steps are now whole).
/// Every other row (`team`, `send`, `recv`, `pair2`, `pcool`, `home`, `pin`, cycle
/// rows) is the same row with x replaced by its sum.
///
/// Why: at peer row 19 (cycles 20 × 2, staying on) the `over` rows were 1 364 of 3 241 rows,
/// and the root LP a third of the whole search; the patterns give the same LP bound with about
/// half the rows (BENCHMARKS.md, "Small people-model rows, ninth round").
extension PersonFormulation {
    /// Whether ``buildTwoTerms(_:options:part:)`` is the same model: ring or cycles, two terms,
    /// handover days and staying on allowed (so moving on between the terms is barred).
    static func twoTermsApply(_ ctx: PlanContext) -> Bool {
        let rules = ctx.scenario.rules
        return rules.structure != .free && ctx.terms == 2 && ctx.scenario.calendar.handoverDays > 0
            && rules.maxConsecutiveTerms >= 2
    }

    /// The model of ``PersonFormulation/build(_:options:elastic:part:links:twoTerms:)`` (not elastic, every
    /// link) with two-term pattern columns. Only where ``twoTermsApply(_:)`` holds, which
    /// ``PersonFormulation/build(_:options:elastic:part:links:twoTerms:)`` checks: elsewhere a
    /// person could move on between the terms, which no pattern holds.
    static func buildTwoTerms(_ ctx: PlanContext, options: PlanOptions, part: Set<Int>?) throws(ModelError) -> BuiltModel {
        let s = ctx.scenario
        let nU = s.units.count
        var sink = RowSink(model: Model(name: "zhudian_people"), elastic: false)
        let dW = s.objective.distance
        let senders = ctx.senders.filter { part?.contains($0) ?? true }
        let sites = ctx.sites.filter { part?.contains($0) ?? true }
        var node = Array(repeating: -1, count: nU)
        for (i, u) in senders.enumerated() { node[u] = i }
        let keepBonus = sink.addChangeConstant(ctx, baseline: options.baseline, part: part)

        // Who may be where in each term, and what the x column would cost.
        var term: [[Int: (cost: Double, able: Candidate.Able)]] = [[:], [:], [:]]  // key p*nU+v
        var y: [[Int: Variable]] = [[:], [:], [:]]
        var arcsOfTerm: [[(from: Int, to: Int, variable: Variable)]] = [[], [], []]
        for k in 1...2 {
            for link in candidates(ctx, term: k, senders: senders, sites: sites, links: nil) {
                let (u, v) = (link.from, link.to)
                for a in link.able {
                    let kept = keepBonus.contains(Placement(term: k, person: a.person, site: v))
                    term[k][a.person * nU + v] = (dW * ctx.km(u, v) - (kept ? s.objective.change : 0), a)
                }
                let yc = try sink.model.addVariable(name: "y_\(u)_\(v)_\(k)", kind: .binary)
                y[k][u * nU + v] = yc
                if node[v] >= 0 { arcsOfTerm[k].append((node[u], node[v], yc)) }
            }
        }

        // Pattern columns, person by person.
        var at: [[Int: [Variable]]] = [[:], [:], [:]]  // key p*nU+v: the columns that put p at v in term k
        var patterns: [(variable: Variable, person: Int, site: Int, terms: ClosedRange<Int>)] = []
        let people = senders.flatMap { ctx.index.peopleOfUnit[$0] }
        for p in people {
            let fair = fairness(ctx, person: p)
            var own: [Variable] = []
            for v in sites {
                let first = term[1][p * nU + v]
                let second = term[2][p * nU + v]
                if let first, !first.able.hand, consecutiveAllow(ctx, person: p, terms: 1...1) {
                    let c = try sink.model.addVariable(name: "a_\(p)_\(v)", kind: .binary, objective: first.cost + fair.one)
                    at[1][p * nU + v, default: []].append(c)
                    patterns.append((c, p, v, 1...1))
                    own.append(c)
                }
                if let second, !second.able.requirement.contains(1), consecutiveAllow(ctx, person: p, terms: 2...2) {
                    let c = try sink.model.addVariable(name: "b_\(p)_\(v)", kind: .binary, objective: second.cost + fair.one)
                    at[2][p * nU + v, default: []].append(c)
                    patterns.append((c, p, v, 2...2))
                    own.append(c)
                }
                if let first, let second, consecutiveAllow(ctx, person: p, terms: 1...2) {
                    let c = try sink.model.addVariable(
                        name: "s_\(p)_\(v)", kind: .binary, objective: first.cost + second.cost + fair.two)
                    at[1][p * nU + v, default: []].append(c)
                    at[2][p * nU + v, default: []].append(c)
                    patterns.append((c, p, v, 1...2))
                    own.append(c)
                }
            }
            if own.count > 1 {
                try sink.model.addConstraint(name: "one_\(p)", expr(own.map { ($0, 1) }), upper: 1)
            }
        }
        func placed(_ p: Int, _ k: Int) -> [Variable] { sites.flatMap { at[k][p * nU + $0] ?? [] } }

        for k in 1...2 {
            try sink.addTeams(term: k, senders: senders, sites: sites, y: y[k], ctx: ctx) { p, v, k in at[k][p * nU + v] ?? [] }
            try sink.addTeamStructure(term: k, senders: senders, sites: sites, y: y[k], units: nU, rules: s.rules)
            try sink.addKeepAtHome(term: k, units: senders, ctx: ctx) { p in placed(p, k) }
        }
        try sink.addPairCooldown(terms: 2, senders: senders, sites: sites, y: y, units: nU, cooldown: s.rules.pairCooldown)
        try sink.addPins(ctx: ctx, part: part, teams: true, y: y, col: { _, _, _ in nil }) { p, v, k in
            (at[k][p * nU + v] ?? []).map { ($0, 1) }
        }

        var cuts: [CycleCuts] = []
        if s.rules.structure == .ring || s.rules.minCycle > 3 {
            for k in 1...2 {
                cuts.append(
                    CycleCuts(
                        nodes: senders.count, arcs: arcsOfTerm[k],
                        minCycle: s.rules.structure == .ring ? nil : s.rules.minCycle, name: "t\(k)"))
            }
        }
        let decode: ([Double]) -> [Placement] = { point in
            var out: [Placement] = []
            for c in patterns where point[c.variable.index] > 0.5 {
                for k in c.terms { out.append(Placement(term: k, person: c.person, site: c.site)) }
            }
            return out.sorted()
        }
        var built = BuiltModel(model: sink.model, cycleCuts: cuts, decode: decode, slacks: [])
        // Without a baseline every cost is ≥ 0. Root LP of peer row 19 by the dual simplex from
        // the slack basis: 0.09 s against 0.18 s by GLPK's presolve and primal simplex.
        built.dualRoot = options.twoTermDualRoot && keepBonus.isEmpty
        return built
    }

    /// Whether a pattern serving `terms` keeps rule 5 (`maxConsecutiveTerms`) with the
    /// person's history: every window of m + 1 terms that ``RowSink/addConsecutive(person:ctx:placed:)``
    /// writes a `consec` row for holds at most m − (history terms served in it) plan terms.
    /// With at most one pattern per person (`one[p]`), that row is exactly this test on each
    /// pattern, so the pattern model leaves the row out and the columns that break it.
    static func consecutiveAllow(_ ctx: PlanContext, person p: Int, terms: ClosedRange<Int>) -> Bool {
        let m = ctx.scenario.rules.maxConsecutiveTerms
        var start = min(1, ctx.firstHistoryTerm)
        while start + m <= ctx.terms {
            let window = start...(start + m)
            let fixed = window.filter { $0 <= 0 && !ctx.historySites(person: p, term: $0).isEmpty }.count
            if window.clamped(to: terms).count > max(0, m - fixed), window.overlaps(terms) { return false }
            start += 1
        }
        return true
    }

    /// The fairness cost of serving one term and of serving both: the r-th term a person
    /// serves costs fW·(served + r − 1), as the `t` steps of ``PersonFormulation/build(_:options:elastic:part:links:twoTerms:)``
    /// charge it (or the column itself, where the person has columns in one term only).
    private static func fairness(_ ctx: PlanContext, person p: Int) -> (one: Double, two: Double) {
        let fW = ctx.scenario.objective.fairness
        let served = Double(ctx.scenario.people[p].served)
        return (fW * served, fW * (2 * served + 1))
    }
}
