import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The search with the root's Gomory cuts branches on links first, by degradation
/// (``BuiltModel/gomoryLinksFirst``). Generated three-term cycles with minCycle 4 (the shape of
/// peer rows 05 and 16), the first search cut to one node so that the second one proves: the
/// same optimum as GLPK's own rule, and the search does branch on links.
final class GomoryLinksFirstTests: XCTestCase {
    func testLinksFirstProvesTheSameOptimumAsGLPKsOwnRule() throws {
        var branched = 0
        for seed: UInt64 in 1...3 {
            let s = ScenarioGenerator.generate(
                GeneratorConfig(units: 8, seed: seed, structure: .cycles, minCycle: 4, terms: 3, history: 2))
            var results: [SolveResult] = []
            for linksFirst in [true, false] {
                var options = PlanOptions()
                options.plainNodes = 1
                options.gomoryLinksFirst = linksFirst
                let built = try TeamFormulation.build(PlanContext(s), options: options, elastic: false)
                results.append(built.solve(with: GLPKSolver(), options: options, deadline: nil))
            }
            let (on, off) = (results[0], results[1])
            XCTAssertEqual(on.termination, .optimal, "seed \(seed)")
            XCTAssertEqual(off.termination, .optimal, "seed \(seed)")
            let optimum = try XCTUnwrap(off.objective, "seed \(seed)")
            XCTAssertEqual(on.objective ?? .nan, optimum, accuracy: 1e-6 * max(1, optimum), "seed \(seed)")
            XCTAssertEqual(off.branchedFirst, 0, "seed \(seed)")
            branched += on.branchedFirst
        }
        XCTAssertGreaterThan(branched, 0, "no search reached a fractional link")
    }
}
