import ZhudianCore

/// Iterated local search for a ring: a full descent (2-opt, or-opt, and with ``chains`` the
/// chains of ``RingChains``), then a fixed count of kicks, each followed by a descent around
/// its ends only.
extension LinkConstruction {
    /// Improves the ring `succ`/`pred` in place over the arcs of `table`.
    func searchRing(_ succ: inout [Int], _ pred: inout [Int], _ table: ArcTable) {
        let n = nodes
        let link = table.link
        let near = chains ? RingChains.candidates(table.outgoing, count: 8, link) : []
        let fullChains = RingChains(near: near, breadth: [5, 3], depth: 6, maxRun: n)
        let kickChains = RingChains(near: near, breadth: [5, 3], depth: 6, maxRun: 50)
        for _ in 0..<10 {
            let reversed = twoOpt(&succ, &pred, table.outgoing, link)
            let moved = improveRing(&succ, &pred, table.incoming, link)
            let chained = chains && fullChains.descend(&succ, &pred, active: Array(0..<n), link) < 0
            if !reversed && !moved && !chained { break }
        }
        guard n >= 8 else { return }
        var best = (0..<n).reduce(0.0) { $0 + (link($1, succ[$1]) ?? .infinity) }
        var random = SeededGenerator(seed: 0x5A_4844_4941_4E)
        let span = max(2, min(50, n / 4))
        for _ in 0..<kicks {
            // A local double bridge: x B C y → x C B y for two short runs B, C after a
            // random node x. Only the kick's ends are searched afterwards, so a kick
            // costs O(span) and not a whole descent.
            let x = Int.random(in: 0..<n, using: &random)
            let lengthB = Int.random(in: 1...span, using: &random)
            let lengthC = Int.random(in: 1...span, using: &random)
            guard lengthB + lengthC <= n - 2 else { continue }
            let b1 = succ[x]
            var b2 = b1
            for _ in 1..<lengthB { b2 = succ[b2] }
            let c1 = succ[b2]
            var c2 = c1
            for _ in 1..<lengthC { c2 = succ[c2] }
            let y = succ[c2]
            // The last three are ring arcs, so they exist.
            guard let xc = link(x, c1), let cb = link(c2, b1), let by = link(b2, y),
                let xb = link(x, b1), let bc = link(b2, c1), let cy = link(c2, y)
            else { continue }
            var s2 = succ
            var p2s = pred
            // The same three arcs as moving the run B between C and y.
            let kick = OrOptMove(p: x, q: c1, c: c2, d: y, a: b1, e: b2, delta: xc + cb + by - xb - bc - cy)
            kick.apply(&s2, &p2s)
            var w = best + kick.delta
            w += localDescent(&s2, &p2s, active: [x, b1, b2, c1, c2, y], table.outgoing, table.incoming, link)
            if chains { w += kickChains.descend(&s2, &p2s, active: [x, b1, b2, c1, c2, y], link) }
            if w < best - 1e-9 {
                best = w
                succ = s2
                pred = p2s
            }
        }
    }

    /// The full descent of ``searchRing`` (no kicks) from the given ring `succ`, over
    /// ``arcs`` and ``other``: for a ring combined by ``RingCrossover``, whose new joins no
    /// search has seen.
    func descendRing(_ succ: [Int]) -> [Int] {
        var ring = succ
        var pred = Array(repeating: -1, count: nodes)
        for v in ring.indices { pred[ring[v]] = v }
        var plain = self
        plain.kicks = 0
        plain.searchRing(&ring, &pred, ArcTable(nodes: nodes, arcs: arcs, other: other))
        return ring
    }

    /// Or-opt and 2-opt moves around `active` nodes only ("don't look bits"): a node is
    /// searched when it or a neighbour moved, runs reversed by 2-opt are at most 50 long.
    /// Returns the change in total weight (≤ 0).
    func localDescent(
        _ succ: inout [Int], _ pred: inout [Int], active: [Int],
        _ outgoing: [[Int]], _ into: [[Int]], _ w: (Int, Int) -> Double?
    ) -> Double {
        let n = nodes
        var queue = active
        // A flag per node, not a set: hashing was most of a kick's cost.
        var queued = Array(repeating: false, count: n)
        for v in active { queued[v] = true }
        var change = 0.0
        var steps = 0
        func push(_ v: Int) {
            guard !queued[v] else { return }
            queued[v] = true
            queue.append(v)
        }
        while let a = queue.popLast(), steps < 20 * n {
            queued[a] = false
            steps += 1
            // 2-opt: a → b … c → d becomes a → c … b → d, the run b … c reversed.
            let b = succ[a]
            if let ab = w(a, b) {
                var forward = 0.0
                var backward = 0.0
                var c = b
                var found = false
                for _ in 0..<50 {
                    let next = succ[c]
                    if next == a { break }
                    guard let f = w(c, next), let r = w(next, c) else { break }
                    forward += f
                    backward += r
                    c = next
                    let d = succ[c]
                    guard d != a, let ac = w(a, c), let bd = w(b, d), let cd = w(c, d) else { continue }
                    let delta = ac + bd + backward - (ab + cd + forward)
                    if delta < -1e-9 {
                        RingChains.reverse(a, b, c, d, &succ, &pred)
                        change += delta
                        for v in [a, b, c, d] { push(v) }
                        found = true
                        break
                    }
                }
                if found { continue }
            }
            // Or-opt: move the run a … (one to three nodes) between c and succ[c].
            for length in 1...3 {
                if let move = Self.orOptMove(a, length: length, succ, pred, into, w) {
                    move.apply(&succ, &pred)
                    change += move.delta
                    for v in [move.p, move.q, move.c, move.a, move.e, move.d] { push(v) }
                    break
                }
            }
        }
        return change
    }
}
