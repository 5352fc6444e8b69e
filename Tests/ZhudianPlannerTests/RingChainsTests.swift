import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// ``RingChains``: a chain never makes a ring heavier, always leaves one ring over usable
/// arcs, improves rings that 2-opt and or-opt leave alone, and with the ring search reaches
/// the optimum of small rings from their heaviest ring.
final class RingChainsTests: XCTestCase {
    typealias Instance = LinkConstructionTests.Instance

    func ring(_ order: [Int]) -> (succ: [Int], pred: [Int]) {
        var succ = Array(repeating: -1, count: order.count)
        var pred = succ
        for (i, v) in order.enumerated() {
            let next = order[(i + 1) % order.count]
            succ[v] = next
            pred[next] = v
        }
        return (succ, pred)
    }

    /// A ring over usable arcs in a seeded random order (retried until every arc is usable).
    func randomRing(_ instance: Instance, seed: UInt64) -> [Int] {
        var random = SeededGenerator(seed: seed)
        while true {
            let order = Array(0..<instance.n).shuffled(using: &random)
            if order.indices.allSatisfy({ instance.weight[order[$0]][order[($0 + 1) % order.count]] != nil }) {
                return order
            }
        }
    }

    func assertOneRing(_ succ: [Int], _ pred: [Int], _ instance: Instance, _ label: String) {
        XCTAssertEqual(Instance.cycles(succ), [instance.n], label)
        for v in 0..<instance.n {
            XCTAssertEqual(pred[succ[v]], v, "\(label): pred of succ of \(v)")
            XCTAssertNotNil(instance.weight[v][succ[v]], "\(label): arc \(v)→\(succ[v])")
        }
    }

    func testChainsNeverWorsenKeepOneRingAndImproveTwoOptOptima() {
        var improvedLocalOptimum = false
        for seed in 1...10 {
            let n = 20 + Int(seed) * 6
            let instance = Instance(n: n, seed: UInt64(700 + seed), degree: 8)
            let construction = instance.construction(minCycle: nil, kicks: 0)
            let table = ArcTable(nodes: n, arcs: instance.arcs, other: { instance.weight[$0][$1] })
            let near = RingChains.candidates(table.outgoing, count: 8, table.link)
            for maxRun in [n, 6] {
                let chains = RingChains(near: near, breadth: [5, 3], depth: 6, maxRun: maxRun)
                var (succ, pred) = ring(randomRing(instance, seed: UInt64(seed)))
                let label = "seed \(seed), run ≤ \(maxRun)"
                // From a random ring, then from a 2-opt and or-opt local optimum.
                for phase in 0..<2 {
                    if phase == 1 {
                        while construction.twoOpt(&succ, &pred, table.outgoing, table.link)
                            || construction.improveRing(&succ, &pred, table.incoming, table.link)
                        {}
                    }
                    let before = instance.total(succ)
                    let change = chains.descend(&succ, &pred, active: Array(0..<n), table.link)
                    assertOneRing(succ, pred, instance, label)
                    XCTAssertLessThanOrEqual(change, 0, label)
                    XCTAssertEqual(instance.total(succ), before + change, accuracy: 1e-6, label)
                    if phase == 0 { XCTAssertLessThan(change, 0, "\(label): nothing improved a random ring") }
                    if phase == 1 && change < -1e-9 { improvedLocalOptimum = true }
                }
            }
        }
        XCTAssertTrue(improvedLocalOptimum, "chains never improved a 2-opt/or-opt local optimum")
    }

    /// Every ring through node 0, by Heap's algorithm over the other nodes.
    func forEachRing(_ n: Int, _ body: ([Int]) -> Void) {
        var rest = Array(1..<n)
        var c = Array(repeating: 0, count: rest.count)
        body([0] + rest)
        var i = 0
        while i < rest.count {
            if c[i] < i {
                rest.swapAt(i % 2 == 0 ? 0 : c[i], i)
                body([0] + rest)
                c[i] += 1
                i = 0
            } else {
                c[i] = 0
                i += 1
            }
        }
    }

    /// Eight and nine enterprises: below eight the search runs no kicks, and a descent alone
    /// (chains included) can stop above the optimum of a ring this asymmetric (seen at six).
    func testRingSearchReachesTheOptimumFromTheHeaviestRing() {
        for seed in 1...8 {
            let n = 8 + Int(seed) % 2
            let instance = Instance(n: n, seed: UInt64(900 + seed), degree: n - 1)
            var lightest = (weight: Double.infinity, order: [Int]())
            var heaviest = (weight: -Double.infinity, order: [Int]())
            forEachRing(n) { order in
                guard order.indices.allSatisfy({ instance.weight[order[$0]][order[($0 + 1) % n]] != nil }) else {
                    return
                }
                let w = order.indices.reduce(0.0) { $0 + instance.weight[order[$1]][order[($1 + 1) % n]]! }
                if w < lightest.weight { lightest = (w, order) }
                if w > heaviest.weight { heaviest = (w, order) }
            }
            let label = "seed \(seed), n \(n)"
            XCTAssertLessThan(lightest.weight, heaviest.weight, label)
            var (succ, pred) = ring(heaviest.order)
            var construction = instance.construction(minCycle: nil, kicks: 0)
            construction.kicks = 20 * n
            construction.chains = true
            let table = ArcTable(nodes: n, arcs: instance.arcs, other: { instance.weight[$0][$1] })
            construction.searchRing(&succ, &pred, table)
            assertOneRing(succ, pred, instance, label)
            XCTAssertEqual(instance.total(succ), lightest.weight, accuracy: 1e-6, label)
        }
    }
}
