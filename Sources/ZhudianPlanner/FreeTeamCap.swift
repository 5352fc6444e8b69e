import MIPModel
import ZhudianCore

/// `cap[u,v,k]`: Σ_{p∈u} x[p,v,k] ≤ c·y[u,v,k] in free placement, with
/// `c = max(minStaff(v), people of u pinned at v in k)`.
///
/// Why: the per-person link rows `x ≤ y` let the LP open a link at a fraction and spread a
/// site's cover over many people of one unit at that fraction each, so the bound missed the
/// optimum by 1–2 % on 10 enterprises and GLPK branched for tens of seconds (see
/// docs/FORMULATION.md, "team cap"). With the cap, a unit's people at a site cost a whole link
/// per `minStaff` of them.
///
/// Not a rule: no rule stops a unit from sending more than `minStaff(v)` people. The row is
/// valid for *an* optimal roster, which is what the solve needs: take any roster where u
/// sends more than `c` people to v in k and drop an unpinned one of them. The site still has
/// more than `minStaff(v)` people, every row that holds a stay positively (place, over,
/// consec, keepAtHome, ccool's two stays) still holds, and no row needs that stay — as long
/// as no one stays on, since `hand`, `hcool` and `ccool` hold the previous stay of a chain at
/// the same site negatively. Every cost of a stay is ≥ 0 (weights ≥ 0, `served` ≥ 0), so the
/// roster costs no more. Hence the conditions of ``applies``.
///
/// Staying on (a pair cooldown of 0 and `maxConsecutiveTerms: 2`): the row then counts only
/// the stays that no row holds negatively — not x[p,v,k] of someone whose `hand` row needs
/// it (away in the handover days after k−1 at v) or whose `hcool` row needs it (back at a
/// history site v later only by staying on through k). Dropping any other stay breaks no
/// row: `ccool` holds x[p,v,k] negatively only for a person at v in some j < k and in k+1,
/// which with k and its cooldown rows means three terms in a row at v, more than 2. So from
/// an optimal roster with the fewest stays, no unit sends more than `c` such people to a site.
/// Measured on the peer benchmark's free 29 × 2 with staying on (row 21): the root LP rises
/// from 2 848.13 to 2 885.36 (GLPK's root LP in the plan's log) against a best roster of 2 908.43.
enum FreeTeamCap {
    /// Whether the cap keeps an optimal roster: free placement, nobody can stay on at a
    /// site (one term, a pair cooldown, or one term in a row at most) or nobody serves more
    /// than two terms in a row (see ``staysOn``), no stay earns the baseline bonus (its cost is
    /// negative), and not the elastic model, whose objective counts broken rules instead.
    static func applies(_ rules: Rules, terms: Int, elastic: Bool, bonus: Bool) -> Bool {
        guard rules.structure == .free, !elastic, !bonus else { return false }
        return !staysOn(rules, terms: terms) || rules.maxConsecutiveTerms <= 2
    }

    /// Whether someone may stay on at a site: then the rows leave out the stays other rows
    /// hold negatively.
    static func staysOn(_ rules: Rules, terms: Int) -> Bool {
        terms >= 2 && rules.pairCooldown == 0 && rules.maxConsecutiveTerms >= 2
    }

    /// The cap of unit `u` at site `v` in term `k`: the site's minStaff, or the people of u
    /// pinned there if more.
    static func cap(_ ctx: PlanContext, unit u: Int, site v: Int, term k: Int) -> Int {
        var pinned = 0
        for pin in ctx.scenario.pins where pin.term == k && ctx.index.unit[pin.site] == v {
            if case .person(let id) = pin.subject, let p = ctx.index.person[id], ctx.home(p) == u { pinned += 1 }
        }
        return max(ctx.minStaff(v), pinned)
    }

    /// Adds the rows for the links `y` (key `u * units + v`) of term `k`; `column` gives
    /// x[p,v,k] where it exists, `held` the stays another row holds negatively (left out of
    /// the rows; empty where nobody stays on).
    static func add(
        to sink: inout RowSink, ctx: PlanContext, term k: Int, senders: [Int], sites: [Int], y: [Int: Variable],
        units nU: Int, held: Set<Placement> = [], column: (Int, Int) -> Variable?
    ) throws(ModelError) {
        for u in senders {
            for v in sites {
                guard let link = y[u * nU + v] else { continue }
                var e = LinearExpression()
                for p in ctx.index.peopleOfUnit[u] where !held.contains(Placement(term: k, person: p, site: v)) {
                    if let c = column(p, v) { e.add(c, 1) }
                }
                let c = cap(ctx, unit: u, site: v, term: k)
                // A unit with no more people here than the cap gains nothing from the row.
                guard e.terms.count > c else { continue }
                e.add(link, -Double(c))
                try sink.model.addConstraint(name: "cap_\(u)_\(v)_\(k)", e, upper: 0)
            }
        }
    }
}
