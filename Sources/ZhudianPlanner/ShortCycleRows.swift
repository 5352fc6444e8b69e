import MIPModel

/// Every node set a short cycle could close on, for writing all short-cycle rows
/// `Σ_{i,j∈S} y_ij ≤ |S| − 1` (3 ≤ |S| < minCycle) into a small teams model up front.
///
/// With every such row present the model is complete without lazy rows, so GLPK's presolver
/// and rounding heuristics stay on (as with minCycle 3, where the `pair2` rows suffice), and
/// the LP sees every short cycle at once instead of only those a component of its support
/// shows. Measured (BENCHMARKS.md, issue 21 item 3).
enum ShortCycleRows {
    /// At most this many sets per term are written up front; above, the rows stay lazy.
    static let limit = 2_000

    /// The sets, by node index, or nil when there are more than `limit`.
    static func sets(nodes n: Int, minCycle: Int) -> [[Int]]? {
        guard minCycle > 3 else { return [] }
        var total = 0
        for size in 3..<minCycle {
            total += binomial(n, size)
            if total > limit { return nil }
        }
        var out: [[Int]] = []
        var current: [Int] = []
        func extend(from start: Int, size: Int) {
            if current.count == size {
                out.append(current)
                return
            }
            guard start < n else { return }
            for i in start..<n {
                current.append(i)
                extend(from: i + 1, size: size)
                current.removeLast()
            }
        }
        for size in 3..<minCycle { extend(from: 0, size: size) }
        return out
    }

    private static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var r = 1
        for i in 0..<k { r = r * (n - i) / (i + 1) }
        return r
    }
}

extension RowSink {
    /// `short[S,k]` (rule 6, `minCycle`): `Σ_{i,j∈S} y[i,j,k] ≤ |S| − 1` for each node set `S`
    /// of ``ShortCycleRows/sets(nodes:minCycle:)``. `arcs(i)` gives node `i`'s link columns in
    /// term `k` with the node each one reaches. A set with too few columns to close a cycle
    /// gets no row.
    mutating func addShortCycles(
        _ sets: [[Int]], term k: Int, arcs: (Int) -> [(node: Int, variable: Variable)]
    ) throws(ModelError) {
        for set in sets {
            var e = LinearExpression()
            for i in set {
                for arc in arcs(i) where set.contains(arc.node) { e.add(arc.variable, 1) }
            }
            guard e.terms.count > set.count - 1 else { continue }
            try model.addConstraint(
                name: "short_t\(k)_\(set.map(String.init).joined(separator: "_"))", e, upper: Double(set.count - 1))
        }
    }
}
