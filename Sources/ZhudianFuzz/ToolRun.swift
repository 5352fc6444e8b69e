import Foundation

/// One run of the `zhudian` executable, with a wall-clock limit.
public struct ToolRun: Sendable {
    /// How the process ended.
    public enum Ending: Sendable, Equatable {
        /// It exited with this code.
        case exit(Int32)
        /// A signal ended it (a trap is SIGILL or SIGTRAP).
        case signal(Int32)
        /// It was still running at the limit and was killed.
        case timedOut
    }

    /// How the process ended.
    public let ending: Ending
    /// What it wrote on standard error.
    public let standardError: String

    /// Runs `tool ARGUMENTS` in `directory` with English messages and standard input closed;
    /// kills it (SIGKILL) when it runs longer than `limit` seconds.
    public static func run(_ tool: URL, _ arguments: [String], in directory: URL, limit: Double) throws -> ToolRun {
        let out = directory.appendingPathComponent(".stdout")
        let err = directory.appendingPathComponent(".stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key == "LANG" || key.hasPrefix("LC_") { environment[key] = nil }
        process.environment = environment
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try outHandle.close()
        try errHandle.close()

        let deadline = Date().addingTimeInterval(limit)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        let text = String(decoding: try Data(contentsOf: err), as: UTF8.self)
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signal(process.terminationStatus)
        } else {
            ending = .exit(process.terminationStatus)
        }
        return ToolRun(ending: ending, standardError: text)
    }
}
