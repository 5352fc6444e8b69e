@_spi(Testing) import GLPK
import MIPModel
import XCTest

/// The in-place LP (GLPKRelaxations) against a model loaded anew: same optimum, values and duals.
final class RelaxationSequenceTests: XCTestCase {
    /// A covering LP over the first `columns` columns and `rows` rows of one fixed family:
    /// min Σ c_j x_j, Σ_j a_ij x_j ≥ b_i, 0 ≤ x ≤ 10, with every coefficient set by (i, j), so a
    /// larger stage keeps a smaller one's data and adds entries in its rows (as pricing does).
    /// Columns are added in a shuffled order: new ones land between earlier ones.
    private func stage(columns: Int, rows: Int, bump: Int? = nil) throws -> Model {
        var m = Model(name: "grow")
        let order = (0..<columns).sorted { ($0 * 7919) % 31 < ($1 * 7919) % 31 || (($0 * 7919) % 31 == ($1 * 7919) % 31 && $0 < $1) }
        var column: [Int: Variable] = [:]
        for j in order {
            column[j] = try m.addVariable(name: "x\(j)", upper: 10, objective: 1 + Double((j * 37) % 11) / 7)
        }
        for i in 0..<rows {
            var e = LinearExpression()
            for j in 0..<columns where (i * 13 + j * 5) % 3 != 0 {
                e.add(try XCTUnwrap(column[j]), 0.5 + Double((i * 17 + j * 29) % 13) / 5)
            }
            let b = 3 + Double((i * 23) % 7) + (bump == i ? 1 : 0)
            try m.addConstraint(name: "r\(i)", e, lower: b)
        }
        return m
    }

    /// Values, duals and reduced costs by name agree (the LPs here have one optimum).
    private func assertSame(_ a: RelaxationResult, _ b: RelaxationResult, _ m: Model, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.status, .optimal, file: file, line: line)
        XCTAssertEqual(b.status, .optimal, file: file, line: line)
        XCTAssertEqual(a.objective ?? -1, b.objective ?? -2, accuracy: 1e-7, file: file, line: line)
        XCTAssertEqual(a.values.count, m.variableCount, file: file, line: line)
        XCTAssertEqual(a.rowDuals.count, m.constraintCount, file: file, line: line)
        for j in 0..<m.variableCount {
            XCTAssertEqual(a.values[j], b.values[j], accuracy: 1e-7, "value of \(m.variables[j].name)", file: file, line: line)
            XCTAssertEqual(a.reducedCosts[j], b.reducedCosts[j], accuracy: 1e-7, "reduced cost of \(m.variables[j].name)", file: file, line: line)
        }
        for i in 0..<m.constraintCount {
            XCTAssertEqual(a.rowDuals[i], b.rowDuals[i], accuracy: 1e-7, "dual of \(m.constraints[i].name)", file: file, line: line)
        }
    }

    func testGrownInPlaceGivesTheRebuiltLP() throws {
        let stages = [(6, 3), (9, 3), (9, 5), (14, 7), (20, 7), (20, 10)]
        let loads: [GLPKRelaxations.Load?] = try GLPKSolver().withRelaxations { sequence in
            var loads: [GLPKRelaxations.Load?] = []
            for (n, m) in stages {
                let model = try stage(columns: n, rows: m)
                let grown = sequence.solve(model, options: SolveOptions())
                assertSame(grown, GLPKSolver().solveRelaxation(model), model)
                loads.append((sequence as? GLPKRelaxations)?.lastLoad)
            }
            return loads
        }
        // Only the first model is loaded; every later one is appended to it.
        XCTAssertEqual(loads, [.fresh] + Array(repeating: .extended, count: stages.count - 1))
    }

    func testAChangedOrMissingRowLoadsTheModelAnew() throws {
        try GLPKSolver().withRelaxations { sequence in
            let glpk = try XCTUnwrap(sequence as? GLPKRelaxations)
            _ = sequence.solve(try stage(columns: 8, rows: 4), options: SolveOptions())
            // Row 1's bound changed: not an extension.
            let changed = try stage(columns: 10, rows: 5, bump: 1)
            assertSame(sequence.solve(changed, options: SolveOptions()), GLPKSolver().solveRelaxation(changed), changed)
            XCTAssertEqual(glpk.lastLoad, .fresh)
            // Fewer rows than the problem holds: not an extension either.
            let fewer = try stage(columns: 10, rows: 3)
            assertSame(sequence.solve(fewer, options: SolveOptions()), GLPKSolver().solveRelaxation(fewer), fewer)
            XCTAssertEqual(glpk.lastLoad, .fresh)
            let more = try stage(columns: 12, rows: 6)
            assertSame(sequence.solve(more, options: SolveOptions()), GLPKSolver().solveRelaxation(more), more)
            XCTAssertEqual(glpk.lastLoad, .extended)
        }
    }

    func testAnInfeasibleStageIsReportedAndTheNextOneSolves() throws {
        try GLPKSolver().withRelaxations { sequence in
            // With x ≤ 10 and two columns, row 0 cannot reach a bound of 40.
            var tight = Model(name: "grow")
            let x = try tight.addVariable(name: "x0", upper: 10, objective: 1)
            let y = try tight.addVariable(name: "x1", upper: 10, objective: 2)
            try tight.addConstraint(name: "r0", x + y, lower: 40)
            XCTAssertEqual(sequence.solve(tight, options: SolveOptions()).status, .infeasible)
            // Two more columns, r0 keeps its entries on the old ones and gains the new ones.
            var grown = Model(name: "grow")
            let a = try grown.addVariable(name: "x0", upper: 10, objective: 1)
            let b = try grown.addVariable(name: "x1", upper: 10, objective: 2)
            let c = try grown.addVariable(name: "x2", upper: 10, objective: 3)
            let d = try grown.addVariable(name: "x3", upper: 10, objective: 4)
            try grown.addConstraint(name: "r0", a + b + c + d, lower: 40)
            let result = sequence.solve(grown, options: SolveOptions())
            XCTAssertEqual(result.status, .optimal)
            XCTAssertEqual(result.objective ?? -1, 10 + 20 + 30 + 40, accuracy: 1e-9)
            XCTAssertEqual((sequence as? GLPKRelaxations)?.lastLoad, .extended)
        }
    }

    func testASequenceIsDeadAfterItsCall() throws {
        let kept = GLPKSolver().withRelaxations { $0 }
        let result = kept.solve(try stage(columns: 4, rows: 2), options: SolveOptions())
        guard case .failed = result.status else { return XCTFail("a closed sequence solved: \(result.status)") }
    }

    func testTheRebuildingDefaultMatchesTooForOtherSolvers() throws {
        let sequence = RebuildingRelaxations(solver: GLPKSolver())
        for (n, m) in [(6, 3), (12, 6)] {
            let model = try stage(columns: n, rows: m)
            assertSame(sequence.solve(model, options: SolveOptions()), GLPKSolver().solveRelaxation(model), model)
        }
    }

    /// The MIP's root LP from an optimal LP basis needs no simplex iteration; the optimum is the same.
    func testAMIPRootLPStartsFromTheGivenBasis() throws {
        var m = try stage(columns: 12, rows: 6)
        // Integral columns: the same model as a MIP (the relaxation stays the LP above).
        var mip = Model(name: "grow")
        for v in m.variables {
            _ = try mip.addVariable(name: v.name, lower: v.lower, upper: v.upper, kind: .integer, objective: v.objective)
        }
        for r in m.constraints { try mip.addConstraint(name: r.name, r.expression, lower: r.lower, upper: r.upper) }
        m = mip
        let lp = GLPKSolver().solveRelaxation(m)
        var options = SolveOptions(presolve: false)
        options.captureLog = true
        var hooks = SolveHooks()
        let cold = GLPKSolver().solve(m, options: options, hooks: hooks)
        hooks.initialBasis = lp.basis
        let warm = GLPKSolver().solve(m, options: options, hooks: hooks)
        XCTAssertEqual(cold.termination, .optimal)
        XCTAssertEqual(warm.termination, .optimal)
        XCTAssertEqual(warm.objective ?? -1, cold.objective ?? -2, accuracy: 1e-9)
        XCTAssertEqual(Self.rootIterations(warm.log), 0, warm.log.joined(separator: "\n"))
        XCTAssertGreaterThan(Self.rootIterations(cold.log) ?? 0, 0, cold.log.joined(separator: "\n"))
    }

    /// The last iteration count GLPK's simplex printed before "OPTIMAL LP SOLUTION FOUND".
    private static func rootIterations(_ log: [String]) -> Int? {
        var last: Int?
        for line in log {
            if line.contains("OPTIMAL LP SOLUTION FOUND") { return last }
            let trimmed = line.drop { $0 == " " || $0 == "*" || $0 == "#" }
            if let colon = trimmed.firstIndex(of: ":"), trimmed[colon...].contains("obj ="), let k = Int(trimmed[..<colon]) {
                last = k
            }
        }
        return nil
    }
}
