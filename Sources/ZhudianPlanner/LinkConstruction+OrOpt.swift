/// Or-opt for ``LinkConstruction`` (and ``CycleLocalSearch``): a run of one to three nodes
/// moves, without reversal, to a cheaper place.
extension LinkConstruction {
    /// An or-opt move: the run `a … e` leaves `p → a`, `e → q` and goes between `c` and `d`.
    struct OrOptMove {
        let p: Int, q: Int, c: Int, d: Int, a: Int, e: Int
        /// The change in total weight (< 0 for a move local search found).
        let delta: Double

        func apply(_ succ: inout [Int], _ pred: inout [Int]) {
            succ[p] = q
            pred[q] = p
            succ[c] = a
            pred[a] = c
            succ[e] = d
            pred[d] = e
        }
    }

    /// The first improving or-opt move of the run of `length` nodes from `a`, to a place
    /// after one of `into[a]` that `allowed` accepts; nil when none gains.
    static func orOptMove(
        _ a: Int, length: Int, _ succ: [Int], _ pred: [Int], _ into: [[Int]], _ w: (Int, Int) -> Double?,
        allowed: (Int) -> Bool = { _ in true }
    ) -> OrOptMove? {
        // The run is walked, not stored: this runs for every node a kick touches, and
        // allocating the run (one to three nodes) cost more than pricing it.
        var e = a
        for _ in 1..<length { e = succ[e] }
        func inRun(_ x: Int) -> Bool {
            var v = a
            for _ in 0..<length {
                if v == x { return true }
                v = succ[v]
            }
            return false
        }
        let p = pred[a]
        let q = succ[e]
        guard !inRun(p), !inRun(q), p != q,
            let out1 = w(p, a), let out2 = w(e, q), let join = w(p, q)
        else { return nil }
        let gain = out1 + out2 - join
        guard gain > 1e-9 else { return nil }
        for c in into[a] where c != p && !inRun(c) && allowed(c) {
            let d = succ[c]
            guard !inRun(d), let in1 = w(c, a), let in2 = w(e, d), let old = w(c, d) else { continue }
            let delta = in1 + in2 - old - gain
            if delta < -1e-9 { return OrOptMove(p: p, q: q, c: c, d: d, a: a, e: e, delta: delta) }
        }
        return nil
    }

    /// Or-opt: move a run of one to three nodes to a cheaper place in the ring, until no move
    /// gains (at most 50 passes). Returns whether it moved.
    @discardableResult
    func improveRing(
        _ succ: inout [Int], _ pred: inout [Int], _ into: [[Int]], _ w: (Int, Int) -> Double?
    ) -> Bool {
        let n = nodes
        guard n >= 6 else { return false }
        var any = false
        var passes = 0
        var improved = true
        while improved && passes < 50 {
            improved = false
            passes += 1
            for a in 0..<n {
                for length in 1...3 {
                    if let move = Self.orOptMove(a, length: length, succ, pred, into, w) {
                        move.apply(&succ, &pred)
                        improved = true
                        any = true
                    }
                    if improved { break }
                }
            }
        }
        return any
    }
}
