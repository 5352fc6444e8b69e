import Foundation
import ArgumentParser
import ZhudianCore
import ZhudianScenario

/// Loads a scenario for a command, printing every diagnostic; refuses with exit 2 (bad
/// scenario) or 4 (unreadable file), and with exit 70 when the package's official calendar
/// data, which a scenario with `official: cn` needs, cannot be read by the loader's reader or
/// by the checker's own.
func loadScenario(_ path: String, _ context: CLIContext) throws -> LoadedScenario {
    let loaded: LoadedScenario
    do {
        loaded = try ScenarioLoader.load(path: path)
        for w in loaded.warnings { context.console.error(w.render(context.language)) }
    } catch {
        if error.isInternalError, let d = error.errors.first {
            throw context.internalError(text: "\(d.file):\(d.line):\(d.column): " + d.message.render(context.language))
        }
        for d in error.diagnostics { context.console.error(d.render(context.language)) }
        throw ExitCode(error.isFileSystemError ? Exit.fileSystem : Exit.badInput)
    }
    if loaded.scenario.calendar.official == "cn", let problem = RosterChecker.officialCalendarProblem {
        throw context.internalError(.officialCalendarBroken(detail: problem))
    }
    return loaded
}

/// A scenario to edit as text (`next`, `whatif`): what it loads to and its bytes, read
/// again and refused (exit 4) unless they are the bytes that were loaded.
func loadScenarioForEditing(_ path: String, _ context: CLIContext) throws -> (LoadedScenario, [UInt8]) {
    let loaded = try loadScenario(path, context)
    guard let data = FileManager.default.contents(atPath: path), ScenarioLoader.sha256Hex([UInt8](data)) == loaded.sha256
    else {
        context.console.error("error: " + NextMessage.changedWhileReading(path: path).render(context.language))
        throw ExitCode(Exit.fileSystem)
    }
    return (loaded, [UInt8](data))
}

/// Reads and decodes a roster file; unreadable → exit 4, malformed → exit 2. Keys the roster
/// format does not know are told on standard error as notes and otherwise ignored (SPEC §4).
func loadRoster(_ path: String, _ context: CLIContext) throws -> DecodedRoster {
    do {
        let decoded = try RosterFile.read(path: path)
        for line in decoded.renderNotes(context.language) { context.console.error(line) }
        return decoded
    } catch {
        for line in error.render(context.language) { context.console.error(line) }
        throw ExitCode(error.isFileSystemError ? Exit.fileSystem : Exit.badInput)
    }
}

/// Shortest round-trip text of a number, or "—" for nil.
func number(_ x: Double?) -> String {
    guard let x else { return "—" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}

/// A number for people to read: two decimals.
func readable(_ x: Double?) -> String {
    guard let x else { return "—" }
    return String(format: "%.2f", x)
}
