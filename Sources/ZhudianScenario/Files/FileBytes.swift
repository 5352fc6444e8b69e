#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with POSIX calls, so that the size is known before
/// anything is read and errors carry the system's own reason.
enum FileBytes {
    enum Failure: Error {
        /// The file has more than the limit; nothing was read.
        case tooLarge(Int)
        /// `strerror` text, or a reason of our own.
        case unreadable(String)
    }

    /// The file's bytes; refuses files over `limit` bytes, checking the size
    /// both before reading and while reading (the file may grow meanwhile).
    static func readAll(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(systemError()) }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(systemError()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(String(cString: strerror(EISDIR))) }
        let size = Int(info.st_size)
        if size > limit { throw .tooLarge(size) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(systemError())
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw .tooLarge(bytes.count) }
        }
        return bytes
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
