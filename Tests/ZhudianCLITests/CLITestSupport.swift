import Foundation
import XCTest
import ZhudianCLI

/// What one run of the command line produced.
struct CLIResult: Sendable {
    let arguments: [String]
    let code: Int32
    let standardOutput: String
    let standardError: String

    /// Standard output split into lines (no trailing empty line).
    var outputLines: [String] { Self.lines(standardOutput) }
    /// Standard error split into lines (no trailing empty line).
    var errorLines: [String] { Self.lines(standardError) }

    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The language the command line is run in, through `LANG`.
enum CLILanguage: String, Sendable, CaseIterable {
    case en, zh

    /// `LANG` unset for English, `zh_CN.UTF-8` for Chinese; nothing else.
    var environment: [String: String] {
        switch self {
        case .en: return [:]
        case .zh: return ["LANG": "zh_CN.UTF-8"]
        }
    }
}

/// Where the package's files are. Tests run with an arbitrary current directory, so
/// everything is located from this source file.
enum Paths {
    /// `…/Tests/ZhudianCLITests`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The package root.
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    /// `…/Scenarios`.
    static let scenarios = packageRoot.appendingPathComponent("Scenarios")
    /// The golden files in the source tree (re-recording writes here).
    static let goldenSource = testsFolder.appendingPathComponent("Golden")

    /// The absolute path of a file in `Scenarios/`.
    static func scenario(_ name: String) -> String { scenarios.appendingPathComponent(name).path }

    /// Every `Scenarios/*.yaml`, sorted by name.
    static func scenarioFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scenarios.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
    }

    /// Output with the machine's scenarios folder replaced by `Scenarios/`.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: scenarios.path + "/", with: "Scenarios/")
    }
}

/// Facts about one file of `Scenarios/`, read from the file itself.
struct ScenarioFacts {
    let name: String
    let text: String

    init(_ name: String) throws {
        self.name = name
        self.text = try String(contentsOfFile: Paths.scenario(name), encoding: .utf8)
    }

    /// The comment block at the top of the file.
    var leadingComment: String {
        text.components(separatedBy: "\n")
            .prefix { $0.hasPrefix("#") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
            .joined(separator: "\n")
    }

    /// The file says, in its leading comment, that no roster exists.
    var isInfeasible: Bool { leadingComment.contains("INFEASIBLE") }
}

/// What `plan` writes by default besides the calendars under `ics/` (SPEC §5's default formats).
let defaultExports = ["ics", "report.html", "roster.csv", "roster.json", "roster.xlsx"]

/// Words GLPK writes when its terminal output is left on; none may reach `zhudian`'s output.
let glpkChatter = [
    "GLPK", "glp_", "simplex", "Simplex", "Integer optimization", "mip =", "Preprocessing",
    "Constructing initial basis", "OPTIMAL", "PROBLEM HAS NO", "Writing problem data", "lines were written",
    "Long-step", "Cuts on level", "Solution found by heuristic", "Time used", "Memory used",
]

extension XCTestCase {
    /// Runs `zhudian ARGUMENTS` in-process with a capturing console and only `LANG` in the
    /// environment.
    func zhudian(_ arguments: [String], language: CLILanguage = .en) -> CLIResult {
        let console = Console.capturing()
        let code = ZhudianMain.run(arguments, console: console, environment: language.environment)
        return CLIResult(
            arguments: arguments, code: code, standardOutput: console.standardOutput,
            standardError: console.standardError)
    }

    /// A fresh temporary directory, removed when the test ends.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhudian-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Every file and folder under `directory`, as paths relative to it, sorted.
    func contents(of directory: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names: [String] = []
        while let next = walker.nextObject() as? String { names.append(next) }
        return names.sorted()
    }

    /// Asserts the exit code and that every line on standard error starts with `error:`
    /// (and that there is at least one), reporting the whole run on failure.
    func assertRefused(
        _ result: CLIResult, code: Int32, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(result.code, code, describe(result), file: file, line: line)
        XCTAssertFalse(result.errorLines.isEmpty, "no message on standard error\n" + describe(result), file: file, line: line)
        for l in result.errorLines {
            XCTAssertTrue(l.hasPrefix("error:"), "stderr line without `error:`: \(l)\n" + describe(result), file: file, line: line)
        }
    }

    /// The whole run, for failure messages.
    func describe(_ r: CLIResult) -> String {
        """
        $ zhudian \(r.arguments.joined(separator: " "))
        exit \(r.code)
        --- stdout
        \(r.standardOutput)--- stderr
        \(r.standardError)
        """
    }
}
