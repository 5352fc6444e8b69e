import MIPModel
import ZhudianCore

/// Row families of the formulations with one column per person, site and term (resident
/// people, visiting), each written once here. `col(p, v, k)` gives the column of person p at
/// site v in plan term k, nil where there is none (or k is outside the plan).
extension RowSink {
    /// `cover[v,k]` (rule 3; rule 10 in visiting mode): Σ_p x[p,v,k] ≥ minStaff(v), or
    /// `= minStaff(v)` when `exact` (a visiting site has exactly its team).
    mutating func addCoverage(
        term k: Int, sites: [Int], people: [Int], ctx: PlanContext, exact: Bool,
        col: (Int, Int, Int) -> Variable?
    ) throws(ModelError) {
        for v in sites {
            var e = LinearExpression()
            for p in people { if let c = col(p, v, k) { e.add(c, 1) } }
            let need = Double(ctx.minStaff(v))
            if exact {
                // The upper side holds even when the elastic slack frees the lower one.
                try model.addConstraint(name: "team_size_\(v)_\(k)", e, upper: need)
            }
            if elastic {
                let info = ElasticSlack(rule: .coverage, term: k, unit: nil, site: v, people: [])
                e.add(try slack("sl_cover_\(v)_\(k)", info), need)
            }
            try model.addConstraint(name: "cover_\(v)_\(k)", e, lower: need)
        }
    }

    /// `ring`/`cycles`, per term: `team[u,v,k]`: Σ_{p∈u} x[p,v,k] = minStaff(v)·y[u,v,k]
    /// (rule 6: a link is a whole team of the unit's people).
    mutating func addTeams(
        term k: Int, senders: [Int], sites: [Int], y: [Int: Variable], ctx: PlanContext,
        col: (Int, Int, Int) -> Variable?
    ) throws(ModelError) {
        try addTeams(term: k, senders: senders, sites: sites, y: y, ctx: ctx) { p, v, k in col(p, v, k).map { [$0] } ?? [] }
    }

    /// ``addTeams(term:senders:sites:y:ctx:col:)`` where person p's stay at v in term k is a
    /// sum of columns, `at(p, v, k)` (the two-term patterns of ``PersonFormulation/buildTwoTerms(_:options:part:)``).
    mutating func addTeams(
        term k: Int, senders: [Int], sites: [Int], y: [Int: Variable], ctx: PlanContext,
        at: (Int, Int, Int) -> [Variable]
    ) throws(ModelError) {
        let nU = ctx.scenario.units.count
        for u in senders {
            for v in sites {
                guard let yc = y[u * nU + v] else { continue }
                var e = LinearExpression()
                for p in ctx.index.peopleOfUnit[u] { for c in at(p, v, k) { e.add(c, 1) } }
                e.add(yc, -Double(ctx.minStaff(v)))
                try model.addConstraint(name: "team_\(u)_\(v)_\(k)", e, lower: 0, upper: 0)
            }
        }
    }

    /// `free` structure, per term: `link[p,v,k]`: x[p,v,k] ≤ y[u(p),v,k], and with
    /// `mutualPairs: forbid` `mutual[u,v,k]`: y[u,v,k] + y[v,u,k] ≤ 1 (rule 6).
    ///
    /// x ≤ y per person rather than Σx ≤ |u|·y: the aggregated row lets the LP use a link at
    /// 1/|u| of its value, which starves the bound on mutual pairs.
    mutating func addFreeLinks(
        term k: Int, senders: [Int], sites: [Int], y: [Int: Variable], ctx: PlanContext,
        col: (Int, Int, Int) -> Variable?
    ) throws(ModelError) {
        let nU = ctx.scenario.units.count
        for u in senders {
            for v in sites {
                guard let yc = y[u * nU + v] else { continue }
                for p in ctx.index.peopleOfUnit[u] {
                    if let c = col(p, v, k) {
                        try model.addConstraint(name: "link_\(p)_\(v)_\(k)", expr([(c, 1), (yc, -1)]), upper: 0)
                    }
                }
            }
        }
        guard ctx.scenario.rules.mutualPairs == .forbid else { return }
        for u in senders {
            for v in senders where u < v {
                guard let a = y[u * nU + v], let b = y[v * nU + u] else { continue }
                try model.addConstraint(name: "mutual_\(u)_\(v)_\(k)", expr([(a, 1), (b, 1)]), upper: 1)
            }
        }
    }

    /// Rule 7's person cooldown within the plan, `ccool[p,v,j,k]`:
    /// x[p,v,j] + x[p,v,k] − x[p,v,k−1] ≤ 1 for 2 ≤ k−j ≤ personCooldown (back after a break).
    mutating func addPersonCooldown(
        people: [Int], sites: [Int], ctx: PlanContext, col: (Int, Int, Int) -> Variable?
    ) throws(ModelError) {
        let c = ctx.scenario.rules.personCooldown
        guard c >= 2 else { return }
        for k in 1...ctx.terms {
            for j in max(1, k - c)..<k where k - j >= 2 {
                for p in people {
                    for v in sites {
                        guard let a = col(p, v, j), let b = col(p, v, k) else { continue }
                        var e = expr([(a, 1), (b, 1)])
                        if let mid = col(p, v, k - 1) { e.add(mid, -1) }
                        try model.addConstraint(name: "ccool_\(p)_\(v)_\(j)_\(k)", e, upper: 1)
                    }
                }
            }
        }
    }

    /// Rule 7's person cooldown as clique rows where nobody serves two terms in a row:
    /// `brk[p,v,j]`: x[p,v,j] + x[p,v,j+2] + Σ_w x[p,w,j+1] ≤ 1, and `brk[p,v,j,k]`:
    /// x[p,v,j] + x[p,v,k] ≤ 1 for 3 ≤ k−j ≤ personCooldown, when `maxConsecutiveTerms` is 1
    /// and `personCooldown` ≥ 2. `col(p, v, k)` as in ``addPersonCooldown(people:sites:ctx:col:)``.
    ///
    /// Valid for every roster, not only an optimal one: with one term in a row at most, a
    /// person placed in j+1 is placed in neither j nor j+2 (`consec`), and back at v in k
    /// after v in j would need a stay at v in every term between (`ccool`), which is two
    /// terms in a row. So any two of the row's columns exclude each other.
    ///
    /// Why: `ccool` holds x[p,v,j] + x[p,v,j+2] ≤ 1 + x[p,v,j+1], and the LP then puts a
    /// person at half of the same nearby site in terms j and j+2 and half of another site in
    /// j+1 — two half-rosters the rules each allow, whose mixture no roster is. On the peer
    /// benchmark's free 9 × 3 (row 07) the links integer with x continuous gave 2 179.91
    /// without these rows and the optimum, 2 198.02, with them (docs/FORMULATION.md,
    /// "Cooldown cliques").
    mutating func addCooldownCliques(
        people: [Int], sites: [Int], ctx: PlanContext, col: (Int, Int, Int) -> Variable?
    ) throws(ModelError) {
        let rules = ctx.scenario.rules
        guard Self.cooldownCliquesApply(rules, terms: ctx.terms) else { return }
        for j in 1...(ctx.terms - 2) {
            for k in (j + 2)...min(ctx.terms, j + rules.personCooldown) {
                for p in people {
                    let between = k == j + 2 ? sites.compactMap { col(p, $0, j + 1) } : []
                    for v in sites {
                        guard let a = col(p, v, j), let b = col(p, v, k) else { continue }
                        var e = expr([(a, 1), (b, 1)])
                        for c in between { e.add(c, 1) }
                        try model.addConstraint(name: "brk_\(p)_\(v)_\(j)_\(k)", e, upper: 1)
                    }
                }
            }
        }
    }

    /// Whether ``addCooldownCliques(people:sites:ctx:col:)`` writes rows: nobody serves two
    /// terms in a row, a person cooldown of two terms or more, three terms or more.
    static func cooldownCliquesApply(_ rules: Rules, terms: Int) -> Bool {
        rules.maxConsecutiveTerms == 1 && rules.personCooldown >= 2 && terms >= 3
    }

    /// Rule 7 against the history, `hcool[p,v,k,i]`: x[p,v,k] ≤ x[p,v,i] for each requirement
    /// (p, v, k, i) of ``PlanContext/historyRequirement(_:_:_:)`` (back only by staying on).
    /// `singlesAsBounds`: where x[p,v,i] has no column the row is x[p,v,k] ≤ 0, and the column's
    /// upper bound is set to 0 instead (row 07, free 9 × 3: 16 rows, and the search 1.08 → 1.00 s
    /// of CPU). Only for models whose columns no later step fixes to 1 (``StayingSeed`` does,
    /// where people stay on, and a bound would let it override the rule).
    mutating func addHistoryCooldown(
        _ requirements: [(person: Int, site: Int, term: Int, since: Int)], singlesAsBounds: Bool = false,
        col: (Int, Int, Int) -> Variable?
    ) throws(ModelError) {
        for (p, v, k, i) in requirements {
            guard let a = col(p, v, k) else { continue }
            var e = expr([(a, 1)])
            if let b = col(p, v, i) {
                e.add(b, -1)
            } else if singlesAsBounds {
                try model.setBounds(a, lower: 0, upper: 0)
                continue
            }
            try model.addConstraint(name: "hcool_\(p)_\(v)_\(k)_\(i)", e, upper: 0)
        }
    }

    /// Rule 9, `pin[i]`: a person pin needs x[p,v,k] = 1 (or, with `personAt`, the terms it
    /// gives to sum to at least 1: the teams model's z and link, ½ each); a unit pin needs its
    /// link (teams) or at least one of its people at the site (free). Every formulation
    /// writes its pins here.
    mutating func addPins(
        ctx: PlanContext, part: Set<Int>?, teams: Bool, y: [[Int: Variable]], col: (Int, Int, Int) -> Variable?,
        personAt: ((Int, Int, Int) -> [(Variable, Double)])? = nil
    ) throws(ModelError) {
        let nU = ctx.scenario.units.count
        for (i, pin) in ctx.scenario.pins.enumerated() {
            guard pin.term >= 1, pin.term <= ctx.terms, let v = ctx.index.unit[pin.site], part?.contains(v) ?? true
            else { continue }
            let k = pin.term
            var e = LinearExpression()
            var people: [Int] = []
            var unit: Int?
            switch pin.subject {
            case .unit(let id):
                guard let u = ctx.index.unit[id] else { continue }
                unit = u
                if teams {
                    if let c = y[k][u * nU + v] { e.add(c, 1) }
                } else {
                    for p in ctx.index.peopleOfUnit[u] { if let c = col(p, v, k) { e.add(c, 1) } }
                }
            case .person(let id):
                guard let p = ctx.index.person[id] else { continue }
                people = [p]
                unit = ctx.home(p)
                if let personAt {
                    for (c, a) in personAt(p, v, k) { e.add(c, a) }
                } else if let c = col(p, v, k) {
                    e.add(c, 1)
                }
            }
            if elastic {
                e.add(try slack("sl_pin_\(i)", ElasticSlack(rule: .pin, term: k, unit: unit, site: v, people: people)), 1)
            }
            try model.addConstraint(name: "pin_\(i)", e, lower: 1)
        }
    }
}
