import MIPModel
import XCTest

final class ModelTests: XCTestCase {
    func testVariableDefaultsAndIntegerRounding() throws {
        var model = Model()
        let x = try model.addVariable(name: "x")
        let b = try model.addVariable(name: "b", kind: .binary, objective: 3)
        let fixed = try model.addVariable(name: "fixed", lower: 1, kind: .binary)
        let n = try model.addVariable(name: "n", lower: 0.1 * 3, upper: 0.1 * 30, kind: .integer)
        XCTAssertEqual(model.variableCount, 4)
        XCTAssertEqual(model.variables[x.index].lower, 0)
        XCTAssertEqual(model.variables[x.index].upper, .infinity)
        XCTAssertEqual(model.variables[b.index].lower, 0)
        XCTAssertEqual(model.variables[b.index].upper, 1)
        XCTAssertEqual(model.variables[b.index].objective, 3)
        XCTAssertEqual(model.variables[fixed.index].lower, 1)
        XCTAssertEqual(model.variables[fixed.index].upper, 1)
        XCTAssertEqual(model.variables[n.index].lower, 1)
        XCTAssertEqual(model.variables[n.index].upper, 3)
        XCTAssertEqual(model.sense, .minimize)
        XCTAssertEqual(model.name, "zhudian")
    }

    func testObjectiveValueAndCoefficient() throws {
        var model = Model()
        let x = try model.addVariable(name: "x", objective: 2)
        let y = try model.addVariable(name: "y")
        try model.setObjectiveCoefficient(y, -1)
        model.objectiveConstant = 10
        XCTAssertEqual(model.objectiveValue(at: [3, 4]), 10 + 6 - 4)
        XCTAssertEqual(model.variables[x.index].objective, 2)
        XCTAssertThrowsError(try model.setObjectiveCoefficient(Variable(index: 5), 1)) { error in
            guard case .unknownVariable(.objective, _, Variable(index: 5), 2)? = error as? ModelError else {
                return XCTFail("unexpected \(error)")
            }
        }
        XCTAssertThrowsError(try model.setObjectiveCoefficient(x, .nan))
    }

    /// A name is refused for a control character exactly where Unicode's general category
    /// says Cc, for every scalar of the Basic Multilingual Plane and some beyond it.
    func testControlCharactersAreUnicodesCategoryCc() {
        let scalars = (0..<0x1_0000).compactMap(Unicode.Scalar.init) + ["\u{1F600}", "\u{E0001}", "\u{10FFFD}"]
        var model = Model()
        for scalar in scalars {
            let name = "a" + String(Character(scalar))
            let refused = error { try model.addVariable(name: name) } == .controlCharacterInName(.variable, name: name)
            XCTAssertEqual(refused, scalar.properties.generalCategory == .control, "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testValidationErrors() throws {
        var model = Model()
        let x = try model.addVariable(name: "x")

        XCTAssertEqual(error { try model.addVariable(name: "") }, .emptyName(.variable))
        let long = String(repeating: "é", count: 128)
        XCTAssertEqual(error { try model.addVariable(name: long) }, .nameTooLong(.variable, name: long, bytes: 256))
        XCTAssertEqual(error { try model.addVariable(name: "a\nb") }, .controlCharacterInName(.variable, name: "a\nb"))
        XCTAssertEqual(error { try model.addVariable(name: "v", lower: 3, upper: 2) },
                       .lowerAboveUpper(.variable, name: "v", lower: 3, upper: 2))
        XCTAssertEqual(error { try model.addVariable(name: "v", lower: .nan) }, .invalidLowerBound(.variable, name: "v"))
        XCTAssertEqual(error { try model.addVariable(name: "v", lower: .infinity) }, .invalidLowerBound(.variable, name: "v"))
        XCTAssertEqual(error { try model.addVariable(name: "v", upper: -.infinity) }, .invalidUpperBound(.variable, name: "v"))
        XCTAssertEqual(error { try model.addVariable(name: "v", lower: 0.2, upper: 0.8, kind: .integer) },
                       .emptyIntegerDomain(name: "v", lower: 0.2, upper: 0.8))
        XCTAssertEqual(error { try model.addVariable(name: "v", lower: 2, kind: .binary) },
                       .emptyIntegerDomain(name: "v", lower: 2, upper: .infinity))
        XCTAssertEqual(error { try model.addVariable(name: "v", objective: .infinity) },
                       .nonFiniteCoefficient(.objective, name: "v", variable: Variable(index: 1)))

        XCTAssertEqual(error { try model.addConstraint(name: "c", LinearExpression([(x, .nan)]), upper: 1) },
                       .nonFiniteCoefficient(.constraint, name: "c", variable: x))
        XCTAssertEqual(error { try model.addConstraint(name: "c", LinearExpression([(x, 1)], constant: .nan)) },
                       .nonFiniteConstant(.constraint, name: "c"))
        XCTAssertEqual(error { try model.addConstraint(name: "c", LinearExpression([(Variable(index: 7), 1)])) },
                       .unknownVariable(.constraint, name: "c", variable: Variable(index: 7), variableCount: 1))
        XCTAssertEqual(error { try model.addConstraint(name: "c", x + 0, lower: 2, upper: 1) },
                       .lowerAboveUpper(.constraint, name: "c", lower: 2, upper: 1))
        XCTAssertEqual(error { try model.addConstraint(name: "", x + 0) }, .emptyName(.constraint))
        XCTAssertEqual(error { try model.addConstraint(name: "c", LinearExpression([(x, 1e308), (x, 1e308)])) },
                       .nonFiniteCoefficient(.constraint, name: "c", variable: x))

        // Nothing was stored by the failed calls.
        XCTAssertEqual(model.variableCount, 1)
        XCTAssertEqual(model.constraintCount, 0)
    }

    func testMessagesAreLowerCaseAndActionable() {
        let message = ModelError.unknownVariable(
            .constraint, name: "cover", variable: Variable(index: 9), variableCount: 3).description
        XCTAssertEqual(message.first, "c")
        XCTAssertTrue(message.contains("#9"))
        XCTAssertTrue(message.contains("addVariable"))
        XCTAssertTrue(ModelError.controlCharacterInName(.variable, name: "a\tb").description.contains("\\t"))
    }

    func testNormalizedLazyRow() throws {
        var model = Model()
        let x = try model.addVariable(name: "x")
        let y = try model.addVariable(name: "y")
        let row = try model.normalized(LazyRow(name: "", y + x + y + 1, upper: 3))
        XCTAssertEqual(row.expression, LinearExpression([(x, 1), (y, 2)]))
        XCTAssertEqual(row.upper, 2)
        XCTAssertThrowsError(try model.normalized(LazyRow(name: "bad", LinearExpression([(Variable(index: 9), 1)]))))
    }

    private func error<T>(_ body: () throws -> T) -> ModelError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ModelError
        }
    }
}

final class BasisRestrictedTests: XCTestCase {
    /// A row pinning a column (y = 0, non-basic, y basic at 0) is left out of the next model:
    /// the moved basis would have one basic entry too many; `restricted` frees y.
    func testADroppedPinningRowFreesItsColumn() throws {
        var from = Model()
        let x = try from.addVariable(name: "x", upper: 1, objective: 1)
        let y = try from.addVariable(name: "y", upper: 1, objective: 1)
        try from.addConstraint(name: "a", x + y, lower: 1)
        try from.addConstraint(name: "pin", LinearExpression([(y, 1)]), lower: 0, upper: 0)
        var to = Model()
        let x2 = try to.addVariable(name: "x", upper: 1, objective: 1)
        let y2 = try to.addVariable(name: "y", upper: 1, objective: 1)
        try to.addConstraint(name: "a", x2 + y2, lower: 1)
        let basis = Basis(columns: [.basic, .basic], rows: [.atLower, .fixed])
        XCTAssertEqual(basis.transferred(from: from, to: to), Basis(columns: [.basic, .basic], rows: [.atLower]))
        XCTAssertEqual(basis.restricted(from: from, to: to), Basis(columns: [.basic, .atLower], rows: [.atLower]))
        // Nothing dropped: the same as transferred.
        XCTAssertEqual(basis.restricted(from: from, to: from), basis)
    }

    /// A column basic at 0 is left out of the next model (a link the priced MIP does not
    /// keep): the moved basis would be one basic entry short; `restricted` makes a row that
    /// held it basic instead, and leaves the others alone.
    func testADroppedBasicColumnFreesARowThatHeldIt() throws {
        var from = Model()
        let x = try from.addVariable(name: "x", upper: 1, objective: 1)
        let y = try from.addVariable(name: "y", upper: 1, objective: 1)
        let z = try from.addVariable(name: "z", upper: 1, objective: 1)
        try from.addConstraint(name: "a", x + z, lower: 1)
        try from.addConstraint(name: "b", y + z, upper: 1)
        var to = Model()
        let x2 = try to.addVariable(name: "x", upper: 1, objective: 1)
        let y2 = try to.addVariable(name: "y", upper: 1, objective: 1)
        try to.addConstraint(name: "a", LinearExpression([(x2, 1)]), lower: 1)
        try to.addConstraint(name: "b", LinearExpression([(y2, 1)]), upper: 1)
        // x basic at 1, z basic at 0, y and both rows non-basic.
        let basis = Basis(columns: [.basic, .atLower, .basic], rows: [.atLower, .atUpper])
        XCTAssertEqual(basis.transferred(from: from, to: to), Basis(columns: [.basic, .atLower], rows: [.atLower, .atUpper]))
        XCTAssertEqual(basis.restricted(from: from, to: to), Basis(columns: [.basic, .atLower], rows: [.basic, .atUpper]))
    }
}
