/// Successors and predecessors of a cover under construction (−1: none yet), and how
/// ``LinkConstruction`` turns the greedy pass's open paths ("fragments") into cycles.
struct PartialCover {
    var succ: [Int]
    var pred: [Int]

    init(nodes: Int) {
        succ = Array(repeating: -1, count: nodes)
        pred = Array(repeating: -1, count: nodes)
    }

    /// An open path `head … tail` of `length` nodes.
    typealias Fragment = (head: Int, tail: Int, length: Int)

    /// The open paths, by ascending head (a node alone is a path of one).
    func fragments() -> [Fragment] {
        var fragments: [Fragment] = []
        for h in succ.indices where pred[h] < 0 {
            var t = h
            var length = 1
            while succ[t] >= 0 {
                t = succ[t]
                length += 1
            }
            fragments.append((h, t, length))
        }
        return fragments
    }

    /// The cheapest place for the run head … tail: after a node `allowed` accepts.
    func cheapestPlace(
        _ head: Int, _ tail: Int, _ link: (Int, Int) -> Double?, _ allowed: (Int) -> Bool
    ) -> (cost: Double, at: Int)? {
        var best: (cost: Double, at: Int)?
        for c in succ.indices where allowed(c) {
            let d = succ[c]
            guard let x = link(c, head), let y = link(tail, d), let z = link(c, d) else { continue }
            if x + y - z < best?.cost ?? .infinity { best = (x + y - z, c) }
        }
        return best
    }

    mutating func insertRun(_ head: Int, _ tail: Int, after c: Int) {
        let d = succ[c]
        succ[c] = head
        pred[head] = c
        succ[tail] = d
        pred[d] = tail
    }

    /// Cycles need not be one: each fragment closes on itself or goes, as a run, into a
    /// closed cycle, whichever costs less; returns those that can do neither, for ``join``.
    /// (Joining everything failed on sparse maps, 30 km at most.)
    mutating func closeOrPlace(_ fragments: [Fragment], least: Int, _ link: (Int, Int) -> Double?) -> [Fragment] {
        var closed = Array(repeating: true, count: succ.count)
        for f in fragments {
            var v = f.head
            while v >= 0 {
                closed[v] = false
                v = succ[v]
            }
        }
        var open: [Fragment] = []
        for f in fragments {
            let itself = f.length >= least ? link(f.tail, f.head) : nil
            let place = cheapestPlace(f.head, f.tail, link) { closed[$0] }
            if let itself, place.map({ !($0.cost < itself) }) ?? true {
                succ[f.tail] = f.head
                pred[f.head] = f.tail
            } else if let place {
                insertRun(f.head, f.tail, after: place.at)
            } else {
                // Placed node by node (each marked closed there), or left open.
                if !insertEachNode(f, &closed, link) { open.append(f) }
                continue
            }
            var v = f.head
            while true {
                closed[v] = true
                if v == f.tail { break }
                v = succ[v]
            }
        }
        return open
    }

    /// A run that fits nowhere whole may fit node by node (sparse maps: a run of 40 whose
    /// ends have no arc between them). All or nothing: a run half placed is undone.
    private mutating func insertEachNode(_ f: Fragment, _ closed: inout [Bool], _ link: (Int, Int) -> Double?) -> Bool {
        let (keptSucc, keptPred, keptClosed) = (succ, pred, closed)
        var v = f.head
        while v >= 0 {
            let next = succ[v]
            succ[v] = -1
            pred[v] = -1
            guard let place = cheapestPlace(v, v, link, { closed[$0] }) else {
                (succ, pred, closed) = (keptSucc, keptPred, keptClosed)
                return false
            }
            insertRun(v, v, after: place.at)
            closed[v] = true
            v = next
        }
        return true
    }

    /// Joins the fragments, nearest head first, into one cycle (or, when they hold fewer
    /// nodes than `minCycle`, into one run placed inside a closed cycle). A greedy join can
    /// end where no arc closes it; then it starts again from another fragment, up to 8
    /// times. False when no attempt succeeds.
    mutating func join(_ fragments: [Fragment], minCycle: Int?, _ link: (Int, Int) -> Double?) -> Bool {
        let total = fragments.reduce(0) { $0 + $1.length }
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
        guard let order else { return false }
        for (a, b) in zip(order, order.dropFirst()) {
            succ[fragments[a].tail] = fragments[b].head
            pred[fragments[b].head] = fragments[a].tail
        }
        let head = fragments[order[0]].head
        let tail = fragments[order[order.count - 1]].tail
        if closes {
            succ[tail] = head
            pred[head] = tail
            return true
        }
        var inside = Set<Int>()
        var v = head
        while v >= 0 {
            inside.insert(v)
            v = succ[v]
        }
        guard let place = cheapestPlace(head, tail, link, { !inside.contains($0) }) else { return false }
        insertRun(head, tail, after: place.at)
        return true
    }
}
