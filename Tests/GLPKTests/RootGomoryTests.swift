import GLPK
import MIPModel
import XCTest

/// ``CutOptions/gomoryAtRootOnly``: GLPK makes its Gomory cuts at the root and at no node
/// below it, and the optimum stays the one enumeration finds.
final class RootGomoryTests: XCTestCase {
    let solver = GLPKSolver()

    /// Knapsacks over three capacity rows, 18 items whose values follow their weights (which
    /// makes the LP bound weak): small enough to enumerate, and without MIR cuts and presolve
    /// GLPK branches deep enough on them to make Gomory cuts below the root.
    struct ThreeKnapsacks {
        let weights: [[Int]]
        let values: [Int]
        let capacities: [Int]

        init(seed: UInt32) {
            var random = LCG(seed: seed)
            let w = (0..<3).map { _ in (0..<18).map { _ in random.int(10...60) } }
            weights = w
            values = (0..<18).map { w[0][$0] + w[1][$0] + random.int(0...5) }
            capacities = weights.map { $0.reduce(0, +) / 2 }
        }

        func model() throws -> Model {
            var model = Model(name: "three_knapsacks")
            model.sense = .maximize
            let items = try values.indices.map {
                try model.addVariable(name: "take(\($0))", kind: .binary, objective: Double(values[$0]))
            }
            for (r, row) in weights.enumerated() {
                var load = LinearExpression()
                for (i, item) in items.enumerated() { load.add(item, Double(row[i])) }
                try model.addConstraint(name: "capacity(\(r))", load, upper: Double(capacities[r]))
            }
            return model
        }

        func bruteForce() -> Int {
            var best = 0
            for mask in 0..<(1 << values.count) {
                var value = 0
                var fits = true
                for (r, row) in weights.enumerated() {
                    var load = 0
                    for i in values.indices where mask & (1 << i) != 0 { load += row[i] }
                    if load > capacities[r] { fits = false }
                }
                guard fits else { continue }
                for i in values.indices where mask & (1 << i) != 0 { value += values[i] }
                best = max(best, value)
            }
            return best
        }
    }

    /// The Gomory cut counts GLPK's log reports below the root ("Cuts on level N: gmi = k;",
    /// N > 0), and the root's. GLPK counts the cuts in the node's LP, which holds the root's.
    func gomoryCounts(_ log: [String]) -> (root: [Int], below: [Int]) {
        var root: [Int] = []
        var below: [Int] = []
        for line in log where line.hasPrefix("Cuts on level ") {
            let words = line.split(whereSeparator: { " :;=".contains($0) })
            guard let level = Int(words[3]), let at = words.firstIndex(of: "gmi"), at + 1 < words.count,
                let count = Int(words[at + 1])
            else { continue }
            if level == 0 { root.append(count) } else { below.append(count) }
        }
        return (root, below)
    }

    func testGomoryCutsStayAtTheRootAndTheOptimumHolds() throws {
        var grewBelowRoot = 0
        var rootCuts = 0
        for seed: UInt32 in 1...4 {
            let instance = ThreeKnapsacks(seed: seed)
            let model = try instance.model()
            let expected = Double(instance.bruteForce())
            var everywhere = SolveOptions(presolve: false, captureLog: true)
            everywhere.cuts = CutOptions(mir: false, gomory: true)
            var rootOnly = everywhere
            rootOnly.cuts.gomoryAtRootOnly = true
            let all = solver.solve(model, options: everywhere)
            let root = solver.solve(model, options: rootOnly)
            XCTAssertEqual(all.objective, expected, "seed \(seed)")
            XCTAssertEqual(root.termination, .optimal, "seed \(seed)")
            XCTAssertEqual(root.objective, expected, "seed \(seed)")
            let counts = gomoryCounts(root.log)
            // Below the root the LP holds the root's cuts and no new ones.
            for n in counts.below { XCTAssertLessThanOrEqual(n, counts.root.max() ?? 0, "seed \(seed)") }
            rootCuts += counts.root.max() ?? 0
            let allCounts = gomoryCounts(all.log)
            if allCounts.below.contains(where: { $0 > (allCounts.root.max() ?? 0) }) { grewBelowRoot += 1 }
        }
        XCTAssertGreaterThan(rootCuts, 0, "no Gomory cut at any root: the test says nothing")
        XCTAssertGreaterThan(grewBelowRoot, 0, "GLPK made no Gomory cut below a root even when asked: the test says nothing")
    }

    /// ``SolveOptions/nodeLimit`` stops the search at that many nodes and says so; without it
    /// the same search runs to the optimum.
    func testTheNodeLimitStopsTheSearchAndSaysSo() throws {
        let instance = ThreeKnapsacks(seed: 2)
        let model = try instance.model()
        var options = SolveOptions(presolve: false)
        options.cuts = CutOptions(mir: false)
        let whole = solver.solve(model, options: options)
        XCTAssertEqual(whole.objective, Double(instance.bruteForce()))
        XCTAssertFalse(whole.nodeLimitReached)
        XCTAssertGreaterThan(whole.nodes, 20, "the search is too small to stop early: the test says nothing")
        options.nodeLimit = 10
        let stopped = solver.solve(model, options: options)
        XCTAssertEqual(stopped.termination, .stopped)
        XCTAssertTrue(stopped.nodeLimitReached)
        XCTAssertGreaterThanOrEqual(stopped.nodes, 10)
        XCTAssertLessThan(stopped.nodes, whole.nodes)
        if let bound = stopped.bestBound { XCTAssertGreaterThanOrEqual(bound, whole.objective ?? .infinity, "a maximum's bound") }
    }
}
