import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// Which teams MIPs make GLPK's Gomory cuts at the root (``BuiltModel/rootGomory``): those over
/// three terms or more, where every rule is kept. The optimum never depends on it: the
/// brute-force comparisons in ``TeamsBruteForceTests`` run with it on and off.
final class RootGomoryChoiceTests: XCTestCase {
    func built(terms: Int, elastic: Bool = false, rootGomory: Bool = true) throws -> BuiltModel {
        let s = ScenarioGenerator.generate(
            GeneratorConfig(units: 10, seed: 16, structure: .cycles, minCycle: 4, terms: terms, history: 2))
        var options = PlanOptions()
        options.rootGomory = rootGomory
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
}
