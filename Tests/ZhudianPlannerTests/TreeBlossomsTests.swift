import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// Blossom rows at the nodes of the priced teams model's search
/// (``Blossoms/lazyRows(_:term:)``, ``PricedTeamSolve/treeSeparator(_:blossoms:)``,
/// ``PricedTeamSolve/blossomsInTree(_:)``): each row
/// is the pool's row for its handle and teeth, holds for every roster, cuts the fractional
/// point it was found at, and leaves the optimum where it was.
final class TreeBlossomsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// The half triangle seen at 300 enterprises: 0→1→2→0 at ½, whole pairs 0↔3, 1↔4, 2↔5
    /// at ½ each way, and 3, 4, 5 closed through 6 (the blossom test of ``PlannerPricingTests``).
    static func halfTriangle(_ a: Int, _ b: Int) -> Double {
        let half: Set<[Int]> = [[0, 1], [1, 2], [2, 0], [0, 3], [3, 0], [1, 4], [4, 1], [2, 5], [5, 2],
                                [3, 6], [6, 3], [4, 6], [6, 4], [5, 6]]
        return half.contains([a, b]) ? 0.5 : 0
    }

    /// A model with a binary column for every link between `n` nodes (no self link).
    static func everyLink(_ n: Int) throws -> (model: Model, arcs: [(from: Int, to: Int, variable: Variable)]) {
        var model = Model()
        var arcs: [(from: Int, to: Int, variable: Variable)] = []
        for a in 0..<n {
            for b in 0..<n where a != b {
                arcs.append((a, b, try model.addVariable(name: "y\(a)\(b)", kind: .binary)))
            }
        }
        return (model, arcs)
    }

    /// A ring of 6 generated enterprises, every link possible, no history.
    static func sixRing() -> TeamBasis {
        var c = GeneratorConfig(units: 6)
        c.seed = 11
        c.structure = .ring
        c.groupRate = 0
        c.history = 0
        return TeamBasis(PlanContext(ScenarioGenerator.generate(c)), elastic: false, part: nil)
    }

    /// The lazy row is violated at the half triangle (4.5 against 4) and kept by every cycle
    /// cover of 7 nodes without 2-cycles. Checked: with the teeth's links left out of the row,
    /// the point keeps it (1.5 ≤ 4) and the first assertion fails.
    func testLazyRowCutsTheHalfTriangleAndHoldsForEveryRoster() throws {
        let n = 7
        let (model, arcs) = try Self.everyLink(n)
        var point = Array(repeating: 0.0, count: model.variableCount)
        for a in arcs { point[a.variable.index] = Self.halfTriangle(a.from, a.to) }
        let rows = Blossoms(nodes: n, arcs: arcs).lazyRows(point, term: 1)
        XCTAssertEqual(rows.count, 1)
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(row.upper, 4)
        XCTAssertEqual(row.expression.value(at: point), 4.5, accuracy: 1e-9)
        var checked = 0
        forEachPermutation(of: n) { next in
            for a in 0..<n where next[a] == a || next[next[a]] == a { return }
            var roster = Array(repeating: 0.0, count: model.variableCount)
            for a in arcs where next[a.from] == a.to { roster[a.variable.index] = 1 }
            XCTAssertLessThanOrEqual(row.expression.value(at: roster), row.upper + 1e-9, "\(next)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// Two triangles of half links, 0→1→2→0 and 3→4→5→3, joined by the whole pairs 0↔3, 1↔4,
    /// 2↔5 (½ each way): every enterprise sends and receives one team, no set is left with
    /// less than one link out, and each triangle is a blossom's handle (4.5 against 4).
    static func twoTriangles(_ a: Int, _ b: Int) -> Double {
        let half: Set<[Int]> = [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3], [0, 3], [3, 0], [1, 4], [4, 1],
                                [2, 5], [5, 2]]
        return half.contains([a, b]) ? 0.5 : 0
    }

    /// On a real ring model (6 enterprises, every link possible), the search's separator
    /// offers both triangles' blossom rows at that point, which breaks no subtour row, and
    /// nothing there with the blossoms off or at an integral point. Checked: with `blossoms`
    /// ignored (always off) the first count fails.
    func testSeparatorOffersBlossomsAtFractionalPointsOnly() throws {
        let basis = Self.sixRing()
        let built = try TeamFormulation.build(basis, options: PlanOptions(), pool: [])
        let arcs = try XCTUnwrap(built.teamRows?.blossoms.first).arcs
        XCTAssertEqual(arcs.count, 30, "every link of 6 enterprises")
        var point = Array(repeating: 0.0, count: built.model.variableCount)
        for a in arcs { point[a.variable.index] = Self.twoTriangles(a.from, a.to) }
        XCTAssertTrue(built.separate(point).isEmpty, "the two triangles break no subtour row")
        let on = PricedTeamSolve.treeSeparator(built, blossoms: true)
        let found = on(point, false)
        XCTAssertEqual(found.count, 2)
        for row in found { XCTAssertEqual(row.expression.value(at: point), row.upper + 0.5, accuracy: 1e-9) }
        XCTAssertTrue(PricedTeamSolve.treeSeparator(built, blossoms: false)(point, false).isEmpty)
        XCTAssertTrue(on(point, true).isEmpty, "an integral point gets subtour rows only")
    }

    /// Only rings above the size where the tree already separates subtour rows by minimum
    /// cuts get them (ring 50 × 2 took more CPU with them, ring 100 × 2 and 200 less).
    func testOnlyRingsAboveTheMinCutSizeGetThem() {
        XCTAssertFalse(PricedTeamSolve.blossomsInTree(CycleCuts.minCutNodes))
        XCTAssertTrue(PricedTeamSolve.blossomsInTree(CycleCuts.minCutNodes + 1))
    }

    /// A two-term ring above that size (70 enterprises, history 2: the proof MIP searches 55
    /// nodes with the blossoms on): the same optimum with and without them, and the roster
    /// passes the checker.
    func testTwoTermRingKeepsItsOptimum() {
        assertTwoTermRing70KeepsItsOptimum(planner) { $0.treeBlossoms = false }
    }
}
