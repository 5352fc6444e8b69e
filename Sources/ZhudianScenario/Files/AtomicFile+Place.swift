#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension AtomicFile {
    /// Puts the finished temporary file at `path`: renamed over it, or, when `path` is a
    /// device, a pipe or a socket (or a link to one), its bytes written into it and the
    /// temporary file removed.
    ///
    /// Why: a rename replaces whatever the name pointed at, so `zhudian generate -o /dev/null`
    /// run as root turned `/dev/null` into a regular file holding a scenario, and every later
    /// `> /dev/null` on the machine wrote into it. Only a regular file can be replaced
    /// atomically; a device or a pipe holds no earlier content to keep whole, so the bytes
    /// are streamed into it.
    ///
    /// - Throws: ``Failure``; then no temporary file remains.
    static func place(_ temporary: String, at path: String) throws {
        if isSpecialFile(path) {
            try copy(temporary, into: path)
            _ = unlink(temporary)
        } else if rename(temporary, path) != 0 {
            let code = errno
            _ = unlink(temporary)
            throw Failure(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// Whether `path` (its links followed) exists and is neither a regular file nor a folder.
    static func isSpecialFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    /// Writes the bytes of `temporary` into the existing file `path`; on failure removes
    /// `temporary` and throws ``Failure``.
    private static func copy(_ temporary: String, into path: String) throws {
        func failure(_ code: Int32) -> Failure {
            _ = unlink(temporary)
            return Failure(path: path, reason: String(cString: strerror(code)))
        }
        let input = open(temporary, O_RDONLY)
        guard input >= 0 else { throw failure(errno) }
        defer { _ = close(input) }
        let output = open(path, O_WRONLY)
        guard output >= 0 else { throw failure(errno) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                let code = errno
                _ = close(output)
                throw failure(code)
            }
            if n == 0 { break }
            // `fill` closes `output` and removes `temporary` when it fails.
            try fill(output, temporary, with: Array(buffer[..<n]), for: path)
        }
        guard close(output) == 0 else { throw failure(errno) }
    }
}
