import MIPModel

extension TeamFormulation {
    /// Rows found earlier (``CutSet``: subtour, blossom) as ordinary rows; returns their
    /// indices in `pool` order.
    static func addPool(
        _ sink: inout RowSink, basis: TeamBasis, pool: [CutSet], y: [[Int: Variable]], out: SiteLinks
    ) throws(ModelError) -> [Int] {
        let ents = basis.ents
        let node = basis.node
        let nU = basis.ctx.scenario.units.count
        var rows: [Int] = []
        for (c, cut) in pool.enumerated() {
            var inS = Array(repeating: false, count: ents.count)
            for i in cut.members { inS[i] = true }
            var e = LinearExpression()
            for i in cut.members {
                for l in out[cut.term][i] where inS[node[l.site]] { e.add(l.variable, 1) }
            }
            for t in cut.teeth {
                if let c = y[cut.term][ents[t.a] * nU + ents[t.b]] { e.add(c, 1) }
                if let c = y[cut.term][ents[t.b] * nU + ents[t.a]] { e.add(c, 1) }
            }
            let kind = cut.teeth.isEmpty ? "sec" : "blossom"
            rows.append(
                try sink.model.addConstraint(
                    name: "\(kind)\(c)_t\(cut.term)_\(cut.members.count)", e, upper: cut.bound
                ).index)
        }
        return rows
    }
}
