import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The `rnot` rows (``UnitRepeatCliques``): `Σ_k y[u,v,k] ≤ 1` over a window of three terms
/// where u can never be at v in the first and the last. They lift the root bound on the shape
/// of peer row 23, they never cut off an optimum (brute force, with and without them), and
/// pricing may leave their duals out.
final class UnitRepeatCliquesTests: XCTestCase {
    /// Peer row 23's shape: a ring of 30 enterprises over three terms, history, handover days,
    /// the person cooldown at 2 (`zhudian generate --units 30 --seed 23 --structure ring
    /// --terms 3 --history 2`).
    static func rowTwentyThreeShape() -> Scenario {
        ScenarioGenerator.generate(GeneratorConfig(units: 30, seed: 23, structure: .ring, terms: 3, history: 2))
    }

    func rootBound(_ s: Scenario, cliques: Bool) throws -> (bound: Double, model: Model, lp: RelaxationResult) {
        var options = PlanOptions()
        options.unitRepeatCliques = cliques
        return try teamsRootBound(s, options: options)
    }

    func testTheRowsLiftTheRootBoundOnTheRingOverThreeTerms() throws {
        let s = Self.rowTwentyThreeShape()
        let without = try rootBound(s, cliques: false)
        let with = try rootBound(s, cliques: true)
        let rows = with.model.constraints.filter { $0.name.hasPrefix("rnot_") }
        XCTAssertGreaterThan(rows.count, 0)
        XCTAssertFalse(without.model.constraints.contains { $0.name.hasPrefix("rnot_") })
        // Each rnot row replaces an rclq row: the same count of rows in all.
        XCTAssertEqual(with.model.constraints.count, without.model.constraints.count)
        XCTAssertGreaterThan(with.bound, without.bound + 1, "\(without.bound) → \(with.bound)")
    }

    /// As for the `rclq` rows: +1 on every link in a `≤` row of a minimisation, so the dual is
    /// ≤ 0 and pricing that leaves it out only under-prices a left-out link.
    func testTheRowsOnlyEverRaiseALinksReducedCost() throws {
        let (_, model, lp) = try rootBound(Self.rowTwentyThreeShape(), cliques: true)
        var binding = 0
        for (i, row) in model.constraints.enumerated() where row.name.hasPrefix("rnot_") {
            XCTAssertEqual(row.upper, 1)
            XCTAssertTrue(row.lower.isInfinite)
            for t in row.expression.terms {
                XCTAssertTrue(model.variables[t.variable.index].name.hasPrefix("y_"), row.name)
                XCTAssertEqual(t.coefficient, 1, row.name)
            }
            XCTAssertLessThanOrEqual(lp.rowDuals[i], 1e-9, row.name)
            if lp.rowDuals[i] < -1e-9 { binding += 1 }
        }
        XCTAssertGreaterThan(binding, 0, "no row binds: the sign check above says nothing")
    }

    /// The square of four units, teams of two, 2-cycles allowed: with six people the first unit
    /// may come back (no `rnot` row for it, and the oracle's optimum does come back,
    /// ``UnitRepeatTests``); with five it cannot, and the rows say so for it alone. Either
    /// way the planner proves the oracle's optimum with and without the rows, every link
    /// built and priced.
    func testTheRowsGoWhereAUnitCannotComeBackAndKeepTheOptimum() throws {
        for people in [6, 5] {
            var s = squareScenario(firstUnitPeople: people)
            s.rules.keepAtHome = 0
            let built = try TeamFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false)
            let units = Set(built.model.constraints.filter { $0.name.hasPrefix("rnot_") }.map { $0.name.split(separator: "_")[1] })
            XCTAssertEqual(units, people == 6 ? [] : ["0"], "\(people) people")
            let expected = try XCTUnwrap(TeamsBruteForce.optimum(s))
            for (cliques, pricing) in [(true, false), (false, false), (true, true)] {
                var options = PlanOptions()
                options.forcedFormulation = .teams
                options.pricing = pricing
                options.unitRepeatCliques = cliques
                assertPlanAgrees(
                    Planner(solver: GLPKSolver()), s, optimum: expected.objective, options: options,
                    label: "\(people) people, cliques \(cliques), pricing \(pricing)")
            }
        }
    }
}
