import MIPModel
import ZhudianCore

/// Which links a ``PricedTeamSolve`` model holds.
extension PricedTeamSolve {
    /// Adds each enterprise's `nearest` possible sites per term, its pinned links and the
    /// baseline's links (the rows for kept stays and pins need their columns).
    func seedSelection(_ selected: inout [[Set<Int>]], nearest: Int = initialLinks) {
        let ctx = basis.ctx
        let T = ctx.terms
        for k in 1...T {
            for (i, u) in basis.ents.enumerated() {
                var taken = 0
                for l in universe[i] where taken < nearest {
                    if basis.possible(u, l.site, k) {
                        selected[k][i].insert(l.site)
                        taken += 1
                    }
                }
            }
            // And each site its nearest senders: a remote site that is nobody's near one
            // made the first LP infeasible (the city example, 30 km at most).
            for (j, v) in basis.ents.enumerated() {
                var taken = 0
                for i in senders[j] where taken < nearest / 2 {
                    if basis.possible(basis.ents[i], v, k) {
                        selected[k][i].insert(v)
                        taken += 1
                    }
                }
            }
        }
        let s = ctx.scenario
        for pin in s.pins where pin.term >= 1 && pin.term <= T {
            guard let v = ctx.index.unit[pin.site] else { continue }
            var home: Int?
            switch pin.subject {
            case .unit(let id): home = ctx.index.unit[id]
            case .person(let id): home = ctx.index.person[id].map { ctx.home($0) }
            }
            if let u = home, basis.node[u] >= 0, basis.node[v] >= 0 { selected[pin.term][basis.node[u]].insert(v) }
        }
        for placed in seed where placed.term >= 1 && placed.term <= T {
            let u = ctx.home(placed.person)
            if basis.node[u] >= 0, basis.node[placed.site] >= 0 { selected[placed.term][basis.node[u]].insert(placed.site) }
        }
        if let base = options.baseline {
            for term in base.terms where term.term >= 1 && term.term <= T {
                for st in term.stays {
                    guard let p = ctx.index.person[st.person], let v = ctx.index.unit[st.site] else { continue }
                    let u = ctx.home(p)
                    if basis.node[u] >= 0, basis.node[v] >= 0 { selected[term.term][basis.node[u]].insert(v) }
                }
            }
        }
    }

    func selection(_ selected: [[Set<Int>]]) -> LinkSelection {
        LinkSelection(sites: selected.map { $0.map { $0.sorted() } })
    }
}
