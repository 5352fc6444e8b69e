import XCTest

/// `--time-limit` of `plan`, `explain` and `whatif`: every value a user can type ends in a message
/// and an exit code, never in a trap ("Double value cannot be converted to Int").
final class TimeLimitTests: XCTestCase {
    /// Values that are not a number of seconds above 0 and at most a year.
    static let refused = ["nan", "NaN", "inf", "-inf", "infinity", "1e300", "1e309", "0", "-0", "-1", "-1e300", "31536001", "3.2e7"]

    func testRefusedValuesAreOneErrorLineAndExitTwo() throws {
        let s = Paths.scenario("taierzhuang-2023.yaml")
        let dir = try temporaryDirectory()
        for command in ["plan", "explain", "whatif"] {
            for value in Self.refused {
                var arguments = [command, s, "--time-limit=\(value)"]
                if command != "explain" { arguments += ["-o", dir.path] }
                if command == "whatif" { arguments += ["--baseline", Paths.scenario("taierzhuang-2022-notice.json")] }
                for language in CLILanguage.allCases {
                    let r = zhudian(arguments, language: language)
                    assertRefused(r, code: 2)
                    XCTAssertEqual(r.standardOutput, "", describe(r))
                    XCTAssertTrue(r.errorLines.first?.contains("--time-limit") ?? false, describe(r))
                }
            }
        }
        XCTAssertEqual(contents(of: dir), [], "a refused command line wrote files")
    }

    func testTheMessageSaysTheBounds() {
        let s = Paths.scenario("taierzhuang-2023.yaml")
        for command in ["plan", "explain"] {
            let en = zhudian([command, s, "--time-limit", "1e300"])
            XCTAssertEqual(
                en.errorLines.first,
                "error: --time-limit must be a number of seconds above 0 and at most 31536000 (one year)", describe(en))
            let zh = zhudian([command, s, "--time-limit", "nan"], language: .zh)
            XCTAssertEqual(zh.errorLines.first, "error: --time-limit 必须是大于 0 且不超过 31536000（一年）的秒数", describe(zh))
        }
    }

    /// A tiny positive limit is a limit: the search stops at once, with or without a roster.
    func testATinyLimitIsAcceptedByBothCommands() throws {
        let s = Paths.scenario("taierzhuang-2023.yaml")
        let dir = try temporaryDirectory()
        for value in ["1e-300", "5e-324", "0.001"] {
            let plan = zhudian(["plan", s, "--time-limit", value, "-o", dir.path, "--quiet"])
            XCTAssertTrue([0, 3].contains(plan.code), describe(plan))
            let explain = zhudian(["explain", s, "--time-limit", value])
            XCTAssertTrue([0, 3].contains(explain.code), describe(explain))
        }
    }

    /// The longest accepted limit, one year, plans as without a limit.
    func testOneYearIsAccepted() throws {
        let s = Paths.scenario("taierzhuang-2023.yaml")
        let dir = try temporaryDirectory()
        let plan = zhudian(["plan", s, "--time-limit", "31536000", "-o", dir.path, "--quiet"])
        XCTAssertEqual(plan.code, 0, describe(plan))
        let explain = zhudian(["explain", s, "--time-limit", "31536000"])
        XCTAssertEqual(explain.code, 0, describe(explain))
    }
}
