import GLPK
import MIPModel
import XCTest

/// ``SolveOptions/branchFirst``: the search branches on the named columns, keeps the optimum,
/// and a bad column is rejected before GLPK sees it (GLPK would abort the process).
final class BranchFirstTests: XCTestCase {
    let solver = GLPKSolver()

    /// Knapsacks whose LP optimum is fractional: with every column named, the search branches
    /// on them (none without), and the optimum is the enumeration's either way.
    func testBranchesOnTheNamedColumnsAndKeepsTheOptimum() throws {
        var branched = 0
        for seed: UInt32 in [1, 2, 3, 4] {
            let instance = Knapsack(items: 16, seed: seed)
            let (model, _) = try instance.model()
            let expected = Double(instance.bruteForce())
            var first = SolveOptions()
            first.branchFirst = Array(0..<model.variableCount)
            let plain = solver.solve(model, options: SolveOptions())
            let result = solver.solve(model, options: first)
            XCTAssertEqual(result.termination, .optimal, "seed \(seed)")
            XCTAssertEqual(result.objective, expected, "seed \(seed)")
            XCTAssertEqual(plain.objective, expected, "seed \(seed)")
            XCTAssertEqual(plain.branchedFirst, 0, "seed \(seed)")
            if result.nodes > 1 { XCTAssertGreaterThan(result.branchedFirst, 0, "seed \(seed): it branched, on others") }
            branched += result.branchedFirst
        }
        XCTAssertGreaterThan(branched, 0, "no knapsack branched: the test proves nothing")
    }

    /// Only the named columns are branched on first: naming a column that is integral at every
    /// node leaves the choice to GLPK's rule.
    func testColumnsThatStayIntegralAreNotBranchedOn() throws {
        let instance = Knapsack(items: 16, seed: 2)
        var (model, _) = try instance.model()
        let fixed = try model.addVariable(name: "fixed", lower: 1, upper: 1, kind: .binary)
        var options = SolveOptions()
        options.branchFirst = [fixed.index]
        let result = solver.solve(model, options: options)
        XCTAssertEqual(result.termination, .optimal)
        XCTAssertEqual(result.objective, Double(instance.bruteForce()))
        XCTAssertEqual(result.branchedFirst, 0)
    }

    /// Out of range, negative and continuous columns fail the solve with a message instead of
    /// reaching GLPK.
    func testBadColumnsAreRejectedBeforeGLPK() throws {
        var model = Model()
        let x = try model.addVariable(name: "x", upper: 1, kind: .binary, objective: -1)
        let c = try model.addVariable(name: "c", upper: 2, objective: -1)
        try model.addConstraint(name: "r", 2 * x + c, upper: 3)
        for (bad, says) in [([2], "has 2 columns"), ([-1], "has 2 columns"), ([c.index], "not an integer column"),
                            ([x.index, 99], "has 2 columns")] {
            var options = SolveOptions()
            options.branchFirst = bad
            let result = solver.solve(model, options: options)
            guard case .failed(let why) = result.termination else {
                XCTFail("\(bad): \(result.termination)")
                continue
            }
            XCTAssertTrue(why.contains(says), "\(bad): \(why)")
            XCTAssertNil(result.values)
        }
        var good = SolveOptions()
        good.branchFirst = [x.index]
        XCTAssertEqual(solver.solve(model, options: good).objective ?? .nan, -2, accuracy: 1e-9)
    }
}
