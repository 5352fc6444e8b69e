import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The node heuristic of the full people model's seeded searches (``PersonNodeHeuristic``):
/// run from the first node on (so that these small searches run it), the planner proves the
/// optimum it proves without it (the brute force's on tiny scenarios), its rosters pass the
/// checker, and a heuristic offering wrong points changes nothing.
final class PersonNodeHeuristicTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Every node, a few sub-MIP nodes: the heuristic as often as these searches allow.
    static let everyNode = NodeHeuristic(firstNode: 0, every: 1, subNodes: 20, runs: 1000, withIncumbent: true)

    static func options(_ heuristic: NodeHeuristic?) -> PlanOptions {
        var options = GuessedGapTests.options(guessed: true)
        options.timeLimit = 60
        options.nodeHeuristic = heuristic != nil
        options.nodeHeuristicSettings = heuristic
        return options
    }

    /// Runs and rosters taken, summed over the searches' log lines ("node heuristic: ...").
    static func counts(_ log: [String]) -> (runs: Int, found: Int) {
        var runs = 0
        var found = 0
        for line in log where line.hasPrefix("node heuristic: ") {
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count == 2 else { continue }
            runs += numbers[0]
            found += numbers[1]
        }
        return (runs, found)
    }

    /// Generated free scenarios of 8–12 enterprises over one or two terms and of 8 over three (six of them), with and without
    /// people staying on: the same optimum with the heuristic at every node as without it,
    /// each roster checked; fails when the heuristic never runs or never supplies a roster.
    func testSameOptimumAsWithout() {
        var compared = 0
        var runs = 0
        var found = 0
        for i in 0..<6 {
            // Three terms at 8 enterprises only: at 10 (seed 9702) the pair of plans took 12–14 s
            // of the suite's debug build, a quarter of it.
            let terms = 1 + i % 3
            var c = GeneratorConfig(units: terms == 3 ? 8 : 8 + i % 5)
            c.seed = 9720 + UInt64(i)
            c.structure = .free
            c.terms = terms
            c.history = i % 3
            c.peoplePerUnit = 2...5
            c.leaveRate = 0.2
            var s = ScenarioGenerator.generate(c)
            if i % 2 == 1 {
                s.rules.pairCooldown = 0
                s.rules.maxConsecutiveTerms = 2
            }
            let run = assertSameOptimum(
                planner, s, off: Self.options(nil), on: Self.options(Self.everyNode), label: "scenario \(i)")
            if run.compared { compared += 1 }
            XCTAssertEqual(Self.counts(run.off.log).runs, 0, "scenario \(i): the heuristic ran while off")
            let counts = Self.counts(run.on.log)
            runs += counts.runs
            found += counts.found
        }
        XCTAssertGreaterThanOrEqual(compared, 4, "too few proven scenarios to compare")
        XCTAssertGreaterThan(runs, 0, "the heuristic never ran: the comparison went untested")
        XCTAssertGreaterThan(found, 0, "the heuristic never supplied a roster: the comparison went untested")
    }

    /// Tiny free scenarios with people staying on: the brute force's optimum with the
    /// heuristic at every node, and with it offering wrong points (every integer column 0),
    /// none of which is taken.
    func testBruteForceOptimumAndWrongPoints() {
        var feasible = 0
        var wrongRuns = 0
        let free = TinyScenario(terms: 2, historyPerUnit: 1)
        var wrong = Self.everyNode
        wrong.offersWrongPoint = true
        for seed in UInt64(21)...30 {
            let s = free.make(seed: seed)
            let optimum = PeopleBruteForce.optimum(s)?.objective
            let on = assertPlanAgrees(planner, s, optimum: optimum, options: Self.options(Self.everyNode), label: "seed \(seed)")
            let mutated = assertPlanAgrees(
                planner, s, optimum: optimum, options: Self.options(wrong), label: "seed \(seed), wrong points")
            let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: Self.options(wrong))
            let counts = Self.counts(result.log)
            XCTAssertEqual(counts.found, 0, "seed \(seed): a wrong point was taken")
            wrongRuns += counts.runs
            if on && mutated && optimum != nil { feasible += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 5, "too few feasible scenarios to compare")
        XCTAssertGreaterThan(wrongRuns, 0, "the wrong heuristic never ran: the mutation went untested")
    }
}
