import Foundation
import XCTest
import ZhudianCore
import ZhudianScenario

/// Golden bytes of the exports (the house pattern of Tests/ZhudianCLITests/GoldenFile.swift):
/// read from the test bundle's `Golden` folder; with `ZHUDIAN_RECORD=1` the bytes are written
/// into the SOURCE folder instead and the test fails, so a new baseline never passes silently.
enum ExportGolden {
    static var recording: Bool { ProcessInfo.processInfo.environment["ZHUDIAN_RECORD"] == "1" }
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let goldenSource = testsFolder.appendingPathComponent("Golden")

    /// A scenario of `Scenarios/` or of this folder's `Fixtures/`.
    static func scenario(_ path: String) throws -> Scenario {
        try ScenarioLoader.load(path: packageRoot.appendingPathComponent(path).path).scenario
    }

    /// A roster file.
    static func roster(_ path: String) throws -> Roster {
        try RosterFile.read(path: packageRoot.appendingPathComponent(path).path).roster
    }
}

extension XCTestCase {
    /// Compares `bytes` with `Golden/NAME`, or records them (and fails) under `ZHUDIAN_RECORD=1`.
    func assertGoldenBytes(_ bytes: [UInt8], named name: String, file: StaticString = #filePath, line: UInt = #line) {
        if ExportGolden.recording {
            let url = ExportGolden.goldenSource.appendingPathComponent(name)
            do {
                try Data(bytes).write(to: url)
                XCTFail("recorded \(url.path); review it, then run again without ZHUDIAN_RECORD", file: file, line: line)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
            let expected = try? Data(contentsOf: url)
        else {
            XCTFail("no golden file Golden/\(name); record it with ZHUDIAN_RECORD=1", file: file, line: line)
            return
        }
        guard Data(bytes) != expected else { return }
        let first = zip(bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(bytes.count, expected.count)
        let context = String(decoding: bytes[max(0, first - 80)..<min(bytes.count, first + 80)], as: UTF8.self)
        XCTFail(
            "Golden/\(name) differs at byte \(first) (\(bytes.count) bytes, expected \(expected.count)); "
                + "re-record with ZHUDIAN_RECORD=1 if the change is intended. Around it:\n\(context)",
            file: file, line: line)
    }
}
