import MIPModel
import ZhudianCore

/// Row families only the visiting model has (SPEC §3 rule 10 and the objective's fairness when
/// one person holds several stays a term).
extension RowSink {
    /// `sites[p,k]`: Σ_v x[p,v,k] ≤ maxSitesPerPerson · z[p,k] — rule 10's cap, and z[p,k] = 1
    /// whenever p is assigned in term k (z is what keepAtHome, maxConsecutiveTerms and
    /// fairness count as "placed").
    mutating func addSitesPerPerson(
        person p: Int, term k: Int, columns: [Variable], placed z: Variable, limit: Int
    ) throws(ModelError) {
        var e = LinearExpression(columns.map { ($0, 1) })
        e.add(z, -Double(min(limit, columns.count)))
        try model.addConstraint(name: "sites_\(p)_\(k)", e, upper: 0)
    }

    /// `fair[p,v,j,k]`, the objective's fairness when a person may hold several stays in a
    /// term: each stay of p in term k costs `fairness × (served + terms p served earlier in the
    /// plan)`. The `served` part is on the x columns (the caller's); this writes the rest, one
    /// product per stay and earlier term: `w[p,v,j,k] ≥ x[p,v,k] + z[p,j] − 1`, w ≥ 0 at cost
    /// `fairness`, so that w = 1 exactly when p holds the stay and served in term j.
    mutating func addStayFairness(
        person p: Int, stays: [Int: [(site: Int, variable: Variable)]], placed z: [Int: Variable], weight: Double
    ) throws(ModelError) {
        guard weight > 0 else { return }
        for (k, cols) in stays.sorted(by: { $0.key < $1.key }) {
            for j in stays.keys.sorted() where j < k {
                guard let zj = z[j] else { continue }
                for c in cols {
                    let w = try model.addVariable(name: "w_\(p)_\(c.site)_\(j)_\(k)", lower: 0, upper: 1, objective: weight)
                    try model.addConstraint(name: "fair_\(p)_\(c.site)_\(j)_\(k)", expr([(c.variable, 1), (zj, 1), (w, -1)]), upper: 1)
                }
            }
        }
    }

    /// `placed[p,v,k]`: x[p,v,k] ≤ z[p,k], so that z is 1 in the LP too wherever p holds a
    /// stay (the `sites` row alone lets z be a fraction); only worth its rows where z is read
    /// across terms (fairness, maxConsecutiveTerms).
    mutating func addPlaced(person p: Int, term k: Int, columns: [(site: Int, variable: Variable)], placed z: Variable)
        throws(ModelError)
    {
        for c in columns {
            try model.addConstraint(name: "placed_\(p)_\(c.site)_\(k)", expr([(c.variable, 1), (z, -1)]), upper: 0)
        }
    }

    /// Valid rows the calendar needs of any assignment (necessary, never cutting a plan that
    /// has a calendar): `vdays[p,m]`: visitsPerMonth · Σ_v x[p,v,k] ≤ p's available working
    /// days in month m (one visit a day); `vpair[p,q,v,k]`: x[p,v,k] + x[q,v,k] ≤ 1 when p and q
    /// have no `visitsPerMonth` common available days `minVisitGapDays` apart in some month of k.
    mutating func addVisitCapacity(
        term k: Int, columns: [Int: [(site: Int, variable: Variable)]], ctx: PlanContext, days: VisitDays
    ) throws(ModelError) {
        let need = ctx.scenario.calendar.visitsPerMonth
        let gap = ctx.scenario.calendar.minVisitGapDays
        let people = columns.keys.sorted()
        for p in people {
            guard let cols = columns[p] else { continue }
            for (i, m) in days.months[k].enumerated() {
                let free = m.days.filter { days.available(p, $0) }.count
                guard need * min(cols.count, ctx.scenario.rules.maxSitesPerPerson) > free else { continue }
                let e = LinearExpression(cols.map { ($0.variable, Double(need)) })
                try model.addConstraint(name: "vdays_\(p)_\(k)_\(i)", e, upper: Double(free))
            }
        }
        // Only someone away on a working day of the term can make a pair fail.
        let away = Set(people.filter { p in days.months[k].contains { m in m.days.contains { !days.available(p, $0) } } })
        for (a, p) in people.enumerated() {
            guard let pc = columns[p] else { continue }
            for q in people[(a + 1)...] where away.contains(p) || away.contains(q) {
                guard let qc = columns[q] else { continue }
                let together = days.months[k].allSatisfy { m in
                    VisitDays.fits(need, gap: gap, in: days.commonDays([p, q], in: m))
                }
                guard !together else { continue }
                let theirs = Dictionary(qc.map { ($0.site, $0.variable) }, uniquingKeysWith: { a, _ in a })
                for c in pc where ctx.minStaff(c.site) >= 2 {
                    guard let d = theirs[c.site] else { continue }
                    try model.addConstraint(name: "vpair_\(p)_\(q)_\(c.site)_\(k)", expr([(c.variable, 1), (d, 1)]), upper: 1)
                }
            }
        }
    }
}
