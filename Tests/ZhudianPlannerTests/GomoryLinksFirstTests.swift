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
            let on = try Self.solve(seed, linksFirst: true, above: nil)
            let off = try Self.solve(seed, linksFirst: false, above: nil)
            try Self.assertBothOptimal(on, off, seed: seed)
            XCTAssertEqual(off.branchedFirst, 0, "seed \(seed)")
            branched += on.branchedFirst
        }
        XCTAssertGreaterThan(branched, 0, "no search reached a fractional link")
    }

    /// Links first above a depth only (``BuiltModel/gomoryLinksFirstAbove``), GLPK's own rule
    /// below: the same optimum as GLPK's own rule everywhere, with links branched on above and
    /// the search going below that depth (at most three link branchings: depths 0 and 1).
    func testLinksFirstAboveADepthProvesTheSameOptimum() throws {
        var branched = 0
        var largest = 0
        for seed: UInt64 in 1...3 {
            let limited = try Self.solve(seed, linksFirst: true, above: 2)
            let own = try Self.solve(seed, linksFirst: false, above: nil)
            try Self.assertBothOptimal(limited, own, seed: seed)
            // Depths 0 and 1 hold at most three nodes: the root and its two children.
            XCTAssertLessThanOrEqual(limited.branchedFirst, 3, "seed \(seed)")
            branched += limited.branchedFirst
            largest = max(largest, limited.nodes)
        }
        XCTAssertGreaterThan(branched, 0, "no search reached a fractional link")
        XCTAssertGreaterThan(largest, 7, "no search went below depth 2, where GLPK's rule chooses")
    }

    /// Generated cycles 8 × 3 (minCycle 4, `seed`) solved by the complete model's search with
    /// the root's Gomory cuts at once (one plain node first), links first or GLPK's own rule.
    static func solve(_ seed: UInt64, linksFirst: Bool, above: Int?) throws -> SolveResult {
        let s = ScenarioGenerator.generate(
            GeneratorConfig(units: 8, seed: seed, structure: .cycles, minCycle: 4, terms: 3, history: 2))
        var options = PlanOptions()
        options.plainNodes = 1
        options.gomoryLinksFirst = linksFirst
        options.gomoryLinksFirstAbove = above
        let built = try TeamFormulation.build(PlanContext(s), options: options, elastic: false)
        return built.solve(with: GLPKSolver(), options: options, deadline: nil)
    }

    /// Both searches proved, to the same optimum.
    static func assertBothOptimal(_ a: SolveResult, _ b: SolveResult, seed: UInt64) throws {
        XCTAssertEqual(a.termination, .optimal, "seed \(seed)")
        XCTAssertEqual(b.termination, .optimal, "seed \(seed)")
        let optimum = try XCTUnwrap(b.objective, "seed \(seed)")
        XCTAssertEqual(a.objective ?? .nan, optimum, accuracy: 1e-6 * max(1, optimum), "seed \(seed)")
    }
}
