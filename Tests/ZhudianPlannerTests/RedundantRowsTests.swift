import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Rows implied by the bounds of their columns (``RedundantRows``), left out of the model
/// over the columns not fixed (``FixedColumnsDropped``).
final class RedundantRowsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// The test itself: rows that no point within the bounds can break are implied, any other
    /// is not (fails when a bound of a column is read on the wrong side of its coefficient).
    func testImpliedOnlyWhenNoPointWithinTheBoundsBreaksTheRow() throws {
        var m = Model(name: "implied")
        let x = try m.addVariable(name: "x", kind: .binary)
        let y = try m.addVariable(name: "y", kind: .binary)
        let w = try m.addVariable(name: "w", lower: -2, upper: 3, kind: .continuous)
        let f = try m.addVariable(name: "f", kind: .continuous)
        func implied(_ terms: [(Variable, Double)], _ lower: Double, _ upper: Double) -> Bool {
            RedundantRows.implied(LinearExpression(terms), lower: lower, upper: upper, in: m)
        }
        XCTAssertTrue(implied([(y, -1)], -.infinity, 0), "−y ≤ 0")
        XCTAssertTrue(implied([], -.infinity, 0), "an empty row ≤ 0")
        XCTAssertFalse(implied([], 1, .infinity), "an empty row ≥ 1")
        XCTAssertTrue(implied([(x, 1), (y, 1)], -.infinity, 2))
        XCTAssertFalse(implied([(x, 1), (y, 1)], -.infinity, 1))
        XCTAssertTrue(implied([(x, 1), (w, -1)], -3, 4))
        XCTAssertFalse(implied([(x, 1), (w, -1)], -2, 4), "x − w reaches −3 at x = 0, w = 3")
        XCTAssertFalse(implied([(x, 1), (w, -1)], -3, 2.9), "x − w reaches 3 at x = 1, w = −2")
        XCTAssertFalse(implied([(f, 1)], -.infinity, 5), "f has no upper bound")
        XCTAssertTrue(implied([(f, 1)], 0, .infinity))
        XCTAssertFalse(implied([(y, 1)], 1, 1), "y = 1")
    }

    /// People `x` of two links `y` and `z` on a site (`x ≤ y` per person, two people needed, at
    /// most two through `y`), two of them fixed to 0: their link rows are implied. Given a basis
    /// where one of those rows is non-basic, only the other is left out and the moved basis
    /// keeps as many basic entries as rows (fails when rows are dropped whatever the basis);
    /// without a basis both go; and the MIP's optimum is the full model's either way, the
    /// kept model started from the LP's basis moved onto it.
    func testDroppedRowsKeepTheBasisAndTheOptimum() throws {
        var full = Model(name: "drop")
        let y = try full.addVariable(name: "y", kind: .binary, objective: 1)
        let z = try full.addVariable(name: "z", kind: .binary, objective: 3)
        let costs = [2.0, 1.0, 4.0, 1.5, 2.5]
        var xs: [Variable] = []
        for (i, c) in costs.enumerated() {
            let x = try full.addVariable(name: "x\(i)", kind: .binary, objective: c)
            xs.append(x)
            try full.addConstraint(name: "link\(i)", LinearExpression([(x, 1), (i < 3 ? y : z, -1)]), upper: 0)
        }
        try full.addConstraint(name: "cover", LinearExpression(xs.map { ($0, 1) }), lower: 2)
        try full.addConstraint(name: "capY", LinearExpression(xs[0..<3].map { ($0, 1) } + [(y, -2)]), upper: 0)
        try full.setBounds(xs[2], lower: 0, upper: 0)
        try full.setBounds(xs[4], lower: 0, upper: 0)
        // Rows link0 … link4, cover, capY: link2 non-basic with y basic in its place.
        var rows = Array(repeating: Basis.Status.basic, count: full.constraintCount)
        rows[2] = .atUpper
        var columns = Array(repeating: Basis.Status.atLower, count: full.variableCount)
        columns[y.index] = .basic
        let given = Basis(columns: columns, rows: rows)
        let kept = try FixedColumnsDropped(full, dropRows: true, basis: given)
        XCTAssertEqual(kept.model.constraints.map(\.name), ["link0", "link1", "link2", "link3", "cover", "capY"])
        let moved = kept.kept(given)
        XCTAssertEqual(
            moved.columns.filter { $0 == .basic }.count + moved.rows.filter { $0 == .basic }.count,
            kept.model.constraintCount)
        let all = try FixedColumnsDropped(full, dropRows: true)
        XCTAssertEqual(all.droppedRows, 2, "without a basis both rows of fixed people go")
        let none = try FixedColumnsDropped(full, basis: given)
        XCTAssertEqual(none.droppedRows, 0, "rows are dropped only when asked")
        let other = Basis(columns: columns, rows: Array(rows.dropLast()))
        let unfit = try FixedColumnsDropped(full, dropRows: true, basis: other)
        XCTAssertEqual(unfit.droppedRows, 0, "a basis of another model leaves every row in")
        XCTAssertEqual(unfit.kept(other).rows.count, other.rows.count, "and is passed on for the solver to reject")
        let solver = GLPKSolver()
        let basis = try XCTUnwrap(solver.solveRelaxation(full).basis)
        let fromLP = try FixedColumnsDropped(full, dropRows: true, basis: basis)
        let a = solver.solve(full, options: SolveOptions(), hooks: SolveHooks())
        var hooks = SolveHooks()
        hooks.initialBasis = fromLP.kept(basis)
        let b = fromLP.fullResult(solver.solve(fromLP.model, options: SolveOptions(), hooks: hooks))
        let c = all.fullResult(solver.solve(all.model, options: SolveOptions(), hooks: SolveHooks()))
        XCTAssertEqual(a.termination, .optimal)
        for r in [b, c] {
            XCTAssertEqual(r.termination, .optimal)
            XCTAssertEqual(r.objective ?? .nan, a.objective ?? -1, accuracy: 1e-9)
            XCTAssertTrue(full.violations(at: r.values ?? []).isEmpty)
        }
    }

    /// Generated free scenarios of 8–12 enterprises over one and two terms, nobody staying on:
    /// the seeded full model's guessed search (and the searches after a guess too low) proves
    /// the same optimum with the implied rows dropped and kept, each roster passing the
    /// checker. Fails when the rows are never dropped there, or when a dropped row was needed.
    func testTheSeededModelKeepsItsOptimumWithoutTheImpliedRows() {
        var compared = 0
        var dropped = 0
        for i in 0..<8 {
            let s = GuessedGapLinksTests.freeScenario(i, seeds: 9600)
            for share in [nil, 1e-9] as [Double?] {
                var off = GuessedGapTests.options(guessed: true, share: share)
                off.dropRedundantRows = false
                off.timeLimit = 60
                var on = GuessedGapTests.options(guessed: true, share: share)
                on.timeLimit = 60
                let label = "scenario \(i), share \(share ?? GuessedGap.share)"
                let (_, b, same) = assertSameOptimum(planner, s, off: off, on: on, label: label)
                if same { compared += 1 }
                let note = b.log.first { $0.contains("rows implied by the bounds left out") } ?? ""
                if let n = Int(note.split(separator: " ").reversed().dropFirst(7).first ?? ""), n > 0 { dropped += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 12, "too few proven scenarios to compare")
        XCTAssertGreaterThanOrEqual(dropped, 6, "the implied rows were rarely dropped: the change went untested")
    }
}
