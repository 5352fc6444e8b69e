import MIPModel
import ZhudianCore

/// The model under construction plus, in elastic mode, the slack columns that relax rule
/// rows; it also writes the row families that both formulations share, so each is
/// written once.
struct RowSink {
    var model: Model
    var slacks: [(variable: Variable, slack: ElasticSlack)] = []
    let elastic: Bool

    /// A binary slack column that relaxes the rule instance `info` whole (its coefficient in
    /// the row must free the row entirely); ``ElasticSolve`` sets its cost.
    mutating func slack(_ name: String, _ info: ElasticSlack) throws(ModelError) -> Variable {
        let v = try model.addVariable(name: name, kind: .binary, objective: 1)
        slacks.append((v, info))
        return v
    }

    /// `send[u,k]`, `recv[v,k]` (each unit sends one team, each site receives one) and
    /// `pair2[u,v,k]` (no 2-cycles where the structure bars them), over link columns
    /// `y[u * units + v]`. Returns the send and recv rows by unit index.
    ///
    /// - Complexity: O(|y| log |y|) — only existing links are visited.
    @discardableResult
    mutating func addTeamStructure(
        term k: Int, senders: [Int], sites: [Int], y: [Int: Variable], units nU: Int, rules: Rules
    ) throws(ModelError) -> (send: [Int: ConstraintRef], recv: [Int: ConstraintRef]) {
        // Links in (sender, site) order, as the rows list them.
        var outgoing: [Int: [(site: Int, variable: Variable)]] = [:]
        var incoming: [Int: [(unit: Int, variable: Variable)]] = [:]
        for key in y.keys.sorted() {
            let (u, v) = key.quotientAndRemainder(dividingBy: nU)
            guard let c = y[key] else { continue }
            outgoing[u, default: []].append((v, c))
            incoming[v, default: []].append((u, c))
        }
        let isSender = Set(senders)
        let isSite = Set(sites)
        var send: [Int: ConstraintRef] = [:]
        var recv: [Int: ConstraintRef] = [:]
        for u in senders {
            var e = LinearExpression()
            for l in outgoing[u] ?? [] where isSite.contains(l.site) { e.add(l.variable, 1) }
            if elastic {
                e.add(try slack("sl_send_\(u)_\(k)", ElasticSlack(rule: .structure, term: k, unit: u, site: nil, people: [])), 1)
            }
            send[u] = try model.addConstraint(name: "send_\(u)_\(k)", e, lower: 1, upper: 1)
        }
        for v in sites {
            var e = LinearExpression()
            for l in incoming[v] ?? [] where isSender.contains(l.unit) { e.add(l.variable, 1) }
            if elastic {
                e.add(try slack("sl_recv_\(v)_\(k)", ElasticSlack(rule: .coverage, term: k, unit: nil, site: v, people: [], teamReceipt: true)), 1)
            }
            recv[v] = try model.addConstraint(name: "recv_\(v)_\(k)", e, lower: 1, upper: 1)
        }
        let twoCyclesBarred =
            (rules.structure == .ring && senders.count > 2)
            || (rules.structure == .cycles && rules.minCycle > 2)
        guard twoCyclesBarred else { return (send, recv) }
        for u in senders {
            for l in outgoing[u] ?? [] where l.site > u && isSender.contains(l.site) {
                guard let b = y[l.site * nU + u] else { continue }
                try model.addConstraint(name: "pair2_\(u)_\(l.site)_\(k)", expr([(l.variable, 1), (b, 1)]), upper: 1)
            }
        }
        return (send, recv)
    }

    /// `home[u,k]`: qualified people of enterprise `u` placed in term `k` ≤ qualified − keepAtHome.
    /// The rule binds a unit only in a term in which it places someone (README), so a unit
    /// with fewer qualified people than `keepAtHome` places nobody at all: Σ placed ≤ 0.
    /// `placed(p)` gives the columns whose sum says p is placed in term k.
    mutating func addKeepAtHome(
        term k: Int, units: [Int], ctx: PlanContext, placed: (Int) -> [Variable]
    ) throws(ModelError) {
        let s = ctx.scenario
        for u in units where s.units[u].kind == .enterprise {
            let qualified = ctx.qualifiedPeople(u)
            let short = qualified.count < s.rules.keepAtHome
            let counted = short ? ctx.index.peopleOfUnit[u] : qualified
            var e = LinearExpression()
            for p in counted { for c in placed(p) { e.add(c, 1) } }
            guard !e.terms.isEmpty else { continue }
            let cap = short ? 0 : Double(qualified.count - s.rules.keepAtHome)
            if elastic {
                // Large enough to free the row whole.
                let free = short ? Double(counted.count) : Double(max(s.rules.keepAtHome, 1))
                e.add(try slack("sl_home_\(u)_\(k)", ElasticSlack(rule: .keepAtHome, term: k, unit: u, site: nil, people: [])), -free)
            }
            try model.addConstraint(name: "home_\(u)_\(k)", e, upper: cap)
        }
    }

    /// `pcool[u,v,j,k]`: a link is not used again within `pairCooldown` terms of the plan.
    ///
    /// - Complexity: O(T · cooldown · |y[k]| log |y[k]|).
    mutating func addPairCooldown(
        terms T: Int, senders: [Int], sites: [Int], y: [[Int: Variable]], units nU: Int, cooldown: Int
    ) throws(ModelError) {
        let isSender = Set(senders)
        let isSite = Set(sites)
        for k in 1...T {
            for j in max(1, k - cooldown)..<k {
                for key in y[j].keys.sorted() {
                    let (u, v) = key.quotientAndRemainder(dividingBy: nU)
                    guard isSender.contains(u), isSite.contains(v), let a = y[j][key], let b = y[k][key] else { continue }
                    try model.addConstraint(name: "pcool_\(u)_\(v)_\(j)_\(k)", expr([(a, 1), (b, 1)]), upper: 1)
                }
            }
        }
    }

    /// `consec[p,i]`: person `p` is placed in at most `maxConsecutiveTerms` of any
    /// `maxConsecutiveTerms + 1` terms in a row, history placements counted.
    /// `placed(t)` gives the columns whose sum says p is placed in plan term t.
    /// `onePerTerm`: the model holds Σ placed(t) ≤ 1 already (the people model's `place` rows,
    /// or a single binary column), so a window whose columns all lie in one plan term and whose
    /// cap is at least 1 says nothing more and is left out: row 07 (free 9 × 3) wrote 51 such
    /// rows, each a copy of a `place` row.
    mutating func addConsecutive(
        person p: Int, ctx: PlanContext, onePerTerm: Bool = false, placed: (Int) -> [Variable]
    ) throws(ModelError) {
        let m = ctx.scenario.rules.maxConsecutiveTerms
        var start = min(1, ctx.firstHistoryTerm)
        while start + m <= ctx.terms {
            var e = LinearExpression()
            var fixed = 0
            var termsPlaced = 0
            for t in start...(start + m) {
                if t <= 0 {
                    if !ctx.historySites(person: p, term: t).isEmpty { fixed += 1 }
                } else {
                    let columns = placed(t)
                    if !columns.isEmpty { termsPlaced += 1 }
                    for c in columns { e.add(c, 1) }
                }
            }
            let cap = max(0, m - fixed)
            if onePerTerm && termsPlaced <= 1 && cap >= 1 {
                start += 1
                continue
            }
            if e.terms.count > cap {
                try model.addConstraint(name: "consec_\(p)_\(start)", e, upper: Double(cap))
            }
            start += 1
        }
    }
}
