import ZhudianCore

/// Local search for a cover by disjoint directed cycles of at least `least` nodes each
/// (`structure: cycles`), used by ``LinkConstruction`` after its greedy pass.
///
/// Moves, none of which reverses a run (costs are not symmetric):
/// - **successor swap** of `a` and `c`: `a → succ c`, `c → succ a`. Across two cycles it
///   merges them; inside one it splits it (both parts must keep `least` nodes);
/// - **or-opt**: a run of one to three nodes moves between `c` and `succ c`, in its own
///   cycle or another one (the cycle it leaves must keep `least` nodes).
///
/// Only nodes next to a change are searched again ("don't look bits"), so a move costs
/// about the degree of its nodes plus the length of the cycles it relabels.
struct CycleLocalSearch {
    let nodes: Int
    let least: Int
    /// Arcs given to the construction, by tail: where a cheap move can go.
    let outgoing: [[Int]]
    let incoming: [[Int]]

    /// Which cycle each node is on, its place there, and each cycle's length.
    struct Labels {
        var id: [Int]
        var position: [Int]
        var size: [Int]
        var free: [Int] = []

        init(_ succ: [Int]) {
            let n = succ.count
            id = Array(repeating: -1, count: n)
            position = Array(repeating: 0, count: n)
            size = []
            for s in 0..<n where id[s] < 0 {
                size.append(0)
                relabel(from: s, as: size.count - 1, succ)
            }
        }

        /// Walks the cycle through `start`, giving it `label` and positions from 0.
        mutating func relabel(from start: Int, as label: Int, _ succ: [Int]) {
            var v = start
            var k = 0
            repeat {
                id[v] = label
                position[v] = k
                k += 1
                v = succ[v]
            } while v != start
            size[label] = k
        }

        /// A label no cycle uses.
        mutating func fresh() -> Int {
            if let l = free.popLast() { return l }
            size.append(0)
            return size.count - 1
        }
    }

    /// Improves `succ` until no move around `active` gains; returns the change in total
    /// weight (≤ 0). `w` is the arc weight, nil where no arc may be used.
    func descend(
        _ succ: inout [Int], _ pred: inout [Int], _ labels: inout Labels, active: [Int],
        _ w: (Int, Int) -> Double?
    ) -> Double {
        var queue = active
        var queued = Set(active)
        var change = 0.0
        var steps = 0
        func push(_ vs: [Int]) {
            for v in vs where queued.insert(v).inserted { queue.append(v) }
        }
        while let a = queue.popLast(), steps < 50 * nodes {
            queued.remove(a)
            steps += 1
            if let (delta, touched) = swap(a, &succ, &pred, &labels, w) ?? orOpt(a, &succ, &pred, &labels, w) {
                change += delta
                push(touched)
            }
        }
        return change
    }

    /// The best improving successor swap of `a` with any `c` whose successor `a` may link
    /// to; applied. Returns the gain and the nodes touched.
    private func swap(
        _ a: Int, _ succ: inout [Int], _ pred: inout [Int], _ labels: inout Labels, _ w: (Int, Int) -> Double?
    ) -> (Double, [Int])? {
        let b = succ[a]
        guard let ab = w(a, b) else { return nil }
        var best: (delta: Double, c: Int)?
        for d in outgoing[a] where d != b {
            let c = pred[d]
            guard c != a, let ad = w(a, d), let cb = w(c, b), let cd = w(c, d) else { continue }
            let delta = ad + cb - ab - cd
            guard delta < -1e-9, delta < (best?.delta ?? 0), splitKeepsLength(a, c, succ, labels) else { continue }
            best = (delta, c)
        }
        guard let (delta, c) = best else { return nil }
        let d = succ[c]
        applySwap(a, c, &succ, &pred, &labels)
        return (delta, [a, b, c, d])
    }

    /// Whether swapping the successors of `a` and `c` leaves every cycle `least` long: across
    /// two cycles it merges them; inside one it splits it into `succ a … c` and `succ c … a`.
    private func splitKeepsLength(_ a: Int, _ c: Int, _ succ: [Int], _ labels: Labels) -> Bool {
        guard labels.id[a] == labels.id[c] else { return true }
        let length = labels.size[labels.id[a]]
        let first = (labels.position[c] - labels.position[succ[a]] + length) % length + 1
        return first >= least && length - first >= least
    }

    /// `a → succ c`, `c → succ a`, and the cycles it merges or splits relabelled.
    private func applySwap(_ a: Int, _ c: Int, _ succ: inout [Int], _ pred: inout [Int], _ labels: inout Labels) {
        let b = succ[a]
        let d = succ[c]
        let split = labels.id[a] == labels.id[c]
        if !split { labels.free.append(labels.id[c]) }
        succ[a] = d
        pred[d] = a
        succ[c] = b
        pred[b] = c
        labels.relabel(from: a, as: labels.id[a], succ)
        if split { labels.relabel(from: c, as: labels.fresh(), succ) }
    }

    /// The first improving or-opt move of the run starting at `a`; applied.
    private func orOpt(
        _ a: Int, _ succ: inout [Int], _ pred: inout [Int], _ labels: inout Labels, _ w: (Int, Int) -> Double?
    ) -> (Double, [Int])? {
        let home = labels.id[a]
        let length = labels.size[home]
        for runLength in 1...3 where runLength < length {
            // Leaving for another cycle must keep this one long enough.
            let move = LinkConstruction.orOptMove(a, length: runLength, succ, pred, incoming, w) { [labels] c in
                labels.id[c] == home || length - runLength >= least
            }
            guard let move else { continue }
            let target = labels.id[move.c]
            move.apply(&succ, &pred)
            labels.relabel(from: move.c, as: target, succ)
            if target != home { labels.relabel(from: move.p, as: home, succ) }
            return (move.delta, [move.p, move.q, move.c, move.a, move.e, move.d])
        }
        return nil
    }

    /// Iterated local search: `kicks` times, two random successor swaps along given arcs
    /// (kept however they change the weight, as long as every cycle keeps `least` nodes),
    /// a descent around them, and the result kept only if lighter. Fixed seed, fixed count.
    func iterate(_ succ: inout [Int], _ pred: inout [Int], kicks: Int, _ w: (Int, Int) -> Double?) {
        let n = nodes
        guard n >= 2 * least else { return }
        var labels = Labels(succ)
        _ = descend(&succ, &pred, &labels, active: Array((0..<n).reversed()), w)
        var best = (0..<n).reduce(0.0) { $0 + (w($1, succ[$1]) ?? .infinity) }
        var random = SeededGenerator(seed: 0x4359_434C_4553)
        for _ in 0..<kicks {
            var s2 = succ
            var p2 = pred
            var l2 = labels
            var weight = best
            var touched: [Int] = []
            for _ in 0..<2 {
                let a = Int.random(in: 0..<n, using: &random)
                guard !outgoing[a].isEmpty else { continue }
                let d = outgoing[a][Int.random(in: 0..<outgoing[a].count, using: &random)]
                let b = s2[a]
                let c = p2[d]
                guard d != b, c != a, let ad = w(a, d), let cb = w(c, b), let ab = w(a, b), let cd = w(c, d) else {
                    continue
                }
                guard splitKeepsLength(a, c, s2, l2) else { continue }
                applySwap(a, c, &s2, &p2, &l2)
                weight += ad + cb - ab - cd
                touched += [a, b, c, d]
            }
            guard !touched.isEmpty else { continue }
            weight += descend(&s2, &p2, &l2, active: touched, w)
            if weight < best - 1e-9 {
                best = weight
                succ = s2
                pred = p2
                labels = l2
            }
        }
    }
}
