import GLPK
import MIPModel
import XCTest

/// The node heuristic (``NodeHeuristic``): the same optima as without it (brute force where
/// small enough), its points taken only when they satisfy every row and lazy row.
final class NodeHeuristicTests: XCTestCase {
    let solver = GLPKSolver()

    /// From the first node on, every node: small searches run it many times.
    static let everyNode = NodeHeuristic(firstNode: 0, every: 1, subNodes: 20, runs: 1000, withIncumbent: true)

    private func options(_ heuristic: NodeHeuristic?) -> SolveOptions {
        var options = SolveOptions(presolve: false)
        options.nodeHeuristic = heuristic
        return options
    }

    /// GAP instances (minimisation, assignment rows): the optimum of the search without the
    /// heuristic, and the heuristic both runs and supplies rosters.
    func testGAPKeepsTheOptimum() throws {
        var runs = 0
        var found = 0
        for seed: UInt32 in 1...6 {
            let model = try GAP(agents: 4, jobs: 12, seed: seed).model()
            let reference = solver.solve(model, options: options(nil))
            let result = solver.solve(model, options: options(Self.everyNode))
            XCTAssertEqual(result.termination, reference.termination, "seed \(seed)")
            XCTAssertEqual(result.objective ?? .nan, reference.objective ?? .nan, accuracy: 1e-9, "seed \(seed)")
            if let values = result.values { XCTAssertTrue(model.violations(at: values).isEmpty, "seed \(seed)") }
            runs += result.nodeHeuristicRuns
            found += result.nodeHeuristicFound
        }
        XCTAssertGreaterThan(runs, 0, "the heuristic never ran: the test exercises nothing")
        XCTAssertGreaterThan(found, 0, "the heuristic never supplied a roster: the test exercises nothing")
    }

    /// Knapsacks (maximisation): the brute-force optimum.
    func testKnapsackMatchesBruteForce() throws {
        var runs = 0
        for seed: UInt32 in 1...6 {
            let instance = Knapsack(items: 14, seed: seed)
            let (model, _) = try instance.model()
            let result = solver.solve(model, options: options(Self.everyNode))
            XCTAssertEqual(result.termination, .optimal, "seed \(seed)")
            XCTAssertEqual(result.objective, Double(instance.bruteForce()), "seed \(seed)")
            runs += result.nodeHeuristicRuns
        }
        XCTAssertGreaterThan(runs, 0, "the heuristic never ran: the test exercises nothing")
    }

    /// With lazy subtour rows the sub-MIP sees only the rows added so far, so it can return
    /// a point with subtours: the separator must turn it down, and the optimum is the brute
    /// force's.
    func testLazyRowsKeepTheBruteForceOptimum() throws {
        var runs = 0
        for seed: UInt32 in 1...6 {
            let instance = ATSP(cities: 8, seed: seed)
            let (model, arc) = try instance.model()
            let result = solver.solve(
                model, options: options(Self.everyNode), hooks: SolveHooks(separator: ATSP.separator(arc: arc)))
            XCTAssertEqual(result.termination, .optimal, "seed \(seed)")
            XCTAssertEqual(result.objective, Double(instance.bruteForce()), "seed \(seed)")
            runs += result.nodeHeuristicRuns
        }
        XCTAssertGreaterThan(runs, 0, "the heuristic never ran: the test exercises nothing")
    }

    /// Mutation: the heuristic offers every integer column at 0 (no job assigned: cheaper
    /// than any roster and infeasible). GLPK's glp_ios_heur_sol would take it; the check
    /// before it must not, and the optimum stays the search's own.
    func testAWrongPointNeverBecomesTheRoster() throws {
        var runs = 0
        for seed: UInt32 in 1...4 {
            let model = try GAP(agents: 4, jobs: 12, seed: seed).model()
            let reference = solver.solve(model, options: options(nil))
            var wrong = Self.everyNode
            wrong.offersWrongPoint = true
            let result = solver.solve(model, options: options(wrong))
            XCTAssertEqual(result.termination, reference.termination, "seed \(seed)")
            XCTAssertEqual(result.objective ?? .nan, reference.objective ?? .nan, accuracy: 1e-9, "seed \(seed)")
            XCTAssertEqual(result.nodeHeuristicFound, 0, "seed \(seed): a wrong point was taken")
            runs += result.nodeHeuristicRuns
        }
        XCTAssertGreaterThan(runs, 0, "the heuristic never ran: the mutation went untested")
    }

    /// The same model twice: the same roster and tree.
    func testDeterministic() throws {
        let model = try GAP(agents: 5, jobs: 15, seed: 7).model()
        let a = solver.solve(model, options: options(Self.everyNode))
        let b = solver.solve(model, options: options(Self.everyNode))
        XCTAssertEqual(a.values, b.values)
        XCTAssertEqual(a.nodes, b.nodes)
        XCTAssertEqual(a.nodeHeuristicFound, b.nodeHeuristicFound)
    }
}
