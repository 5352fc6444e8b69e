import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The people model's cooldown cliques (``RowSink/addCooldownCliques(people:sites:ctx:col:)``):
/// with nobody serving two terms in a row, the planner proves the brute-force optimum with
/// and without them, they raise the LP bound on small cases, and they are in the model only
/// where the rules make them valid.
final class CooldownCliquesTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Row 07's shape (free, maxConsecutiveTerms 1, history) over `terms` terms with
    /// `personCooldown`; sites of one person keep small units busy in every term, and with two
    /// units a person cannot serve one site twice, which is what the rows say. No pair
    /// cooldown (row 07 has 1; the rows do not read it): with two units it would leave term 1
    /// no link the history did not use.
    func rotation(
        terms: Int, personCooldown: Int, units: ClosedRange<Int> = 2...3, people: ClosedRange<Int> = 3...4
    ) -> TinyScenario {
        TinyScenario(
            terms: terms, pairCooldown: 0, personCooldown: personCooldown, maxConsecutiveTerms: 1,
            handoverDays: [0, 3], unitRange: units, historyPerUnit: 1, peoplePerUnit: people, peopleCap: 9,
            keepAtHome: [0], minStaff: [1], mutualPairs: [.allow], leaveRate: 0.05, oneStaffRate: 1)
    }

    /// Plans `s` with the people model, the cliques on or off, against the enumeration.
    @discardableResult
    func agrees(_ s: Scenario, optimum: Double?, cliques: Bool, _ label: String) -> Bool {
        var options = PlanOptions()
        options.forcedFormulation = .people
        options.cooldownCliques = cliques
        return assertPlanAgrees(planner, s, optimum: optimum, options: options, label: "\(label), cliques \(cliques)")
    }

    /// Three terms, personCooldown 2: the rows x[p,v,1] + x[p,v,3] + Σ_w x[p,w,2] ≤ 1 keep
    /// the optimum (a row that cut off a roster the rules allow would show here as a dearer
    /// optimum or a false "infeasible").
    func testThreeTermsMatchTheBruteForceWithAndWithoutTheCliques() {
        var feasible = 0
        for seed in UInt64(601)...624 {
            let s = rotation(terms: 3, personCooldown: 2).make(seed: seed)
            let optimum = PeopleBruteForce.optimum(s)?.objective
            agrees(s, optimum: optimum, cliques: false, "seed \(seed)")
            if agrees(s, optimum: optimum, cliques: true, "seed \(seed)") { feasible += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 6, "too few feasible scenarios to compare")
    }

    /// Four terms, personCooldown 3: also the pair rows x[p,v,1] + x[p,v,4] ≤ 1.
    func testFourTermsWithALongerCooldownMatchTheBruteForce() {
        var feasible = 0
        for seed in UInt64(651)...662 {
            let s = rotation(terms: 4, personCooldown: 3, units: 2...2, people: 4...4).make(seed: seed)
            XCTAssertTrue(
                try PersonFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false).model.constraints
                    .contains { $0.name.hasPrefix("brk_") && $0.name.hasSuffix("_1_4") },
                "seed \(seed): the pair rows across three terms are in the model")
            let optimum = PeopleBruteForce.optimum(s)?.objective
            agrees(s, optimum: optimum, cliques: false, "seed \(seed)")
            if agrees(s, optimum: optimum, cliques: true, "seed \(seed)") { feasible += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 3, "too few feasible scenarios to compare")
    }

    /// The rows bind: on some of these small cases the LP bound rises, and it never falls.
    func testTheCliquesRaiseTheLPBound() throws {
        var raised = 0
        for seed in UInt64(601)...618 {
            let s = rotation(terms: 3, personCooldown: 2).make(seed: seed)
            var off = PlanOptions()
            off.cooldownCliques = false
            let with = try relaxation(s, PlanOptions())
            let without = try relaxation(s, off)
            guard let a = with, let b = without else {
                XCTAssertNil(with, "seed \(seed): infeasible without the cliques, feasible with them")
                continue
            }
            XCTAssertGreaterThanOrEqual(a, b - 1e-6, "seed \(seed): the cliques lowered the bound")
            if a > b + 1e-6 { raised += 1 }
        }
        XCTAssertGreaterThanOrEqual(raised, 1, "the cliques never raised the LP bound: they bind nowhere here")
    }

    /// The LP bound of the people model of `s`, nil when its relaxation is infeasible.
    private func relaxation(_ s: Scenario, _ options: PlanOptions) throws -> Double? {
        let model = try PersonFormulation.build(PlanContext(s), options: options, elastic: false).model
        let result = GLPKSolver().solveRelaxation(model)
        switch result.status {
        case .optimal: return result.objective
        case .infeasible: return nil
        default:
            XCTFail("relaxation ended \(result.status)")
            return nil
        }
    }

    /// Only with maxConsecutiveTerms 1, personCooldown ≥ 2 and three terms or more.
    func testTheModelHoldsTheCliquesOnlyWhereTheyAreValid() throws {
        func rows(_ terms: Int, cooldown: Int, consecutive: Int) throws -> Int {
            var config = rotation(terms: terms, personCooldown: cooldown)
            config.maxConsecutiveTerms = consecutive
            let built = try PersonFormulation.build(PlanContext(config.make(seed: 601)), options: PlanOptions(), elastic: false)
            return built.model.constraints.filter { $0.name.hasPrefix("brk_") }.count
        }
        XCTAssertGreaterThan(try rows(3, cooldown: 2, consecutive: 1), 0)
        XCTAssertEqual(try rows(3, cooldown: 2, consecutive: 2), 0, "staying on two terms makes v, v, v a roster")
        XCTAssertEqual(try rows(3, cooldown: 1, consecutive: 1), 0, "no person cooldown: back at v after a break is allowed")
        XCTAssertEqual(try rows(2, cooldown: 2, consecutive: 1), 0, "two terms have no break")
    }
}
