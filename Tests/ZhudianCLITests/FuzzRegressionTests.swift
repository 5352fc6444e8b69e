import Foundation
import XCTest
import ZhudianFuzz

/// What fuzzing found, kept fixed: each case is a small change to an example scenario,
/// run through the built tool as `make fuzz` runs its mutants.
final class FuzzRegressionTests: XCTestCase {
    /// (what was found, the text replaced in taierzhuang-2023.yaml, its replacement, the exit now).
    static let cases: [(String, String, String, Int32)] = [
        // A weight of 1e308 times kilometres made an infinite objective coefficient: exit 70.
        ("huge distance weight", "distance: 1\n", "distance: 1e308\n", 2),
        ("huge fairness weight", "fairness: 20\n", "fairness: 1.7976931348623157e308\n", 2),
        ("the largest weight accepted", "distance: 1\n", "distance: 1000000\n", 0),
    ]

    func testFindingsStayFixed() throws {
        let tool = try BuiltTool.locate("zhudian", for: Self.self)
        let dir = try temporaryDirectory()
        let original = try String(contentsOfFile: Paths.scenario("taierzhuang-2023.yaml"), encoding: .utf8)
        for (what, old, new, expected) in Self.cases {
            XCTAssertTrue(original.contains(old), "\(what): the example no longer has `\(old)`")
            let file = dir.appendingPathComponent("case.yaml")
            try Data(original.replacingOccurrences(of: old, with: new).utf8).write(to: file)
            for arguments in [["validate", file.path], ["plan", file.path, "--time-limit", "5", "-o", "out", "--quiet"]] {
                let run = try ToolRun.run(tool, arguments, in: dir, limit: 60)
                XCTAssertNil(Finding.of(run), "\(what): \(arguments[0])\n\(run.standardError)")
                if arguments[0] == "plan" {
                    XCTAssertEqual(run.ending, .exit(expected), "\(what)\n\(run.standardError)")
                }
            }
        }
    }
}
