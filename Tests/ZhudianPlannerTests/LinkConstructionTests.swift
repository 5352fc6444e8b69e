import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The constructed first roster's links (``LinkConstruction``, ``CycleLocalSearch``): always
/// a cover of the right shape over allowed arcs, and local search never makes it heavier.
final class LinkConstructionTests: XCTestCase {
    /// Points in a square; arc weight = distance × the head's team size (asymmetric, as in
    /// the planner), arcs only to the `degree` nearest, and some pairs forbidden outright.
    struct Instance {
        let n: Int
        let weight: [[Double?]]
        let arcs: [LinkConstruction.Arc]

        init(n: Int, seed: UInt64, degree: Int) {
            self.n = n
            var random = SeededGenerator(seed: seed)
            let points = (0..<n).map { _ in
                (Double.random(in: 0..<100, using: &random), Double.random(in: 0..<100, using: &random))
            }
            let size = (0..<n).map { _ in Double(Int.random(in: 2...3, using: &random)) }
            var w = Array(repeating: [Double?](repeating: nil, count: n), count: n)
            for i in 0..<n {
                for j in 0..<n where i != j && (i * 7 + j * 3) % 11 != 0 {
                    let d = ((points[i].0 - points[j].0) * (points[i].0 - points[j].0)
                        + (points[i].1 - points[j].1) * (points[i].1 - points[j].1)).squareRoot()
                    w[i][j] = d * size[j]
                }
            }
            weight = w
            var arcs: [LinkConstruction.Arc] = []
            for i in 0..<n {
                let near = (0..<n).compactMap { j in w[i][j].map { (j, $0) } }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                for (j, x) in near.prefix(degree) {
                    arcs.append(LinkConstruction.Arc(from: i, to: j, weight: x, value: 0))
                }
            }
            self.arcs = arcs
        }

        func construction(minCycle: Int?, kicks: Int) -> LinkConstruction {
            var c = LinkConstruction(nodes: n, minCycle: minCycle, arcs: arcs)
            c.byValue = false
            c.kicks = kicks
            c.other = { [weight] i, j in weight[i][j] }
            return c
        }

        func total(_ succ: [Int]) -> Double { (0..<n).reduce(0) { $0 + weight[$1][succ[$1]]! } }

        /// The cycle lengths of a successor array, or nil when it is not a permutation.
        static func cycles(_ succ: [Int]) -> [Int]? {
            guard Set(succ).count == succ.count else { return nil }
            var seen = Array(repeating: false, count: succ.count)
            var lengths: [Int] = []
            for s in succ.indices where !seen[s] {
                var v = s
                var k = 0
                while !seen[v] {
                    seen[v] = true
                    v = succ[v]
                    k += 1
                }
                lengths.append(k)
            }
            return lengths
        }
    }

    func testCyclesAreLongEnoughUseAllowedArcsAndImproveWithKicks() throws {
        var improvedSomewhere = false
        for seed in 1...20 {
            let n = 10 + Int(seed) * 7
            let minCycle = seed % 3 == 0 ? 4 : 3
            let instance = Instance(n: n, seed: UInt64(seed), degree: 6)
            let plain = try XCTUnwrap(instance.construction(minCycle: minCycle, kicks: 0).build(), "seed \(seed)")
            let kicked = try XCTUnwrap(instance.construction(minCycle: minCycle, kicks: 300).build(), "seed \(seed)")
            for succ in [plain, kicked] {
                let lengths = try XCTUnwrap(Instance.cycles(succ), "seed \(seed): not a permutation")
                XCTAssertGreaterThanOrEqual(lengths.min() ?? 0, minCycle, "seed \(seed): \(lengths)")
                for i in 0..<n { XCTAssertNotNil(instance.weight[i][succ[i]], "seed \(seed): arc \(i)→\(succ[i])") }
            }
            XCTAssertLessThanOrEqual(instance.total(kicked), instance.total(plain) + 1e-9, "seed \(seed)")
            if instance.total(kicked) < instance.total(plain) - 1e-9 { improvedSomewhere = true }
        }
        XCTAssertTrue(improvedSomewhere, "kicks never improved a descent: the search does nothing")
    }

    func testRingIsOneCycleOverAllowedArcsAndImprovesWithKicks() throws {
        var improvedSomewhere = false
        for seed in 1...12 {
            let n = 12 + Int(seed) * 9
            let instance = Instance(n: n, seed: UInt64(100 + seed), degree: 8)
            let plain = try XCTUnwrap(instance.construction(minCycle: nil, kicks: 0).build(), "seed \(seed)")
            let kicked = try XCTUnwrap(instance.construction(minCycle: nil, kicks: 500).build(), "seed \(seed)")
            for succ in [plain, kicked] {
                XCTAssertEqual(Instance.cycles(succ), [n], "seed \(seed)")
                for i in 0..<n { XCTAssertNotNil(instance.weight[i][succ[i]], "seed \(seed): arc \(i)→\(succ[i])") }
            }
            XCTAssertLessThanOrEqual(instance.total(kicked), instance.total(plain) + 1e-9, "seed \(seed)")
            if instance.total(kicked) < instance.total(plain) - 1e-9 { improvedSomewhere = true }
        }
        XCTAssertTrue(improvedSomewhere, "kicks never improved a ring")
    }

    /// On instances small enough to enumerate every cover, the cycles search lands within a
    /// few per cent of the optimum (it is a heuristic: the planner's MIP proves optimality).
    func testCyclesSearchIsCloseToTheOptimumOnSmallInstances() throws {
        for seed in 1...6 {
            let n = 8
            let instance = Instance(n: n, seed: UInt64(500 + seed), degree: 7)
            let succ = try XCTUnwrap(instance.construction(minCycle: 3, kicks: 200).build())
            var best = Double.infinity
            forEachPermutation(of: n) { perm in
                guard let lengths = Instance.cycles(perm), lengths.min()! >= 3,
                    (0..<n).allSatisfy({ instance.weight[$0][perm[$0]] != nil })
                else { return }
                best = min(best, instance.total(perm))
            }
            XCTAssertTrue(best.isFinite, "seed \(seed): no cover to compare with")
            XCTAssertLessThanOrEqual(instance.total(succ), best * 1.05 + 1e-9, "seed \(seed)")
        }
    }
}
