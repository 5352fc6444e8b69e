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
/// then renamed over `path` (or, when `path` is a device or a pipe such as
/// `/dev/null`, written into it: ``place(_:at:)``). On any failure the
/// temporary file is removed.
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
        let (fd, temporary) = try makeTemporary(for: path)
        try fill(fd, temporary, with: bytes, for: path)
        try commit(fd, temporary, to: path)
    }

    /// Writes all of `bytes` to the open temporary file; on failure closes and removes it.
    static func fill(_ fd: Int32, _ temporary: String, with bytes: [UInt8], for path: String) throws {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Self.systemWrite(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                _ = close(fd)
                _ = unlink(temporary)
                throw Failure(path: path, reason: String(cString: strerror(code)))
            }
            written += n
        }
    }

    /// Replaces (or creates) the file at `path` with the file `body` writes at the temporary
    /// path it is given (for writers that open the file themselves, such as GLPK's LP writer).
    ///
    ///     try AtomicFile.write(to: "model.lp") { temporary in try solver.writeLP(model, to: temporary) }
    ///
    /// The temporary path exists (empty) when `body` runs and lies beside `path`; when `path`
    /// ends in `.gz`, so does the temporary path, as writers choose compression by the name.
    /// After `body` returns, the file is flushed to disk and renamed over `path`.
    ///
    /// - Throws: whatever `body` throws, or ``Failure``; then `path` is untouched and no
    ///   temporary file remains.
    public static func write(to path: String, by body: (String) throws -> Void) throws {
        let (fd, temporary) = try makeTemporary(for: path)
        _ = close(fd)
        do {
            try body(temporary)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        let reopened = open(temporary, O_WRONLY)
        guard reopened >= 0 else {
            let code = errno
            _ = unlink(temporary)
            throw Failure(path: path, reason: String(cString: strerror(code)))
        }
        try commit(reopened, temporary, to: path)
    }

    /// Removes the temporary files that a write of one of `names` in `directory` left when the
    /// process was killed before its rename (`.NAME.tmp-XXXXXX`), and returns their names.
    ///
    /// A writer calls it before writing into a folder, so killed runs leave no litter for long.
    /// Another process writing the same names into the same folder at the same moment loses
    /// its temporary file and fails with a ``Failure``, never with a partial file.
    ///
    /// - Throws: ``Failure`` when the folder cannot be read or a stale file cannot be removed.
    @discardableResult
    public static func removeStaleTemporaries(of names: [String], in directory: String) throws -> [String] {
        guard let folder = opendir(directory) else {
            throw Failure(path: directory, reason: String(cString: strerror(errno)))
        }
        var entries: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            entries.append(name)
        }
        _ = closedir(folder)
        var removed: [String] = []
        for entry in entries.sorted() where names.contains(where: { isTemporary(entry, of: $0) }) {
            let path = directory + "/" + entry
            guard unlink(path) == 0 || errno == ENOENT else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            removed.append(entry)
        }
        return removed
    }

    /// Whether `entry` is a temporary name this type makes for `name`: `.NAME.tmp-` and six
    /// characters from `mkstemp` (and `.gz` for a compressed name).
    static func isTemporary(_ entry: String, of name: String) -> Bool {
        let prefix = ".\(name).tmp-"
        guard entry.hasPrefix(prefix) else { return false }
        let rest = entry.dropFirst(prefix.count)
        return rest.count == 6 + suffix(of: name).count && rest.hasSuffix(suffix(of: name))
    }

    /// The ending a temporary name keeps: `.gz`, which GLPK reads as "compress".
    private static func suffix(of name: String) -> String { name.hasSuffix(".gz") ? ".gz" : "" }

    /// Creates the empty temporary file beside `path`, mode 0644 less the umask.
    static func makeTemporary(for path: String) throws -> (Int32, String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(path: path, reason: String(cString: strerror(EISDIR))) }

        let suffix = suffix(of: name)
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).tmp-XXXXXX\(suffix)".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, Int32(suffix.utf8.count))
        }
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        // mkstemps replaced the X's; drop the terminating NUL before decoding.
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)

        // mkstemp creates the file 0600; a roster is an ordinary document, readable like any other.
        let mask = umask(0)
        _ = umask(mask)
        guard fchmod(fd, 0o644 & ~mask) == 0 else {
            let code = errno
            _ = close(fd)
            _ = unlink(temporary)
            throw Failure(path: path, reason: String(cString: strerror(code)))
        }
        return (fd, temporary)
    }

    /// Flushes the open temporary file to disk, closes it and puts it at `path` (``place(_:at:)``);
    /// on failure removes it.
    private static func commit(_ fd: Int32, _ temporary: String, to path: String) throws {
        var closed = false
        func fail(_ code: Int32) -> Failure {
            if !closed { _ = close(fd) }
            _ = unlink(temporary)
            return Failure(path: path, reason: String(cString: strerror(code)))
        }
        guard fsync(fd) == 0 else { throw fail(errno) }
        closed = true
        guard close(fd) == 0 else { throw fail(errno) }
        try place(temporary, at: path)
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
