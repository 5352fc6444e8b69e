/// A randomised depth-first search for a cycle cover: a successor for every node along
/// allowed links, each cycle at least `minLength` long, or one single cycle.
///
/// The search keeps its own stack rather than recursing, because a ring through a few thousand
/// enterprises would otherwise nest a few thousand calls deep.
struct CycleSearch {
    /// One node on the current path and the moves left to try from it.
    private struct Frame {
        let node: Int
        let start: Int
        let length: Int
        let target: Int
        /// Successors to try in order; `start` stands for closing the cycle.
        var moves: [Int]
        var next = 0
    }

    let allowed: [[Bool]]
    let minLength: Int
    let single: Bool
    let budget: Int

    init(allowed: [[Bool]], minLength: Int, single: Bool, budget: Int) {
        self.allowed = allowed
        self.minLength = max(2, minLength)
        self.single = single
        self.budget = budget
    }

    /// Successor of every node, or nil when the budget runs out or no cover exists.
    func run(_ rng: inout SeededGenerator) -> [Int]? {
        let n = allowed.count
        if n == 0 { return [] }
        var succ = Array(repeating: -1, count: n)
        var used = Array(repeating: false, count: n)
        var remaining = n
        let starts = rng.shuffled(Array(0..<n))
        var firstUnusedStart = 0

        func target(_ rng: inout SeededGenerator) -> Int {
            // Short cycles of varied length, as the notices' plans mix pairs and 4-rings;
            // the search closes earlier or later when it must.
            single ? n : minLength + rng.int(below: 4)
        }
        func frame(node: Int, start: Int, length: Int, target: Int, _ rng: inout SeededGenerator) -> Frame {
            let canClose =
                length >= minLength && allowed[node][start]
                && (remaining == 0 || (!single && remaining >= minLength))
            var extend: [Int] = []
            for v in 0..<n where !used[v] && allowed[node][v] { extend.append(v) }
            // Dense graphs almost never need more than a few alternatives per step;
            // keeping a random sample bounds the stack's memory at 16 entries per node.
            let keep = min(extend.count, n <= 64 ? extend.count : 16)
            for i in 0..<keep {
                let j = i + rng.int(below: extend.count - i)
                extend.swapAt(i, j)
            }
            extend.removeLast(extend.count - keep)
            var moves = extend
            if canClose {
                if length >= target { moves.insert(start, at: 0) } else { moves.append(start) }
            }
            return Frame(node: node, start: start, length: length, target: target, moves: moves)
        }

        let first = starts[0]
        used[first] = true
        remaining -= 1
        var stack = [frame(node: first, start: first, length: 1, target: target(&rng), &rng)]
        var steps = 0
        while let top = stack.last {
            steps += 1
            if steps > budget { return nil }
            guard top.next < top.moves.count else {
                // Every move from this node failed: take the node off the path.
                stack.removeLast()
                guard let parent = stack.last else { return nil }
                used[top.node] = false
                remaining += 1
                succ[parent.node] = -1
                if top.node == top.start { firstUnusedStart = 0 }
                continue
            }
            stack[stack.count - 1].next += 1
            let v = top.moves[top.next]
            succ[top.node] = v
            if v == top.start {
                if remaining == 0 { return succ }
                while used[starts[firstUnusedStart]] { firstUnusedStart += 1 }
                let s = starts[firstUnusedStart]
                used[s] = true
                remaining -= 1
                stack.append(frame(node: s, start: s, length: 1, target: target(&rng), &rng))
            } else {
                used[v] = true
                remaining -= 1
                stack.append(frame(node: v, start: top.start, length: top.length + 1, target: top.target, &rng))
            }
        }
        return nil
    }
}
