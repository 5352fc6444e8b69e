import Foundation
import XCTest
import ZhudianScenario

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to a device or a pipe (`-o /dev/null`) streams the bytes into it; a rename would
/// replace the device with a regular file (`/dev/null` was, once, on a machine running as root).
/// A pipe stands in for the device: it needs no privileges, and its reader sees what was written.
final class AtomicFileSpecialTests: XCTestCase {
    /// A pipe at `name` in a fresh folder, opened for reading without blocking.
    private func pipe(_ name: String) throws -> (folder: String, path: String, reader: Int32) {
        let folder = try Fixtures.temporaryDirectory(self).path
        let path = folder + "/" + name
        XCTAssertEqual(mkfifo(path, 0o600), 0, String(cString: strerror(errno)))
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        addTeardownBlock { _ = close(reader) }
        return (folder, path, reader)
    }

    /// What the pipe holds now, and that it is still a pipe and alone in its folder.
    private func assertStillAPipe(_ p: (folder: String, path: String, reader: Int32), holding text: String) throws {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(p.reader, $0.baseAddress, $0.count) }
        XCTAssertEqual(n >= 0 ? String(decoding: buffer[..<n], as: UTF8.self) : nil, text)
        var status = stat()
        XCTAssertEqual(stat(p.path, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the pipe was replaced")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: p.folder), [(p.path as NSString).lastPathComponent])
    }

    func testBytesGoIntoAPipeWhichStaysAPipe() throws {
        let p = try pipe("null")
        try AtomicFile.write(Array("roster\n".utf8), to: p.path)
        try assertStillAPipe(p, holding: "roster\n")
    }

    func testAWriterGivenATemporaryPathFillsThePipe() throws {
        let p = try pipe("model.lp")
        try AtomicFile.write(to: p.path) { temporary in try Data("\\ model\n".utf8).write(to: URL(fileURLWithPath: temporary)) }
        try assertStillAPipe(p, holding: "\\ model\n")
    }

    func testABatchWritesIntoThePipeAndRenamesTheRest() throws {
        let p = try pipe("stats.csv")
        let other = p.folder + "/stats.md"
        try AtomicFile.writeAll([(p.path, Array("a,b\n".utf8)), (other, Array("# s\n".utf8))])
        XCTAssertEqual(try String(contentsOfFile: other, encoding: .utf8), "# s\n")
        try FileManager.default.removeItem(atPath: other)
        try assertStillAPipe(p, holding: "a,b\n")
    }

    func testALinkToAPipeIsFollowed() throws {
        let p = try pipe("target")
        let link = p.folder + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: p.path)
        try AtomicFile.write(Array("x\n".utf8), to: link)
        try FileManager.default.removeItem(atPath: link)
        try assertStillAPipe(p, holding: "x\n")
    }
}
