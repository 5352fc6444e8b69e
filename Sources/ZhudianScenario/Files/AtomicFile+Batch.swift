#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension AtomicFile {
    /// Writes several files as one change: each to a hidden temporary file beside its target,
    /// then one `sync()` for all of them, then each renamed into place (``place(_:at:)``). A failure before the
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
        for (i, file) in files.enumerated() {
            do {
                try place(temporaries[i], at: file.path)
            } catch {
                removeTemporaries(from: i + 1)
                throw error
            }
        }
    }

    /// Writes `bytes` to a new hidden file beside `path` (as ``write(_:to:)`` names it, so a
    /// killed run's litter is swept the same way) and returns its path, unflushed.
    private static func writeTemporary(_ bytes: [UInt8], beside path: String) throws -> String {
        let (fd, temporary) = try makeTemporary(for: path)
        try fill(fd, temporary, with: bytes, for: path)
        guard close(fd) == 0 else {
            let code = errno
            _ = unlink(temporary)
            throw Failure(path: path, reason: String(cString: strerror(code)))
        }
        return temporary
    }
}
