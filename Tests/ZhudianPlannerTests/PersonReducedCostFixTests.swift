import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Reduced-cost fixing against the seed's roster (``PersonReducedCostFix``): the plan's
/// optimum is the brute force's and the unfixed model's, and the fixing does fix columns.
final class PersonReducedCostFixTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Seeded options (one nearest site, so the seed is often dear and the gap wide), the
    /// fixing on or off.
    func seeded(fixing: Bool) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .people
        options.peopleSeed = true
        options.seedLinks = 1
        options.reducedCostFixing = fixing
        options.captureLog = true
        return options
    }

    /// How many columns the plan's log says were fixed (0 when the line is missing).
    func fixedColumns(_ log: [String]) -> Int {
        guard let line = log.first(where: { $0.hasPrefix("reduced-cost fixing: root LP") }),
            let count = line.components(separatedBy: ", ").last?.split(separator: " ").first
        else { return 0 }
        return Int(count) ?? 0
    }

    /// Free placement over two terms and staying on under a ring: the same optimum as the
    /// enumeration with the fixing and without it.
    func testTheFixedModelKeepsTheBruteForceOptimum() {
        let shapes = [
            TinyScenario(
                terms: 2, pairCooldown: 1, maxConsecutiveTerms: 1, unitRange: 3...3, historyPerUnit: 1,
                peoplePerUnit: 3...3, keepAtHome: [0], minStaff: [1], leaveRate: 0.1),
            TinyScenario(
                structure: .ring, minCycle: 2, unitRange: 4...4, historyPerUnit: 1, peoplePerUnit: 3...3, peopleCap: 12,
                minStaff: [1], leaveRate: 0.1),
        ]
        var feasible = 0
        var fixedSome = 0
        for (i, shape) in shapes.enumerated() {
            for seed in UInt64(801)...815 {
                let s = shape.make(seed: seed)
                let optimum = PeopleBruteForce.optimum(s)?.objective
                let label = "shape \(i), seed \(seed)"
                assertPlanAgrees(planner, s, optimum: optimum, options: seeded(fixing: false), label: label + ", no fixing")
                if assertPlanAgrees(planner, s, optimum: optimum, options: seeded(fixing: true), label: label) { feasible += 1 }
                let log = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: seeded(fixing: true)).log
                if fixedColumns(log) > 0 { fixedSome += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(feasible, 12, "too few feasible scenarios to compare")
        XCTAssertGreaterThanOrEqual(fixedSome, 5, "the fixing rarely fixed a column: the test proves little")
    }

    /// Generated scenarios of 6–10 enterprises (free, ring and cycles with staying on): the
    /// fixed model's optimum is the unfixed one's, and its roster passes the checker.
    func testTheFixedModelKeepsTheFullModelsOptimum() {
        var compared = 0
        var fixedSome = 0
        for i in 0..<16 {
            let s = PersonSeedTests.scenario(i)
            var off = seeded(fixing: false)
            off.timeLimit = 20
            var on = seeded(fixing: true)
            on.timeLimit = 20
            let (_, b, same) = assertSameOptimum(planner, s, off: off, on: on, label: "scenario \(i)")
            if fixedColumns(b.log) > 0 { fixedSome += 1 }
            if same { compared += 1 }
        }
        XCTAssertGreaterThanOrEqual(compared, 10, "too few proven scenarios to compare")
        XCTAssertGreaterThanOrEqual(fixedSome, 4, "the fixing rarely fixed a column: the test proves little")
    }

    /// `--dump-model` gets the whole model: the fixing's bounds stay out of the plan's model.
    func testThePlansModelIsTheWholeModel() throws {
        var checked = 0
        for i in 0..<8 {
            let s = PersonSeedTests.scenario(i)
            var options = seeded(fixing: true)
            options.timeLimit = 20
            options.decompose = false
            let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: options)
            guard fixedColumns(result.log) > 0 else { continue }
            let whole = try PersonFormulation.build(PlanContext(s), options: options, elastic: false).model
            let closed = { (m: Model?) in m?.variables.filter { $0.upper == 0 }.count }
            XCTAssertEqual(closed(result.model), closed(whole), "scenario \(i): columns at 0 in the plan's model")
            XCTAssertEqual(result.model?.variableCount, whole.variableCount, "scenario \(i)")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 2, "too few scenarios where the fixing fixed a column")
    }
}
