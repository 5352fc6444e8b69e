import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// An LP round whose new cut rows leave the selected links no feasible point gets links
/// across those rows' borders (``PricedTeamSolve/addCrossingLinks(_:_:)``) instead of every
/// enterprise's neighbourhood doubled; the rounds still end only once nothing prices out.
final class CrossingLinksTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Ring 30, seed 3, one term: from each enterprise's 4 nearest sites (and each site's 2
    /// nearest senders) the first LP is feasible, but the 9 cut rows it breaks leave the
    /// selected links no feasible point.
    static let scenario = ScenarioGenerator.generate(
        GeneratorConfig(units: 30, seed: 3, structure: .ring, terms: 1, history: 1))

    static func options(priced: Bool) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .teams
        options.pricing = priced
        if priced {
            options.pricedLinks = 4
            options.crossingLinks = true
        }
        options.captureLog = true
        options.timeLimit = 600
        return options
    }

    /// The rounds take the crossing links and never double the neighbourhoods; their last LP
    /// stays at or below the optimum of the model with every link, the planner proves that
    /// optimum, the checker passes the roster, and a second run gives the same roster.
    func testCrossingLinksKeepTheFullModelsOptimum() throws {
        let s = Self.scenario
        let reference = ScenarioReference(name: s.name, sha256: Fixtures.sha256)
        let full = planner.plan(s, reference: reference, options: Self.options(priced: false))
        XCTAssertEqual(full.outcome, .optimal)
        let optimum = try XCTUnwrap(full.roster?.solve.objective)
        let result = planner.plan(s, reference: reference, options: Self.options(priced: true))
        XCTAssertTrue(result.formulation.contains("priced"), result.formulation)
        XCTAssertTrue(result.log.contains { $0.contains("links across them") }, "the test says nothing")
        XCTAssertFalse(result.log.contains { $0.contains("nearest links per enterprise") })
        try PricedRoundsAssertions.assertBoundProvesAndRepeats(result, optimum: optimum, scenario: s) {
            planner.plan(s, reference: reference, options: Self.options(priced: true))
        }
    }

    /// At 100 enterprises or fewer the rounds double the neighbourhoods as before
    /// (``PricedTeamSolve/crossingLinksAbove``): the same ring of 30 takes no crossing links
    /// unless asked, and the planner proves the same optimum.
    func testSmallRingsDoubleTheNeighbourhoods() throws {
        let s = Self.scenario
        let reference = ScenarioReference(name: s.name, sha256: Fixtures.sha256)
        var options = Self.options(priced: true)
        options.crossingLinks = nil
        let result = planner.plan(s, reference: reference, options: options)
        XCTAssertTrue(result.formulation.contains("priced"), result.formulation)
        XCTAssertTrue(result.log.contains { $0.contains("nearest links per enterprise") }, "the test says nothing")
        XCTAssertFalse(result.log.contains { $0.contains("links across them") })
        XCTAssertEqual(result.outcome, .optimal)
        let crossing = planner.plan(s, reference: reference, options: Self.options(priced: true))
        XCTAssertEqual(
            result.roster?.solve.objective ?? .nan, crossing.roster?.solve.objective ?? 0,
            accuracy: 1e-6 * (crossing.roster?.solve.objective ?? 1))
    }
}
