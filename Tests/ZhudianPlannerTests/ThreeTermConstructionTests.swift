import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianScenario
@testable import ZhudianPlanner

/// Three-term construction (``PricedTeamSolve/constructedRosters(_:_:_:_:early:bound:)``): the
/// middle term may be built first, and a term counts its people against every built term
/// whose team must be disjoint from its own (``TermConflicts``), the same site two terms away
/// included.
final class ThreeTermConstructionTests: XCTestCase {
    /// Consecutive terms conflict when nobody serves two in a row; two terms apart only at one
    /// site within the person cooldown; the sets hold only terms that conflict with each other.
    func testConflictsAndTheirCliques() {
        let c = TermConflicts(consecutiveBarred: true, personCooldown: 2)
        XCTAssertTrue(c.conflict(1, 5, 2, 7))
        XCTAssertTrue(c.conflict(1, 5, 3, 5))
        XCTAssertFalse(c.conflict(1, 5, 3, 7))
        XCTAssertFalse(c.conflict(1, 5, 4, 5))
        XCTAssertFalse(TermConflicts(consecutiveBarred: false, personCooldown: 2).conflict(1, 5, 2, 7))
        XCTAssertFalse(TermConflicts(consecutiveBarred: true, personCooldown: 1).conflict(1, 5, 3, 5))
        // Term 3 at site 5, term 1 at 5 and term 2 at 7: all three teams disjoint.
        let all = c.cliques(term: 3, site: 5, built: [(1, 5), (2, 7)]).map { $0.map(\.term).sorted() }
        XCTAssertEqual(Set(all), [[1], [2], [1, 2]])
        // Term 2 between terms 1 and 3 at different sites: those two may share people.
        let apart = c.cliques(term: 2, site: 9, built: [(1, 5), (3, 7)]).map { $0.map(\.term).sorted() }
        XCTAssertEqual(Set(apart), [[1], [3]])
        XCTAssertEqual(Self.middle(3), [[2, 1, 3], [2, 3, 1]])
        XCTAssertEqual(Self.middle(4), [[2, 1, 3, 4], [2, 3, 1, 4]])
    }

    static func middle(_ T: Int) -> [[Int]] { PricedTeamSolve.middleFirstOrders(T) }

    /// Small three-term rings whose units run short of people: where terms built first to
    /// last leave a term with no staffable links, the middle term built first staffs a
    /// roster, with no violated row.
    func testTheMiddleTermFirstStaffsWhereFirstToLastDoesNot() throws {
        // Units of 3–4 people sending teams of one, over three terms (as in
        // ``TeamsBruteForceTests``): a unit at one site in terms 1 and 3 runs out of people.
        let tiny = TinyScenario(
            structure: .ring, terms: 3, pairCooldown: 1, personCooldown: 2, maxConsecutiveTerms: 1,
            unitRange: 8...8, historyTerms: 2, historyPerUnit: 1, peoplePerUnit: 3...4, peopleCap: 40,
            minStaff: [1], leaveRate: 0.05)
        var rescued = 0
        for seed in UInt64(40)..<56 {
            let s = tiny.make(seed: seed)
            // An LP that ends the part (infeasible, or proven at once) leaves nothing to build.
            guard let c = try ConstructedRosters(s) else { continue }
            for roster in c.rosters {
                XCTAssertEqual(roster.built.model.violations(at: roster.values), [], "seed \(seed)")
            }
            let lines = c.solve.stages.lines
            let forward = lines.contains { $0.contains("terms [1, 2, 3]) staffed: optimal") }
            let middle = lines.contains { $0.contains("terms [2, 1, 3]) staffed: optimal") || $0.contains("terms [2, 3, 1]) staffed: optimal") }
            if middle && !forward { rescued += 1 }
        }
        XCTAssertGreaterThanOrEqual(rescued, 2, "the middle term first staffed no roster that first to last could not")
    }

    /// Small three-term rings and cycles: the priced solve, whose construction builds the
    /// middle term first too, proves the full model's optimum. (Ring seed 3 failed with
    /// "glp_simplex returned code 5" until a warm dual simplex ending in GLP_EFAIL was
    /// retried from the standard basis, `SolveRun`.) With a constructed roster, the support
    /// MIP of three terms searches the LP's support and nearest sites.
    func testThePricedOptimumIsTheFullModelsOverThreeTerms() throws {
        let planner = Planner(solver: GLPKSolver())
        var middle = 0
        var proven = 0
        var wide = 0
        for (seed, structure) in [(3, Structure.ring), (4, .ring), (5, .cycles), (6, .cycles)] {
            var c = GeneratorConfig(units: 10)
            c.seed = UInt64(seed)
            c.terms = 3
            c.history = 2
            c.structure = structure
            let s = ScenarioGenerator.generate(c)
            let ref = ScenarioReference(name: s.name, sha256: "")
            var options = PlanOptions(timeLimit: 120)
            options.captureLog = true
            options.pricing = true
            var full = PlanOptions(timeLimit: 120)
            full.pricing = false
            let priced = planner.plan(s, reference: ref, options: options)
            let dense = planner.plan(s, reference: ref, options: full)
            if priced.log.contains(where: { $0.contains("terms [2, 1, 3]") }) { middle += 1 }
            if priced.log.contains(where: { $0.contains("three terms: support MIP over the LP's support") }) { wide += 1 }
            XCTAssertEqual(priced.outcome, dense.outcome, "seed \(seed): \(priced.log.suffix(12).joined(separator: "\n"))")
            guard dense.outcome == .optimal else { continue }
            proven += 1
            let roster = try XCTUnwrap(priced.roster, "seed \(seed)")
            let report = RosterChecker(scenario: s, scenarioSHA256: "").check(roster)
            XCTAssertTrue(report.passed, "seed \(seed): \(report.violations.map { $0.render(.en) })")
            XCTAssertEqual(
                roster.solve.objective ?? -1, dense.roster?.solve.objective ?? -2, accuracy: 1e-6, "seed \(seed)")
        }
        XCTAssertGreaterThanOrEqual(proven, 3, "too few scenarios proven to compare")
        XCTAssertGreaterThan(middle, 0, "no three-term roster was built middle term first")
        XCTAssertGreaterThan(wide, 0, "no three-term support MIP over the LP's support and nearest sites")
    }
}
