#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that readers see either the old content or the whole new
/// content, never a part (SPEC §5: nothing partial is ever left on disk).
///
///     try AtomicFile.write(RosterFile.encode(roster), to: "out/roster.json")
///
/// The bytes go to a hidden temporary file in the same directory (a rename is
/// atomic only within one file system), are flushed to disk, and the file is
/// then renamed over `path`. On any failure the temporary file is removed.
public enum AtomicFile {
    /// Why a write failed.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file that was to be written.
        public let path: String
        /// The system's reason (`strerror`).
        public let reason: String

        /// `cannot write PATH: REASON`.
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Replaces (or creates) the file at `path` with `bytes`, atomically.
    ///
    /// The new file gets mode 0644 less the process umask, like a file created by `open`.
    ///
    /// - Throws: ``Failure``; then `path` is untouched and no temporary file remains.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(path: path, reason: String(cString: strerror(EISDIR))) }

        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        // mkstemp replaced the X's; drop the terminating NUL before decoding.
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        func fail(_ code: Int32) -> Failure {
            if !closed { _ = close(fd) }
            _ = unlink(temporary)
            return Failure(path: path, reason: String(cString: strerror(code)))
        }

        // mkstemp creates the file 0600; a roster is an ordinary document, readable like any other.
        let mask = umask(0)
        _ = umask(mask)
        guard fchmod(fd, 0o644 & ~mask) == 0 else { throw fail(errno) }

        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Self.systemWrite(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw fail(errno) }
        closed = true
        guard close(fd) == 0 else { throw fail(errno) }
        guard rename(temporary, path) == 0 else { throw fail(errno) }
    }

    private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
            return Darwin.write(fd, pointer, count)
        #elseif canImport(Glibc)
            return Glibc.write(fd, pointer, count)
        #else
            return Musl.write(fd, pointer, count)
        #endif
    }
}
