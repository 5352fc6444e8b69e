import MIPModel

extension TeamFormulation {
    /// Rows found earlier (``CutSet``: subtour, blossom) as ordinary rows; returns their
    /// indices in `pool` order. Each link's coefficient is ``CutSet/coefficient(from:to:uIn:vIn:isTooth:)``.
    static func addPool(
        _ sink: inout RowSink, basis: TeamBasis, pool: [CutSet], y: [[Int: Variable]], out: SiteLinks
    ) throws(ModelError) -> [Int] {
        let ents = basis.ents
        let node = basis.node
        // Links into each node per term, for crossing rows (their links into the set count too).
        var into: [[[(from: Int, variable: Variable)]]] = []
        if pool.contains(where: { $0.crossing && !$0.teeth.isEmpty }) {
            into = out.map { _ in Array(repeating: [], count: ents.count) }
            for (k, byNode) in out.enumerated() {
                for (i, links) in byNode.enumerated() {
                    for l in links { into[k][node[l.site]].append((i, l.variable)) }
                }
            }
        }
        var rows: [Int] = []
        var inS = Array(repeating: false, count: ents.count)
        for (c, cut) in pool.enumerated() {
            for i in cut.members { inS[i] = true }
            let teeth = Set(cut.teeth)
            var e = LinearExpression()
            for i in cut.members {
                for l in out[cut.term][i] {
                    let j = node[l.site]
                    let a = cut.coefficient(from: i, to: j, uIn: true, vIn: inS[j]) { teeth.contains($0) }
                    if a != 0 { e.add(l.variable, a) }
                }
                // Links from outside the set: only a crossing blossom or an inside tooth counts them.
                guard !cut.teeth.isEmpty else { continue }
                if cut.crossing {
                    for l in into[cut.term][i] where !inS[l.from] {
                        let a = cut.coefficient(from: l.from, to: i, uIn: false, vIn: true) { teeth.contains($0) }
                        if a != 0 { e.add(l.variable, a) }
                    }
                }
            }
            if !cut.crossing {
                // Inside form: a tooth's link from its outer end.
                for t in cut.teeth {
                    let (inner, outer) = inS[t.a] ? (t.a, t.b) : (t.b, t.a)
                    if let v = y[cut.term][ents[outer] * basis.ctx.scenario.units.count + ents[inner]] { e.add(v, 1) }
                }
            }
            for i in cut.members { inS[i] = false }
            let kind = cut.teeth.isEmpty ? "sec" : "blossom"
            // The same name in either form: a basis moves between them by names.
            rows.append(
                try sink.model.addConstraint(
                    name: "\(kind)\(c)_t\(cut.term)_\(cut.members.count)", e, upper: cut.upperBound
                ).index)
        }
        return rows
    }
}
