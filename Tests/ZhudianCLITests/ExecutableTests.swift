import Foundation
import XCTest

/// The built `zhudian` executable, run as a process: exit codes reach the shell, and
/// nothing GLPK prints reaches standard output.
final class ExecutableTests: XCTestCase {
    private func executable() throws -> URL { try BuiltTool.locate("zhudian", for: Self.self) }

    private func run(_ tool: URL, _ arguments: [String], in directory: URL) throws -> CLIResult {
        try BuiltTool.run(tool, arguments, in: directory)
    }

    private func assertNoGLPKOutput(_ r: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        for word in glpkChatter {
            XCTAssertFalse(r.standardOutput.contains(word), "GLPK output '\(word)' in stdout\n" + describe(r), file: file, line: line)
        }
    }

    func testExitCodesOfTheBuiltTool() throws {
        let tool = try executable()
        let dir = try temporaryDirectory()

        let pass = try run(tool, ["check", Paths.scenario("taierzhuang-2022.yaml"), Paths.scenario("taierzhuang-2022-notice.json")], in: dir)
        XCTAssertEqual(pass.code, 0, describe(pass))
        XCTAssertTrue(pass.standardOutput.hasPrefix("ok: "), describe(pass))
        XCTAssertEqual(pass.standardError, "", describe(pass))
        assertNoGLPKOutput(pass)

        let fail = try run(tool, ["check", Paths.scenario("taierzhuang-2022-ring.yaml"), Paths.scenario("taierzhuang-2022-notice.json")], in: dir)
        XCTAssertEqual(fail.code, 1, describe(fail))
        XCTAssertTrue(fail.outputLines.contains { $0.hasPrefix("structure:") }, describe(fail))
        assertNoGLPKOutput(fail)

        let missing = try run(tool, ["validate", "no-such-scenario.yaml"], in: dir)
        XCTAssertEqual(missing.code, 4, describe(missing))
        XCTAssertEqual(missing.standardOutput, "", describe(missing))
        XCTAssertTrue(missing.standardError.hasPrefix("error: no-such-scenario.yaml:"), describe(missing))

        let usage = try run(tool, ["frob"], in: dir)
        XCTAssertEqual(usage.code, 2, describe(usage))
        XCTAssertEqual(usage.standardOutput, "", describe(usage))

        XCTAssertEqual(contents(of: dir), [], "the tool wrote files it was not asked to write")
    }

    /// The one command that runs GLPK: its standard output is the summary table and nothing else.
    func testPlanPrintsOnlyTheSummary() throws {
        let tool = try executable()
        let dir = try temporaryDirectory()
        let scenario = Paths.scenario("taierzhuang-2023.yaml")
        let r = try run(tool, ["plan", scenario, "-o", "out"], in: dir)
        XCTAssertEqual(r.code, 0, describe(r))
        assertNoGLPKOutput(r)
        XCTAssertEqual(contents(of: dir).filter { !$0.hasPrefix("out/ics/") }, ["out"] + defaultExports.map { "out/" + $0 })

        // The same lines as the in-process run, the solve time aside.
        let inProcess = zhudian(["plan", scenario, "-o", dir.appendingPathComponent("again").path])
        func timeless(_ text: String) -> String {
            text.replacingOccurrences(of: #"[0-9]+\.[0-9]+ s  \("#, with: "… s  (", options: .regularExpression)
        }
        XCTAssertEqual(timeless(r.standardOutput), timeless(inProcess.standardOutput))

        let infeasible = try run(tool, ["plan", Paths.scenario("infeasible-leave.yaml"), "-o", "bad"], in: dir)
        XCTAssertEqual(infeasible.code, 1, describe(infeasible))
        XCTAssertEqual(infeasible.standardOutput, "", describe(infeasible))
        for word in glpkChatter where word != "GLPK" {
            XCTAssertFalse(infeasible.standardError.contains(word), "GLPK output '\(word)' in stderr\n" + describe(infeasible))
        }
    }
}
