import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Reduced-cost fixing in the priced people MIP
/// (``PricedPersonSolve/fixByReducedCost(_:_:reducedCosts:L:roster:)``): with it on or off the
/// planner proves the brute force's optimum, and on these cases it does fix columns.
final class PricedPersonFixingTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Priced and seeded (the seed's roster is what the fixing is measured against), from one
    /// nearest link per unit and term.
    static func options(fixing: Bool) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .people
        options.personPricing = true
        options.peopleSeed = true
        options.seedLinks = 1
        options.reducedCostFixing = fixing
        return options
    }

    /// Free placement, and staying on under ring and cycles: the brute force's optimum with
    /// the fixing on and off; with it on, some MIP fixes columns on several scenarios (else
    /// this test would not reach the code it guards).
    func testFixedPricedMIPMatchesTheBruteForce() {
        var feasible = 0
        var fixedSomewhere = 0
        let free = TinyScenario(terms: 2, historyPerUnit: 1)
        let ring = TinyScenario(
            structure: .ring, minCycle: 2, unitRange: 4...4, historyPerUnit: 1, peoplePerUnit: 3...3, peopleCap: 12,
            minStaff: [1], leaveRate: 0.1)
        let cycles = TinyScenario(
            structure: .cycles, minCycle: 2, peoplePerUnit: 3...4, peopleCap: 14, minStaff: [1, 2], leaveRate: 0.08)
        for (config, seeds) in [(free, UInt64(21)...32), (ring, 451...462), (cycles, 101...112)] {
            for seed in seeds {
                let s = config.make(seed: seed)
                let expected = PeopleBruteForce.optimum(s)
                for fixing in [true, false] {
                    var options = Self.options(fixing: fixing)
                    options.captureLog = true
                    let label = "seed \(seed), fixing \(fixing)"
                    if assertPlanAgrees(planner, s, optimum: expected?.objective, options: options, label: label), fixing {
                        feasible += 1
                        let log = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: options).log
                        if Self.fixedColumns(log) > 0 { fixedSomewhere += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(feasible, 12)
        XCTAssertGreaterThan(fixedSomewhere, 3, "the fixing never fixed a column: it went untested")
    }

    /// On generated scenarios of the people model's two uses (``PersonPricingTests/scenario(_:)``)
    /// the fixed priced MIP proves the full model's optimum.
    func testFixedPricedMIPMatchesTheFullModel() {
        var compared = 0
        var fixedSomewhere = 0
        for i in 0..<12 {
            let s = PersonPricingTests.scenario(i)
            let ref = ScenarioReference(name: s.name, sha256: "")
            let expected = planner.plan(s, reference: ref, options: PersonPricingTests.fullPeopleModel)
            var options = Self.options(fixing: true)
            options.captureLog = true
            let got = planner.plan(s, reference: ref, options: options)
            XCTAssertEqual(got.outcome, expected.outcome, "scenario \(i)")
            guard expected.outcome == .optimal else { continue }
            let x = expected.roster?.solve.objective ?? .nan
            XCTAssertEqual(got.roster?.solve.objective ?? .nan, x, accuracy: 1e-6 * max(1, abs(x)), "scenario \(i)")
            if Self.fixedColumns(got.log) > 0 { fixedSomewhere += 1 }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 8)
        XCTAssertGreaterThan(fixedSomewhere, 2, "the fixing never fixed a column: it went untested")
    }

    /// Columns the priced MIPs fixed, from the log's "N of M columns priced above" lines.
    static func fixedColumns(_ log: [String]) -> Int {
        log.compactMap { line -> Int? in
            guard let range = line.range(of: "people pricing: "), line.contains("columns priced above") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }.reduce(0, +)
    }
}
