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

/// An undirected graph with capacities, for minimum cuts, as flat arc arrays: a cut tree
/// needs one maximum flow per node, and copying one array of residual capacities per flow is
/// what keeps that cheap.
struct FlowGraph {
    private let size: Int
    private var edges: [(a: Int, b: Int, c: Double)] = []

    init(_ size: Int) { self.size = size }

    mutating func add(_ a: Int, _ b: Int, _ c: Double) {
        guard c > 1e-12 else { return }
        edges.append((a, b, c))
    }

    /// Arcs by tail (`first[u]..<first[u+1]`), with head, capacity and the reverse arc.
    private struct Arcs {
        var first: [Int]
        var head: [Int]
        var capacity: [Double]
        var reverse: [Int]
    }

    private func arcs() -> Arcs {
        var degree = Array(repeating: 0, count: size + 1)
        for e in edges {
            degree[e.a + 1] += 1
            degree[e.b + 1] += 1
        }
        for u in 0..<size { degree[u + 1] += degree[u] }
        var next = degree
        var head = Array(repeating: 0, count: 2 * edges.count)
        var capacity = Array(repeating: 0.0, count: 2 * edges.count)
        var reverse = Array(repeating: 0, count: 2 * edges.count)
        for e in edges {
            let x = next[e.a]
            let y = next[e.b]
            next[e.a] += 1
            next[e.b] += 1
            (head[x], capacity[x], reverse[x]) = (e.b, e.c, y)
            (head[y], capacity[y], reverse[y]) = (e.a, e.c, x)
        }
        return Arcs(first: degree, head: head, capacity: capacity, reverse: reverse)
    }

    /// The source sides of Gusfield's cut tree whose cut value is below `limit` (a flow stops
    /// at `limit`: larger cuts are not wanted, so their sides are only approximate).
    func cutTreeSides(below limit: Double) -> [[Int]] {
        guard size > 1 else { return [] }
        let g = arcs()
        var parent = Array(repeating: 0, count: size)
        var sides: [[Int]] = []
        for s in 1..<size {
            let t = parent[s]
            let (value, side) = Self.minCut(g, s, t, limit: limit)
            for i in (s + 1)..<max(s + 1, size) where side[i] && parent[i] == t { parent[i] = s }
            if value < limit { sides.append((0..<size).filter { side[$0] }) }
        }
        return sides
    }

    /// Edmonds–Karp from s to t, stopped once the flow reaches `limit`; the nodes reachable
    /// from s in the residual graph.
    private static func minCut(_ g: Arcs, _ s: Int, _ t: Int, limit: Double) -> (Double, [Bool]) {
        let n = g.first.count - 1
        var residual = g.capacity
        var flow = 0.0
        var via = Array(repeating: -1, count: n)
        var reached = Array(repeating: false, count: n)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        while true {
            for i in 0..<n { reached[i] = false }
            reached[s] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(s)
            var head = 0
            while head < queue.count, !reached[t] {
                let u = queue[head]
                head += 1
                for arc in g.first[u]..<g.first[u + 1] where residual[arc] > 1e-9 && !reached[g.head[arc]] {
                    reached[g.head[arc]] = true
                    via[g.head[arc]] = arc
                    queue.append(g.head[arc])
                }
            }
            guard reached[t], flow < limit else { return (flow, reached) }
            var push = Double.infinity
            var v = t
            while v != s {
                push = min(push, residual[via[v]])
                v = g.head[g.reverse[via[v]]]
            }
            v = t
            while v != s {
                residual[via[v]] -= push
                residual[g.reverse[via[v]]] += push
                v = g.head[g.reverse[via[v]]]
            }
            flow += push
        }
    }
}
