import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// Which teams MIPs make GLPK's Gomory cuts at the root (``BuiltModel/rootGomory``): those over
/// three terms or more, where every rule is kept. The optimum never depends on it: the
/// brute-force comparisons in ``TeamsBruteForceTests`` run with it on and off.
final class RootGomoryChoiceTests: XCTestCase {
    func built(terms: Int, elastic: Bool = false, rootGomory: Bool = true, linksFirst: Bool = true) throws -> BuiltModel {
        let s = ScenarioGenerator.generate(
            GeneratorConfig(units: 10, seed: 16, structure: .cycles, minCycle: 4, terms: terms, history: 2))
        var options = PlanOptions()
        options.rootGomory = rootGomory
        options.gomoryLinksFirst = linksFirst
        return try TeamFormulation.build(PlanContext(s), options: options, elastic: elastic)
    }

    func testThreeTermTeamsModelsMakeGomoryCutsAtTheRootOnly() throws {
        let three = try built(terms: 3)
        XCTAssertTrue(three.rootGomory)
        let cuts = three.cuts(CutOptions())
        XCTAssertTrue(cuts.gomory)
        XCTAssertTrue(cuts.gomoryAtRootOnly)
        XCTAssertTrue(cuts.mir, "the other cut families stay as asked")
        // The priced search turns MIR off; the root's Gomory cuts come on all the same.
        let priced = three.cuts(CutOptions(mir: false, gomory: false))
        XCTAssertTrue(priced.gomory && priced.gomoryAtRootOnly)
        XCTAssertFalse(priced.mir)
    }

    func testTwoTermElasticAndSwitchedOffModelsKeepTheirCuts() throws {
        for (label, model) in [
            ("two terms", try built(terms: 2)), ("elastic", try built(terms: 3, elastic: true)),
            ("switched off", try built(terms: 3, rootGomory: false)),
        ] {
            XCTAssertFalse(model.rootGomory, label)
            XCTAssertEqual(model.cuts(CutOptions()), CutOptions(), label)
        }
    }

    /// The search with the root's Gomory cuts branches on the link columns first, by
    /// degradation (``BuiltModel/gomoryLinksFirst``), unless switched off; without the root's
    /// Gomory cuts the options stay as given.
    func testTheSearchWithTheRootsGomoryCutsBranchesOnLinksFirst() throws {
        let three = try built(terms: 3)
        let links = try XCTUnwrap(three.teamRows).links.map(\.variable.index)
        XCTAssertFalse(links.isEmpty)
        XCTAssertTrue(links.allSatisfy { three.model.variables[$0].name.hasPrefix("y_") })
        let search = three.gomorySearch(SolveOptions())
        XCTAssertEqual(search.branchFirst, links)
        XCTAssertTrue(search.branchFirstByDegradation)
        XCTAssertEqual(search.cuts, three.cuts(CutOptions()))

        let plain = try built(terms: 3, linksFirst: false).gomorySearch(SolveOptions())
        XCTAssertEqual(plain.branchFirst, [])
        XCTAssertFalse(plain.branchFirstByDegradation)
        XCTAssertTrue(plain.cuts.gomory && plain.cuts.gomoryAtRootOnly)

        for (label, model) in [("two terms", try built(terms: 2)), ("switched off", try built(terms: 3, rootGomory: false))] {
            XCTAssertEqual(model.gomoryLinksFirst, [], label)
            XCTAssertEqual(model.gomorySearch(SolveOptions()), SolveOptions(), label)
        }
    }

    /// Two searches of one model combine into the cheaper roster, the higher bound (never above
    /// the roster) and the second search's ending; a proven second search stands alone.
    func testTwoSearchesCombineIntoTheCheaperRosterAndTheHigherBound() {
        func result(_ t: TerminationReason, _ z: Double?, _ b: Double?) -> SolveResult {
            SolveResult(
                termination: t, values: z.map { [$0] }, objective: z, bestBound: b, seconds: 1, nodes: 300, log: [],
                lazyRowsAdded: 0)
        }
        let first = result(.stopped, 10, 7)
        let later = BuiltModel.better(first, result(.timeLimit, 11, 8), sense: .minimize)
        XCTAssertEqual(later.objective, 10)
        XCTAssertEqual(later.values, [10])
        XCTAssertEqual(later.bestBound, 8)
        XCTAssertEqual(later.termination, .timeLimit)
        XCTAssertEqual(later.nodes, 600)
        XCTAssertEqual(BuiltModel.better(first, result(.timeLimit, nil, nil), sense: .minimize).objective, 10)
        XCTAssertEqual(BuiltModel.better(first, result(.timeLimit, 9, 12), sense: .minimize).bestBound, 9)
        XCTAssertEqual(BuiltModel.better(first, result(.optimal, 9, 9), sense: .minimize).termination, .optimal)
        XCTAssertEqual(BuiltModel.better(result(.stopped, 10, 12), result(.timeLimit, 9, 7), sense: .maximize).objective, 10)
    }
}
