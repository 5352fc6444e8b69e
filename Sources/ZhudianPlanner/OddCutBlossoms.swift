/// Blossom rows by minimum odd cuts (Padberg–Rao), for LP points where the odd-component
/// heuristic of ``Blossoms`` finds none: at 300 enterprises its converged LP has every
/// fractional pair in one component of 155 nodes, and no handle there has an odd number of
/// whole teeth.
///
/// Every simple 2-factor keeps `x(E(H)) + x(F) ≤ |H| + (|F| − 1)/2` for any node set H and
/// any odd set F of pairs leaving H — teeth need not be disjoint when `x_e ≤ 1`: twice the
/// left side is at most `2|H| + |F|` by the degree rows. Written as
/// `x(δ(H) ∖ F) + Σ_{e∈F} (1 − x_e) ≥ 1`, a violated row is an odd cut below 1 in the graph
/// that splits each pair e = {a, b} by a node k_e, with capacity `x_e` on `a – k_e` and
/// `1 − x_e` on `k_e – b`; k_e is odd, and a node is odd when it is the `1 − x` end of an odd
/// number of pairs (its degree 2 is even). The candidate cuts are those of a Gusfield cut tree;
/// each row is rebuilt from its handle, its teeth chosen greedily and its violation checked
/// again, so a row is kept only when it is valid and cuts the point.
struct OddCutBlossoms {
    /// Node count (enterprises).
    let nodes: Int

    /// Handle and teeth of violated blossom rows; `x` holds `x_e` by pair `(a, b)`, `a < b`.
    ///
    /// - Complexity: one maximum flow per node of the split graph (nodes + fractional pairs).
    func violated(_ x: [CutSet.Pair: Double]) -> [(handle: [Int], teeth: [CutSet.Pair])] {
        let pairs = x.keys.sorted().filter { (x[$0] ?? 0) > 1e-9 }
        let size = nodes + pairs.count
        var graph = FlowGraph(size)
        var odd = Array(repeating: false, count: size)
        for (i, e) in pairs.enumerated() {
            let v = x[e] ?? 0
            let k = nodes + i
            graph.add(e.a, k, v)
            graph.add(k, e.b, max(0, 1 - v))
            odd[k] = true
            odd[e.b].toggle()
        }
        var found: [(handle: [Int], teeth: [CutSet.Pair])] = []
        var seen = Set<[Int]>()
        for side in graph.cutTreeSides(below: 1 - 1e-6) where side.filter({ odd[$0] }).count % 2 == 1 {
            var handle = side.filter { $0 < nodes }
            if handle.count * 2 > nodes {
                let inside = Set(handle)
                handle = (0..<nodes).filter { !inside.contains($0) }
            }
            guard handle.count >= 2, seen.insert(handle).inserted,
                let row = Self.row(handle: handle, x, nodes: nodes)
            else { continue }
            found.append(row)
        }
        return found
    }

    /// The most violated teeth for `handle`: every pair leaving it above ½, the one nearest ½
    /// added or dropped to make their number odd; nil when the row does not cut `x`.
    static func row(handle: [Int], _ x: [CutSet.Pair: Double], nodes: Int) -> (handle: [Int], teeth: [CutSet.Pair])? {
        var inH = Array(repeating: false, count: nodes)
        for i in handle { inH[i] = true }
        var inside = 0.0
        var leaving: [(pair: CutSet.Pair, value: Double)] = []
        for (e, v) in x where v > 1e-9 {
            if inH[e.a] && inH[e.b] { inside += v } else if inH[e.a] != inH[e.b] { leaving.append((e, v)) }
        }
        leaving.sort { $0.pair < $1.pair }
        var teeth = Set(leaving.filter { $0.value > 0.5 }.map(\.pair))
        if teeth.count % 2 == 0 {
            guard let flip = leaving.min(by: { (abs($0.value - 0.5), $0.pair) < (abs($1.value - 0.5), $1.pair) }) else { return nil }
            if teeth.contains(flip.pair) { teeth.remove(flip.pair) } else { teeth.insert(flip.pair) }
        }
        let lhs = inside + teeth.reduce(0) { $0 + (x[$1] ?? 0) }
        let rhs = Double(handle.count) + Double(teeth.count - 1) / 2
        guard lhs > rhs + 1e-6 else { return nil }
        return (handle.sorted(), teeth.sorted())
    }
}
