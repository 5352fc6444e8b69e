import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Rows another row implies (``DominatedRows``), left out of the model over the columns not
/// fixed (``FixedColumnsDropped``) with the rows the bounds imply.
final class DominatedRowsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// The relation itself, on rows over binaries `a`, `b`, `c`, a column `w` that may be
    /// negative and a row with a lower bound: a row goes only when another has every one of its
    /// columns with at least its coefficient and at most its upper bound; of two equal rows the
    /// later one goes (fails when the bound, a coefficient or the sign of a column is not read).
    func testOnlyRowsAnotherRowImpliesGo() throws {
        var m = Model(name: "dominated")
        let a = try m.addVariable(name: "a", kind: .binary)
        let b = try m.addVariable(name: "b", kind: .binary)
        let c = try m.addVariable(name: "c", kind: .binary)
        let w = try m.addVariable(name: "w", lower: -1, upper: 1, kind: .continuous)
        func row(_ terms: [(Variable, Double)], _ upper: Double, lower: Double = -.infinity) -> DominatedRows.Row {
            DominatedRows.Row(expression: LinearExpression(terms), lower: lower, upper: upper)
        }
        let rows = [
            row([(a, 1), (b, 1), (c, 1)], 1),  // 0: kept, implies 1, 2 and 6
            row([(b, 1), (c, 1)], 1),  // 1: goes
            row([(a, 1), (c, 1)], 2),  // 2: goes (a looser bound)
            row([(a, 2), (b, 1)], 1),  // 3: kept (a coefficient above row 0's)
            row([(b, 1), (w, 1)], 1),  // 4: kept (w may be negative)
            row([(b, 1), (w, 1)], 1),  // 5: kept, the same as 4 but not a candidate
            row([(a, 1), (b, 1), (c, 1)], 1),  // 6: goes (the same as row 0, later)
            row([(a, 1), (b, 1)], 1, lower: 1),  // 7: kept (a lower bound the columns do not imply)
            row([(c, 1)], 0.5),  // 8: kept (row 0 allows c = 1)
        ]
        XCTAssertEqual(DominatedRows.dominated(rows, model: m) { _ in true }, [1, 2, 6])
        XCTAssertEqual(DominatedRows.dominated(rows, model: m) { $0 != 2 }, [1, 6], "only the rows allowed go")
    }

    /// The `over` rows of a person whose first-term columns are fixed (Σ x[p,w,2] ≤ 1 over
    /// fewer columns than `place`) go when their slack is basic in the basis given, and the
    /// search from the moved basis keeps the whole model's optimum.
    func testDominatedRowsKeepTheBasisAndTheOptimum() throws {
        var full = Model(name: "over")
        // x[v,1] for sites 0…2 (0 and 1 fixed), x[w,2] for sites 0…2.
        let first = try (0..<3).map { try full.addVariable(name: "x\($0)_1", kind: .binary, objective: Double(3 - $0)) }
        let second = try (0..<3).map { try full.addVariable(name: "x\($0)_2", kind: .binary, objective: Double(1 + $0)) }
        try full.addConstraint(name: "place_2", LinearExpression(second.map { ($0, 1) }), upper: 1)
        for v in 0..<3 {
            let terms = [(first[v], 1.0)] + (0..<3).filter { $0 != v }.map { (second[$0], 1.0) }
            try full.addConstraint(name: "over_\(v)", LinearExpression(terms), upper: 1)
        }
        try full.addConstraint(name: "cover", LinearExpression((first + second).map { ($0, 1) }), lower: 1)
        try full.setBounds(first[0], lower: 0, upper: 0)
        try full.setBounds(first[1], lower: 0, upper: 0)
        let solver = GLPKSolver()
        let basis = try XCTUnwrap(solver.solveRelaxation(full).basis)
        let kept = try FixedColumnsDropped(full, dropRows: true, basis: basis)
        let goes = (0..<full.constraintCount).filter { basis.rows[$0] == .basic && [1, 2].contains($0) }
        XCTAssertEqual(kept.dominatedRows, goes.count, "over_0 and over_1 are parts of place_2")
        let moved = kept.kept(basis)
        XCTAssertEqual(
            moved.columns.filter { $0 == .basic }.count + moved.rows.filter { $0 == .basic }.count,
            kept.model.constraintCount)
        let all = try FixedColumnsDropped(full, dropRows: true)
        XCTAssertEqual(all.dominatedRows, 2, "without a basis both go")
        XCTAssertFalse(all.model.constraints.contains { $0.name == "over_0" || $0.name == "over_1" })
        let off = try FixedColumnsDropped(full, dropRows: true, dropDominated: false)
        XCTAssertEqual(off.dominatedRows, 0)
        let a = solver.solve(full, options: SolveOptions(), hooks: SolveHooks())
        var hooks = SolveHooks()
        hooks.initialBasis = moved
        for r in [
            kept.fullResult(solver.solve(kept.model, options: SolveOptions(), hooks: hooks)),
            all.fullResult(solver.solve(all.model, options: SolveOptions(), hooks: SolveHooks())),
        ] {
            XCTAssertEqual(r.termination, .optimal)
            XCTAssertEqual(r.objective ?? .nan, a.objective ?? -1, accuracy: 1e-9)
            XCTAssertTrue(full.violations(at: r.values ?? []).isEmpty)
        }
    }

    /// Generated free scenarios with people staying on (``GuessedGapTests/stayingOnFree(_:)``,
    /// and larger ones of the same kind): the seeded full model's guessed search (and the
    /// searches after a guess too low) proves the same optimum with the dominated rows dropped
    /// and kept, each roster passing the checker. Fails when no row is ever dropped there, or
    /// when a row dropped was needed.
    func testTheSeededModelKeepsItsOptimumWithoutTheDominatedRows() {
        var compared = 0
        var dropped = 0
        for i in 0..<8 {
            let s = i < 6 ? GuessedGapTests.stayingOnFree(i) : Self.stayingOnFree(units: 10 + i, seed: 9400 + UInt64(i))
            for share in [nil, 1e-9] as [Double?] {
                var off = GuessedGapTests.options(guessed: true, share: share)
                off.dropDominatedRows = false
                off.timeLimit = 60
                var on = GuessedGapTests.options(guessed: true, share: share)
                on.timeLimit = 60
                let label = "scenario \(i), share \(share ?? GuessedGap.share)"
                let (_, b, same) = assertSameOptimum(planner, s, off: off, on: on, label: label)
                if same { compared += 1 }
                let note = b.log.first { $0.contains("rows implied by another row") } ?? ""
                if let n = Int(note.components(separatedBy: " rows implied by another row").first?.split(separator: " ").last ?? ""),
                    n > 0
                {
                    dropped += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 12, "too few proven scenarios to compare")
        XCTAssertGreaterThanOrEqual(dropped, 6, "dominated rows were rarely dropped: the change went untested")
    }

    /// A generated free scenario over two terms with people staying on.
    static func stayingOnFree(units: Int, seed: UInt64) -> Scenario {
        var c = GeneratorConfig(units: units)
        c.seed = seed
        c.structure = .free
        c.terms = 2
        c.history = Int(seed % 3)
        c.peoplePerUnit = 2...5
        c.leaveRate = 0.2
        var s = ScenarioGenerator.generate(c)
        s.rules.pairCooldown = 0
        s.rules.maxConsecutiveTerms = 2
        return s
    }
}
