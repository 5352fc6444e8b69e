import MIPModel

/// The exact calendar of one component (stage 2's proof): a small MIP that finds visit days
/// whenever any exist, or proves there are none.
///
/// Columns `d[v,t]` ∈ {0,1}: a visit to site v on working day t of a term, where the site's
/// team of that term is all available. Rows: `month[v,m]`: Σ_{t∈m} d[v,t] ≥ visitsPerMonth;
/// `day[p,t]`: Σ_{v∋p} d[v,t] ≤ 1; `gap[v,t]`: Σ_{t ≤ t' < t+minVisitGapDays} d[v,t'] ≤ 1.
/// Objective: each visit costs 1 + its distance in days to the nearest target of
/// ``VisitSpreading`` in its month, so the answer is the spreading rule's wish where it can be.
enum VisitCalendarModel {
    /// What the exact model found.
    enum Outcome {
        case visits([(site: Int, day: Int, people: [Int])])
        /// Proven: no calendar exists for these teams.
        case none
        /// A limit stopped the search before it could say.
        case stopped
        /// The solver failed (a bug or an internal solver error), with why.
        case unknown(String)
    }

    /// Solves the calendar of `teams`.
    static func solve(
        _ teams: VisitTeams, days: VisitDays, perMonth: Int, gap: Int, solver: any MIPSolver, timeLimit: Double?
    ) -> Outcome {
        var model = Model(name: "zhudian_calendar")
        var cols: [(site: Int, day: Int, people: [Int], variable: Variable)] = []
        do {
            for k in 1..<teams.team.count {
                for month in days.months[k] {
                    let length = month.span.dayCount
                    let targets = (0..<perMonth).map { i in
                        (start: month.span.from.dayNumber + i * length / perMonth,
                         width: max(1, (i + 1) * length / perMonth - i * length / perMonth), i: i)
                    }
                    for v in teams.team[k].keys.sorted() {
                        guard let people = teams.team[k][v] else { continue }
                        var row = LinearExpression()
                        for t in days.commonDays(people, in: month) {
                            let away = targets.map { abs(t - ($0.start + (7 * v + 3 * $0.i) % $0.width)) }.min() ?? 0
                            let c = try model.addVariable(name: "d_\(v)_\(t)", kind: .binary, objective: 1 + Double(away))
                            cols.append((v, t, people, c))
                            row.add(c, 1)
                        }
                        try model.addConstraint(name: "month_\(v)_\(k)_\(month.first.dayNumber)", row, lower: Double(perMonth))
                    }
                }
            }
            var byPersonDay: [Int: [Int: [Variable]]] = [:]
            var bySite: [Int: [(day: Int, variable: Variable)]] = [:]
            for c in cols {
                for p in c.people { byPersonDay[p, default: [:]][c.day, default: []].append(c.variable) }
                bySite[c.site, default: []].append((c.day, c.variable))
            }
            for p in byPersonDay.keys.sorted() {
                guard let perDay = byPersonDay[p] else { continue }
                for t in perDay.keys.sorted() {
                    guard let vs = perDay[t], vs.count > 1 else { continue }
                    try model.addConstraint(name: "day_\(p)_\(t)", LinearExpression(vs.map { ($0, 1) }), upper: 1)
                }
            }
            if gap > 1 {
                for v in bySite.keys.sorted() {
                    let list = (bySite[v] ?? []).sorted { $0.day < $1.day }
                    for (i, a) in list.enumerated() {
                        let window = list[i...].prefix { $0.day - a.day < gap }
                        guard window.count > 1 else { continue }
                        try model.addConstraint(name: "gap_\(v)_\(a.day)", LinearExpression(window.map { ($0.variable, 1) }), upper: 1)
                    }
                }
            }
        } catch {
            return .unknown("calendar model: \(error)")
        }
        let result = solver.solve(model, options: SolveOptions(timeLimit: timeLimit))
        switch result.termination {
        case .infeasible:
            return .none
        case .optimal, .timeLimit, .gapLimit, .stopped:
            guard let values = result.values else { return .stopped }
            return .visits(cols.filter { values[$0.variable.index] > 0.5 }.map { ($0.site, $0.day, $0.people) })
        default:
            return .unknown("the calendar search ended with \(result.termination)")
        }
    }
}
