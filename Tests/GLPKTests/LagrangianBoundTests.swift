import GLPK
import MIPModel
import XCTest

/// ``LagrangianBound`` is a lower bound for any duals and equals the LP optimum at optimal
/// duals; GLPK's interior-point duals give a bound close to it.
final class LagrangianBoundTests: XCTestCase {
    /// A feasible, bounded random LP: rows of every kind around a random point of the box.
    static func randomModel(_ seed: UInt64) throws -> Model {
        var rng = SplitMix(seed)
        var model = Model(name: "lagrangian")
        let n = 4 + Int(rng.next() % 8)
        let point = (0..<n).map { _ in Double(rng.next() % 100) / 50 }
        var vars: [Variable] = []
        for j in 0..<n {
            let cost = Double(Int(rng.next() % 21) - 10)
            vars.append(try model.addVariable(name: "x\(j)", lower: 0, upper: 2, objective: cost))
        }
        for i in 0..<(3 + Int(rng.next() % 6)) {
            var e = LinearExpression(vars[i % n])
            for v in vars where rng.next() % 2 == 0 { e.add(v, Double(Int(rng.next() % 7) - 3)) }
            let at = e.value(at: point)
            switch i % 4 {
            case 0: try model.addConstraint(name: "ge\(i)", e, lower: at - 0.5)
            case 1: try model.addConstraint(name: "le\(i)", e, upper: at + 0.5)
            case 2: try model.addConstraint(name: "eq\(i)", e, lower: at, upper: at)
            default: try model.addConstraint(name: "rg\(i)", e, lower: at - 1, upper: at + 1)
            }
        }
        return model
    }

    func testTheBoundHoldsForAnyDualsAndIsTightAtTheOptimum() throws {
        var tight = 0
        for seed in 0..<60 as Range<UInt64> {
            let model = try Self.randomModel(seed)
            let lp = GLPKSolver().solveRelaxation(model)
            guard lp.status == .optimal, let z = lp.objective else {
                XCTFail("seed \(seed): \(lp.status)")
                continue
            }
            let optimal = try XCTUnwrap(LagrangianBound(model, rowDuals: lp.rowDuals)).value(model)
            XCTAssertEqual(optimal, z, accuracy: 1e-7 * max(1, abs(z)), "seed \(seed)")
            tight += 1
            var rng = SplitMix(seed + 1000)
            for _ in 0..<5 {
                let noisy = lp.rowDuals.map { $0 + Double(Int(rng.next() % 9) - 4) / 2 }
                let b = try XCTUnwrap(LagrangianBound(model, rowDuals: noisy)).value(model)
                XCTAssertLessThanOrEqual(b, z + 1e-9 * max(1, abs(z)), "seed \(seed)")
            }
            if let ip = try GLPKSolver().interiorPoint(model) {
                let b = try XCTUnwrap(LagrangianBound(model, rowDuals: ip.rowDuals)).value(model)
                XCTAssertLessThanOrEqual(b, z + 1e-9 * max(1, abs(z)), "seed \(seed)")
            }
        }
        XCTAssertEqual(tight, 60)
    }

    /// A dual of the wrong sign for a one-sided row is dropped, not used.
    func testAWrongSignDualIsDropped() throws {
        var model = Model(name: "sign")
        let x = try model.addVariable(name: "x", lower: 0, upper: 1, objective: 1)
        try model.addConstraint(name: "ge", LinearExpression(x), lower: 1)
        let bound = try XCTUnwrap(LagrangianBound(model, rowDuals: [-5]))
        XCTAssertEqual(bound.rowDuals, [0])
        XCTAssertEqual(bound.value(model), 0)
        XCTAssertEqual(try XCTUnwrap(LagrangianBound(model, rowDuals: [1])).value(model), 1)
    }

    /// GLPK's interior point on a small LP: converged, and its duals bound the optimum
    /// within 1e-6.
    func testInteriorPointDualsBoundTheOptimum() throws {
        let model = try Self.randomModel(7)
        let z = try XCTUnwrap(GLPKSolver().solveRelaxation(model).objective)
        let ip = try XCTUnwrap(try GLPKSolver().interiorPoint(model))
        let b = try XCTUnwrap(LagrangianBound(model, rowDuals: ip.rowDuals)).value(model)
        XCTAssertLessThanOrEqual(b, z + 1e-9 * max(1, abs(z)))
        XCTAssertEqual(b, z, accuracy: 1e-6 * max(1, abs(z)))
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
