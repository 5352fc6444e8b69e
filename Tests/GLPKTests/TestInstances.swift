import MIPModel

/// A tiny deterministic generator (Numerical Recipes LCG), so instances are
/// the same on every run and platform.
struct LCG {
    private var state: UInt32

    init(seed: UInt32) {
        state = seed
    }

    mutating func next() -> UInt32 {
        state = state &* 1_664_525 &+ 1_013_904_223
        return state
    }

    /// Uniform integer in `range` (slight modulo bias is irrelevant here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int((next() >> 8) % UInt32(range.count))
    }
}

struct Knapsack {
    let weights: [Int]
    let values: [Int]
    let capacity: Int

    init(items: Int, seed: UInt32) {
        var random = LCG(seed: seed)
        weights = (0..<items).map { _ in random.int(10...60) }
        values = (0..<items).map { _ in random.int(10...100) }
        capacity = weights.reduce(0, +) / 2
    }

    func model() throws -> (Model, [Variable]) {
        var model = Model(name: "knapsack")
        model.sense = .maximize
        var items: [Variable] = []
        for index in weights.indices {
            items.append(try model.addVariable(name: "take(\(index))", kind: .binary, objective: Double(values[index])))
        }
        var load = LinearExpression()
        for (index, item) in items.enumerated() { load.add(item, Double(weights[index])) }
        try model.addConstraint(name: "capacity", load, upper: Double(capacity))
        return (model, items)
    }

    func bruteForce() -> Int {
        var best = 0
        for mask in 0..<(1 << weights.count) {
            var weight = 0
            var value = 0
            for index in weights.indices where mask & (1 << index) != 0 {
                weight += weights[index]
                value += values[index]
            }
            if weight <= capacity { best = max(best, value) }
        }
        return best
    }
}

/// Asymmetric TSP with degree rows only; subtours are cut lazily.
struct ATSP {
    let cities: Int
    let cost: [[Int]]

    init(cities: Int, seed: UInt32) {
        var random = LCG(seed: seed)
        self.cities = cities
        cost = (0..<cities).map { i in (0..<cities).map { j in i == j ? 0 : random.int(10...99) } }
    }

    /// The model and arc variables `arc[i][j]` (nil on the diagonal).
    func model() throws -> (Model, [[Variable?]]) {
        var model = Model(name: "atsp")
        var arc: [[Variable?]] = Array(repeating: Array(repeating: nil, count: cities), count: cities)
        for i in 0..<cities {
            for j in 0..<cities where i != j {
                arc[i][j] = try model.addVariable(name: "x(\(i),\(j))", kind: .binary, objective: Double(cost[i][j]))
            }
        }
        for i in 0..<cities {
            try model.addConstraint(name: "out(\(i))", .sum((0..<cities).compactMap { arc[i][$0] }), lower: 1, upper: 1)
            try model.addConstraint(name: "in(\(i))", .sum((0..<cities).compactMap { arc[$0][i] }), lower: 1, upper: 1)
        }
        return (model, arc)
    }

    /// Subtour elimination for every connected component of the support
    /// graph when there is more than one (valid for fractional points too).
    static func separator(arc: [[Variable?]]) -> ([Double], Bool) -> [LazyRow] {
        let n = arc.count
        return { point, _ in
            var component = Array(repeating: -1, count: n)
            var components: [[Int]] = []
            for start in 0..<n where component[start] < 0 {
                var members = [start]
                component[start] = components.count
                var cursor = 0
                while cursor < members.count {
                    let i = members[cursor]
                    cursor += 1
                    for j in 0..<n where j != i && component[j] < 0 {
                        let forward = arc[i][j].map { point[$0.index] } ?? 0
                        let backward = arc[j][i].map { point[$0.index] } ?? 0
                        if forward > 1e-6 || backward > 1e-6 {
                            component[j] = components.count
                            members.append(j)
                        }
                    }
                }
                components.append(members.sorted())
            }
            guard components.count > 1 else { return [] }
            return components.map { members in
                var inside = LinearExpression()
                for i in members {
                    for j in members where i != j {
                        if let variable = arc[i][j] { inside.add(variable, 1) }
                    }
                }
                return LazyRow(name: "sec\(members)", inside, upper: Double(members.count - 1))
            }
        }
    }

    func bruteForce() -> Int {
        var best = Int.max
        var order = Array(1..<cities)
        func visit(_ k: Int) {
            if k == order.count {
                var total = cost[0][order[0]] + cost[order[order.count - 1]][0]
                for index in 0..<(order.count - 1) { total += cost[order[index]][order[index + 1]] }
                best = min(best, total)
                return
            }
            for index in k..<order.count {
                order.swapAt(k, index)
                visit(k + 1)
                order.swapAt(k, index)
            }
        }
        visit(0)
        return best
    }
}

/// Generalized assignment: each job to one agent, agents have capacities.
struct GAP {
    let agents: Int
    let jobs: Int
    let cost: [[Int]]
    let weight: [[Int]]
    let capacity: [Int]

    init(agents: Int, jobs: Int, seed: UInt32) {
        var random = LCG(seed: seed)
        self.agents = agents
        self.jobs = jobs
        cost = (0..<agents).map { _ in (0..<jobs).map { _ in random.int(10...50) } }
        weight = (0..<agents).map { _ in (0..<jobs).map { _ in random.int(5...25) } }
        capacity = weight.map { Int(0.8 * Double($0.reduce(0, +)) / Double(agents)) }
    }

    func model() throws -> Model {
        var model = Model(name: "gap")
        var assign: [[Variable]] = []
        for i in 0..<agents {
            assign.append(try (0..<jobs).map { j in
                try model.addVariable(name: "a(\(i),\(j))", kind: .binary, objective: Double(cost[i][j]))
            })
        }
        for j in 0..<jobs {
            try model.addConstraint(name: "job(\(j))", .sum((0..<agents).map { assign[$0][j] }), lower: 1, upper: 1)
        }
        for i in 0..<agents {
            var load = LinearExpression()
            for j in 0..<jobs { load.add(assign[i][j], Double(weight[i][j])) }
            try model.addConstraint(name: "cap(\(i))", load, upper: Double(capacity[i]))
        }
        return model
    }
}
