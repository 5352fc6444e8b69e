import XCTest

/// Exit 70 never comes without an `error:` line: the CLI makes it in one place only,
/// `CLIContext.internalError`, which prints the message first.
final class InternalErrorTests: XCTestCase {
    func testExitSeventyIsMadeOnlyWhereTheMessageIsPrinted() throws {
        let sources = Paths.packageRoot.appendingPathComponent("Sources/ZhudianCLI")
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else {
            return XCTFail("cannot list \(sources.path)")
        }
        var places: [String] = []
        var files = 0
        while let name = walker.nextObject() as? String {
            if !name.hasSuffix(".swift") { continue }
            files += 1
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            for (i, line) in text.components(separatedBy: "\n").enumerated()
            where line.contains("Exit.internalError") || line.contains("ExitCode(70)") {
                places.append("\(name):\(i + 1)")
            }
        }
        XCTAssertGreaterThan(files, 5, "the CLI's sources were not found")
        XCTAssertEqual(places, ["InternalError.swift:17"], "exit 70 made outside CLIContext.internalError")
    }
}
