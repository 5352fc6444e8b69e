import Foundation
import XCTest

/// The package's built executables (`zhudian`, `zhudian-bench`), run as processes.
enum BuiltTool {
    /// The executable `name` next to the test bundle (SwiftPM builds every product into one folder).
    static func locate(_ name: String, for test: AnyClass) throws -> URL {
        let folders = [
            Bundle(for: test).bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in folders {
            let candidate = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        // `swift test` builds every product, so a missing executable is a failure, not a skip.
        throw NotFound(name: name, folders: folders.map(\.path))
    }

    struct NotFound: Error, CustomStringConvertible {
        let name: String
        let folders: [String]
        var description: String { "the \(name) executable was not found next to the tests (looked in \(folders))" }
    }

    /// Runs `tool` in `directory` with English messages and waits for it; output goes through
    /// files, so a large output can never block the child.
    static func run(_ tool: URL, _ arguments: [String], in directory: URL) throws -> CLIResult {
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        try Data().write(to: out)
        try Data().write(to: err)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = try start(tool, arguments, in: directory, output: out, error: err)
        process.waitUntilExit()
        return CLIResult(
            arguments: arguments, code: process.terminationStatus,
            standardOutput: try String(contentsOf: out, encoding: .utf8),
            standardError: try String(contentsOf: err, encoding: .utf8))
    }

    /// Starts `tool` with English messages, its output going to the files `output` and `error`.
    static func start(_ tool: URL, _ arguments: [String], in directory: URL, output: URL, error: URL) throws -> Process {
        let outHandle = try FileHandle(forWritingTo: output)
        let errHandle = try FileHandle(forWritingTo: error)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
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
        return process
    }
}
