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
        violatedSets(point, minCuts: nodes <= Self.minCutNodes).compactMap { subtourRow($0, point) }
    }

    /// Node sets S whose subtour row `Σ_{i,j∈S} y_ij ≤ |S| − 1` `point` violates: the
    /// components of the support that are proper subtours (or short cycles), and, for a ring
    /// with a connected support and `minCuts`, sets found by minimum cuts.
    func violatedSets(_ point: [Double], minCuts: Bool) -> [[Int]] {
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
        var found: [[Int]] = []
        for comp in comps {
            let cut: Bool
            if let m = minCycle {
                cut = comp.count < m
            } else {
                cut = comp.count < nodes
            }
            guard cut, subtourRow(comp, point) != nil else { continue }
            found.append(comp)
        }
        // A single connected support can still hide a subtour at a fractional point: a set S
        // whose links leave it with total value below 1. Min cuts find those. Measured
        // (BENCHMARKS.md): 5× faster proofs at 30 enterprises, slower at 100, where the
        // nodes−1 max-flows per call cost more than the tighter LP saves.
        if minCycle == nil, minCuts, found.isEmpty, comps.count == 1, comps[0].count == nodes {
            found = minCutSets(point)
        }
        return found
    }

    /// Rings up to this many enterprises also get min-cut separation at fractional points.
    static let minCutNodes = 60

    /// `Σ_{i,j∈S} y_ij ≤ |S| − 1` for the node set `members`, when `point` violates it.
    func subtourRow(_ members: [Int], _ point: [Double]) -> LazyRow? {
        var inS = Array(repeating: false, count: nodes)
        for i in members { inS[i] = true }
        var expr = LinearExpression()
        var inside = 0.0
        for a in arcs where inS[a.from] && inS[a.to] {
            expr.add(a.variable, 1)
            inside += point[a.variable.index]
        }
        let rhs = Double(members.count - 1)
        guard inside > rhs + 1e-6 else { return nil }
        return LazyRow(name: "\(name)_sec\(members.count)_\(members[0])", expr, upper: rhs)
    }

    /// For every sink t, a minimum 0 → t cut of the support graph (capacities = link values,
    /// Edmonds–Karp); a cut below 1 gives a violated subtour row on the source side. Rows are
    /// deduplicated by node set. Residual capacities sit in flat arrays, arcs of a node in
    /// ascending head order (a dictionary per node cost a sixth of ring 300's run in hashing).
    ///
    /// - Complexity: O(nodes · nodes · support²) in the worst case; the support of an LP point
    ///   over an assignment polytope is small (about 2·nodes arcs).
    private func minCutSets(_ point: [Double]) -> [[Int]] {
        let flow = SupportFlow(nodes: nodes, arcs.map { ($0.from, $0.to, point[$0.variable.index]) })
        var seen = Set<[Int]>()
        var rows: [[Int]] = []
        for t in 1..<nodes {
            guard let sourceSide = flow.sourceSideBelowOne(to: t) else { continue }
            let members = (0..<nodes).filter { sourceSide[$0] }
            guard members.count < nodes, seen.insert(members).inserted, subtourRow(members, point) != nil
            else { continue }
            rows.append(members)
        }
        return rows
    }
}
