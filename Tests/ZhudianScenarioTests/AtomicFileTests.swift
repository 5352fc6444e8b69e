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

    /// A writer that opens the file itself (GLPK's LP writer) gets a temporary path; the
    /// result replaces the old file only when the writer succeeds.
    func testAWriterGivenATemporaryPathReplacesTheFileOnlyOnSuccess() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let path = dir.appendingPathComponent("model.lp").path
        try AtomicFile.write(Array("old\n".utf8), to: path)
        var seen = ""
        try AtomicFile.write(to: path) { temporary in
            seen = temporary
            XCTAssertTrue(FileManager.default.fileExists(atPath: temporary))
            try Data("new\n".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        XCTAssertTrue(URL(fileURLWithPath: seen).lastPathComponent.hasPrefix(".model.lp.tmp-"), seen)
        XCTAssertEqual(URL(fileURLWithPath: seen).deletingLastPathComponent().standardizedFileURL.path, dir.standardizedFileURL.path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")

        struct WriterFailed: Error {}
        XCTAssertThrowsError(
            try AtomicFile.write(to: path) { temporary in
                try Data("half".utf8).write(to: URL(fileURLWithPath: temporary))
                throw WriterFailed()
            }
        ) { XCTAssertTrue($0 is WriterFailed, "\($0)") }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n", "the old file must stay whole")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["model.lp"])
    }

    /// GLPK compresses a file whose name ends in .gz, so the temporary name keeps that ending.
    func testATemporaryPathKeepsTheGzipEnding() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        var seen = ""
        try AtomicFile.write(to: dir.appendingPathComponent("model.lp.gz").path) { seen = $0 }
        XCTAssertTrue(seen.hasSuffix(".gz"), seen)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["model.lp.gz"])
    }

    /// What a killed run left (its temporary files) goes; nothing else does.
    func testStaleTemporariesOfTheNamedFilesAreRemoved() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let names = [
            ".roster.json.tmp-AbC123", ".roster.csv.tmp-x1Y2z3", "roster.json", ".roster.json.tmp-short",
            ".other.json.tmp-AbC123", "roster.json.tmp-AbC123", ".roster.json.tmp-AbC1234",
        ]
        for name in names { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        let removed = try AtomicFile.removeStaleTemporaries(of: ["roster.json", "roster.csv"], in: dir.path)
        XCTAssertEqual(removed, [".roster.csv.tmp-x1Y2z3", ".roster.json.tmp-AbC123"])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(),
            [".other.json.tmp-AbC123", ".roster.json.tmp-AbC1234", ".roster.json.tmp-short", "roster.json", "roster.json.tmp-AbC123"])
        XCTAssertThrowsError(try AtomicFile.removeStaleTemporaries(of: ["roster.json"], in: dir.appendingPathComponent("missing").path))
    }
}
