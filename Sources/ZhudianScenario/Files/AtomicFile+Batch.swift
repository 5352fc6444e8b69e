#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension AtomicFile {
    /// Writes several files as one change: each to a hidden temporary file beside its target,
    /// then one `sync()` for all of them, then each renamed into place. A failure before the
    /// renames leaves every target untouched and no temporary file behind.
    ///
    ///     try AtomicFile.writeAll([("out/roster.json", json), ("out/ics/site-QX.ics", ics)])
    ///
    /// One `sync()` instead of an `fsync` per file: an export of a city writes 1 500 calendars,
    /// and 1 500 flushes cost seconds where one costs milliseconds.
    ///
    /// - Throws: ``Failure`` naming the file that could not be written.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws {
        var temporaries: [String] = []
        func removeTemporaries(from index: Int) {
            for t in temporaries[index...] { _ = unlink(t) }
        }
        for file in files {
            do {
                temporaries.append(try writeTemporary(file.bytes, beside: file.path))
            } catch {
                removeTemporaries(from: 0)
                throw error
            }
        }
        sync()
        for (i, file) in files.enumerated() where rename(temporaries[i], file.path) != 0 {
            let reason = String(cString: strerror(errno))
            removeTemporaries(from: i)
            throw Failure(path: file.path, reason: reason)
        }
    }

    /// Writes `bytes` to a new hidden file in the folder of `path` (mode 0644 less umask) and
    /// returns its path.
    private static func writeTemporary(_ bytes: [UInt8], beside path: String) throws -> String {
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
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ code: Int32) -> Failure {
            _ = close(fd)
            _ = unlink(temporary)
            return Failure(path: path, reason: String(cString: strerror(code)))
        }
        let mask = umask(0)
        _ = umask(mask)
        guard fchmod(fd, 0o644 & ~mask) == 0 else { throw fail(errno) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                posixWrite(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            written += n
        }
        guard close(fd) == 0 else {
            let code = errno
            _ = unlink(temporary)
            throw Failure(path: path, reason: String(cString: strerror(code)))
        }
        return temporary
    }

    /// `write(2)`; the name alone would mean ``AtomicFile/write(_:to:)`` here.
    private static func posixWrite(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
            return Darwin.write(fd, pointer, count)
        #elseif canImport(Glibc)
            return Glibc.write(fd, pointer, count)
        #else
            return Musl.write(fd, pointer, count)
        #endif
    }
}
