import GLPK
import MIPModel
import XCTest

final class GLPKSolverTests: XCTestCase {
    let solver = GLPKSolver()

    func testEngineName() {
        XCTAssertTrue(solver.engineName.hasPrefix("GLPK 5."), solver.engineName)
    }

    private func smallLP() throws -> (Model, Variable, Variable) {
        var model = Model(name: "lp")
        model.sense = .maximize
        let x = try model.addVariable(name: "x", upper: 3, objective: 3)
        let y = try model.addVariable(name: "y", objective: 2)
        try model.addConstraint(name: "a", x + y, upper: 4)
        try model.addConstraint(name: "b", x + 3 * y, upper: 6)
        model.objectiveConstant = 5
        return (model, x, y)
    }

    func testLinearProgram() throws {
        let (model, x, y) = try smallLP()
        for presolve in [true, false] {
            let result = solver.solve(model, options: SolveOptions(presolve: presolve))
            XCTAssertEqual(result.termination, .optimal)
            XCTAssertEqual(result.objective ?? 0, 16, accuracy: 1e-9)
            XCTAssertEqual(result.bestBound ?? 0, 16, accuracy: 1e-9)
            XCTAssertEqual(result.relativeGap, 0)
            XCTAssertEqual(result.value(x) ?? 0, 3, accuracy: 1e-9)
            XCTAssertEqual(result.value(y) ?? 0, 1, accuracy: 1e-9)
            XCTAssertEqual(result.lazyRowsAdded, 0)
            XCTAssertEqual(result.log, [])
            assertConsistent(result, model)
        }
    }

    func testKnapsackMatchesBruteForce() throws {
        for seed: UInt32 in [1, 2, 3] {
            let instance = Knapsack(items: 16, seed: seed)
            let (model, _) = try instance.model()
            let expected = Double(instance.bruteForce())
            for presolve in [true, false] {
                let result = solver.solve(model, options: SolveOptions(presolve: presolve))
                XCTAssertEqual(result.termination, .optimal, "seed \(seed)")
                XCTAssertEqual(result.objective, expected, "seed \(seed)")
                XCTAssertEqual(result.bestBound, expected)
                assertConsistent(result, model)
                XCTAssertTrue(result.values?.allSatisfy { $0 == 0 || $0 == 1 } ?? false)
            }
        }
    }

    func testGeneralIntegerAndEqualityRows() throws {
        // min x + 2y, 3x + 5y = 17, x, y integer >= 0 -> (4, 1): 6; (x=4,y=1) is the only cheap one.
        var model = Model()
        let x = try model.addVariable(name: "x", upper: 100, kind: .integer, objective: 1)
        let y = try model.addVariable(name: "y", lower: -0.5, kind: .integer, objective: 2)
        try model.addConstraint(name: "eq", 3 * x + 5 * y, lower: 17, upper: 17)
        let result = solver.solve(model)
        XCTAssertEqual(result.termination, .optimal)
        XCTAssertEqual(result.value(x), 4)
        XCTAssertEqual(result.value(y), 1)
        XCTAssertEqual(result.objective, 6)
    }

    func testModelWithoutRowsOrColumns() throws {
        var free = Model()
        let x = try free.addVariable(name: "x", lower: 1, objective: 1)
        let y = try free.addVariable(name: "y", lower: -2, upper: 5, kind: .integer, objective: -1)
        let result = solver.solve(free)
        XCTAssertEqual(result.termination, .optimal)
        XCTAssertEqual(result.value(x), 1)
        XCTAssertEqual(result.value(y), 5)

        var empty = Model()
        empty.objectiveConstant = 7
        let constant = solver.solve(empty)
        XCTAssertEqual(constant.termination, .optimal)
        XCTAssertEqual(constant.objective, 7)
        XCTAssertEqual(constant.values, [])
        try empty.addConstraint(name: "impossible", LinearExpression([], constant: 1), upper: 0)
        XCTAssertEqual(solver.solve(empty).termination, .infeasible)
    }

    func testInfeasible() throws {
        var lp = Model()
        let x = try lp.addVariable(name: "x", upper: 1)
        let y = try lp.addVariable(name: "y", upper: 1)
        try lp.addConstraint(name: "too much", x + y, lower: 3)

        var integer = Model()
        let z = try integer.addVariable(name: "z", upper: 5, kind: .integer, objective: 1)
        try integer.addConstraint(name: "half", 2 * z, lower: 1, upper: 1)

        for model in [lp, integer] {
            for presolve in [true, false] {
                let result = solver.solve(model, options: SolveOptions(presolve: presolve))
                XCTAssertEqual(result.termination, .infeasible, "presolve \(presolve)")
                XCTAssertNil(result.values)
                XCTAssertNil(result.objective)
                XCTAssertNil(result.bestBound)
            }
            let separated = solver.solve(model, options: SolveOptions(), hooks: SolveHooks(separator: { _, _ in [] }))
            XCTAssertEqual(separated.termination, .infeasible)
        }
    }

    func testUnbounded() throws {
        for kind in [VariableKind.continuous, .integer] {
            var model = Model()
            model.sense = .maximize
            let x = try model.addVariable(name: "x", kind: kind, objective: 1)
            let y = try model.addVariable(name: "y", kind: kind, objective: 1)
            try model.addConstraint(name: "gap", x - y, upper: 1)
            for presolve in [true, false] {
                let result = solver.solve(model, options: SolveOptions(presolve: presolve))
                XCTAssertEqual(result.termination, .unbounded, "\(kind) presolve \(presolve)")
                XCTAssertNil(result.values)
            }
        }
    }

    func testInfeasibleWithUnboundedDirectionIsInfeasible() throws {
        // The presolver stops at the free ray in x (GLP_ENODFS, "no dual
        // feasible solution"), but the cyclic rows sum to 0 >= 3.
        var model = Model()
        model.sense = .maximize
        try model.addVariable(name: "x", objective: 1)
        let y = try model.addVariable(name: "y", lower: -.infinity)
        let z = try model.addVariable(name: "z", lower: -.infinity, kind: .integer)
        let w = try model.addVariable(name: "w", lower: -.infinity)
        try model.addConstraint(name: "a", y - z, lower: 1)
        try model.addConstraint(name: "b", z - w, lower: 1)
        try model.addConstraint(name: "c", w - y, lower: 1)
        for presolve in [true, false] {
            XCTAssertEqual(solver.solve(model, options: SolveOptions(presolve: presolve)).termination, .infeasible)
        }
    }

    func testInvalidObjectiveConstantFails() throws {
        var model = Model()
        try model.addVariable(name: "x", objective: 1)
        model.objectiveConstant = .nan
        guard case .failed(let message) = solver.solve(model).termination else {
            return XCTFail("expected failure")
        }
        XCTAssertTrue(message.contains("objective constant"), message)
    }

    func testCaptureLogKeepsSolverText() throws {
        let (model, _) = try Knapsack(items: 12, seed: 4).model()
        let quiet = solver.solve(model)
        XCTAssertEqual(quiet.log, [])
        let logged = solver.solve(model, options: SolveOptions(captureLog: true))
        XCTAssertEqual(logged.objective, quiet.objective)
        XCTAssertTrue(logged.log.contains { $0.contains("INTEGER OPTIMAL SOLUTION FOUND") }, "\(logged.log)")
    }

    /// The limit stops the search (this instance takes seconds to prove: 3.5 s on the
    /// project's machines, so a 0.5 s limit stops it on any of them, loaded or not) and the
    /// result says so, with a bound no better than its roster.
    func testTimeLimitReportsHonestBound() throws {
        let model = try GAP(agents: 8, jobs: 50, seed: 7).model()
        let options = SolveOptions(timeLimit: 0.5, cuts: CutOptions(mir: false))
        let result = solver.solve(model, options: options)
        XCTAssertEqual(result.termination, .timeLimit)
        if let objective = result.objective, let bound = result.bestBound {
            XCTAssertLessThanOrEqual(bound, objective + 1e-9)
            XCTAssertEqual(result.relativeGap ?? -1, abs(objective - bound) / max(abs(objective), 1e-9), accuracy: 1e-12)
        }
        assertConsistent(result, model)
    }

    func testGapLimit() throws {
        let model = try GAP(agents: 6, jobs: 30, seed: 3).model()
        let result = solver.solve(model, options: SolveOptions(relativeGap: 0.5))
        XCTAssertTrue([.gapLimit, .optimal].contains(result.termination), "\(result.termination)")
        XCTAssertNotNil(result.values)
        if let gap = result.relativeGap { XCTAssertLessThanOrEqual(gap, 0.5 + 1e-9) }
        assertConsistent(result, model)
    }

    func testShouldStop() throws {
        let model = try GAP(agents: 8, jobs: 50, seed: 7).model()
        let before = solver.solve(model, options: SolveOptions(), hooks: SolveHooks(shouldStop: { true }))
        XCTAssertEqual(before.termination, .stopped)
        XCTAssertNil(before.values)

        let polls = Counter()
        let during = solver.solve(
            model, options: SolveOptions(cuts: CutOptions(mir: false)),
            hooks: SolveHooks(shouldStop: { polls.increment() > 3 }))
        XCTAssertEqual(during.termination, .stopped)
        XCTAssertGreaterThan(polls.value, 3)
        assertConsistent(during, model)
        if let objective = during.objective, let bound = during.bestBound {
            XCTAssertLessThanOrEqual(bound, objective + 1e-9)
        }
    }

    func testProgressSnapshots() throws {
        let model = try GAP(agents: 6, jobs: 30, seed: 5).model()
        let seen = SnapshotLog()
        let result = solver.solve(model, options: SolveOptions(), hooks: SolveHooks(progress: { seen.add($0) }))
        XCTAssertEqual(result.termination, .optimal)
        XCTAssertFalse(seen.items.isEmpty)
        for snapshot in seen.items {
            XCTAssertGreaterThanOrEqual(snapshot.nodes, 0)
            XCTAssertGreaterThanOrEqual(snapshot.elapsed, 0)
            if let incumbent = snapshot.incumbent, let bound = snapshot.bound {
                XCTAssertLessThanOrEqual(bound, incumbent + 1e-6)
                XCTAssertNotNil(snapshot.gap)
            }
        }
        if let objective = result.objective, let best = seen.items.compactMap(\.bound).last {
            XCTAssertLessThanOrEqual(best, objective + 1e-6)
        }
    }

    func testInfeasibleInitialSolutionIsIgnored() throws {
        let instance = Knapsack(items: 16, seed: 9)
        let (model, items) = try instance.model()
        let everything = Array(repeating: 1.0, count: items.count)
        let result = solver.solve(model, options: SolveOptions(), hooks: SolveHooks(initialSolution: everything))
        XCTAssertEqual(result.termination, .optimal)
        XCTAssertEqual(result.objective, Double(instance.bruteForce()))

        // A feasible one is fine too (and may be accepted).
        let nothing = Array(repeating: 0.0, count: items.count)
        let seeded = solver.solve(model, options: SolveOptions(), hooks: SolveHooks(initialSolution: nothing))
        XCTAssertEqual(seeded.objective, Double(instance.bruteForce()))
        // Wrong length and fractional points are ignored rather than failing.
        for bad in [[1.0], Array(repeating: 0.5, count: items.count)] {
            XCTAssertEqual(
                solver.solve(model, options: SolveOptions(), hooks: SolveHooks(initialSolution: bad)).objective,
                Double(instance.bruteForce()))
        }
    }
}

/// Mutable state for hooks in tests (hooks run synchronously on the solving thread).
final class Counter {
    private(set) var value = 0

    func increment() -> Int {
        value += 1
        return value
    }
}

final class SnapshotLog {
    private(set) var items: [SolveProgress] = []

    func add(_ snapshot: SolveProgress) {
        items.append(snapshot)
    }
}

/// The LP relaxation with duals, and restarting it from a basis.
final class RelaxationTests: XCTestCase {
    /// min 2x + 3y + z, x + y ≥ 1, y + z ≥ 1, x, y, z ∈ [0, 1].
    func model() throws -> Model {
        var m = Model()
        let x = try m.addVariable(name: "x", lower: 0, upper: 1, objective: 2)
        let y = try m.addVariable(name: "y", lower: 0, upper: 1, objective: 3)
        let z = try m.addVariable(name: "z", lower: 0, upper: 1, objective: 1)
        try m.addConstraint(name: "a", x + y, lower: 1)
        try m.addConstraint(name: "b", y + z, lower: 1)
        return m
    }

    func testReducedCostsAreCostMinusDualsTimesColumn() throws {
        let m = try model()
        let r = GLPKSolver().solveRelaxation(m)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(r.objective ?? -1, 3, accuracy: 1e-9)
        for (j, v) in m.variables.enumerated() {
            var d = v.objective
            for (i, row) in m.constraints.enumerated() {
                for t in row.expression.terms where t.variable.index == j { d -= t.coefficient * r.rowDuals[i] }
            }
            XCTAssertEqual(r.reducedCosts[j], d, accuracy: 1e-9, v.name)
        }
        XCTAssertNotNil(r.basis)
    }

    func testRestartFromABasisAfterAddingARowGivesTheColdOptimum() throws {
        var m = try model()
        let first = GLPKSolver().solveRelaxation(m)
        let basis = try XCTUnwrap(first.basis)
        try m.addConstraint(name: "c", LinearExpression([(Variable(index: 0), 1), (Variable(index: 2), 1)]), lower: 2)
        let warm = GLPKSolver().solveRelaxation(m, options: SolveOptions(), start: basis.transferred(from: try model(), to: m))
        let cold = GLPKSolver().solveRelaxation(m)
        XCTAssertEqual(warm.status, .optimal)
        XCTAssertEqual(warm.objective ?? -1, cold.objective ?? -2, accuracy: 1e-9)
        XCTAssertEqual(cold.objective ?? -1, 3, accuracy: 1e-9)
        // A basis that does not fit is ignored, not trusted.
        let wrong = Basis(columns: [.basic, .basic, .basic], rows: [.basic, .basic, .basic])
        XCTAssertEqual(GLPKSolver().solveRelaxation(m, options: SolveOptions(), start: wrong).objective ?? -1, 3, accuracy: 1e-9)
    }

    func testInfeasibleRelaxation() throws {
        var m = Model()
        let x = try m.addVariable(name: "x", lower: 0, upper: 1)
        try m.addConstraint(name: "a", LinearExpression([(x, 1)]), lower: 2)
        XCTAssertEqual(GLPKSolver().solveRelaxation(m).status, .infeasible)
    }
}
