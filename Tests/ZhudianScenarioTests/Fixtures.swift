import Foundation
import XCTest

/// Where the test fixtures are: the copied resource folder for reading, the
/// source folder for re-recording golden files.
enum Fixtures {
    /// The `Fixtures` resource folder inside the test bundle.
    static var directory: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures resource folder is missing from the test bundle")
        }
        return url
    }

    /// A fixture's path, e.g. `path("bad/empty.yaml")`.
    static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// The `Fixtures` folder in the source tree (golden files are recorded there).
    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhudian-scenario-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
