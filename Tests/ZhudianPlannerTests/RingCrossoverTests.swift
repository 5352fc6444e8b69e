import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// ``RingCrossover``: the child is one ring over the parents' links, never heavier than the
/// first parent, and where each parent is lighter in another component the child takes the
/// lighter part of each.
final class RingCrossoverTests: XCTestCase {
    typealias Instance = LinkConstructionTests.Instance

    func pred(_ succ: [Int]) -> [Int] {
        var pred = Array(repeating: -1, count: succ.count)
        for v in succ.indices { pred[succ[v]] = v }
        return pred
    }

    /// A 2-opt and or-opt local optimum from a seeded random ring over usable arcs.
    func localOptimum(_ instance: Instance, seed: UInt64) -> [Int] {
        var random = SeededGenerator(seed: seed)
        var order = Array(0..<instance.n).shuffled(using: &random)
        while !order.indices.allSatisfy({ instance.weight[order[$0]][order[($0 + 1) % order.count]] != nil }) {
            order.shuffle(using: &random)
        }
        var succ = Array(repeating: -1, count: instance.n)
        for (i, v) in order.enumerated() { succ[v] = order[(i + 1) % order.count] }
        var pred = self.pred(succ)
        let construction = instance.construction(minCycle: nil, kicks: 0)
        let table = ArcTable(nodes: instance.n, arcs: instance.arcs, other: { instance.weight[$0][$1] })
        while construction.twoOpt(&succ, &pred, table.outgoing, table.link)
            || construction.improveRing(&succ, &pred, table.incoming, table.link)
        {}
        return succ
    }

    func testChildIsOneRingOverParentLinksAndNeverHeavier() {
        var lighterThanBoth = 0
        for seed in 1...8 {
            let n = 30 + Int(seed) * 5
            let instance = Instance(n: n, seed: UInt64(900 + seed), degree: 8)
            let parents = (1...3).map { localOptimum(instance, seed: UInt64(seed * 10 + $0)) }
            let w: (Int, Int) -> Double? = { instance.weight[$0][$1] }
            for a in parents {
                for b in parents {
                    let child = RingCrossover.combine(a, b, w)
                    let label = "seed \(seed)"
                    XCTAssertEqual(Instance.cycles(child), [n], label)
                    let p = pred(child)
                    for v in 0..<n {
                        XCTAssertEqual(p[child[v]], v, "\(label): pred of succ of \(v)")
                        XCTAssertTrue(child[v] == a[v] || child[v] == b[v], "\(label): link \(v) from a parent")
                        XCTAssertNotNil(instance.weight[v][child[v]], "\(label): arc \(v)→\(child[v])")
                    }
                    XCTAssertLessThanOrEqual(instance.total(child), instance.total(a) + 1e-9, label)
                    if instance.total(child) < min(instance.total(a), instance.total(b)) - 1e-9 { lighterThanBoth += 1 }
                }
            }
            if let all = RingCrossover.combineAll(parents, w) {
                XCTAssertEqual(Instance.cycles(all), [n])
                XCTAssertLessThan(instance.total(all), parents.map(instance.total).min()! - 1e-9)
            }
        }
        // The crossover does combine: some children are lighter than both their parents.
        XCTAssertGreaterThan(lighterThanBoth, 0)
    }

    func testTwoRingsCombineIntoTheLighterPartOfEach() {
        // a: 0 → 1 → … → 7 → 0; b reverses the runs 1 2 and 5 6. They share 3 → 4 and
        // 7 → 0, so {0, 1, 2, 3} and {4, 5, 6, 7} are each entered once. a is heavy in the
        // first, b in the second; only these directed links exist.
        let a = [1, 2, 3, 4, 5, 6, 7, 0]
        let b = [2, 3, 1, 4, 6, 7, 5, 0]
        var weight: [[Double?]] = Array(repeating: Array(repeating: nil, count: 8), count: 8)
        for v in 0..<8 {
            weight[v][a[v]] = 1
            weight[v][b[v]] = 1
        }
        weight[0][1] = 5
        weight[4][6] = 5
        let w: (Int, Int) -> Double? = { weight[$0][$1] }
        func total(_ s: [Int]) -> Double { (0..<8).reduce(0) { $0 + weight[$1][s[$1]]! } }
        XCTAssertEqual(total(a), 12)
        XCTAssertEqual(total(b), 12)
        let child = RingCrossover.combine(a, b, w)
        XCTAssertEqual(child, [2, 3, 1, 4, 5, 6, 7, 0])
        XCTAssertEqual(total(child), 8)
        XCTAssertEqual(RingCrossover.combineAll([a, b], w), child)
        XCTAssertEqual(RingCrossover.combine(b, a, w), child)
        // The same ring twice: nothing lighter.
        XCTAssertNil(RingCrossover.combineAll([a, a], w))
    }
}
