import Foundation
import GLPK
import MIPModel
import XCTest

final class WriteLPTests: XCTestCase {
    private let glpsol = "/usr/bin/glpsol"

    /// A model whose names GLPK's writer would mangle or collide on.
    private func awkwardModel() throws -> Model {
        var model = Model(name: "awkward name *\\ with comment end")
        model.sense = .minimize
        model.objectiveConstant = 2.5
        let a = try model.addVariable(name: "a b", upper: 10, kind: .integer, objective: 3)
        let b = try model.addVariable(name: "a-b", lower: -.infinity, upper: 4, objective: -1)
        let c = try model.addVariable(name: "x[1]", lower: 1, upper: 1, objective: 1)
        let d = try model.addVariable(name: "甲班", kind: .binary, objective: -2)
        let e = try model.addVariable(name: "dup", lower: -3, upper: 3, objective: 0.5)
        let f = try model.addVariable(name: "dup", lower: -.infinity, upper: .infinity, objective: 0)
        try model.addConstraint(name: "st", a + b + c, lower: 2)
        try model.addConstraint(name: "end", 2 * a - b + 3 * d, upper: 7)
        try model.addConstraint(name: "dup", e - f + 0.5 * a, lower: -1, upper: -1)
        try model.addConstraint(name: "dup", f + d, lower: -5, upper: 6)
        try model.addConstraint(name: "bounds", b - e, lower: -8)
        return model
    }

    func testWrittenFileSolvesToSameObjectiveWithGlpsol() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: glpsol), "glpsol is not installed")
        let model = try awkwardModel()
        let solver = GLPKSolver()
        let direct = solver.solve(model)
        XCTAssertEqual(direct.termination, .optimal)
        let objective = try XCTUnwrap(direct.objective)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhudian-glpk-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lpFile = directory.appendingPathComponent("model.lp").path
        let outFile = directory.appendingPathComponent("solution.txt").path
        try solver.writeLP(model, to: lpFile)
        let text = try String(contentsOfFile: lpFile, encoding: .utf8)
        for name in ["x0_a_b", "x1_a_b", "x2_x(1)", "x3___", "x4_dup", "x5_dup", "r2_dup", "r3_dup", "objective_constant"] {
            XCTAssertTrue(text.contains(name), "\(name) missing in\n\(text)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = ["--lp", lpFile, "-o", outFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let report = try String(contentsOfFile: outFile, encoding: .utf8)
        let line = try XCTUnwrap(report.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        // "Objective:  obj = 12.5 (MINimum)"
        let fields = line.split(separator: " ")
        let index = try XCTUnwrap(fields.firstIndex(of: "="))
        let written = try XCTUnwrap(Double(fields[fields.index(after: index)]))
        XCTAssertEqual(written, objective, accuracy: 1e-6)
    }

    func testUnwritablePathThrows() throws {
        let model = try awkwardModel()
        XCTAssertThrowsError(try GLPKSolver().writeLP(model, to: "/nonexistent-dir/zhudian/model.lp")) { error in
            guard case .writeFailed(_, let reason)? = error as? GLPKError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertTrue(reason.contains("nonexistent"), reason)
        }
    }
}
