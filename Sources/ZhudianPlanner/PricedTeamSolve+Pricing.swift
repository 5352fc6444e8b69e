import MIPModel
import ZhudianCore

/// Reduced costs of left-out links: what makes ``PricedTeamSolve``'s bound a bound of the full model.
extension PricedTeamSolve {
    /// A left-out link and its reduced cost.
    struct Priced {
        let term: Int
        let node: Int
        let site: Int
        let reducedCost: Double
    }

    /// Row duals of one LP solve, by term and node; pool rows with a non-zero dual.
    struct Duals {
        var send: [[Double]]
        var recv: [[Double]]
        var team: [[Double]]
        var pool: [(cut: CutSet, dual: Double)] = []

        init(_ lp: RelaxationResult, rows: TeamRowIndex, pool cuts: [CutSet]) {
            self.init(rowDuals: lp.rowDuals, rows: rows, pool: cuts)
        }

        /// The duals `rowDuals` of a model with row index `rows`, optimal or not.
        init(rowDuals: [Double], rows: TeamRowIndex, pool cuts: [CutSet]) {
            func read(_ index: [[Int]]) -> [[Double]] {
                index.map { $0.map { $0 >= 0 ? rowDuals[$0] : 0 } }
            }
            send = read(rows.send)
            recv = read(rows.recv)
            team = read(rows.team)
            for (c, row) in rows.pool.enumerated() where rowDuals[row] != 0 {
                pool.append((cuts[c], rowDuals[row]))
            }
        }
    }

    /// Left-out possible links whose reduced cost under `duals` is below `limit`, at most
    /// `perUnit` (the most negative) per enterprise and term, in a fixed order.
    ///
    /// Reduced cost of y[u,v,k]: `cost − π(send u) − π(recv v) + need(v)·π(team u)
    /// − Σ π(pool rows whose set holds u and v) − Σ π(blossom rows with tooth {u, v})`. Rows that would only exist once the link
    /// does (pair2, ban, pcool, ccool) have dual 0.
    ///
    /// - Complexity: O(T · (E² + E · pool rows)) for E enterprises.
    func price(_ duals: Duals, _ selected: [[Set<Int>]], below limit: Double, perUnit: Int) -> [Priced] {
        let ctx = basis.ctx
        let n = basis.ents.count
        let need = basis.ents.map { Double(ctx.minStaff($0)) }
        var found: [Priced] = []
        for k in 1...ctx.terms {
            let cuts = duals.pool.filter { $0.cut.term == k }
            var member = Array(repeating: [Bool](), count: cuts.count)
            var cutsOf = Array(repeating: [Int](), count: n)
            var teethOf = Array(repeating: [Int: Double](), count: n)
            for (c, cut) in cuts.enumerated() {
                member[c] = Array(repeating: false, count: n)
                for i in cut.cut.members {
                    member[c][i] = true
                    cutsOf[i].append(c)
                }
                for t in cut.cut.teeth {
                    teethOf[t.a][t.b, default: 0] += cut.dual
                    teethOf[t.b][t.a, default: 0] += cut.dual
                }
            }
            for (i, u) in basis.ents.enumerated() {
                let ps = duals.send[k][i]
                let pt = duals.team[k][i]
                var best: [Priced] = []
                // Once `perUnit` are kept, the worst of them: a link that would not displace
                // it is skipped before the costlier checks (with no limit, as for a bound,
                // every pair got them: 1.7 s of the 10 s before stage 0 at 3000 enterprises).
                var cutoff: (d: Double, site: Int)?
                for l in universe[i] {
                    let j = basis.node[l.site]
                    var d = l.cost - ps - duals.recv[k][j] + need[j] * pt
                    for c in cutsOf[i] where member[c][j] { d -= cuts[c].dual }
                    if !teethOf[i].isEmpty, let t = teethOf[i][j] { d -= t }
                    guard d < limit else { continue }
                    if let c = cutoff, (d, l.site) >= (c.d, c.site) { continue }
                    guard !selected[k][i].contains(l.site), basis.possible(u, l.site, k) else { continue }
                    best.append(Priced(term: k, node: i, site: l.site, reducedCost: d))
                    if best.count >= perUnit {
                        best.sort { ($0.reducedCost, $0.site) < ($1.reducedCost, $1.site) }
                        if best.count > perUnit { best.removeLast() }
                        cutoff = best.last.map { ($0.reducedCost, $0.site) }
                    }
                }
                found += best
            }
        }
        return found
    }

    /// The least `L + d` over left-out links (∞ when none is left out).
    static func floor(_ priced: [Priced], _ L: Double) -> Double {
        guard let d = priced.map(\.reducedCost).min() else { return .infinity }
        return L + max(0, d)
    }
}
