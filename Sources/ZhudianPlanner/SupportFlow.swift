/// Directed maximum flows from node 0 over an LP point's support, for ``CycleCuts``'s
/// min-cut separation: arcs in flat arrays (by tail, heads ascending, each with its
/// reverse), so one flow per sink costs no hashing.
struct SupportFlow {
    private let nodes: Int
    /// Arcs of node u: `first[u]..<first[u + 1]`.
    private let first: [Int]
    private let head: [Int]
    private let capacity: [Double]
    private let reverse: [Int]

    /// `arcs`: tail, head and value; values of one pair add up, values ≤ 1e-9 are left out.
    init(nodes: Int, _ arcs: [(from: Int, to: Int, value: Double)]) {
        self.nodes = nodes
        var cap = Array(repeating: [Int: Double](), count: nodes)
        for a in arcs where a.value > 1e-9 { cap[a.from][a.to, default: 0] += a.value }
        var neighbours = Array(repeating: Set<Int>(), count: nodes)
        for u in 0..<nodes {
            for v in cap[u].keys {
                neighbours[u].insert(v)
                neighbours[v].insert(u)
            }
        }
        let order = neighbours.map { $0.sorted() }
        var first = [0]
        for u in 0..<nodes { first.append(first[u] + order[u].count) }
        var head = [Int]()
        var capacity = [Double]()
        for u in 0..<nodes {
            for v in order[u] {
                head.append(v)
                capacity.append(cap[u][v] ?? 0)
            }
        }
        // The reverse of u → v sits in v's list at u's place; neighbours are symmetric and
        // both lists ascend, so one cursor per node walks them in step.
        var reverse = Array(repeating: 0, count: head.count)
        var cursor = first
        for u in 0..<nodes {
            for arc in first[u]..<first[u + 1] {
                reverse[arc] = cursor[head[arc]]
                cursor[head[arc]] += 1
            }
        }
        self.first = first
        self.head = head
        self.capacity = capacity
        self.reverse = reverse
    }

    /// The nodes reachable from 0 in the residual graph of a maximum 0 → t flow, when that
    /// flow is below 1 (Edmonds–Karp, breadth first with heads in ascending order); nil once
    /// the flow reaches 1.
    func sourceSideBelowOne(to t: Int) -> [Bool]? {
        var residual = capacity
        var flow = 0.0
        var via = Array(repeating: -1, count: nodes)
        var reached = Array(repeating: false, count: nodes)
        var queue: [Int] = []
        queue.reserveCapacity(nodes)
        while true {
            for i in 0..<nodes { reached[i] = false }
            reached[0] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(0)
            var next = 0
            while next < queue.count, !reached[t] {
                let u = queue[next]
                next += 1
                for arc in first[u]..<first[u + 1] where !reached[head[arc]] && residual[arc] > 1e-9 {
                    reached[head[arc]] = true
                    via[head[arc]] = arc
                    queue.append(head[arc])
                }
            }
            guard reached[t] else { return reached }
            var push = Double.infinity
            var v = t
            while v != 0 {
                push = min(push, residual[via[v]])
                v = head[reverse[via[v]]]
            }
            v = t
            while v != 0 {
                residual[via[v]] -= push
                residual[reverse[via[v]]] += push
                v = head[reverse[via[v]]]
            }
            flow += push
            if flow >= 1 - 1e-6 { return nil }
        }
    }
}
