import Foundation
import XCTest
import ZhudianScenario

final class AtomicFileTests: XCTestCase {
    func testWritesAndReplacesLeavingNoTemporaryFile() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let path = dir.appendingPathComponent("roster.json").path
        try AtomicFile.write(Array("first\n".utf8), to: path)
        try AtomicFile.write(Array("second\n".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["roster.json"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual((mode ?? 0) & 0o600, 0o600)
    }

    func testFailureLeavesNothing() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let missing = dir.appendingPathComponent("no/such/dir/roster.json").path
        XCTAssertThrowsError(try AtomicFile.write([1, 2, 3], to: missing)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write \(missing): "), "\(error)")
        }
        // Renaming a file over a directory fails after the bytes were written: the temporary goes too.
        let directoryTarget = dir.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: directoryTarget.appendingPathComponent("inside"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write([1, 2, 3], to: directoryTarget.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["taken"])
    }
}
