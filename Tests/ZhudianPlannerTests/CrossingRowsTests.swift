import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// Pool rows over the set's border (``CutSet+Crossing``, ``PricedTeamSolve/mipPool(_:)``):
/// where every enterprise sends and receives one team, each equals its inside form, so the
/// proof MIP keeps the optimum.
final class CrossingRowsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// A subtour row and a blossom row on a ring of 6 enterprises (every link possible): at
    /// every assignment of one link out and one in per enterprise, both forms leave the same
    /// slack to their bound (the blossom's border form twice its inside form's). Checked: with the teeth's sign flipped in the border form
    /// (`−1` for a tooth), the blossom's slacks differ and the test fails.
    func testBorderFormLeavesTheSameSlackAtEveryAssignment() throws {
        let basis = TreeBlossomsTests.sixRing()
        let cuts = [
            CutSet(term: 1, members: [0, 1, 2]),
            CutSet(term: 1, members: [0, 1, 2], teeth: [CutSet.Pair(0, 3), CutSet.Pair(1, 4), CutSet.Pair(2, 5)]),
            CutSet(term: 1, members: [1, 3, 4, 5], teeth: [CutSet.Pair(1, 0)]),
        ]
        let inside = try TeamFormulation.build(basis, options: PlanOptions(), pool: cuts)
        let border = try TeamFormulation.build(
            basis, options: PlanOptions(),
            pool: cuts.map {
                var cut = $0
                cut.crossing = true
                return cut
            })
        let insideRows = try XCTUnwrap(inside.teamRows)
        let borderRows = try XCTUnwrap(border.teamRows)
        XCTAssertEqual(insideRows.links.count, 30, "every link of 6 enterprises")
        XCTAssertEqual(inside.model.variables.map(\.name), border.model.variables.map(\.name))
        var checked = 0
        forEachPermutation(of: 6) { next in
            for a in 0..<6 where next[a] == a { return }
            var point = Array(repeating: 0.0, count: inside.model.variableCount)
            for l in insideRows.links where next[l.node] == basis.node[l.site] { point[l.variable.index] = 1 }
            for (c, cut) in cuts.enumerated() {
                let r = inside.model.constraints[insideRows.pool[c]]
                let s = border.model.constraints[borderRows.pool[c]]
                XCTAssertEqual(r.name, s.name)
                // A blossom's border form is twice its inside form (over pairs, x(δ(H)) counts 2 per node).
                let scale = cut.teeth.isEmpty ? 1.0 : 2.0
                XCTAssertEqual(
                    scale * (r.upper - r.expression.value(at: point)), s.upper - s.expression.value(at: point),
                    accuracy: 1e-9, "row \(c) at \(next)")
            }
            checked += 1
        }
        XCTAssertEqual(checked, 265, "every assignment without a self link")
    }

    /// The border form is for proof MIPs: a ring's large sets take it, small ones and every set
    /// under a gap limit (the people seeds' rotating roster, ``RotatingSeed``) do not. Checked:
    /// without the gap-limit condition the second assertion fails.
    func testOnlyProofMIPsTakeTheBorderForm() {
        var c = GeneratorConfig(units: 12)
        c.seed = 12
        c.structure = .ring
        let basis = TeamBasis(PlanContext(ScenarioGenerator.generate(c)), elastic: false, part: nil)
        let pool = [CutSet(term: 1, members: Array(0..<10)), CutSet(term: 1, members: [0, 1, 2])]
        let proof = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: PlanOptions(), deadline: nil)
        XCTAssertEqual(proof.mipPool(pool).map(\.crossing), [true, false])
        var gapped = PlanOptions()
        gapped.relativeGap = 0.01
        let seed = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: gapped, deadline: nil)
        XCTAssertEqual(seed.mipPool(pool).map(\.crossing), [false, false])
    }

    /// A two-term ring of 70 enterprises (its pool holds sets above ``CutSet/crossingFrom``):
    /// the same optimum with the border form in the proof MIPs and without, checked roster.
    func testTwoTermRingKeepsItsOptimum() {
        assertTwoTermRing70KeepsItsOptimum(planner) { $0.crossingRows = false }
    }
}
