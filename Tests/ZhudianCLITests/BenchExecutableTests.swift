import Foundation
import XCTest

/// `zhudian-bench` reports every example it could not run, and exits non-zero for it.
final class BenchExecutableTests: XCTestCase {
    func testAnExampleThatFailsToLoadIsARowAndAFailure() throws {
        let bench = try BuiltTool.locate("zhudian-bench", for: Self.self)
        let dir = try temporaryDirectory()
        let scenarios = dir.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Paths.scenario("taierzhuang-2022.yaml"), toPath: scenarios.appendingPathComponent("good.yaml").path)
        try Data("version: 1\nname: [unclosed\n".utf8).write(to: scenarios.appendingPathComponent("broken.yaml"))

        let r = try BuiltTool.run(bench, ["--only", "examples", "--time-limit", "30"], in: dir)
        XCTAssertEqual(r.code, 1, describe(r))
        let broken = r.outputLines.filter { $0.hasPrefix("| broken.yaml |") }
        XCTAssertEqual(broken.count, 1, describe(r))
        XCTAssertTrue(broken.first?.contains("failed to load: ") ?? false, describe(r))
        // The independent checker judged the roster the row reports (issue 21, item 6).
        XCTAssertTrue(
            r.outputLines.contains { $0.hasPrefix("| good.yaml |") && $0.contains("optimal") && $0.hasSuffix("| passed |") },
            describe(r))
        XCTAssertTrue(r.errorLines.last?.hasPrefix("error: 1 run(s) failed") ?? false, describe(r))
    }

    func testBadArgumentsExitTwo() throws {
        let bench = try BuiltTool.locate("zhudian-bench", for: Self.self)
        let dir = try temporaryDirectory()
        for arguments in [["--time-limit", "nan"], ["--time-limit", "1e300"], ["--time-limit", "0"], ["--max", "-3"], ["--only", "all"], ["--frob"]] {
            let r = try BuiltTool.run(bench, arguments, in: dir)
            XCTAssertEqual(r.code, 2, describe(r))
            XCTAssertTrue(r.errorLines.first?.hasPrefix("error: ") ?? false, describe(r))
            XCTAssertEqual(r.standardOutput, "", describe(r))
        }
    }
}
