import ZhudianCore

/// A first set of links for one term built without branching: greedy on the LP solution,
/// then local search (2-opt and or-opt for a ring, ``CycleLocalSearch`` for cycles) with
/// iterated kicks.
///
/// GLPK's own heuristics are off whenever lazy rows are in use, and its branching finds no
/// ring at all at 300 enterprises in minutes; this finds one in milliseconds. Arc weights
/// are the link's cost plus its team at the LP's price of a person, so a cover of small
/// total weight costs little above the LP bound.
/// The result is only a proposal: the planner staffs it with a MIP over exactly these links
/// and checks it like any roster.
struct LinkConstruction {
    /// An arc the construction may use.
    struct Arc {
        let from: Int
        let to: Int
        /// What the arc costs the construction (the planner: link cost plus its team at the
        /// LP's price of a person).
        let weight: Double
        /// The arc's LP value: greedy takes high values first.
        let value: Double
    }

    let nodes: Int
    /// nil for a single ring; otherwise the least cycle length.
    let minCycle: Int?
    let arcs: [Arc]
    /// The weight of any other usable arc (nil when it cannot be used): fragments the
    /// greedy pass leaves are joined through these.
    var other: (Int, Int) -> Double? = { _, _ in nil }
    /// Greedy order: LP value first (true) or weight only (false).
    var byValue = true
    /// Kicks of iterated local search after the first descent (double bridges for a ring,
    /// random successor swaps for cycles; a fixed count and a fixed seed, so the result never
    /// depends on the machine's speed).
    var kicks = 0

    /// Successor of each node, or nil when the arcs admit no cover this simple method finds.
    func build() -> [Int]? {
        let n = nodes
        guard n >= 2 else { return nil }
        // A dense table: NaN = not asked yet, +∞ = no such arc. Local search asks for the
        // same arcs millions of times, and a dictionary lookup cost most of its time.
        var weight = [Double](repeating: .nan, count: n * n)
        for a in arcs where a.from != a.to {
            let key = a.from * n + a.to
            weight[key] = weight[key].isNaN ? a.weight : min(weight[key], a.weight)
        }
        // Neighbour lists: the given arcs only.
        var outgoing = Array(repeating: [Int](), count: n)
        var incoming = Array(repeating: [Int](), count: n)
        for u in 0..<n {
            for v in 0..<n where !weight[u * n + v].isNaN {
                outgoing[u].append(v)
                incoming[v].append(u)
            }
        }
        func link(_ u: Int, _ v: Int) -> Double? {
            let x = weight[u * n + v]
            if !x.isNaN { return x.isInfinite ? nil : x }
            let y = other(u, v) ?? .infinity
            weight[u * n + v] = y
            return y.isInfinite ? nil : y
        }
        let order = arcs.filter { $0.from != $0.to }.sorted {
            byValue
                ? ($0.value, -$0.weight, -$0.from, -$0.to) > ($1.value, -$1.weight, -$1.from, -$1.to)
                : ($0.weight, $0.from, $0.to) < ($1.weight, $1.from, $1.to)
        }
        var succ = Array(repeating: -1, count: n)
        var pred = Array(repeating: -1, count: n)
        var sets = UnionFind(n)
        var size = Array(repeating: 1, count: n)
        let least = minCycle ?? n
        for a in order {
            guard succ[a.from] < 0, pred[a.to] < 0 else { continue }
            let r1 = sets.find(a.from)
            let r2 = sets.find(a.to)
            if r1 == r2 {
                // Closes a cycle through the whole fragment.
                guard size[r1] >= least, minCycle != nil || size[r1] == n else { continue }
            } else {
                sets.union(r1, r2)
                size[sets.find(r1)] = size[r1] + size[r2]
            }
            succ[a.from] = a.to
            pred[a.to] = a.from
        }
        // Open fragments (paths): join them, nearest head first, into one cycle. A greedy
        // join can end where no arc closes it; then it starts again from another fragment.
        var fragments: [(head: Int, tail: Int, length: Int)] = []
        for h in 0..<n where pred[h] < 0 {
            var t = h
            var length = 1
            while succ[t] >= 0 {
                t = succ[t]
                length += 1
            }
            fragments.append((h, t, length))
        }
        // The cheapest place for the run head … tail: after a node `allowed` accepts.
        func cheapestPlace(_ head: Int, _ tail: Int, _ allowed: (Int) -> Bool) -> (cost: Double, at: Int)? {
            var best: (cost: Double, at: Int)?
            for c in 0..<n where allowed(c) {
                let d = succ[c]
                guard let x = link(c, head), let y = link(tail, d), let z = link(c, d) else { continue }
                if x + y - z < best?.cost ?? .infinity { best = (x + y - z, c) }
            }
            return best
        }
        func insertRun(_ head: Int, _ tail: Int, after c: Int) {
            let d = succ[c]
            succ[c] = head
            pred[head] = c
            succ[tail] = d
            pred[d] = tail
        }
        if let least = minCycle, !fragments.isEmpty {
            // Cycles need not be one: each fragment closes on itself or goes, as a run, into
            // a closed cycle, whichever costs less; only those that can do neither are
            // joined below. (Joining everything failed on sparse maps, 30 km at most.)
            var closed = Array(repeating: true, count: n)
            for f in fragments {
                var v = f.head
                while v >= 0 {
                    closed[v] = false
                    v = succ[v]
                }
            }
            var open: [(head: Int, tail: Int, length: Int)] = []
            // A run that fits nowhere whole may fit node by node (sparse maps: a run of 40
            // whose ends have no arc between them). All or nothing: a run half placed is undone.
            func insertEachNode(_ f: (head: Int, tail: Int, length: Int)) -> Bool {
                let (keptSucc, keptPred, keptClosed) = (succ, pred, closed)
                var v = f.head
                while v >= 0 {
                    let next = succ[v]
                    succ[v] = -1
                    pred[v] = -1
                    guard let place = cheapestPlace(v, v, { closed[$0] }) else {
                        (succ, pred, closed) = (keptSucc, keptPred, keptClosed)
                        return false
                    }
                    insertRun(v, v, after: place.at)
                    closed[v] = true
                    v = next
                }
                return true
            }
            for f in fragments {
                let itself = f.length >= least ? link(f.tail, f.head) : nil
                let place = cheapestPlace(f.head, f.tail) { closed[$0] }
                if let itself, place.map({ !($0.cost < itself) }) ?? true {
                    succ[f.tail] = f.head
                    pred[f.head] = f.tail
                } else if let place {
                    insertRun(f.head, f.tail, after: place.at)
                } else {
                    // Placed node by node (each marked closed there), or left open.
                    if !insertEachNode(f) { open.append(f) }
                    continue
                }
                var v = f.head
                while true {
                    closed[v] = true
                    if v == f.tail { break }
                    v = succ[v]
                }
            }
            fragments = open
        }
        if !fragments.isEmpty {
            let total = fragments.reduce(0) { $0 + $1.length }
            if minCycle == nil && total != n { return nil }
            // Fewer nodes than a cycle needs: they go, as one run, into a closed cycle.
            let closes = minCycle.map { total >= $0 } ?? true
            var order: [Int]?
            for attempt in 0..<min(fragments.count, 8) {
                var remaining = Set(fragments.indices)
                remaining.remove(attempt)
                var sequence = [attempt]
                var current = fragments[attempt].tail
                while let next = remaining.min(by: { a, b in
                    (link(current, fragments[a].head) ?? .infinity, a) < (link(current, fragments[b].head) ?? .infinity, b)
                }) {
                    if link(current, fragments[next].head) != nil {
                        remaining.remove(next)
                        sequence.append(next)
                        current = fragments[next].tail
                        continue
                    }
                    // A dead end: the fragment goes between two fragments already joined.
                    guard let place = (0..<(sequence.count - 1)).first(where: {
                        link(fragments[sequence[$0]].tail, fragments[next].head) != nil
                            && link(fragments[next].tail, fragments[sequence[$0 + 1]].head) != nil
                    }) else { break }
                    remaining.remove(next)
                    sequence.insert(next, at: place + 1)
                }
                if remaining.isEmpty, !closes || link(current, fragments[attempt].head) != nil {
                    order = sequence
                    break
                }
            }
            guard let order else { return nil }
            for (a, b) in zip(order, order.dropFirst()) {
                succ[fragments[a].tail] = fragments[b].head
                pred[fragments[b].head] = fragments[a].tail
            }
            let head = fragments[order[0]].head
            let tail = fragments[order[order.count - 1]].tail
            if closes {
                succ[tail] = head
                pred[head] = tail
            } else {
                var inside = Set<Int>()
                var v = head
                while v >= 0 {
                    inside.insert(v)
                    v = succ[v]
                }
                guard let place = cheapestPlace(head, tail, { !inside.contains($0) }) else { return nil }
                insertRun(head, tail, after: place.at)
            }
        }
        if let least = minCycle {
            CycleLocalSearch(nodes: n, least: least, outgoing: outgoing, incoming: incoming)
                .iterate(&succ, &pred, kicks: kicks, link)
        } else {
            func descend(_ succ: inout [Int], _ pred: inout [Int]) {
                for _ in 0..<10 {
                    let reversed = twoOpt(&succ, &pred, outgoing, link)
                    let moved = improveRing(&succ, &pred, incoming, link)
                    if !reversed && !moved { break }
                }
            }
            descend(&succ, &pred)
            func total(_ succ: [Int]) -> Double { (0..<n).reduce(0.0) { $0 + (link($1, succ[$1]) ?? .infinity) } }
            var best = total(succ)
            var random = SeededGenerator(seed: 0x5A_4844_4941_4E)
            let span = max(2, min(50, n / 4))
            if n >= 8 {
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
                    guard let xc = link(x, c1), let cb = link(c2, b1), let by = link(b2, y) else { continue }
                    var s2 = succ
                    var p2s = pred
                    // The same three arcs as moving the run B between C and y.
                    let kick = OrOptMove(
                        p: x, q: c1, c: c2, d: y, a: b1, e: b2,
                        delta: xc + cb + by - link(x, b1)! - link(b2, c1)! - link(c2, y)!)
                    kick.apply(&s2, &p2s)
                    var w = best + kick.delta
                    w += localDescent(&s2, &p2s, active: [x, b1, b2, c1, c2, y], outgoing, incoming, link)
                    if w < best - 1e-9 {
                        best = w
                        succ = s2
                        pred = p2s
                    }
                }
            }
        }
        return succ
    }

    /// The ring from node 0 in successor order; nil when `succ` is not one ring.
    static func tour(_ succ: [Int]) -> [Int]? {
        var tour: [Int] = []
        var x = 0
        repeat {
            tour.append(x)
            x = succ[x]
        } while x != 0 && tour.count <= succ.count
        return tour.count == succ.count ? tour : nil
    }

    /// Or-opt and 2-opt moves around `active` nodes only ("don't look bits"): a node is
    /// searched when it or a neighbour moved, runs reversed by 2-opt are at most 50 long.
    /// Returns the change in total weight (≤ 0).
    private func localDescent(
        _ succ: inout [Int], _ pred: inout [Int], active: [Int],
        _ outgoing: [[Int]], _ into: [[Int]], _ w: (Int, Int) -> Double?
    ) -> Double {
        let n = nodes
        var queue = active
        var queued = Set(active)
        var change = 0.0
        var steps = 0
        func push(_ nodes: Int...) {
            for v in nodes where queued.insert(v).inserted { queue.append(v) }
        }
        while let a = queue.popLast(), steps < 20 * n {
            queued.remove(a)
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
                        // Reverse b … c.
                        var run: [Int] = [b]
                        var v = b
                        while v != c {
                            v = succ[v]
                            run.append(v)
                        }
                        succ[a] = c
                        pred[c] = a
                        for i in stride(from: run.count - 1, to: 0, by: -1) {
                            succ[run[i]] = run[i - 1]
                            pred[run[i - 1]] = run[i]
                        }
                        succ[b] = d
                        pred[d] = b
                        change += delta
                        push(a, b, c, d)
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
                    push(move.p, move.q, move.c, move.a, move.e, move.d)
                    break
                }
            }
        }
        return change
    }

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
        var e = a
        var run = [a]
        for _ in 1..<length {
            e = succ[e]
            run.append(e)
        }
        let p = pred[a]
        let q = succ[e]
        guard !run.contains(p), !run.contains(q), p != q,
            let out1 = w(p, a), let out2 = w(e, q), let join = w(p, q)
        else { return nil }
        let gain = out1 + out2 - join
        guard gain > 1e-9 else { return nil }
        for c in into[a] where c != p && !run.contains(c) && allowed(c) {
            let d = succ[c]
            guard !run.contains(d), let in1 = w(c, a), let in2 = w(e, d), let old = w(c, d) else { continue }
            let delta = in1 + in2 - old - gain
            if delta < -1e-9 { return OrOptMove(p: p, q: q, c: c, d: d, a: a, e: e, delta: delta) }
        }
        return nil
    }

    /// 2-opt for a directed ring: replace a → b … c → d by a → c … b → d, the run between
    /// reversed, when every arc needed exists and the total weight drops. Prefix sums of the
    /// ring's forward and backward weights price a move in O(1). Returns whether it moved.
    private func twoOpt(
        _ succ: inout [Int], _ pred: inout [Int], _ outgoing: [[Int]], _ w: (Int, Int) -> Double?
    ) -> Bool {
        let n = nodes
        guard n >= 5 else { return false }
        guard var tour = Self.tour(succ) else { return false }
        var moved = false
        var moves = 0
        search: while moves < 10 * n {
            var pos = Array(repeating: 0, count: n)
            for (i, v) in tour.enumerated() { pos[v] = i }
            var forward = Array(repeating: 0.0, count: n)
            var backward = Array(repeating: 0.0, count: n)
            var missing = Array(repeating: 0, count: n)
            for m in 0..<(n - 1) {
                let a = tour[m]
                let b = tour[m + 1]
                forward[m + 1] = forward[m] + (w(a, b) ?? 0)
                if let r = w(b, a) {
                    backward[m + 1] = backward[m] + r
                    missing[m + 1] = missing[m]
                } else {
                    backward[m + 1] = backward[m]
                    missing[m + 1] = missing[m] + 1
                }
            }
            for i in 0..<(n - 2) {
                let a = tour[i]
                let b = tour[i + 1]
                guard let ab = w(a, b) else { continue }
                for c in outgoing[a] {
                    let j = pos[c]
                    guard j > i + 1 else { continue }
                    let d = tour[(j + 1) % n]
                    guard d != a || n > j + 1, missing[j] - missing[i + 1] == 0,
                        let ac = w(a, c), let bd = w(b, d), let cd = w(c, d)
                    else { continue }
                    let old = ab + cd + forward[j] - forward[i + 1]
                    let new = ac + bd + backward[j] - backward[i + 1]
                    if new < old - 1e-9 {
                        tour[(i + 1)...j].reverse()
                        moves += 1
                        moved = true
                        continue search
                    }
                }
            }
            break
        }
        for (i, v) in tour.enumerated() {
            succ[v] = tour[(i + 1) % n]
            pred[tour[(i + 1) % n]] = v
        }
        return moved
    }

    /// Or-opt: move a run of one to three nodes to a cheaper place in the ring, until no move
    /// gains (at most 50 passes). Returns whether it moved.
    @discardableResult
    private func improveRing(
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
