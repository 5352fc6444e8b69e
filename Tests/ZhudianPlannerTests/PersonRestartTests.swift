import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The seeded full people model's restarts (``PersonRestart``), its searches over the columns
/// the fixing left (``FixedColumnsDropped``), and the seed without its restricted MIP where
/// the restarts follow: the optimum is the brute force's and the full model's either way.
final class PersonRestartTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Seeded options (one nearest site, so the seed is dear and the searches restart), with
    /// the restarts and the dropping of fixed columns on or off.
    func options(restarts: Bool, drop: Bool) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .people
        options.peopleSeed = true
        options.seedLinks = 1
        options.restarts = restarts
        options.dropFixedColumns = drop
        options.captureLog = true
        return options
    }

    /// How many searches the log says were stopped to restart.
    func restarts(_ log: [String]) -> Int { log.count(where: { $0.hasPrefix("search: stopped") }) }

    /// Free placement over two terms, tiny enough to enumerate: every combination of the two
    /// switches plans the brute-force optimum.
    func testRestartsKeepTheBruteForceOptimum() {
        let shape = TinyScenario(
            terms: 2, pairCooldown: 1, maxConsecutiveTerms: 1, unitRange: 3...3, historyPerUnit: 1,
            peoplePerUnit: 3...3, keepAtHome: [0], minStaff: [1], leaveRate: 0.1)
        var feasible = 0
        for seed in UInt64(801)...860 {
            let s = shape.make(seed: seed)
            let optimum = PeopleBruteForce.optimum(s)?.objective
            var agreed = true
            for (restarts, drop) in [(false, false), (true, false), (false, true), (true, true)] {
                let label = "seed \(seed), restarts \(restarts), drop \(drop)"
                agreed = assertPlanAgrees(planner, s, optimum: optimum, options: options(restarts: restarts, drop: drop), label: label)
                    && agreed
            }
            if agreed { feasible += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 8, "too few feasible scenarios to compare")
    }

    /// Generated free scenarios of 6–10 enterprises: the restarted model's optimum is the one
    /// without restarts, its roster passes the checker, and some searches did restart (fails
    /// when ``PersonRestart`` never stops a search).
    func testRestartsKeepTheFullModelsOptimumAndDoRestart() {
        var compared = 0
        var restarted = 0
        for i in 0..<12 {
            var c = GeneratorConfig(units: 6 + i % 5)
            c.seed = UInt64(9100 + i)
            c.structure = .free
            c.terms = 1 + i % 2
            c.history = i % 3
            c.peoplePerUnit = 2...5
            let s = ScenarioGenerator.generate(c)
            var off = options(restarts: false, drop: false)
            off.timeLimit = 20
            var on = options(restarts: true, drop: true)
            on.timeLimit = 20
            let (a, b, same) = assertSameOptimum(planner, s, off: off, on: on, label: "scenario \(i)")
            restarted += restarts(b.log) > 0 ? 1 : 0
            XCTAssertEqual(restarts(a.log), 0, "scenario \(i): restarted with restarts off")
            if same { compared += 1 }
        }
        XCTAssertGreaterThanOrEqual(compared, 8, "too few proven scenarios to compare")
        XCTAssertGreaterThanOrEqual(restarted, 2, "the searches rarely restarted: the test proves little")
    }

    /// Where the restarts follow, a free seed skips its restricted MIP (the dive's roster only
    /// starts the searches); without them it still improves the dive (fails when the seed's
    /// `improve` ignores the restarts).
    func testTheFreeSeedSkipsItsRestrictedMIPWhereTheRestartsFollow() {
        var c = GeneratorConfig(units: 8)
        c.seed = 9201
        c.structure = .free
        c.terms = 2
        let s = ScenarioGenerator.generate(c)
        let ref = ScenarioReference(name: s.name, sha256: "")
        let seedNote = { (log: [String]) in log.first { $0.hasPrefix("people seed:") } ?? "" }
        let on = planner.plan(s, reference: ref, options: options(restarts: true, drop: true))
        let off = planner.plan(s, reference: ref, options: options(restarts: false, drop: true))
        XCTAssertTrue(seedNote(on.log).hasSuffix("no restricted MIP"), seedNote(on.log))
        XCTAssertTrue(seedNote(off.log).contains("restricted MIP "), seedNote(off.log))
        XCTAssertFalse(seedNote(off.log).hasSuffix("no restricted MIP"), seedNote(off.log))
        XCTAssertEqual(on.outcome, .optimal)
        XCTAssertEqual(
            on.roster?.solve.objective ?? .nan, off.roster?.solve.objective ?? -1,
            accuracy: 1e-6 * max(1, abs(off.roster?.solve.objective ?? 1)))
    }

    /// A small model with a fixed binary column: the kept model lacks exactly that column,
    /// and its optimum, mapped back, is the full model's (fails when fixed columns stay).
    func testDroppingFixedColumnsKeepsTheOptimum() throws {
        var full = Model(name: "drop")
        let x = try full.addVariable(name: "x", kind: .binary, objective: 1)
        let y = try full.addVariable(name: "y", kind: .binary, objective: 2)
        let z = try full.addVariable(name: "z", kind: .binary, objective: 0.5)
        let w = try full.addVariable(name: "w", lower: 0, upper: 3, kind: .integer, objective: 0.8)
        try full.addConstraint(name: "cover", LinearExpression([(x, 1), (y, 1), (z, 1), (w, 1)]), lower: 2)
        try full.addConstraint(name: "pair", LinearExpression([(x, 1), (y, 1)]), lower: 1)
        try full.setBounds(z, lower: 0, upper: 0)
        let kept = try FixedColumnsDropped(full)
        XCTAssertEqual(kept.model.variables.map(\.name), ["x", "y", "w"])
        XCTAssertEqual(kept.kept([y.index, z.index]), [1])
        let solver = GLPKSolver()
        let a = solver.solve(full, options: SolveOptions(), hooks: SolveHooks())
        let b = kept.fullResult(solver.solve(kept.model, options: SolveOptions(), hooks: SolveHooks()))
        XCTAssertEqual(a.termination, .optimal)
        XCTAssertEqual(b.termination, .optimal)
        XCTAssertEqual(a.objective ?? .nan, 1.8, accuracy: 1e-9)
        XCTAssertEqual(b.objective ?? .nan, 1.8, accuracy: 1e-9)
        XCTAssertEqual(b.values ?? [], [1, 0, 0, 1])
    }
}
