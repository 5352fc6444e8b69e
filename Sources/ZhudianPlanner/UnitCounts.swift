import MIPModel
import ZhudianCore

/// The unit model of ``UnitFlowSeed``: per candidate link `u → v` and term `k`, how many of
/// `u`'s people stay at `v` (`n`, integer) and whether the link is used (`y`), with the
/// unit-level rules of free placement and people counted per unit:
///
/// - coverage: Σ_u n[u,v,k] ≥ minStaff(v);
/// - per unit and term: Σ_v n[u,v,k] ≤ the unit's people who may serve then, and ≤ its
///   qualified people less `keepAtHome`;
/// - per unit and two terms in a row (with handover days nobody moves between them; without,
///   where `maxConsecutiveTerms` is 1): Σ_v n[u,v,k] + Σ_v n[u,v,k+1] − Σ_v s[u,v,k] ≤ the
///   people who may serve in either, where `s` counts people staying on at `v` (only where the
///   rules let people stay on; with `maxConsecutiveTerms` 2 nobody stays on twice in a row);
/// - `mutualPairs`, `pairCooldown` (history: the candidate links already leave those out) and pins;
/// - the cost: distance per person, and fairness per unit (``addFairness(_:n:)``).
///
/// A person counts as able to serve in term `k` only when eligible then, not in history term
/// 0 for term 1 (who may come back only by staying on), and at `v` only where no fixed fact or
/// history cooldown bars it: fewer people than the people model may use, never more.
struct UnitCounts {
    let ctx: PlanContext
    let part: Set<Int>?
    /// The links with someone able, per term (index 1…T), as keys `u * units + v`, sorted.
    private(set) var keys: [[Int]]
    /// People able to serve at the link, by term and key.
    private var able: [[Int: Int]]
    /// Whether fairness is costed per unit (``addFairness(_:n:)``); false: distance only, and
    /// each person staying on at `fairness` (the fourteenth round's unit model).
    var pooledFairness = true
    /// Whether the pair rows are also counted per site (``addPairBySite(_:unit:n:stay:serving:)``)
    /// and over three terms (``addThreeTerms(_:unit:n:stay:serving:)``); false: the fifteenth
    /// round's unit model before them.
    var tighterRows = true

    init(_ ctx: PlanContext, part: Set<Int>?, candidates: PersonLinks) {
        self.ctx = ctx
        self.part = part
        let nU = ctx.scenario.units.count
        let isSender = Set(ctx.senders.filter { part?.contains($0) ?? true })
        let isSite = Set(ctx.sites.filter { part?.contains($0) ?? true })
        var keys = Array(repeating: [Int](), count: ctx.terms + 1)
        var able = Array(repeating: [Int: Int](), count: ctx.terms + 1)
        for l in candidates.all where isSender.contains(l.unit) && isSite.contains(l.site) {
            guard ctx.linkAllowed(l.unit, l.site) == nil, !ctx.linkCooledDownByHistory(l.unit, l.site, term: l.term) else {
                continue
            }
            let count = ctx.index.peopleOfUnit[l.unit].count { Self.mayServe(ctx, $0, at: l.site, term: l.term) }
            guard count > 0 else { continue }
            keys[l.term].append(l.unit * nU + l.site)
            able[l.term][l.unit * nU + l.site] = count
        }
        self.keys = keys.map { $0.sorted() }
        self.able = able
    }

    /// Whether person `p` counts as able to serve in term `k` (anywhere).
    static func mayServe(_ ctx: PlanContext, _ p: Int, term k: Int) -> Bool {
        guard ctx.personTermStatus(p, k) == .eligible else { return false }
        return k > 1 || ctx.historySites(person: p, term: 0).isEmpty
    }

    /// Whether person `p` counts as able to serve at site `v` in term `k`.
    static func mayServe(_ ctx: PlanContext, _ p: Int, at v: Int, term k: Int) -> Bool {
        mayServe(ctx, p, term: k) && ctx.siteAllowed(p, v) == nil && ctx.historyRequirement(p, v, k)?.isEmpty == true
    }

    /// The links the unit model's point `values` uses.
    func links(_ values: [Double]) -> PersonLinks {
        let nU = ctx.scenario.units.count
        var out = PersonLinks(terms: ctx.terms, units: nU)
        var column = 0
        for k in 1..<(ctx.terms + 1) {
            for key in keys[k] {
                // Columns come in pairs n, y per link (``model()``).
                if values[column + 1] > 0.5 { out.insert(key / nU, key % nU, term: k) }
                column += 2
            }
        }
        return out
    }

    /// The unit model, or nil when some site has no candidate link in some term (no point).
    func model() throws(ModelError) -> Model? {
        let s = ctx.scenario
        let nU = s.units.count
        let T = ctx.terms
        var model = Model(name: "zhudian_unit_counts")
        var n = Array(repeating: [Int: Variable](), count: T + 1)
        var y = Array(repeating: [Int: Variable](), count: T + 1)
        for k in 1...T {
            for key in keys[k] {
                let (u, v) = key.quotientAndRemainder(dividingBy: nU)
                let cap = Double(min(able[k][key] ?? 0, ctx.minStaff(v)))
                n[k][key] = try model.addVariable(
                    name: "n_\(u)_\(v)_\(k)", upper: cap, kind: .integer, objective: s.objective.distance * ctx.km(u, v))
                y[k][key] = try model.addVariable(name: "y_\(u)_\(v)_\(k)", kind: .binary)
            }
        }
        for k in 1...T {
            for key in keys[k] {
                guard let a = n[k][key], let b = y[k][key] else { continue }
                let cap = Double(min(able[k][key] ?? 0, ctx.minStaff(key % nU)))
                try model.addConstraint(name: "use_\(key)_\(k)", expr([(a, 1), (b, -cap)]), upper: 0)
                try model.addConstraint(name: "some_\(key)_\(k)", expr([(b, 1), (a, -1)]), upper: 0)
            }
        }
        let stay = try addStays(&model, n: n)
        guard try addCoverage(&model, n: n) else { return nil }
        try addPeople(&model, n: n, stay: stay)
        if pooledFairness { try addFairness(&model, n: n) }
        try addLinkRules(&model, y: y)
        guard try addPins(&model, n: n) else { return nil }
        return model
    }

    /// `s[u,v,k]` ≤ n[u,v,k], n[u,v,k+1] where people may stay on (with handover days: without,
    /// the pair rows do not apply), and with `maxConsecutiveTerms` 2 s[u,v,k] + s[u,v,k+1] ≤
    /// n[u,v,k+1]. Returned per term and key.
    private func addStays(_ model: inout Model, n: [[Int: Variable]]) throws(ModelError) -> [[Int: Variable]] {
        let s = ctx.scenario
        var stay = Array(repeating: [Int: Variable](), count: ctx.terms + 1)
        guard FreeTeamCap.staysOn(s.rules, terms: ctx.terms), s.calendar.handoverDays > 0 else { return stay }
        for k in 1..<ctx.terms {
            for key in keys[k] {
                guard let a = n[k][key], let b = n[k + 1][key] else { continue }
                // With ``pooledFairness`` its cost is the second stay's, counted per unit.
                let c = try model.addVariable(
                    name: "s_\(key)_\(k)", kind: .integer, objective: pooledFairness ? 0 : s.objective.fairness)
                try model.addConstraint(name: "stayfrom_\(key)_\(k)", expr([(c, 1), (a, -1)]), upper: 0)
                try model.addConstraint(name: "stayto_\(key)_\(k)", expr([(c, 1), (b, -1)]), upper: 0)
                stay[k][key] = c
            }
        }
        guard s.rules.maxConsecutiveTerms == 2 else { return stay }
        for k in 1..<max(1, ctx.terms - 1) {
            for key in keys[k + 1] {
                guard let a = stay[k][key], let b = stay[k + 1][key], let mid = n[k + 1][key] else { continue }
                try model.addConstraint(name: "run_\(key)_\(k)", expr([(a, 1), (b, 1), (mid, -1)]), upper: 0)
            }
        }
        return stay
    }

    /// `cover[v,k]`; false when a site has no link at all in a term.
    private func addCoverage(_ model: inout Model, n: [[Int: Variable]]) throws(ModelError) -> Bool {
        let nU = ctx.scenario.units.count
        for k in 1...ctx.terms {
            var bySite: [Int: LinearExpression] = [:]
            for key in keys[k] { if let c = n[k][key] { bySite[key % nU, default: LinearExpression()].add(c, 1) } }
            for v in ctx.sites where part?.contains(v) ?? true {
                guard ctx.minStaff(v) > 0 else { continue }
                guard let e = bySite[v] else { return false }
                try model.addConstraint(name: "cover_\(v)_\(k)", e, lower: Double(ctx.minStaff(v)))
            }
        }
        return true
    }

    /// Per unit: its people per term (and its qualified people less `keepAtHome`), and per two
    /// terms in a row.
    private func addPeople(_ model: inout Model, n: [[Int: Variable]], stay: [[Int: Variable]]) throws(ModelError) {
        let s = ctx.scenario
        let nU = s.units.count
        let T = ctx.terms
        let apart = s.calendar.handoverDays > 0 || s.rules.maxConsecutiveTerms == 1
        for u in ctx.senders where part?.contains(u) ?? true {
            let people = ctx.index.peopleOfUnit[u]
            let serving = (0...T).map { k in k == 0 ? Set<Int>() : Set(people.filter { Self.mayServe(ctx, $0, term: k) }) }
            for k in 1...T {
                let e = placed(u, term: k, n)
                guard !e.terms.isEmpty else { continue }
                let cap = min(serving[k].count, homeCap(u))
                try model.addConstraint(name: "unit_\(u)_\(k)", e, upper: Double(cap))
            }
            guard apart else { continue }
            for k in 1..<T {
                var e = placed(u, term: k, n)
                for t in placed(u, term: k + 1, n).terms { e.add(t.variable, t.coefficient) }
                for key in keys[k] where key / nU == u { if let c = stay[k][key] { e.add(c, -1) } }
                guard !e.terms.isEmpty else { continue }
                let cap = serving[k].union(serving[k + 1]).count
                try model.addConstraint(name: "pair_\(u)_\(k)", e, upper: Double(cap))
            }
            if tighterRows {
                try addPairBySite(&model, unit: u, n: n, stay: stay, serving: serving)
                try addThreeTerms(&model, unit: u, n: n, stay: stay, serving: serving)
            }
            try addComingBack(&model, unit: u, n: n, stay: stay, serving: serving)
        }
    }

    /// Σ_v n[u,v,k]: the people unit `u` places in term `k` (empty where it has no link then).
    func placed(_ u: Int, term k: Int, _ n: [[Int: Variable]]) -> LinearExpression {
        let nU = ctx.scenario.units.count
        var e = LinearExpression()
        for key in keys[k] where key / nU == u { if let c = n[k][key] { e.add(c, 1) } }
        return e
    }

    /// Rule 7's person cooldown per unit, site and three terms in a row `j, j+1, j+2` (with
    /// `personCooldown` ≥ 2, where the pair rows hold): nobody of `u` at `v` in `j` is back at
    /// `v` in `j+2` unless they stayed on throughout, and nobody in `j+1` serves in `j` or
    /// `j+2` unless staying on, so n[u,v,j] + n[u,v,j+2] + Σ_w n[u,w,j+1] − s[u,v,j] −
    /// s[u,v,j+1] ≤ the people who may serve in any of the three. Without it the unit model
    /// sent a unit of four to the same site in terms 1 and 3 with two others in term 2, and the
    /// people model over its links had no roster (the sweep's free 34 × 3, cap 6).
    private func addComingBack(
        _ model: inout Model, unit u: Int, n: [[Int: Variable]], stay: [[Int: Variable]], serving: [Set<Int>]
    ) throws(ModelError) {
        let s = ctx.scenario
        guard s.rules.personCooldown >= 2, ctx.terms >= 3 else { return }
        let nU = s.units.count
        for j in 1...(ctx.terms - 2) {
            let middle = placed(u, term: j + 1, n)
            let cap = serving[j].union(serving[j + 1]).union(serving[j + 2]).count
            for key in keys[j] where key / nU == u {
                guard let a = n[j][key], let b = n[j + 2][key] else { continue }
                var e = middle
                e.add(a, 1)
                e.add(b, 1)
                if let c = stay[j][key] { e.add(c, -1) }
                if let c = stay[j + 1][key] { e.add(c, -1) }
                try model.addConstraint(name: "back_\(key)_\(j)", e, upper: Double(cap))
            }
        }
    }

    /// What rule 8 lets enterprise `u` place in a term (as ``RowSink/addKeepAtHome(term:units:ctx:placed:)``
    /// counts it; unqualified people, who count only where they are not eligible anyway,
    /// taken as placeable).
    private func homeCap(_ u: Int) -> Int {
        let s = ctx.scenario
        guard s.units[u].kind == .enterprise else { return Int.max }
        let qualified = ctx.qualifiedPeople(u).count
        if qualified < s.rules.keepAtHome { return 0 }
        let others = ctx.index.peopleOfUnit[u].count - qualified
        return qualified - s.rules.keepAtHome + others
    }

    /// `mutualPairs: forbid` and `pairCooldown` within the plan.
    private func addLinkRules(_ model: inout Model, y: [[Int: Variable]]) throws(ModelError) {
        let rules = ctx.scenario.rules
        let nU = ctx.scenario.units.count
        for k in 1...ctx.terms {
            if rules.mutualPairs == .forbid {
                for key in keys[k] {
                    let (u, v) = key.quotientAndRemainder(dividingBy: nU)
                    guard u < v, let a = y[k][key], let b = y[k][v * nU + u] else { continue }
                    try model.addConstraint(name: "mutual_\(u)_\(v)_\(k)", expr([(a, 1), (b, 1)]), upper: 1)
                }
            }
            for j in max(1, k - rules.pairCooldown)..<k {
                for key in keys[k] {
                    guard let a = y[j][key], let b = y[k][key] else { continue }
                    try model.addConstraint(name: "pcool_\(key)_\(j)_\(k)", expr([(a, 1), (b, 1)]), upper: 1)
                }
            }
        }
    }

    /// Pins: a unit pinned to a site sends someone there; a pinned person's unit does. False
    /// when a pin names a link the model has no column for.
    private func addPins(_ model: inout Model, n: [[Int: Variable]]) throws(ModelError) -> Bool {
        let nU = ctx.scenario.units.count
        for (i, pin) in ctx.scenario.pins.enumerated() {
            guard pin.term >= 1, pin.term <= ctx.terms, let v = ctx.index.unit[pin.site], part?.contains(v) ?? true else {
                continue
            }
            let u: Int?
            switch pin.subject {
            case .unit(let id): u = ctx.index.unit[id]
            case .person(let id): u = ctx.index.person[id].map { ctx.home($0) }
            }
            guard let u else { continue }
            guard let c = n[pin.term][u * nU + v] else { return false }
            try model.addConstraint(name: "pin_\(i)", expr([(c, 1)]), lower: 1)
        }
        return true
    }
}
