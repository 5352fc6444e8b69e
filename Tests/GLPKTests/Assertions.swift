import MIPModel
import XCTest

/// Checks that a result with values satisfies the model and reports the objective of its values.
func assertConsistent(_ result: SolveResult, _ model: Model, file: StaticString = #filePath, line: UInt = #line) {
    guard let values = result.values else {
        XCTAssertNil(result.objective, "objective without values", file: file, line: line)
        return
    }
    XCTAssertEqual(model.violations(at: values), [], file: file, line: line)
    XCTAssertEqual(result.objective ?? .nan, model.objectiveValue(at: values), accuracy: 1e-6, file: file, line: line)
}
