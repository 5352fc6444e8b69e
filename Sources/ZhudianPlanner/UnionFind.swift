/// Disjoint sets over 0..<n with path halving; roots are the smallest member, so
/// components come out in a deterministic order.
///
/// - Complexity: near-constant amortised per operation.
struct UnionFind {
    private var parent: [Int]

    init(_ n: Int) { parent = Array(0..<n) }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a)
        let rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
