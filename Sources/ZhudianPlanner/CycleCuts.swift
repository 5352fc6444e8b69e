import MIPModel

/// Separates subtour-elimination rows `Σ_{i,j∈S} y_ij ≤ |S| − 1` over one term's unit-level links.
///
/// Used for `ring` (every proper component is a subtour) and for `cycles` with
/// `minCycle` ≥ 3 (every component smaller than `minCycle` is a short cycle).
/// At integral points the components of the support graph are exactly the
/// cycles, so every infeasible integral point gets a violated row, as GLPK's
/// lazy-row contract requires; at fractional points a component that holds all
/// of its nodes' flow is also violated, which tightens the LP for free.
struct CycleCuts {
    /// Node count (enterprises).
    let nodes: Int
    /// Arcs: node indices and the column of their link variable.
    let arcs: [(from: Int, to: Int, variable: Variable)]
    /// `nil` for a single ring; otherwise the least cycle length.
    let minCycle: Int?
    /// A prefix for row names.
    let name: String

    /// Rows violated at `point`.
    ///
    /// - Complexity: O(nodes + arcs) per call, plus the size of the rows returned.
    func separate(_ point: [Double]) -> [LazyRow] {
        var sets = UnionFind(nodes)
        var touched = Array(repeating: false, count: nodes)
        for a in arcs where point[a.variable.index] > 1e-6 {
            touched[a.from] = true
            touched[a.to] = true
            sets.union(a.from, a.to)
        }
        var members: [[Int]] = Array(repeating: [], count: nodes)
        for i in 0..<nodes where touched[i] { members[sets.find(i)].append(i) }
        let comps = members.filter { !$0.isEmpty }
        var rows: [LazyRow] = []
        for comp in comps {
            let cut: Bool
            if let m = minCycle {
                cut = comp.count < m
            } else {
                cut = comp.count < nodes
            }
            guard cut else { continue }
            var inS = Array(repeating: false, count: nodes)
            for i in comp { inS[i] = true }
            var expr = LinearExpression()
            var inside = 0.0
            for a in arcs where inS[a.from] && inS[a.to] {
                expr.add(a.variable, 1)
                inside += point[a.variable.index]
            }
            let rhs = Double(comp.count - 1)
            guard inside > rhs + 1e-6 else { continue }
            rows.append(
                LazyRow(name: "\(name)_sec\(comp.count)_\(comp[0])", expr, upper: rhs))
        }
        return rows
    }
}
