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
/// - `consec[p,i]`: Σ z over any maxConsecutiveTerms+1 terms in a row ≤ maxConsecutiveTerms − history placements in the window.
/// - `over[p,k]`: z[p,k] + z[p,k+1] ≤ 1 when handoverDays > 0 (moving on overlaps the handover, rule 4).
/// - `home[u,k]`: Σ_{qualified p∈u} z[p,k] ≤ qualified(u) − keepAtHome (rule 8).
/// - `pin…`: pinned links and people fixed to 1 (rule 9).
/// - lazily: subtour elimination for `ring`, short-cycle elimination for `cycles`.
///
/// Size: at most T·E² link columns and T·P person columns; rows O(T·(E + P) + pairs).
enum TeamFormulation {
    /// Builds the model over the enterprises in `part` (all when nil).
    ///
    /// With `candidates`, each unit keeps only links to its `candidates` nearest allowed sites
    /// (and pinned ones): a smaller model whose optimum is a good first roster for the full one.
    static func build(
        _ ctx: PlanContext, options: PlanOptions, elastic: Bool, part: Set<Int>? = nil, candidates: Int? = nil
    ) throws(ModelError) -> BuiltModel {
        let s = ctx.scenario
        let rules = s.rules
        let T = ctx.terms
        let nU = s.units.count
        var sink = RowSink(model: Model(name: elastic ? "zhudian_teams_elastic" : "zhudian_teams"), elastic: elastic)
        let dW = elastic ? 0 : s.objective.distance
        let fW = elastic ? 0 : s.objective.fairness

        // Enterprises in the structure: senders that are also sites.
        let ents = ctx.senders.filter { part?.contains($0) ?? true }
        var node = Array(repeating: -1, count: nU)
        for (i, u) in ents.enumerated() { node[u] = i }

        // z columns.
        var z: [[Variable?]] = Array(repeating: Array(repeating: nil, count: T + 1), count: s.people.count)
        for u in ents {
            for p in ctx.index.peopleOfUnit[u] {
                for k in 1...T {
                    guard ctx.personTermStatus(p, k) == .eligible else { continue }
                    // Still handing over at a history site when term 1 starts.
                    if k == 1, s.calendar.handoverDays > 0,
                        !ctx.historySites(person: p, term: 0).isEmpty
                    {
                        continue
                    }
                    z[p][k] = try sink.model.addVariable(name: "z_\(p)_\(k)", kind: .binary)
                }
            }
        }

        // Which people may be at v in term k (site-specific bans from fixed facts and history).
        func personBanned(_ p: Int, _ v: Int, _ k: Int) -> Bool {
            if ctx.siteAllowed(p, v) != nil { return true }
            let c = rules.personCooldown
            if c > 0 {
                var t = max(k - c, ctx.firstHistoryTerm)
                while t <= 0 {
                    if ctx.historySites(person: p, term: t).contains(v) { return true }
                    t += 1
                }
            }
            return false
        }

        // y columns.
        var y: [[Int: Variable]] = Array(repeating: [:], count: T + 1)
        var arcsOfTerm: [[(from: Int, to: Int, variable: Variable)]] = Array(repeating: [], count: T + 1)
        var pinnedLinks = Set<Int>()
        for pin in s.pins {
            guard let v = ctx.index.unit[pin.site] else { continue }
            switch pin.subject {
            case .unit(let id): if let u = ctx.index.unit[id] { pinnedLinks.insert(u * nU + v) }
            case .person(let id): if let p = ctx.index.person[id] { pinnedLinks.insert(ctx.home(p) * nU + v) }
            }
        }
        for k in 1...T {
            for u in ents {
                var targets = ents.filter { ctx.linkAllowed(u, $0) == nil }
                if let keep = candidates, targets.count > keep {
                    let near = targets.sorted { (ctx.km(u, $0), $0) < (ctx.km(u, $1), $1) }.prefix(keep)
                    let chosen = Set(near)
                    targets = targets.filter { chosen.contains($0) || pinnedLinks.contains(u * nU + $0) }
                }
                for v in targets {
                    if ctx.linkCooledDownByHistory(u, v, term: k) { continue }
                    let need = ctx.minStaff(v)
                    let able = ctx.index.peopleOfUnit[u].filter { p in
                        z[p][k] != nil && !personBanned(p, v, k)
                    }.count
                    // A link that cannot be staffed can never be used: leave it out.
                    if able < need { continue }
                    let cost = dW * ctx.km(u, v) * Double(need)
                    let col = try sink.model.addVariable(name: "y_\(u)_\(v)_\(k)", kind: .binary, objective: cost)
                    y[k][u * nU + v] = col
                    arcsOfTerm[k].append((node[u], node[v], col))
                }
            }
        }

        for k in 1...T {
            try sink.addTeamStructure(term: k, senders: ents, sites: ents, y: y[k], units: nU, rules: rules)
            // team size.
            for u in ents {
                var e = LinearExpression()
                for p in ctx.index.peopleOfUnit[u] { if let c = z[p][k] { e.add(c, 1) } }
                for v in ents { if let c = y[k][u * nU + v] { e.add(c, -Double(ctx.minStaff(v))) } }
                try sink.model.addConstraint(name: "team_\(u)_\(k)", e, lower: 0, upper: 0)
            }
            // person-site bans.
            for u in ents {
                for v in ents {
                    guard let yc = y[k][u * nU + v] else { continue }
                    for p in ctx.index.peopleOfUnit[u] {
                        guard let zc = z[p][k], personBanned(p, v, k) else { continue }
                        try sink.model.addConstraint(name: "ban_\(p)_\(v)_\(k)", expr([(zc, 1), (yc, 1)]), upper: 1)
                    }
                }
            }
            try sink.addKeepAtHome(term: k, units: ents, ctx: ctx) { p in z[p][k].map { [$0] } ?? [] }
        }

        // Cooldowns within the plan.
        try sink.addPairCooldown(terms: T, senders: ents, sites: ents, y: y, units: nU, cooldown: rules.pairCooldown)
        for k in 1...T {
            if rules.personCooldown > rules.pairCooldown {
                for j in max(1, k - rules.personCooldown)..<k where k - j > rules.pairCooldown {
                    for u in ents {
                        for v in ents {
                            guard let a = y[j][u * nU + v], let b = y[k][u * nU + v] else { continue }
                            for p in ctx.index.peopleOfUnit[u] {
                                guard let zj = z[p][j], let zk = z[p][k] else { continue }
                                try sink.model.addConstraint(
                                    name: "ccool_\(p)_\(v)_\(j)_\(k)",
                                    expr([(zj, 1), (a, 1), (zk, 1), (b, 1)]), upper: 3)
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

        // Pins.
        for (i, pin) in s.pins.enumerated() {
            guard pin.term >= 1, pin.term <= T, let v = ctx.index.unit[pin.site], part?.contains(v) ?? true
            else { continue }
            let k = pin.term
            var e = LinearExpression()
            var people: [Int] = []
            var unit: Int?
            switch pin.subject {
            case .unit(let id):
                guard let u = ctx.index.unit[id] else { continue }
                unit = u
                if let c = y[k][u * nU + v] { e.add(c, 1) }
            case .person(let id):
                guard let p = ctx.index.person[id] else { continue }
                people = [p]
                let u = ctx.home(p)
                unit = u
                // Person at v ⇔ z and y both 1: z + y ≥ 2.
                if let zc = z[p][k], !personBanned(p, v, k) {
                    e.add(zc, 0.5)
                    if let c = y[k][u * nU + v] { e.add(c, 0.5) }
                }
            }
            if elastic {
                e.add(try sink.slack("sl_pin_\(i)", ElasticSlack(rule: .pin, term: k, unit: unit, site: v, people: people)), 1)
            }
            try sink.model.addConstraint(name: "pin_\(i)", e, lower: 1)
        }

        // Fairness.
        if fW > 0 {
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

        var cuts: [CycleCuts] = []
        // With minCycle 3 the pair2 rows already forbid every short cycle: no lazy rows are
        // needed, which keeps GLPK's presolver and rounding heuristics available.
        if rules.structure == .ring || (rules.structure == .cycles && rules.minCycle > 3) {
            for k in 1...T {
                cuts.append(
                    CycleCuts(
                        nodes: ents.count, arcs: arcsOfTerm[k],
                        minCycle: rules.structure == .ring ? nil : rules.minCycle, name: "t\(k)"))
            }
        }

        let zCols = z
        let yCols = y
        let decode: ([Double]) -> [Placement] = { x in
            var out: [Placement] = []
            for k in 1...T {
                for u in ents {
                    guard let v = ents.first(where: { v in
                        if let c = yCols[k][u * nU + v] { return x[c.index] > 0.5 }
                        return false
                    }) else { continue }
                    for p in ctx.index.peopleOfUnit[u] {
                        if let c = zCols[p][k], x[c.index] > 0.5 {
                            out.append(Placement(term: k, person: p, site: v))
                        }
                    }
                }
            }
            return out.sorted()
        }
        return BuiltModel(model: sink.model, cycleCuts: cuts, decode: decode, slacks: sink.slacks)
    }
}
