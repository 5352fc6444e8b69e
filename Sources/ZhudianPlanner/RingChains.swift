/// Lin–Kernighan-type chains of moves for a ring built by ``LinkConstruction``: a sequence
/// of run reversals, each breaking the arc from a fixed node `t1` that the previous one made,
/// kept as soon as the whole chain lowers the ring's weight and undone otherwise. A chain of
/// `depth` reversals is a sequential (depth + 1)-opt move; 2-opt and or-opt alone cannot reach
/// what such moves reach (their local optima differ from LKH-3's rings in whole alternating
/// cycles of links, docs/FORMULATION.md, "Rings against LKH-3").
///
/// Written here by hand: no package this project may use implements Lin–Kernighan moves.
/// Deterministic: candidates in a fixed order, fixed breadth and depth, no clock.
struct RingChains {
    /// For each node the heads of its lightest candidate arcs, lightest first.
    let near: [[Int]]
    /// How many candidates are tried at each level of a chain (one beyond the list).
    let breadth: [Int]
    /// The most reversals in one chain.
    let depth: Int
    /// The longest run one reversal may turn round (the kicks' descents keep it short).
    let maxRun: Int

    /// Candidate lists from arc lists: the `count` lightest heads of each node's arcs.
    static func candidates(_ outgoing: [[Int]], count: Int, _ w: (Int, Int) -> Double?) -> [[Int]] {
        outgoing.indices.map { u in
            outgoing[u].compactMap { v in w(u, v).map { (v, $0) } }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                .prefix(count).map(\.0)
        }
    }

    /// The change in weight when the run `t2 … t4` between `t1` and `t3` is reversed
    /// (`t1 → t2 … t4 → t3` becomes `t1 → t4 … t2 → t3`); nil when an arc is missing or the
    /// run is longer than ``maxRun``.
    ///
    /// - Complexity: O(length of the run).
    func reversalChange(
        _ t1: Int, _ t2: Int, _ t4: Int, _ t3: Int, _ succ: [Int], _ w: (Int, Int) -> Double?
    ) -> Double? {
        guard let in1 = w(t1, t4), let in2 = w(t2, t3), let out1 = w(t1, t2), let out2 = w(t4, t3) else {
            return nil
        }
        var change = in1 + in2 - out1 - out2
        var v = t2
        var length = 1
        while v != t4 {
            guard length < maxRun else { return nil }
            let next = succ[v]
            guard let forward = w(v, next), let backward = w(next, v) else { return nil }
            change += backward - forward
            v = next
            length += 1
        }
        return change
    }

    /// Reverses the run `t2 … t4` between `t1` and `t3`; the same call with `t2` and `t4`
    /// swapped undoes it.
    static func reverse(_ t1: Int, _ t2: Int, _ t4: Int, _ t3: Int, _ succ: inout [Int], _ pred: inout [Int]) {
        var v = t2
        while true {
            let next = succ[v]
            succ[v] = pred[v]
            pred[v] = next
            if v == t4 { break }
            v = next
        }
        succ[t1] = t4
        pred[t4] = t1
        succ[t2] = t3
        pred[t3] = t2
    }

    /// A chain from `t1` that lowers the ring's weight, applied; its change (< 0) and the
    /// nodes whose arcs it replaced, or nil (the ring unchanged) when none is found.
    func improve(
        from t1: Int, _ succ: inout [Int], _ pred: inout [Int], _ w: (Int, Int) -> Double?
    ) -> (change: Double, touched: [Int])? {
        var applied: [(t2: Int, t4: Int, t3: Int)] = []
        var total = 0.0
        // One level: the ring holds t1 → t2, the arc the next reversal breaks.
        func step(_ level: Int) -> Bool {
            let t2 = succ[t1]
            guard let open = w(t1, t2) else { return false }
            // What the chain has removed minus what it added, leaving t1 → t2 out: the
            // gain criterion keeps it positive.
            let gain = open - total
            var options: [(t3: Int, t4: Int, score: Double)] = []
            for t3 in near[t2] where t3 != t1 && t3 != succ[t2] {
                guard let add = w(t2, t3), gain - add > 1e-9 else { continue }
                let t4 = pred[t3]
                guard let drop = w(t4, t3) else { continue }
                options.append((t3, t4, drop - add))
            }
            options.sort { ($0.score, $1.t3) > ($1.score, $0.t3) }
            let tries = level < breadth.count ? breadth[level] : 1
            for option in options.prefix(tries) {
                guard let change = reversalChange(t1, t2, option.t4, option.t3, succ, w) else { continue }
                let before = total
                Self.reverse(t1, t2, option.t4, option.t3, &succ, &pred)
                applied.append((t2, option.t4, option.t3))
                total += change
                if total < -1e-9 { return true }
                if level + 1 < depth && step(level + 1) { return true }
                applied.removeLast()
                Self.reverse(t1, option.t4, t2, option.t3, &succ, &pred)
                total = before
            }
            return false
        }
        guard step(0) else { return nil }
        var touched = [t1]
        for move in applied { touched += [move.t2, move.t4, move.t3] }
        return (total, touched)
    }

    /// Chains from `active` nodes, and from every node a kept chain touched ("don't look
    /// bits"), until none improves or `20 · n` starts were tried. Returns the change (≤ 0).
    func descend(
        _ succ: inout [Int], _ pred: inout [Int], active: [Int], _ w: (Int, Int) -> Double?
    ) -> Double {
        let n = succ.count
        guard n >= 5 else { return 0 }
        var queue = active.reversed() as [Int]
        var queued = Array(repeating: false, count: n)
        for v in active { queued[v] = true }
        var change = 0.0
        var starts = 0
        while let t1 = queue.popLast(), starts < 20 * n {
            queued[t1] = false
            starts += 1
            guard let found = improve(from: t1, &succ, &pred, w) else { continue }
            change += found.change
            for v in found.touched + [pred[t1]] where !queued[v] {
                queued[v] = true
                queue.append(v)
            }
        }
        return change
    }
}
