import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Where the cooldown cliques `brk` are written, the people model leaves out the rows that others
/// of it imply (``PlanOptions/impliedPeopleRows``): `ccool`, `place` under a `consec` row, and
/// `consec` over one term's columns; an `hcool` row over one column becomes its bound. Each row
/// left out is checked to hold at every point of the smaller model's LP (its largest value there,
/// found by the simplex, is within its bound), each bound at every point of the full model's LP,
/// and the planner proves the brute force's optimum with and without them.
final class ImpliedPeopleRowsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())
    /// Rows left out whose implication an LP checked.
    var checked = 0
    /// Columns bounded instead of a row, checked against the full model's LP.
    var bounded = 0

    /// Row 07's shape (free, one term in a row at most, a person cooldown of 2, history) over
    /// `terms` terms, as ``CooldownCliquesTests`` builds it.
    func scenario(terms: Int, seed: UInt64, consecutive: Int = 1) -> Scenario {
        TinyScenario(
            terms: terms, pairCooldown: 0, personCooldown: 2, maxConsecutiveTerms: consecutive,
            handoverDays: [0, 3], unitRange: 2...3, historyPerUnit: 1, peoplePerUnit: 3...4, peopleCap: 9,
            keepAtHome: [0], minStaff: [1], mutualPairs: [.allow], leaveRate: 0.05, oneStaffRate: 1
        ).make(seed: seed)
    }

    func build(_ s: Scenario, implied: Bool) throws -> Model {
        var options = PlanOptions()
        options.impliedPeopleRows = implied
        return try PersonFormulation.build(PlanContext(s), options: options, elastic: false).model
    }

    /// Every row of the model with the implied rows that the model without them lacks holds at
    /// every LP point of the latter: maximising the row over that LP stays within its upper bound
    /// (all of them are ≤ rows). Returns the rows left out, by family.
    func assertLeftOutRowsImplied(_ s: Scenario, label: String) throws -> [String: Int] {
        let full = try build(s, implied: true)
        let small = try build(s, implied: false)
        XCTAssertEqual(full.variables.map(\.name), small.variables.map(\.name), "\(label): the same columns")
        let kept = Set(small.constraints.map(\.name))
        XCTAssertTrue(kept.isSubset(of: Set(full.constraints.map(\.name))), "\(label): no new rows")
        let leftOut = full.constraints.filter { !kept.contains($0.name) }
        var families: [String: Int] = [:]
        for row in leftOut { families[String(row.name.prefix { $0 != "_" }), default: 0] += 1 }
        // An empty LP implies every row; it must then be empty with the implied rows as well.
        guard GLPKSolver().solveRelaxation(small).status != .infeasible else {
            XCTAssertEqual(GLPKSolver().solveRelaxation(full).status, .infeasible, label)
            return families
        }
        for row in leftOut {
            XCTAssertFalse(row.lower.isFinite, "\(label): \(row.name) is a ≤ row")
            var probe = small
            probe.sense = .maximize
            probe.objectiveConstant = 0
            for v in probe.variables.indices { try probe.setObjectiveCoefficient(Variable(index: v), 0) }
            for term in row.expression.terms { try probe.setObjectiveCoefficient(term.variable, term.coefficient) }
            let lp = GLPKSolver().solveRelaxation(probe)
            XCTAssertEqual(lp.status, .optimal, "\(label): \(row.name)")
            XCTAssertLessThanOrEqual(lp.objective ?? .infinity, row.upper + 1e-7, "\(label): \(row.name) is not implied")
            checked += 1
        }
        try assertBoundsImplied(full: full, small: small, label: label)
        return families
    }

    /// Every column the smaller model bounds tighter (an `hcool` row over one column, written as
    /// its upper bound 0) is held within that bound by the full model's LP.
    func assertBoundsImplied(full: Model, small: Model, label: String) throws {
        for (j, column) in small.variables.enumerated() where column.upper < full.variables[j].upper {
            XCTAssertEqual(column.upper, 0, "\(label): \(column.name)")
            var probe = full
            probe.sense = .maximize
            probe.objectiveConstant = 0
            for v in probe.variables.indices { try probe.setObjectiveCoefficient(Variable(index: v), 0) }
            try probe.setObjectiveCoefficient(Variable(index: j), 1)
            let lp = GLPKSolver().solveRelaxation(probe)
            XCTAssertLessThanOrEqual(lp.objective ?? .infinity, 1e-7, "\(label): \(column.name) is not held at 0")
            bounded += 1
        }
        for (j, column) in small.variables.enumerated() {
            XCTAssertEqual(column.lower, full.variables[j].lower, "\(label): \(column.name)")
            XCTAssertLessThanOrEqual(column.upper, full.variables[j].upper, "\(label): \(column.name)")
        }
    }

    /// Three terms: every family is left out somewhere, and only where implied.
    func testTheRowsLeftOutHoldAtEveryLPPointOverThreeTerms() throws {
        var families: [String: Int] = [:]
        for seed in UInt64(701)...724 {
            let left = try assertLeftOutRowsImplied(scenario(terms: 3, seed: seed), label: "seed \(seed)")
            families.merge(left, uniquingKeysWith: +)
        }
        XCTAssertGreaterThan(checked, 100, "too few rows checked on a feasible LP")
        XCTAssertGreaterThan(bounded, 0, "no hcool row written as a bound: the test shows nothing about it")
        for family in ["ccool", "place", "consec"] {
            XCTAssertGreaterThan(families[family] ?? 0, 0, "no \(family) row left out: the test shows nothing about it")
        }
    }

    /// Only where the cliques are written: over two terms, and with two terms in a row allowed,
    /// the model keeps every row.
    func testNothingIsLeftOutWithoutTheCliques() throws {
        for seed in UInt64(721)...726 {
            let two = try assertLeftOutRowsImplied(scenario(terms: 2, seed: seed), label: "two terms, seed \(seed)")
            XCTAssertEqual(two, [:], "seed \(seed): rows left out over two terms")
            let twoInARow = try assertLeftOutRowsImplied(
                scenario(terms: 3, seed: seed, consecutive: 2), label: "two in a row, seed \(seed)")
            XCTAssertEqual(twoInARow, [:], "seed \(seed): rows left out with two terms in a row")
        }
    }

    /// The planner proves the enumeration's optimum with the implied rows and without them.
    func testThePlannerMatchesTheBruteForceWithAndWithoutTheImpliedRows() {
        var feasible = 0
        for seed in UInt64(701)...716 {
            let s = scenario(terms: 3, seed: seed)
            let optimum = PeopleBruteForce.optimum(s)?.objective
            for implied in [true, false] {
                var options = PlanOptions()
                options.forcedFormulation = .people
                options.impliedPeopleRows = implied
                if assertPlanAgrees(planner, s, optimum: optimum, options: options, label: "seed \(seed), implied \(implied)"),
                    !implied
                {
                    feasible += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(feasible, 5, "too few feasible scenarios to compare")
    }
}
