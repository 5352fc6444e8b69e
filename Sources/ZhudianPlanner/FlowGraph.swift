/// An undirected graph with capacities, for minimum cuts, as flat arc arrays: a cut tree
/// needs one maximum flow per node, each on a fresh copy of one array of residual capacities
/// (at 300 enterprises this measured the same as a dictionary per node; the LP solves dominate).
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
