import GLPK
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The elastic model solved over priced candidate links (``ElasticSolve/pricedSolve(_:)``,
/// what large teams scenarios use) must explain and plan best effort exactly as the model
/// with every link does: the same instances, the same proof, the same break count and cost.
/// Pricing is forced on small scenarios (two links per enterprise to start), so that a wrong
/// reduced cost, a slack left out of a selection or a wrong weight shows as a difference.
final class ElasticPricingTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())
    let sha = String(repeating: "0", count: 64)

    /// A generated teams scenario made infeasible in one of three ways, each known to break
    /// it: one enterprise's people all on leave through term 1, one enterprise with a single
    /// qualified person, or a site needing more people than any enterprise has.
    func infeasible(_ i: Int) -> Scenario {
        var c = GeneratorConfig(units: 6 + i % 5)
        c.seed = UInt64(7100 + i)
        c.structure = i % 2 == 0 ? .cycles : .ring
        c.terms = 1 + i % 2
        c.history = i % 2
        c.peoplePerUnit = 3...6
        c.leaveRate = 0
        var s = ScenarioGenerator.generate(c)
        let target = s.units[i % s.units.count].id
        switch i % 3 {
        case 0:
            let away = Absence(range: DateRange(from: s.termStart(1), to: s.termEnd(1).addingDays(s.calendar.handoverDays)))
            for p in s.people.indices where s.people[p].unit == target { s.people[p].unavailable = [away] }
        case 1:
            var kept = false
            for p in s.people.indices where s.people[p].unit == target {
                s.people[p].qualified = !kept
                kept = true
            }
        default:
            if let u = s.units.firstIndex(where: { $0.id == target }) { s.units[u].minStaff = 9 }
        }
        return s
    }

    func options(priced: Bool, bestEffort: Bool) -> PlanOptions {
        var o = PlanOptions(timeLimit: 60)
        o.pricing = priced
        o.pricedLinks = priced ? 2 : nil
        o.bestEffort = bestEffort
        return o
    }

    func testPricedExplanationsEqualTheFullModels() {
        for i in 0..<12 {
            let s = infeasible(i)
            let ref = ScenarioReference(name: s.name, sha256: sha)
            let full = planner.plan(s, reference: ref, options: options(priced: false, bestEffort: false))
            let priced = planner.plan(s, reference: ref, options: options(priced: true, bestEffort: false))
            XCTAssertEqual(full.outcome, .infeasible, "scenario \(i)")
            XCTAssertEqual(priced.outcome, .infeasible, "scenario \(i)")
            XCTAssertEqual(full.explanationProof, .smallest, "scenario \(i)")
            XCTAssertEqual(priced.explanationProof, .smallest, "scenario \(i)")
            XCTAssertFalse(full.explanation.isEmpty, "scenario \(i)")
            XCTAssertEqual(
                full.explanation.map(\.message), priced.explanation.map(\.message), "scenario \(i)")
        }
    }

    func testPricedBestEffortEqualsTheFullModels() throws {
        for i in 0..<12 {
            let s = infeasible(i)
            let ref = ScenarioReference(name: s.name, sha256: sha)
            let full = planner.plan(s, reference: ref, options: options(priced: false, bestEffort: true))
            let priced = planner.plan(s, reference: ref, options: options(priced: true, bestEffort: true))
            XCTAssertEqual(full.outcome, .bestEffort, "scenario \(i)")
            XCTAssertEqual(priced.outcome, .bestEffort, "scenario \(i)")
            let a = try XCTUnwrap(full.roster, "scenario \(i)")
            let b = try XCTUnwrap(priced.roster, "scenario \(i)")
            XCTAssertEqual(a.explanation?.count, b.explanation?.count, "scenario \(i): fewest breaks")
            XCTAssertEqual(a.solve.objective ?? .nan, b.solve.objective ?? .nan, accuracy: 1e-6 * max(1, abs(a.solve.objective ?? 0)), "scenario \(i): cheapest of the fewest")
            let report = RosterChecker(scenario: s, scenarioSHA256: sha).check(b)
            XCTAssertTrue(report.passed, "scenario \(i): \(report.lines(.en))")
        }
    }
}
