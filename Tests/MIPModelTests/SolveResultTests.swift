import MIPModel
import XCTest

final class SolveResultTests: XCTestCase {
    func testRelativeGap() {
        func result(_ termination: TerminationReason, _ objective: Double?, _ bound: Double?) -> SolveResult {
            SolveResult(
                termination: termination, values: objective.map { _ in [1] }, objective: objective,
                bestBound: bound, seconds: 0, nodes: 0, log: [], lazyRowsAdded: 0)
        }
        XCTAssertEqual(result(.timeLimit, 100, 90).relativeGap ?? -1, 0.1, accuracy: 1e-12)
        XCTAssertEqual(result(.optimal, 5, 5).relativeGap, 0)
        XCTAssertNil(result(.timeLimit, nil, 3).relativeGap)
        XCTAssertNil(result(.timeLimit, 3, nil).relativeGap)
        XCTAssertEqual(result(.timeLimit, 0, 1).relativeGap ?? -1, 1e9, accuracy: 1)
        XCTAssertEqual(result(.optimal, 2, 2).value(Variable(index: 0)), 1)
        XCTAssertNil(result(.optimal, 2, 2).value(Variable(index: 1)))
    }

    func testDefaults() {
        let options = SolveOptions()
        XCTAssertNil(options.timeLimit)
        XCTAssertEqual(options.relativeGap, 0)
        XCTAssertTrue(options.presolve)
        XCTAssertEqual(options.cuts, CutOptions(mir: true, gomory: false, cover: false, clique: false))
        XCTAssertFalse(options.captureLog)
        let hooks = SolveHooks()
        XCTAssertNil(hooks.separator)
        XCTAssertNil(hooks.initialSolution)
    }
}
