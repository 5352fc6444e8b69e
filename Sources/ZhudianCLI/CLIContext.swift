import Foundation
import ZhudianCore

/// Where a command writes, and in which language: standard output/error for the real
/// tool, buffers for in-process tests.
public final class Console: @unchecked Sendable {
    // @unchecked: every access to the buffers goes through `lock`.
    private let lock = NSLock()
    private let capture: Bool
    private var out = ""
    private var err = ""

    /// A console that writes to the process's standard output and error.
    public static func standard() -> Console { Console(capture: false) }
    /// A console that keeps what is written, for tests.
    public static func capturing() -> Console { Console(capture: true) }

    private init(capture: Bool) { self.capture = capture }

    /// Writes a line to standard output.
    public func print(_ line: String) {
        write(line + "\n", toError: false)
    }

    /// Writes a line to standard error.
    public func error(_ line: String) {
        write(line + "\n", toError: true)
    }

    /// Everything written to standard output so far (capturing consoles only).
    public var standardOutput: String { lock.withLock { out } }
    /// Everything written to standard error so far (capturing consoles only).
    public var standardError: String { lock.withLock { err } }

    private func write(_ text: String, toError: Bool) {
        if capture {
            lock.withLock {
                if toError { err += text } else { out += text }
            }
        } else {
            let handle = toError ? FileHandle.standardError : FileHandle.standardOutput
            handle.write(Data(text.utf8))
        }
    }
}

/// What every command needs from its surroundings.
struct CLIContext: Sendable {
    let console: Console
    let language: Language
    let environment: [String: String]

    @TaskLocal static var current = CLIContext(
        console: .standard(), language: Language(lang: ProcessInfo.processInfo.environment["LANG"]),
        environment: ProcessInfo.processInfo.environment)

    func say(_ m: CLIMessage) { console.print(m.render(language)) }
    func fail(_ m: CLIMessage) { console.error("error: " + m.render(language)) }
}

/// Exit codes of SPEC §5 (and 70 for an internal error that must never happen).
enum Exit {
    static let done: Int32 = 0
    static let infeasibleOrViolations: Int32 = 1
    static let badInput: Int32 = 2
    static let timeLimitNoRoster: Int32 = 3
    static let fileSystem: Int32 = 4
    static let internalError: Int32 = 70
}
