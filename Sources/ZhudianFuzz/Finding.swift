/// What the fuzzer reports: a run that broke SPEC §5's promises.
public enum Finding: Equatable, Sendable, CustomStringConvertible {
    /// A signal ended the process (a trap, a crash).
    case signal(Int32)
    /// The process ran past its wall-clock limit.
    case timedOut
    /// Exit 70: an internal error, which valid or invalid input must never cause.
    case internalError
    /// An exit code that SPEC §5 does not list.
    case unknownExit(Int32)
    /// A failing exit without an `error:` line on standard error.
    case silentFailure(Int32)

    /// The exit codes of SPEC §5.
    public static let specExits: Set<Int32> = [0, 1, 2, 3, 4]

    /// The finding in `run`, or nil when it kept every promise.
    public static func of(_ run: ToolRun) -> Finding? {
        switch run.ending {
        case .signal(let s): return .signal(s)
        case .timedOut: return .timedOut
        case .exit(70): return .internalError
        case .exit(let code) where !specExits.contains(code): return .unknownExit(code)
        case .exit(let code) where code != 0:
            let lines = run.standardError.split(separator: "\n")
            return lines.contains { $0.hasPrefix("error:") } ? nil : .silentFailure(code)
        case .exit: return nil
        }
    }

    public var description: String {
        switch self {
        case .signal(let s): return "killed by signal \(s)"
        case .timedOut: return "timed out"
        case .internalError: return "exit 70 (internal error)"
        case .unknownExit(let c): return "exit \(c), not a code of SPEC §5"
        case .silentFailure(let c): return "exit \(c) without an `error:` line"
        }
    }
}
