import Foundation
import XCTest

/// The built `zhudian` finds the official calendar data in the resource folder SwiftPM puts
/// next to it, from any working directory, and a broken data file is exit 70 with the file
/// and the key named — never a plan without holidays.
final class OfficialCalendarExecutableTests: XCTestCase {
    static let scenario = """
        version: 1
        name: 国庆
        mode: visiting
        calendar: {start: 2023-09-01, termMonths: 2, official: cn}
        rules: {structure: free}
        units: [{id: A, name: a}, {id: B, name: b}]
        people: []
        """

    /// A copy of the built tool in its own folder, with `data` as its resource file.
    private func installedCopy(data: Data) throws -> (tool: URL, folder: URL) {
        let built = try BuiltTool.locate("zhudian", for: Self.self)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhudian-install-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let resources = folder.appendingPathComponent("bin/zhudian_ZhudianCore.resources")
        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent("bin/zhudian")
        try FileManager.default.copyItem(at: built, to: tool)
        try data.write(to: resources.appendingPathComponent("official-cn.json"))
        try Data(Self.scenario.utf8).write(to: folder.appendingPathComponent("s.yaml"))
        try Data(Self.scenario.replacingOccurrences(of: ", official: cn", with: "").utf8)
            .write(to: folder.appendingPathComponent("plain.yaml"))
        return (tool, folder)
    }

    private var shipped: Data {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try Data(contentsOf: root.appendingPathComponent("Sources/ZhudianCore/Calendar/official-cn.json"))
        }
    }

    func testTheDataBesideTheBinaryIsReadFromAnotherFolder() throws {
        let (tool, folder) = try installedCopy(data: try shipped)
        let result = try BuiltTool.run(tool, ["validate", "s.yaml"], in: folder)
        XCTAssertEqual(result.code, 0, result.standardError)
    }

    func testABrokenDataFileIsAnInternalErrorNamingFileAndKey() throws {
        let good = String(decoding: try shipped, as: UTF8.self)
        let broken = good.replacingOccurrences(of: "\"to\": \"2022-01-03\"", with: "\"to\": \"2022-01-3\"")
        XCTAssertNotEqual(broken, good)
        let (tool, folder) = try installedCopy(data: Data(broken.utf8))
        let result = try BuiltTool.run(tool, ["validate", "s.yaml"], in: folder)
        XCTAssertEqual(result.code, 70, result.standardError)
        XCTAssertTrue(result.standardError.hasPrefix("error: s.yaml:4:"), result.standardError)
        XCTAssertTrue(result.standardError.contains("bin/zhudian_ZhudianCore.resources/official-cn.json"), result.standardError)
        XCTAssertTrue(result.standardError.contains("notices[0].holidays[0].to"), result.standardError)
        // A scenario without `official: cn` does not need the file.
        XCTAssertEqual(try BuiltTool.run(tool, ["validate", "plain.yaml"], in: folder).code, 0)
    }
}
