import MIPModel
import XCTest

final class ViolationTests: XCTestCase {
    private func sampleModel() throws -> (Model, Variable, Variable) {
        var model = Model()
        let x = try model.addVariable(name: "x", upper: 4, kind: .integer)
        let y = try model.addVariable(name: "y", lower: -1, upper: 1)
        try model.addConstraint(name: "sum", x + y, lower: 1, upper: 3)
        try model.addConstraint(name: "diff", x - y, upper: 2)
        return (model, x, y)
    }

    func testFeasiblePointHasNoViolations() throws {
        let (model, _, _) = try sampleModel()
        XCTAssertEqual(model.violations(at: [2, 0.5]), [])
        // Within tolerance of the bound and of integrality.
        XCTAssertEqual(model.violations(at: [2 + 1e-7, 1 + 1e-7]), [])
    }

    func testReportsRowsBoundsAndIntegrality() throws {
        let (model, x, y) = try sampleModel()
        let found = model.violations(at: [2, 1.5])
        XCTAssertEqual(found.map(\.subject), [.variable(y), .constraint(ConstraintRef(index: 0))])
        XCTAssertEqual(found[0].kind, .aboveUpper(bound: 1))
        XCTAssertEqual(found[0].amount, 0.5, accuracy: 1e-12)
        XCTAssertEqual(found[1].kind, .aboveUpper(bound: 3))
        XCTAssertEqual(found[1].amount, 0.5, accuracy: 1e-12)
        XCTAssertTrue(found[1].description.contains("'sum'"))

        let fractional = model.violations(at: [1.5, 0])
        XCTAssertEqual(fractional.map(\.subject), [.variable(x)])
        XCTAssertEqual(fractional.first?.kind, .notIntegral)
        XCTAssertEqual(fractional.first?.amount ?? 0, 0.5, accuracy: 1e-12)

        let low = model.violations(at: [0, -1])
        XCTAssertEqual(low.map(\.kind), [.belowLower(bound: 1)])
        XCTAssertEqual(low.first?.amount ?? 0, 2, accuracy: 1e-12)
    }

    func testNonFiniteAndWrongDimension() throws {
        let (model, x, _) = try sampleModel()
        let nan = model.violations(at: [.nan, 0])
        XCTAssertEqual(nan.first?.subject, .variable(x))
        XCTAssertEqual(nan.first?.kind, .notFinite)
        XCTAssertEqual(model.violations(at: [1]).map(\.kind), [.wrongDimension(count: 1, expected: 2)])
    }
}
