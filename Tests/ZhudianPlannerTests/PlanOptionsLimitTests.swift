import XCTest
import ZhudianCore
import ZhudianTestSupport
import GLPK
@testable import ZhudianPlanner

/// A program may pass any Double as the time limit; the planner converts it without a trap.
final class PlanOptionsLimitTests: XCTestCase {
    func testLimitConversionCannotTrap() {
        XCTAssertEqual(Duration.limit(seconds: .nan), .zero)
        XCTAssertEqual(Duration.limit(seconds: -.infinity), .zero)
        XCTAssertEqual(Duration.limit(seconds: -0.0), .zero)
        XCTAssertEqual(Duration.limit(seconds: -5), .zero)
        XCTAssertEqual(Duration.limit(seconds: 1e-300), .milliseconds(1))
        XCTAssertEqual(Duration.limit(seconds: 2.5), .milliseconds(2500))
        XCTAssertEqual(Duration.limit(seconds: 1e300), .seconds(1_000_000_000))
        XCTAssertEqual(Duration.limit(seconds: .infinity), .seconds(1_000_000_000))
    }

    func testThePlannerTakesAnyLimit() {
        let s = Fixtures.smallResident()
        let ref = ScenarioReference(name: s.name, sha256: Fixtures.sha256)
        for limit in [1e300, .infinity, .greatestFiniteMagnitude, .nan, 0, -1, 1e-300] {
            let result = Planner(solver: GLPKSolver()).plan(s, reference: ref, options: PlanOptions(timeLimit: limit))
            switch result.outcome {
            case .optimal, .feasible, .noSolution: break
            default: XCTFail("time limit \(limit): \(result.outcome)")
            }
        }
    }
}
