import ZhudianCore

/// A first set of links for one term built without branching: greedy on the LP solution,
/// then or-opt moves for a ring.
///
/// GLPK's own heuristics are off whenever lazy rows are in use, and its branching finds no
/// ring at all at 300 enterprises in minutes; this finds one in milliseconds. Arc weights
/// are LP reduced costs, so a ring of small total weight costs little above the LP bound.
/// The result is only a proposal: the planner staffs it with a MIP over exactly these links
/// and checks it like any roster.
struct LinkConstruction {
    /// An arc the construction may use.
    struct Arc {
        let from: Int
        let to: Int
        /// What the arc costs the construction (a reduced cost, ≥ 0 up to tolerance).
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
    /// Rings only: double-bridge kicks of iterated local search after the first descent
    /// (a fixed count and a fixed seed, so the result never depends on the machine's speed).
    var kicks = 0

    /// Successor of each node, or nil when the arcs admit no cover this simple method finds.
    func build() -> [Int]? {
        let n = nodes
        guard n >= 2 else { return nil }
        var weight: [Int: Double] = [:]
        for a in arcs where a.from != a.to { weight[a.from * n + a.to] = min(weight[a.from * n + a.to] ?? .infinity, a.weight) }
        // Neighbour lists: the given arcs only.
        var outgoing = Array(repeating: [Int](), count: n)
        var incoming = Array(repeating: [Int](), count: n)
        for key in weight.keys.sorted() {
            let (u, v) = key.quotientAndRemainder(dividingBy: n)
            outgoing[u].append(v)
            incoming[v].append(u)
        }
        var missing = Set<Int>()
        func link(_ u: Int, _ v: Int) -> Double? {
            if let x = weight[u * n + v] { return x }
            if missing.contains(u * n + v) { return nil }
            guard let x = other(u, v) else {
                missing.insert(u * n + v)
                return nil
            }
            weight[u * n + v] = x
            return x
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
        // Open fragments (paths): join them, nearest head first, into one cycle.
        var heads: [Int] = []
        for i in 0..<n where pred[i] < 0 { heads.append(i) }
        if !heads.isEmpty {
            func tail(_ h: Int) -> Int {
                var t = h
                while succ[t] >= 0 { t = succ[t] }
                return t
            }
            var remaining = Set(heads)
            let first = heads[0]
            remaining.remove(first)
            var current = tail(first)
            var total = 0
            var h = first
            while true {
                total += 1
                if succ[h] < 0 { break }
                h = succ[h]
            }
            while !remaining.isEmpty {
                guard let next = remaining.min(by: { a, b in
                    (link(current, a) ?? .infinity, a) < (link(current, b) ?? .infinity, b)
                }), link(current, next) != nil else { return nil }
                remaining.remove(next)
                succ[current] = next
                pred[next] = current
                var t = next
                total += 1
                while succ[t] >= 0 {
                    t = succ[t]
                    total += 1
                }
                current = t
            }
            guard link(current, first) != nil, total >= least || (minCycle == nil && total == n) else {
                return nil
            }
            if minCycle == nil && total != n { return nil }
            succ[current] = first
            pred[first] = current
        }
        if minCycle == nil {
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
                    // A local double bridge: A B C D → A C B D for three runs near a random place.
                    guard let tour = Self.tour(succ) else { break }
                    let p1 = Int.random(in: 1..<(n - 2), using: &random)
                    let p2 = min(n - 1, p1 + Int.random(in: 1...span, using: &random))
                    let p3 = min(n, p2 + Int.random(in: 1...span, using: &random))
                    guard p2 < p3 else { continue }
                    let kicked = Array(tour[0..<p1]) + Array(tour[p2..<p3]) + Array(tour[p1..<p2]) + Array(tour[p3..<n])
                    guard (0..<n).allSatisfy({ link(kicked[$0], kicked[($0 + 1) % n]) != nil }) else { continue }
                    var s2 = succ
                    var p2s = pred
                    for (i, v) in kicked.enumerated() {
                        s2[v] = kicked[(i + 1) % n]
                        p2s[kicked[(i + 1) % n]] = v
                    }
                    descend(&s2, &p2s)
                    let w = total(s2)
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
                    var b = a
                    var segment = [a]
                    for _ in 1..<length {
                        b = succ[b]
                        segment.append(b)
                    }
                    let p = pred[a]
                    let q = succ[b]
                    guard !segment.contains(p), !segment.contains(q), p != q,
                        let out1 = w(p, a), let out2 = w(b, q), let join = w(p, q)
                    else { continue }
                    let gain = out1 + out2 - join
                    guard gain > 1e-9 else { continue }
                    for c in into[a] where c != p && !segment.contains(c) {
                        let d = succ[c]
                        guard !segment.contains(d), let in1 = w(c, a), let in2 = w(b, d), let old = w(c, d) else { continue }
                        if in1 + in2 - old < gain - 1e-9 {
                            succ[p] = q
                            pred[q] = p
                            succ[c] = a
                            pred[a] = c
                            succ[b] = d
                            pred[d] = b
                            improved = true
                            any = true
                            break
                        }
                    }
                    if improved { break }
                }
            }
        }
        return any
    }
}
