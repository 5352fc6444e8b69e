import Foundation
import XCTest

/// The two fuzzers as built by `swift build`: `zhudian-fuzz` runs a campaign and says what it
/// found; `zhudian-loader-fuzz` needs libFuzzer linked in (make fuzz-loader) and says so.
final class FuzzToolsExecutableTests: XCTestCase {
    func testTheMutationFuzzerRunsACampaign() throws {
        let fuzz = try BuiltTool.locate("zhudian-fuzz", for: Self.self)
        let tool = try BuiltTool.locate("zhudian", for: Self.self)
        let dir = try temporaryDirectory()
        let r = try BuiltTool.run(
            fuzz, ["--tool", tool.path, "--count", "6", "--seed", "3", "--findings", "found", Paths.scenario("taierzhuang-2022.yaml")],
            in: dir)
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertTrue(r.outputLines.first?.hasPrefix("zhudian-fuzz: 6 mutants of 1 files (seed 3), 12 runs") ?? false, describe(r))
        XCTAssertTrue(r.outputLines.contains("  findings: 0"), describe(r))

        for arguments in [["--count", "0"], ["--tool", tool.path], ["--seed", "-1"], ["--frob", "1"]] {
            let bad = try BuiltTool.run(fuzz, arguments, in: dir)
            XCTAssertEqual(bad.code, 2, describe(bad))
            XCTAssertTrue(bad.errorLines.first?.hasPrefix("error: ") ?? false, describe(bad))
        }
    }

    func testTheLoaderFuzzerNeedsLibFuzzer() throws {
        let fuzz = try BuiltTool.locate("zhudian-loader-fuzz", for: Self.self)
        let r = try BuiltTool.run(fuzz, [], in: try temporaryDirectory())
        XCTAssertEqual(r.code, 2, describe(r))
        XCTAssertTrue(r.errorLines.first?.hasPrefix("error: libFuzzer is not linked in") ?? false, describe(r))
    }
}
