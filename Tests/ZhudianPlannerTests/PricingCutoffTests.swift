import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// ``PricedTeamSolve/price(_:_:below:perUnit:)`` skips a link that could not displace the
/// worst of the `perUnit` kept before checking it: what it returns must be exactly the
/// `perUnit` least (by reduced cost, then site) of every left-out link below the limit.
final class PricingCutoffTests: XCTestCase {
    func testTheFewLeastAreThoseOfTheWholeList() throws {
        var compared = 0
        for i in 0..<8 {
            let s = InteriorStartTests.scenario(i)
            let basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
            let solve = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: PlanOptions(), deadline: nil)
            var state = PricingState(ents: basis.ents.count, terms: basis.ctx.terms)
            solve.seedSelection(&state.selected, nearest: 2)
            let built = try TeamFormulation.build(basis, options: PlanOptions(), links: solve.selection(state.selected))
            let rows = try XCTUnwrap(built.teamRows)
            // Arbitrary duals, ties included (reduced costs repeat when duals are whole).
            let pi = (0..<built.model.constraintCount).map { Double(($0 * 7919 + i * 104_729) % 11) * 20 - 100 }
            let duals = PricedTeamSolve.Duals(rowDuals: pi, rows: rows, pool: [])
            for limit in [Double.infinity, 0] {
                let all = solve.price(duals, state.selected, below: limit, perUnit: Int.max)
                for perUnit in [1, 2, 4] {
                    let few = solve.price(duals, state.selected, below: limit, perUnit: perUnit)
                    var expected: [String] = []
                    for k in 1...basis.ctx.terms {
                        for node in 0..<basis.ents.count {
                            expected += all.filter { $0.term == k && $0.node == node }
                                .sorted { ($0.reducedCost, $0.site) < ($1.reducedCost, $1.site) }
                                .prefix(perUnit).map { "\(k) \(node) \($0.site)" }
                        }
                    }
                    let got = few.map { "\($0.term) \($0.node) \($0.site)" }
                    XCTAssertEqual(Set(got), Set(expected), "scenario \(i), limit \(limit), \(perUnit) per unit")
                    XCTAssertEqual(got.count, expected.count, "scenario \(i), limit \(limit), \(perUnit) per unit")
                }
            }
            compared += 1
        }
        XCTAssertEqual(compared, 8)
    }
}
