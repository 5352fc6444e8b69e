import MIPModel
import ZhudianCore

/// The general model: one column per person, site and term. Used for `free` placement
/// and whenever people may stay on at a site (`pairCooldown: 0`), where a person's site
/// can no longer be read off their unit's link.
///
/// Columns:
/// - `x[p,v,k]` ∈ {0,1}: person p stays at site v in term k — only where p is qualified,
///   available, allowed at v (self, group, forbid, distance) and the link is not barred by
///   a history cooldown; cost `distance·km(home, v) − change·[baseline keeps it]`.
/// - `y[u,v,k]` ∈ {0,1}: the link u → v is used (a team under ring/cycles).
/// - `t[p,r]` ∈ [0,1]: fairness increments, as in ``TeamFormulation``.
///
/// Rows, per term k:
/// - `place[p,k]`: Σ_v x[p,v,k] ≤ 1 (rule 4 within a term).
/// - free: `cover[v,k]`: Σ_p x[p,v,k] ≥ minStaff(v); `link[p,v,k]`: x[p,v,k] ≤ y[u(p),v,k];
///   `mutual[u,v,k]`: y[u,v,k] + y[v,u,k] ≤ 1 with `mutualPairs: forbid`.
/// - ring/cycles: `team[u,v,k]`: Σ_{p∈u} x[p,v,k] = minStaff(v)·y[u,v,k]; `send`, `recv`, `pair2`
///   and lazy cycle rows as in ``TeamFormulation``.
/// - `pcool`: y[u,v,j] + y[u,v,k] ≤ 1 for 1 ≤ k−j ≤ pairCooldown.
/// - `ccool`: x[p,v,j] + x[p,v,k] − x[p,v,k−1] ≤ 1 for 2 ≤ k−j ≤ personCooldown (back after a break);
///   with maxConsecutiveTerms 1 also the cliques `brk` (``RowSink/addCooldownCliques(people:sites:ctx:col:)``);
///   `hcool`: x[p,v,k] ≤ x[p,v,i] (i < k) when only staying on since a history stay keeps p allowed at v.
/// - `over[p,v,k]`: x[p,v,k] + Σ_{w≠v} x[p,w,k+1] ≤ 1 when handoverDays > 0 (rule 4 across terms),
///   through a column `on[p,k+1]` = Σ_w x[p,w,k+1] where the person has several next-term sites
///   (``RowSink/addOverlap(person:terms:sites:col:throughOn:)``);
///   `hand[p,v,k]`: x[p,v,k] ≤ x[p,v,k+1] when p is away during the handover days only.
/// - `consec`, `home`, `pin`, `fair` as in ``TeamFormulation``.
///
/// Size: up to T·P·S person columns; rows O(T·(P·S + S²)).
enum PersonFormulation {
    /// Builds the model over the units in `part` (all when nil), with only the links in
    /// `links` when given (``PersonSeed``'s restricted model). With `twoTerms`, where
    /// ``twoTermsApply(_:)`` holds, the same model in two-term patterns
    /// (``buildTwoTerms(_:options:part:)``): for the full model that no roster is moved onto
    /// by column name (no seed) and that is not priced.
    static func build(
        _ ctx: PlanContext, options: PlanOptions, elastic: Bool, part: Set<Int>? = nil, links: PersonLinks? = nil,
        twoTerms: Bool = false
    ) throws(ModelError) -> BuiltModel {
        if twoTerms, options.twoTermPatterns, !elastic, links == nil, twoTermsApply(ctx) {
            return try buildTwoTerms(ctx, options: options, part: part)
        }
        let s = ctx.scenario
        let rules = s.rules
        let T = ctx.terms
        let nU = s.units.count
        let teams = rules.structure != .free
        let h = s.calendar.handoverDays
        var sink = RowSink(model: Model(name: elastic ? "zhudian_people_elastic" : "zhudian_people"), elastic: elastic)
        // Elastic models keep the costs too: a best-effort roster is the cheapest of those with
        // the fewest breaks (ElasticSolve decides what the objective is in each phase).
        let dW = s.objective.distance
        let fW = s.objective.fairness
        let senders = ctx.senders.filter { part?.contains($0) ?? true }
        let sites = ctx.sites.filter { part?.contains($0) ?? true }
        let people = senders.flatMap { ctx.index.peopleOfUnit[$0] }
        var node = Array(repeating: -1, count: nU)
        for (i, u) in senders.enumerated() { node[u] = i }

        // Baseline stays kept earn −change on their column.
        let keepBonus = elastic ? [] : sink.addChangeConstant(ctx, baseline: options.baseline, part: part)

        // x and y columns.
        var x: [[Int: Variable]] = Array(repeating: [:], count: T + 1)  // key p*nU+v
        var y: [[Int: Variable]] = Array(repeating: [:], count: T + 1)  // key u*nU+v
        var arcsOfTerm: [[(from: Int, to: Int, variable: Variable)]] = Array(repeating: [], count: T + 1)
        var handRows: [(Int, Int, Int)] = []
        var hcoolRows: [(person: Int, site: Int, term: Int, since: Int)] = []
        for k in 1...T {
            for link in candidates(ctx, term: k, senders: senders, sites: sites, links: links) {
                let (u, v) = (link.from, link.to)
                for a in link.able {
                    let place = Placement(term: k, person: a.person, site: v)
                    let cost = dW * ctx.km(u, v) - (keepBonus.contains(place) ? s.objective.change : 0)
                    x[k][a.person * nU + v] = try sink.model.addVariable(
                        name: "x_\(a.person)_\(v)_\(k)", kind: .binary, objective: cost)
                    if a.hand { handRows.append((a.person, v, k)) }
                    for i in a.requirement { hcoolRows.append((a.person, v, k, i)) }
                }
                let yc = try sink.model.addVariable(name: "y_\(u)_\(v)_\(k)", kind: .binary)
                y[k][u * nU + v] = yc
                if teams, node[v] >= 0 { arcsOfTerm[k].append((node[u], node[v], yc)) }
            }
        }
        // Stays that `hand` and `hcool` rows hold negatively: the team cap leaves them out.
        let held: Set<Placement> =
            FreeTeamCap.staysOn(rules, terms: T)
            ? Set(handRows.map { Placement(term: $0.2 + 1, person: $0.0, site: $0.1) }
                + hcoolRows.map { Placement(term: $0.since, person: $0.person, site: $0.site) })
            : []
        func col(_ p: Int, _ v: Int, _ k: Int) -> Variable? {
            guard k >= 1, k <= T else { return nil }
            return x[k][p * nU + v]
        }
        // The cooldown cliques `brk` (``RowSink/addCooldownCliques(people:sites:ctx:col:)``).
        let cliques = options.cooldownCliques && RowSink.cooldownCliquesApply(rules, terms: T)
        // Rows that others imply are left out where the cliques are written (three terms or
        // more, one in a row at most): there row 07 (free 9 × 3) loses 412 of 2 228 rows and its
        // search takes a sixth less CPU. Not over two terms: the same `consec` rows left out
        // took peer row 24 (free 30 × 2) from 1.2 to 6 s — GLPK's path, not the model
        // (docs/FORMULATION.md, "Row 07's implied rows, thirteenth round").
        let leaveOutImplied = cliques && !options.impliedPeopleRows
        // With one term in a row at most, the `consec` row over terms k and k ± 1 (both in the
        // plan, so its cap is 1) holds Σ_v x[p,v,k] ≤ 1 already, if p has a column in k ± 1
        // (else ``RowSink/addConsecutive(person:ctx:onePerTerm:placed:)`` leaves it out).
        // Row 07: 132 `place` rows fewer.
        func placeImpliedByConsecutive(_ p: Int, term k: Int) -> Bool {
            guard leaveOutImplied, rules.maxConsecutiveTerms == 1 else { return false }
            return [k - 1, k + 1].contains { t in sites.contains { col(p, $0, t) != nil } }
        }

        for k in 1...T {
            // One site per person per term.
            for p in people where !placeImpliedByConsecutive(p, term: k) {
                let cols = sites.compactMap { col(p, $0, k) }
                if cols.count > 1 {
                    try sink.model.addConstraint(name: "place_\(p)_\(k)", expr(cols.map { ($0, 1) }), upper: 1)
                }
            }
            if teams {
                try sink.addTeams(term: k, senders: senders, sites: sites, y: y[k], ctx: ctx, col: col)
                try sink.addTeamStructure(term: k, senders: senders, sites: sites, y: y[k], units: nU, rules: rules)
            } else {
                try sink.addCoverage(term: k, sites: sites, people: people, ctx: ctx, exact: false, col: col)
                try sink.addFreeLinks(term: k, senders: senders, sites: sites, y: y[k], ctx: ctx, col: col)
                if FreeTeamCap.applies(rules, terms: T, elastic: elastic, bonus: !keepBonus.isEmpty),
                    options.stayingOnTeamCap || !FreeTeamCap.staysOn(rules, terms: T)
                {
                    try FreeTeamCap.add(
                        to: &sink, ctx: ctx, term: k, senders: senders, sites: sites, y: y[k], units: nU, held: held
                    ) { p, v in col(p, v, k) }
                }
            }
            try sink.addKeepAtHome(term: k, units: senders, ctx: ctx) { p in sites.compactMap { col(p, $0, k) } }
        }

        // Cooldowns within the plan.
        try sink.addPairCooldown(terms: T, senders: senders, sites: sites, y: y, units: nU, cooldown: rules.pairCooldown)
        // Where the cliques are written, each `ccool` row is implied by the `brk` row of the
        // same (p, v, j, k): both hold x[p,v,j] + x[p,v,k], and `brk`'s middle term adds
        // columns (≥ 0) where `ccool`'s subtracts one. Row 07 (free 9 × 3): 215 rows fewer.
        if !leaveOutImplied {
            try sink.addPersonCooldown(people: people, sites: sites, ctx: ctx, col: col)
        }
        if cliques {
            try sink.addCooldownCliques(people: people, sites: sites, ctx: ctx, col: col)
        }
        try sink.addHistoryCooldown(hcoolRows, singlesAsBounds: leaveOutImplied, col: col)
        for (p, v, k) in handRows {
            guard let a = col(p, v, k) else { continue }
            var e = expr([(a, 1)])
            if let b = col(p, v, k + 1) { e.add(b, -1) }
            try sink.model.addConstraint(name: "hand_\(p)_\(v)_\(k)", e, upper: 0)
        }

        // Consecutive terms and overlap across terms.
        let m = rules.maxConsecutiveTerms
        // Above 24 sending units (seeds, pricing) the written-out rows were faster: peer row 20
        // took 18 % more CPU with `on` (BENCHMARKS.md, eighth round).
        let throughOn = options.overlapThroughOn ?? !PersonSeed.worthwhile(ctx, part: part)
        for u in senders {
            for p in ctx.index.peopleOfUnit[u] {
                try sink.addConsecutive(person: p, ctx: ctx, onePerTerm: leaveOutImplied) { t in
                    sites.compactMap { col(p, $0, t) }
                }
                if h > 0 && m >= 2 {
                    try sink.addOverlap(person: p, terms: T, sites: sites, col: col, throughOn: throughOn)
                }
            }
        }

        try sink.addPins(ctx: ctx, part: part, teams: teams, y: y, col: col)

        // Fairness.
        if fW > 0 {
            for p in people {
                var e = LinearExpression()
                var termsAvailable = 0
                for k in 1...T {
                    var any = false
                    for v in sites {
                        if let c = col(p, v, k) {
                            e.add(c, 1)
                            any = true
                        }
                    }
                    if any { termsAvailable += 1 }
                }
                guard termsAvailable > 0 else { continue }
                let served = Double(s.people[p].served)
                if termsAvailable == 1 {
                    for (c, _) in e.terms {
                        let base = sink.model.variables[c.index].objective
                        try sink.model.setObjectiveCoefficient(c, base + fW * served)
                    }
                    continue
                }
                for r in 1...termsAvailable {
                    let t = try sink.model.addVariable(
                        name: "t_\(p)_\(r)", lower: 0, upper: 1, objective: fW * (served + Double(r - 1)))
                    e.add(t, -1)
                }
                try sink.model.addConstraint(name: "fair_\(p)", e, lower: 0, upper: 0)
            }
        }

        var cuts: [CycleCuts] = []
        // With minCycle 3 the pair2 rows already forbid every short cycle (see TeamFormulation).
        if teams && (rules.structure == .ring || rules.minCycle > 3) {
            for k in 1...T {
                cuts.append(
                    CycleCuts(
                        nodes: senders.count, arcs: arcsOfTerm[k],
                        minCycle: rules.structure == .ring ? nil : rules.minCycle, name: "t\(k)"))
            }
        }
        let xCols = x
        let decode: ([Double]) -> [Placement] = { point in
            var out: [Placement] = []
            for k in 1...T {
                for (key, c) in xCols[k] where point[c.index] > 0.5 {
                    out.append(Placement(term: k, person: key / nU, site: key % nU))
                }
            }
            return out.sorted()
        }
        return BuiltModel(model: sink.model, cycleCuts: cuts, decode: decode, slacks: sink.slacks)
    }

    /// The people who may go over link u → v in term `k`, for every link that may carry
    /// anyone: qualified, available, allowed at v, not barred by a history cooldown or by
    /// the handover after history (`requirement`: ``PlanContext/historyRequirement(_:_:_:)``;
    /// `hand`: away in the handover days after term `k` only, so only staying on). A team link
    /// (ring, cycles) that cannot be staffed is left out.
    static func candidates(
        _ ctx: PlanContext, term k: Int, senders: [Int], sites: [Int], links: PersonLinks?
    ) -> [Candidate] {
        let teams = ctx.scenario.rules.structure != .free
        let h = ctx.scenario.calendar.handoverDays
        var out: [Candidate] = []
        for u in senders {
            for v in sites {
                guard ctx.linkAllowed(u, v) == nil, !ctx.linkCooledDownByHistory(u, v, term: k),
                    links?.contains(u, v, term: k) ?? true
                else { continue }
                var able: [Candidate.Able] = []
                for p in ctx.index.peopleOfUnit[u] {
                    let status = ctx.personTermStatus(p, k)
                    if case .ineligible = status { continue }
                    if status == .onlyIfStayingOn && k == ctx.terms { continue }
                    guard ctx.siteAllowed(p, v) == nil else { continue }
                    if k == 1, h > 0 {
                        let prev = ctx.historySites(person: p, term: 0)
                        if !prev.isEmpty && prev != [v] { continue }
                    }
                    guard let req = ctx.historyRequirement(p, v, k) else { continue }
                    able.append(Candidate.Able(person: p, requirement: req, hand: status == .onlyIfStayingOn))
                }
                if teams && able.count < ctx.minStaff(v) { continue }
                if !able.isEmpty { out.append(Candidate(from: u, to: v, able: able)) }
            }
        }
        return out
    }

    /// A link that may carry someone in one term, with the people who may go over it.
    struct Candidate {
        /// One person who may go: the plan terms they must also spend at the site (`hcool`)
        /// and whether only staying on into the next term allows them (`hand`).
        struct Able {
            var person: Int
            var requirement: [Int]
            var hand: Bool
        }
        var from: Int
        var to: Int
        var able: [Able]
    }
}
