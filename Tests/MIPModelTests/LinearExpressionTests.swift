import MIPModel
import XCTest

final class LinearExpressionTests: XCTestCase {
    func testModelMergesSortsAndFoldsConstant() throws {
        var model = Model()
        let x = try model.addVariable(name: "x")
        let y = try model.addVariable(name: "y")
        let z = try model.addVariable(name: "z")
        var expression = LinearExpression([(z, 1), (x, 2), (z, 3), (y, 1), (y, -1)], constant: 5)
        expression.add(x, 0.5)
        let row = try model.addConstraint(name: "row", expression, lower: 6, upper: 10)

        let stored = model.constraints[row.index]
        XCTAssertEqual(stored.expression.terms.map(\.variable), [x, z])
        XCTAssertEqual(stored.expression.terms.map(\.coefficient), [2.5, 4])
        XCTAssertEqual(stored.expression.constant, 0)
        XCTAssertEqual(stored.lower, 1)
        XCTAssertEqual(stored.upper, 5)
    }

    func testOperatorsBuildTheSameExpressionAsAdd() throws {
        var model = Model()
        let x = try model.addVariable(name: "x")
        let y = try model.addVariable(name: "y")
        var built = 2 * x - y + 3
        built += x
        built -= 1
        built = built - (0.5 * y) + (-x)
        let expected = LinearExpression([(x, 2), (y, -1), (x, 1), (y, -0.5), (x, -1)], constant: 2)
        XCTAssertEqual(built, expected)
        XCTAssertEqual(built.value(at: [1, 2]), 2 - 3 + 2)
        XCTAssertEqual(LinearExpression.sum([x, y, x]).merged(), LinearExpression([(x, 2), (y, 1)]))
        XCTAssertEqual((x + y - (x - y)).merged(), LinearExpression([(y, 2)]))
    }

    func testAddScalesExpressionAndConstant() throws {
        let x = Variable(index: 0)
        var e = LinearExpression([(x, 1)], constant: 2)
        e.add(LinearExpression([(x, 3)], constant: 1), times: -2)
        XCTAssertEqual(e.merged(), LinearExpression([(x, -5)], constant: 0))
    }

    func testValueOutsidePointIsNaN() {
        let e = LinearExpression([(Variable(index: 3), 1)])
        XCTAssertTrue(e.value(at: [1, 2]).isNaN)
    }
}
