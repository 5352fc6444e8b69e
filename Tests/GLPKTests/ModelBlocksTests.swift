import GLPK
import MIPModel
import XCTest

/// ``ModelBlocks``: a model with some columns fixed, solved part by part, has the optimum of
/// the whole model with those columns fixed by their bounds.
final class ModelBlocksTests: XCTestCase {
    /// `groups` small knapsack-like groups of binaries, each tied to its own fixed "link"
    /// column `f_g` (rows `Σ a·x ≥ need·f_g`), and one row over every link column, so the
    /// model is connected until the links are fixed.
    static func model(seed: UInt64, groups: Int) throws -> (Model, links: [Int]) {
        var rng = SplitMix(seed)
        var m = Model(name: "blocks")
        var links: [Int] = []
        var all = LinearExpression()
        for g in 0..<groups {
            let f = try m.addVariable(name: "f\(g)", kind: .binary, objective: Double(rng.next() % 7))
            links.append(f.index)
            all.add(f, 1)
            var xs: [Variable] = []
            for i in 0..<5 {
                xs.append(try m.addVariable(name: "x\(g)_\(i)", kind: .binary, objective: Double(1 + rng.next() % 9)))
            }
            var cover = LinearExpression()
            for x in xs { cover.add(x, Double(1 + rng.next() % 4)) }
            cover.add(f, -Double(3 + rng.next() % 5))
            try m.addConstraint(name: "cover\(g)", cover, lower: 0)
            try m.addConstraint(name: "pair\(g)", LinearExpression([(xs[0], 1), (xs[1], 1)]), upper: 1)
        }
        try m.addConstraint(name: "links", all, lower: 1)
        _ = try m.addVariable(name: "loose", lower: 0, upper: 3, kind: .integer, objective: 2)
        return (m, links)
    }

    func testPartsGiveTheOptimumOfTheWholeModelWithTheColumnsFixed() throws {
        let glpk = GLPKSolver()
        for seed in UInt64(1)...8 {
            let (m, links) = try Self.model(seed: seed, groups: 6)
            var fixing: [Int: Double] = [:]
            for (g, j) in links.enumerated() { fixing[j] = g % 3 == 0 ? 0 : 1 }
            var whole = m
            for (j, v) in fixing { try whole.setBounds(Variable(index: j), lower: v, upper: v) }
            let reference = glpk.solve(whole, options: SolveOptions(), hooks: SolveHooks())
            XCTAssertEqual(reference.termination, .optimal, "seed \(seed)")
            let parts = try XCTUnwrap(try ModelBlocks(m, fixing: fixing), "seed \(seed)")
            // Six groups, four with a fixed link at 1 and two at 0, and the loose column.
            XCTAssertEqual(parts.blocks.count, 7, "seed \(seed)")
            var points: [[Double]] = []
            for block in parts.blocks {
                let r = glpk.solve(block.model, options: SolveOptions(), hooks: SolveHooks())
                XCTAssertEqual(r.termination, .optimal, "seed \(seed)")
                points.append(try XCTUnwrap(r.values))
            }
            let point = parts.assemble(points)
            XCTAssertEqual(m.violations(at: point), [], "seed \(seed)")
            for (j, v) in fixing { XCTAssertEqual(point[j], v) }
            XCTAssertEqual(m.objectiveValue(at: point), try XCTUnwrap(reference.objective), accuracy: 1e-9, "seed \(seed)")
        }
    }

    /// A row of fixed columns only that the fixed values break: no part can repair it.
    func testARowTheFixedColumnsBreakLeavesNoParts() throws {
        let (m, links) = try Self.model(seed: 3, groups: 4)
        let none = Dictionary(uniqueKeysWithValues: links.map { ($0, 0.0) })
        XCTAssertNil(try ModelBlocks(m, fixing: none))
        let one = Dictionary(uniqueKeysWithValues: links.enumerated().map { ($1, $0 == 0 ? 1.0 : 0.0) })
        XCTAssertNotNil(try ModelBlocks(m, fixing: one))
    }
}
