/// A partition crossover of two rings over the same nodes (after Whitley's GPX): the links
/// the rings share are kept, the others split into components (nodes joined by a link of
/// either ring that is not in both), and each component takes the links of the ring lighter
/// there, as long as the whole stays one ring.
///
/// Directed links: a component's links keep their own direction, and every link crossing a
/// component's border is in both rings (a link in one ring only joins its ends into one
/// component), so both rings enter and leave it through the same links and taking either
/// ring's links inside it leaves every node one successor and one predecessor. Entered
/// once, each ring crosses it in one run from the same entry to the same exit, and the swap
/// always keeps one ring; entered more often, the runs may pair entries and exits otherwise,
/// so the swap is kept only when the child is still one ring (checked). No fusion of
/// components (GPX2's refinement) here: at 1000 enterprises most of the difference between
/// the construction's rings is one large component entered 60 times.
///
/// Written here by hand: no package this project may use implements it. Deterministic.
enum RingCrossover {
    /// The child of rings `a` and `b` (successor of each node, one ring each): `a` with the
    /// components where `b` is lighter taken from `b` (in the order of their least node),
    /// each while the child stays one ring; so one ring, never heavier than `a`. The rings'
    /// links must have a weight (`w` non-nil).
    ///
    /// - Complexity: O(n · components).
    static func combine(_ a: [Int], _ b: [Int], _ w: (Int, Int) -> Double?) -> [Int] {
        let n = a.count
        precondition(b.count == n, "rings over different nodes")
        // Components of the links in one ring only.
        var sets = UnionFind(n)
        for v in 0..<n where a[v] != b[v] {
            sets.union(v, a[v])
            sets.union(v, b[v])
        }
        // Per component: how many links of `a` enter it, and its weight in each ring.
        var entries = Array(repeating: 0, count: n)
        var weightA = Array(repeating: 0.0, count: n)
        var weightB = Array(repeating: 0.0, count: n)
        var differs = Array(repeating: false, count: n)
        for v in 0..<n {
            let root = sets.find(v)
            if sets.find(a[v]) != root { entries[sets.find(a[v])] += 1 }
            if a[v] != b[v] { differs[root] = true }
            guard let wa = w(v, a[v]), let wb = w(v, b[v]) else {
                preconditionFailure("a ring's link \(v) has no weight")
            }
            weightA[root] += wa
            weightB[root] += wb
        }
        var child = a
        for root in 0..<n where sets.find(root) == root && differs[root] {
            guard weightB[root] < weightA[root] - 1e-9 else { continue }
            var trial = child
            for v in 0..<n where sets.find(v) == root { trial[v] = b[v] }
            if entries[root] == 1 || LinkConstruction.tour(trial) != nil {
                child = trial
            }
        }
        return child
    }

    /// The lightest ring of `rings` combined with each other in turn (in their order), each
    /// child kept when lighter; nil when no child was lighter than the lightest ring.
    static func combineAll(_ rings: [[Int]], _ w: (Int, Int) -> Double?) -> [Int]? {
        func weight(_ ring: [Int]) -> Double { ring.indices.reduce(0.0) { $0 + (w($1, ring[$1]) ?? .infinity) } }
        let weights = rings.map(weight)
        guard let first = weights.indices.min(by: { weights[$0] < weights[$1] }) else { return nil }
        var best = rings[first]
        var bestWeight = weights[first]
        for i in rings.indices where i != first {
            let child = combine(best, rings[i], w)
            let childWeight = weight(child)
            if childWeight < bestWeight - 1e-9 {
                best = child
                bestWeight = childWeight
            }
        }
        return bestWeight < weights[first] - 1e-9 ? best : nil
    }
}
