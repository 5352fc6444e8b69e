import Foundation
import XCTest

/// Every module the sources import is one the package declares: Yams' libyaml copy (`CYaml`)
/// is internal to Yams, so the loader's event pass uses its own copy (`CLibYAML`).
final class DependencyTests: XCTestCase {
    func testNoSourceImportsYamsInternalCYaml() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else {
            return XCTFail("cannot list \(sources.path)")
        }
        var files = 0
        var offenders: [String] = []
        while let name = walker.nextObject() as? String {
            if !name.hasSuffix(".swift") { continue }
            files += 1
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            for line in text.components(separatedBy: "\n")
            where line.range(of: #"^\s*(@_implementationOnly\s+|internal\s+|public\s+|private\s+)?import\s+CYaml\b"#, options: .regularExpression) != nil {
                offenders.append(name)
            }
        }
        XCTAssertGreaterThan(files, 50, "the sources were not found")
        XCTAssertEqual(offenders, [], "CYaml is not a product of Yams; use CLibYAML")
    }
}
