import ArgumentParser
import Foundation
import ZhudianCore
import ZhudianExport
import ZhudianScenario

/// Writes a roster's files into the output folder as one change (``AtomicFile/writeAll(_:)``):
/// every file is first written completely under a hidden temporary name, and only when all
/// of them are on disk are they renamed into place; a failure before that leaves the folder
/// as it was. Exports of formats not written this time are removed afterwards, since
/// they would contradict the new roster.
struct OutputFolder {
    let path: String
    let context: CLIContext

    /// The files for `formats` (json first), each a pure function of roster and scenario.
    static func files(_ roster: Roster, _ s: Scenario, formats: [String], context: CLIContext) throws -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = formats.contains("json") ? [("roster.json", RosterFile.encode(roster))] : []
        for format in ExportFormat.allCases where formats.contains(format.rawValue) {
            do {
                files += try format.files(roster, scenario: s).map { ($0.path, $0.bytes) }
            } catch {
                throw context.internalError(
                    text: ExportMessage.exportFailed(format: format.rawValue, detail: "\(error)").render(context.language))
            }
        }
        return files
    }

    /// Writes `files`, then removes the exports this run did not write.
    func write(_ files: [(String, [UInt8])]) throws {
        if let blocker = fileInTheWay(of: path) {
            context.fail(.cannotWrite(path: path, detail: "\(blocker) is a file, not a folder"))
            throw ExitCode(Exit.fileSystem)
        }
        try keepFilledWorkLogs(files.map(\.0))
        // Calendars and work logs live in subfolders (ics/, worklog/).
        let subfolders = Set(files.map(\.0).filter { $0.contains("/") }.map { ($0 as NSString).deletingLastPathComponent })
        let folders = [path] + subfolders.sorted().map(join)
        for folder in folders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                context.fail(.cannotWrite(path: folder, detail: describe(error)))
                throw ExitCode(Exit.fileSystem)
            }
        }
        // A run killed between writing a temporary file and renaming it left that file behind.
        let topLevel = (files.map(\.0) + ["roster.json"] + ExportFormat.allCases.flatMap(\.fixedPaths)).filter { !$0.contains("/") }
        do {
            try AtomicFile.removeStaleTemporaries(of: Array(Set(topLevel)).sorted(), in: path)
        } catch let failure as AtomicFile.Failure {
            context.fail(.cannotWrite(path: failure.path, detail: failure.reason))
            throw ExitCode(Exit.fileSystem)
        }
        do {
            try AtomicFile.writeAll(files.map { (join($0.0), $0.1) })
        } catch let failure as AtomicFile.Failure {
            context.fail(.cannotWrite(path: failure.path, detail: failure.reason))
            throw ExitCode(Exit.fileSystem)
        }
        // Hundreds of calendars would drown the other lines: they are named once, by folder.
        let calendars = files.filter { $0.0.hasPrefix(ExportFormat.calendarFolder + "/") }.count
        let workLogs = files.filter { $0.0.hasPrefix(ExportFormat.workLogFolder + "/") }.count
        for (name, _) in files where !name.contains("/") {
            context.console.error(CLIMessage.wrote(path: join(name)).render(context.language))
        }
        if calendars > 0 {
            context.console.error(
                ExportMessage.wroteCalendars(folder: join(ExportFormat.calendarFolder), count: calendars).render(context.language))
        }
        if workLogs > 0 {
            context.console.error(
                ExportMessage.wroteWorkLogs(folder: join(ExportFormat.workLogFolder), count: workLogs).render(context.language))
        }
        try removeStale(keeping: Set(files.map(\.0)))
    }

    /// Refuses to overwrite a work log that someone has filled in: a blank one is written again,
    /// a filled one must be moved away (or the export sent to another folder) first.
    private func keepFilledWorkLogs(_ names: [String]) throws {
        let filled = names.filter { $0.hasPrefix(ExportFormat.workLogFolder + "/") }.map(join).filter { target in
            guard let data = FileManager.default.contents(atPath: target) else { return false }
            let read = WorkLogReader.read(file: target, bytes: [UInt8](data))
            return !read.rows.isEmpty || !read.problems.isEmpty
        }
        guard let first = filled.first else { return }
        context.console.error("error: " + ExportMessage.filledWorkLog(path: first, count: filled.count).render(context.language))
        throw ExitCode(Exit.fileSystem)
    }

    /// Removes earlier exports that this run did not write: the fixed files of every format,
    /// and calendars of people or sites no longer in the roster. Work-log workbooks stay: a
    /// planner may have filled them in where they were written.
    private func removeStale(keeping written: Set<String>) throws {
        var candidates = ExportFormat.allCases.flatMap(\.fixedPaths)
        let calendars = join(ExportFormat.calendarFolder)
        let existing = try listing(calendars)
        candidates += existing.filter { ($0.hasPrefix("person-") || $0.hasPrefix("site-")) && $0.hasSuffix(".ics") }
            .map { ExportFormat.calendarFolder + "/" + $0 }
        for name in candidates where !written.contains(name) {
            try remove(join(name))
        }
        // An emptied calendar folder goes too; one holding the planner's own files stays.
        if !existing.isEmpty, try listing(calendars).isEmpty { try remove(calendars) }
    }

    /// The names in a folder, sorted; none when it does not exist.
    private func listing(_ folder: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            context.fail(.cannotWrite(path: folder, detail: describe(error)))
            throw ExitCode(Exit.fileSystem)
        }
    }

    private func remove(_ target: String) throws {
        guard FileManager.default.fileExists(atPath: target) else { return }
        do {
            try FileManager.default.removeItem(atPath: target)
        } catch {
            context.fail(.cannotWrite(path: target, detail: describe(error)))
            throw ExitCode(Exit.fileSystem)
        }
    }

    private func join(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}
