import Foundation
import XCTest

/// Golden transcripts of whole runs (command, exit code, standard output and error).
///
/// They are read from the test bundle (`Bundle.module`, resource folder `Golden`). With
/// `ZHUDIAN_RECORD=1` in the environment the transcript is written into the SOURCE folder
/// instead and the test fails, so that a new baseline never passes silently: review the
/// diff, rebuild and run again without the variable.
enum GoldenFile {
    static var recording: Bool { ProcessInfo.processInfo.environment["ZHUDIAN_RECORD"] == "1" }

    /// The transcript of a run, with machine-specific paths replaced.
    static func transcript(_ r: CLIResult, language: CLILanguage) -> String {
        let command = r.arguments.map(Paths.normalised).joined(separator: " ")
        let env = language.environment.map { "\($0.key)=\($0.value) " }.sorted().joined()
        return Paths.normalised(
            """
            $ \(env)zhudian \(command)
            exit status: \(r.code)
            --- standard output
            \(r.standardOutput)--- standard error
            \(r.standardError)
            """)
    }
}

extension XCTestCase {
    /// Compares a run with `Golden/NAME`, or records it (and fails) under `ZHUDIAN_RECORD=1`.
    func assertGolden(
        _ result: CLIResult, language: CLILanguage, named name: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let actual = GoldenFile.transcript(result, language: language)
        if GoldenFile.recording {
            let url = Paths.goldenSource.appendingPathComponent(name)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                XCTFail("recorded \(url.path); review it, then run again without ZHUDIAN_RECORD", file: file, line: line)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
            let expected = try? String(contentsOf: url, encoding: .utf8)
        else {
            XCTFail("no golden file Golden/\(name); record it with ZHUDIAN_RECORD=1\n\(actual)", file: file, line: line)
            return
        }
        if actual != expected {
            let a = actual.components(separatedBy: "\n")
            let e = expected.components(separatedBy: "\n")
            let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            XCTFail(
                """
                Golden/\(name) differs at line \(first + 1):
                  expected: \(first < e.count ? e[first] : "<end of file>")
                  actual:   \(first < a.count ? a[first] : "<end of file>")
                (re-record with ZHUDIAN_RECORD=1 if the change is intended)
                --- actual transcript
                \(actual)
                """, file: file, line: line)
        }
    }
}

/// The golden transcripts of SPEC §5's everyday commands, in both languages.
final class GoldenTests: XCTestCase {
    func testValidateTaierzhuang2022() {
        for language in CLILanguage.allCases {
            let r = zhudian(["validate", Paths.scenario("taierzhuang-2022.yaml")], language: language)
            XCTAssertEqual(r.code, 0, describe(r))
            assertGolden(r, language: language, named: "validate-taierzhuang-2022.\(language.rawValue).txt")
        }
    }

    func testCheckNoticePlanPasses() {
        for language in CLILanguage.allCases {
            let r = zhudian(
                ["check", Paths.scenario("taierzhuang-2022.yaml"), Paths.scenario("taierzhuang-2022-notice.json")],
                language: language)
            XCTAssertEqual(r.code, 0, describe(r))
            assertGolden(r, language: language, named: "check-taierzhuang-2022-pass.\(language.rawValue).txt")
        }
    }

    func testCheckNoticePlanFailsTheRing() {
        for language in CLILanguage.allCases {
            let r = zhudian(
                ["check", Paths.scenario("taierzhuang-2022-ring.yaml"), Paths.scenario("taierzhuang-2022-notice.json")],
                language: language)
            XCTAssertEqual(r.code, 1, describe(r))
            assertGolden(r, language: language, named: "check-taierzhuang-2022-ring-fail.\(language.rawValue).txt")
        }
    }
}
