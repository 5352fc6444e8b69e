import XCTest
import ZhudianCLI

/// Help, version and a bad command line (SPEC §5: exit 2, `error:` lines on standard error).
final class CommandLineTests: XCTestCase {
    func testVersion() {
        let r = zhudian(["--version"])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(r.standardOutput, ZhudianVersion.string + "\n")
        XCTAssertEqual(r.standardError, "")
    }

    func testHelpNamesTheCommands() {
        for language in CLILanguage.allCases {
            let r = zhudian(["--help"], language: language)
            XCTAssertEqual(r.code, 0, describe(r))
            XCTAssertEqual(r.standardError, "")
            for command in ["plan", "check", "validate", "explain", "generate"] {
                XCTAssertTrue(r.standardOutput.contains(command), "--help does not mention \(command)\n" + describe(r))
            }
        }
    }

    func testSubcommandHelp() {
        let r = zhudian(["plan", "--help"])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertTrue(r.standardOutput.contains("--time-limit"), describe(r))
        XCTAssertTrue(r.standardOutput.contains("--output"), describe(r))
        XCTAssertEqual(r.standardError, "")
    }

    func testBadCommandLinesExitTwo() {
        let s = Paths.scenario("taierzhuang-2023.yaml")
        let cases: [[String]] = [
            ["frob"],
            ["validate"],
            ["validate", s, "extra"],
            ["check", s],
            ["plan"],
            ["plan", s, "--time-limit", "-1"],
            ["plan", s, "--time-limit=-1"],
            ["plan", s, "--time-limit", "0"],
            ["plan", s, "--time-limit", "nan"],
            ["plan", s, "--time-limit", "soon"],
            ["plan", s, "--formats", "pdf"],
            ["plan", s, "--formats", "json,pdf"],
            ["plan", s, "--no-such-flag"],
            ["generate"],
            ["generate", "--units", "1"],
            ["generate", "--units", "8", "--structure", "star"],
        ]
        for arguments in cases {
            for language in CLILanguage.allCases {
                let r = zhudian(arguments, language: language)
                assertRefused(r, code: 2)
                XCTAssertEqual(r.standardOutput, "", describe(r))
            }
        }
    }

    func testBadOptionValuesAreExplainedInTheUsersLanguage() {
        let s = Paths.scenario("taierzhuang-2023.yaml")
        let en = zhudian(["plan", s, "--time-limit=-1"])
        XCTAssertEqual(
            en.errorLines.first, "error: --time-limit must be a number of seconds above 0 and at most 31536000 (one year)",
            describe(en))
        let zh = zhudian(["plan", s, "--time-limit=-1"], language: .zh)
        XCTAssertEqual(zh.errorLines.first, "error: --time-limit 必须是大于 0 且不超过 31536000（一年）的秒数", describe(zh))

        let pdf = zhudian(["plan", s, "--formats", "pdf"])
        XCTAssertTrue(pdf.errorLines.first?.contains("'pdf'") ?? false, describe(pdf))
        XCTAssertTrue(pdf.errorLines.first?.contains("json,csv") ?? false, describe(pdf))
    }
}
