import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// ``OddCutBlossoms``: its rows hold for every simple 2-factor, and on a ring's LP point where
/// the odd-component heuristic has nothing left to add, it finds rows that raise the bound.
final class OddCutBlossomsTests: XCTestCase {
    /// Every simple 2-factor of 7 nodes (one 7-cycle, or a 3-cycle and a 4-cycle) keeps every
    /// row the separation can write: any handle, any odd set of pairs leaving it.
    func testEveryRowFormHoldsForEverySimpleTwoFactor() {
        let n = 7
        var factors: [[CutSet.Pair]] = []
        func cycles(_ order: [Int]) -> [CutSet.Pair] {
            order.indices.map { CutSet.Pair(order[$0], order[($0 + 1) % order.count]) }
        }
        for p in permutations(Array(1..<n)) where p[0] < p[p.count - 1] { factors.append(cycles([0] + p)) }
        for a in 0..<n { for b in (a + 1)..<n { for c in (b + 1)..<n {
            let rest = (0..<n).filter { ![a, b, c].contains($0) }
            for q in permutations(Array(rest.dropFirst())) where q[0] < q[q.count - 1] {
                factors.append(cycles([a, b, c]) + cycles([rest[0]] + q))
            }
        } } }
        XCTAssertEqual(factors.count, 360 + 35 * 3)
        var rng = TestRNG(seed: 7)
        var checked = 0
        for _ in 0..<300 {
            let handle = (0..<n).filter { _ in Bool.random(using: &rng) }
            guard handle.count >= 2, handle.count < n else { continue }
            let leaving = (0..<n).flatMap { a in ((a + 1)..<n).map { CutSet.Pair(a, $0) } }
                .filter { handle.contains($0.a) != handle.contains($0.b) }
            let teeth = leaving.filter { _ in Bool.random(using: &rng) }
            guard teeth.count % 2 == 1 else { continue }
            checked += 1
            let rhs = Double(handle.count) + Double(teeth.count - 1) / 2
            for f in factors {
                let used = Set(f)
                let inside = used.filter { handle.contains($0.a) && handle.contains($0.b) }.count
                XCTAssertLessThanOrEqual(Double(inside + teeth.filter(used.contains).count), rhs + 1e-9, "\(handle) \(teeth)")
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }

    /// A ring of 60 enterprises (seed 3: 8 rows found; seed 5: none): solve the LP with subtour and heuristic blossom rows until
    /// neither finds anything, then the odd cuts must find violated rows, and the LP rises.
    func testOddCutsRaiseTheRingBoundWhereTheHeuristicStops() throws {
        let s = ScenarioGenerator.generate(GeneratorConfig(units: 60, seed: 3, structure: .ring, terms: 1, history: 1))
        var options = PlanOptions()
        options.oddCutBlossoms = false
        let basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
        let solver = GLPKSolver()
        var pool: [CutSet] = []
        func solve() throws -> (Double, [Double], BuiltModel) {
            let built = try TeamFormulation.build(basis, options: options, pool: pool)
            let lp = solver.solveRelaxation(built.model)
            return (try XCTUnwrap(lp.objective), lp.values, built)
        }
        var (bound, point, built) = try solve()
        for _ in 0..<200 {
            var added = 0
            for members in built.cycleCuts[0].violatedSets(point, minCuts: true) {
                pool.append(CutSet(term: 1, members: members.sorted()))
                added += 1
            }
            for found in try XCTUnwrap(built.teamRows).blossoms[0].violated(point) {
                pool.append(CutSet(term: 1, members: found.handle, teeth: found.teeth))
                added += 1
            }
            if added == 0 { break }
            (bound, point, built) = try solve()
        }
        let heuristicBound = bound
        var x: [CutSet.Pair: Double] = [:]
        for l in try XCTUnwrap(built.teamRows).links where point[l.variable.index] > 1e-9 {
            x[CutSet.Pair(l.node, basis.node[l.site]), default: 0] += point[l.variable.index]
        }
        let rows = OddCutBlossoms(nodes: basis.ents.count).violated(x)
        XCTAssertFalse(rows.isEmpty, "the heuristic's last point has no odd cut below 1 here: the test says nothing")
        for row in rows {
            let inH = Set(row.handle)
            let lhs = x.filter { inH.contains($0.key.a) && inH.contains($0.key.b) }.values.reduce(0, +)
                + row.teeth.reduce(0) { $0 + (x[$1] ?? 0) }
            XCTAssertGreaterThan(lhs, Double(row.handle.count) + Double(row.teeth.count - 1) / 2 + 1e-6)
            XCTAssertEqual(row.teeth.count % 2, 1)
            XCTAssertTrue(row.teeth.allSatisfy { inH.contains($0.a) != inH.contains($0.b) })
        }
        pool += rows.map { CutSet(term: 1, members: $0.handle, teeth: $0.teeth) }
        let (raised, _, _) = try solve()
        XCTAssertGreaterThan(raised, heuristicBound + 1e-6, "\(heuristicBound) → \(raised)")
    }
}

private func permutations(_ items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    return items.indices.flatMap { i -> [[Int]] in
        var rest = items
        let head = rest.remove(at: i)
        return permutations(rest).map { [head] + $0 }
    }
}
