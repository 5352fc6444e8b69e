import ArgumentParser
import Foundation
import ZhudianCore
import ZhudianExport
import ZhudianScenario

/// `zhudian stats SCENARIO ROSTER LOG… [--month YYYY-MM] [--since YYYY-MM-DD] [-o DIR]`: both
/// notices' statistics tables from filled work logs (SPEC §5).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Add up filled work logs into the notices' monthly statistics tables.",
        discussion: """
            Reads the work logs that `zhudian export --formats worklog` wrote, once filled in (.xlsx,
            or .csv with the same columns), checks every row against the roster, and writes
            stats-YYYY-MM.xlsx and stats-YYYY-MM.md: notice 1's 驻点监督工作情况统计表 and notice 2's
            附件4, each with the month's row and the row cumulated since --since, and the expected
            rows that were not received (listed, never counted as 0). A bad row is refused as
            FILE:SHEET:ROW (FILE:ROW for CSV) with exit 2, and nothing is written.
            --month defaults to the month of the latest filled row; --since to the roster's first day.
            Example: zhudian stats plan.yaml out/roster.json logs/*.xlsx --month 2022-09 -o out/stats
            """)

    @Argument(help: "The scenario file the roster was planned from (YAML).")
    var scenario: String

    @Argument(help: "The roster file (JSON).")
    var roster: String

    @Argument(help: "Filled work logs (.xlsx or .csv).")
    var logs: [String] = []

    @Option(help: "The month to report (YYYY-MM).")
    var month: String?

    @Option(help: "First day of the cumulative figures (YYYY-MM-DD); notice 2 counts from 2023-08-01.")
    var since: String?

    @Option(name: [.short, .customLong("output")], help: "Folder for the tables (default: the roster's folder).")
    var output: String?

    static let sizeLimit = 50 * 1_048_576

    func validate() throws {
        let l = CLIContext.current.language
        if let month, Self.monthStart(month) == nil { throw ValidationError(ProgrammeMessage.badMonth(month).render(l)) }
        if let since, CivilDate(iso: since) == nil { throw ValidationError(ProgrammeMessage.badSince(since).render(l)) }
    }

    /// `2022-09` → 2022-09-01.
    static func monthStart(_ text: String) -> CivilDate? {
        guard text.utf8.count == 7 else { return nil }
        return CivilDate(iso: text + "-01")
    }

    func run() throws {
        let context = CLIContext.current
        let loaded = try loadScenario(scenario, context)
        let decoded = try loadRoster(roster, context)
        if decoded.roster.scenario.sha256 != loaded.sha256 {
            context.console.error(ExportMessage.scenarioChanged(roster: roster, scenario: scenario).render(context.language))
        }
        let facts = RosterFacts(decoded.roster, scenario: loaded.scenario)
        var rows: [WorkLogReader.Row] = []
        var problems: [WorkLogProblem] = []
        for path in logs {
            let read = WorkLogReader.read(file: path, bytes: try bytes(path, context))
            rows += read.rows
            problems += read.problems
        }
        let checked = WorkLogCheck.check(rows, facts: facts)
        problems += checked.problems
        guard problems.isEmpty else {
            // In the order of the files given, then by sheet and row, as a planner fixes them.
            let order = Dictionary(logs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            problems.sort { (order[$0.place.file] ?? 0, $0.place.sheet ?? "", $0.place.row) < (order[$1.place.file] ?? 0, $1.place.sheet ?? "", $1.place.row) }
            for p in problems { context.console.error(p.render(context.language)) }
            context.console.error("error: " + ProgrammeMessage.refused(count: problems.count).render(context.language))
            throw ExitCode(Exit.badInput)
        }
        let stats = try compute(facts, checked.entries, context)
        if !stats.missing.isEmpty {
            context.console.error(ProgrammeMessage.missing(
                count: stats.missing.count, from: "\(stats.cumulativePeriod.from)", to: "\(stats.cumulativePeriod.to)").render(context.language))
            for slot in stats.missing {
                context.console.error(ProgrammeMessage.missingSlot(site: slot.site, days: "\(slot.days)").render(context.language))
            }
        }
        let files: [(path: String, bytes: [UInt8])]
        do {
            files = try StatsReport.files(stats, facts: facts)
        } catch {
            throw context.internalError(text: ExportMessage.exportFailed(format: "stats", detail: "\(error)").render(context.language))
        }
        let folder = output ?? ((roster as NSString).deletingLastPathComponent.isEmpty ? "." : (roster as NSString).deletingLastPathComponent)
        try writeStats(files, folder: folder, context)
        if let md = files.first(where: { $0.path.hasSuffix(".md") }) {
            var text = String(decoding: md.bytes, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            context.console.print(text)
        }
    }

    func compute(_ facts: RosterFacts, _ entries: [WorkLogEntry], _ context: CLIContext) throws -> WorkLogStats {
        let first: CivilDate
        if let month, let m = Self.monthStart(month) {
            first = m
        } else if let latest = entries.map(\.date).max(), let m = CivilDate(year: latest.year, month: latest.month, day: 1) {
            first = m
        } else {
            context.console.error("error: " + ProgrammeMessage.noRowsNoMonth.render(context.language))
            throw ExitCode(Exit.badInput)
        }
        let start = since.flatMap { CivilDate(iso: $0) } ?? facts.horizon.from
        let monthEnd = first.addingMonths(1).addingDays(-1)
        guard start <= monthEnd else {
            context.console.error("error: " + ProgrammeMessage.sinceAfterMonth(since: "\(start)", monthEnd: "\(monthEnd)").render(context.language))
            throw ExitCode(Exit.badInput)
        }
        return WorkLogStats(facts: facts, entries: entries, month: first, since: start)
    }

    func bytes(_ path: String, _ context: CLIContext) throws -> [UInt8] {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            if size > Self.sizeLimit {
                context.console.error("error: " + ProgrammeMessage.tooLarge(path: path, bytes: size).render(context.language))
                throw ExitCode(Exit.badInput)
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            context.console.error("error: " + ProgrammeMessage.cannotRead(path: path, detail: describe(error)).render(context.language))
            throw ExitCode(Exit.fileSystem)
        }
        return [UInt8](data)
    }

    func writeStats(_ files: [(path: String, bytes: [UInt8])], folder: String, _ context: CLIContext) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            context.fail(.cannotWrite(path: folder, detail: describe(error)))
            throw ExitCode(Exit.fileSystem)
        }
        let targets = files.map { ((folder as NSString).appendingPathComponent($0.path), $0.bytes) }
        do {
            try AtomicFile.writeAll(targets)
        } catch let failure as AtomicFile.Failure {
            context.fail(.cannotWrite(path: failure.path, detail: failure.reason))
            throw ExitCode(Exit.fileSystem)
        }
        for (path, _) in targets { context.console.error(CLIMessage.wrote(path: path).render(context.language)) }
    }
}
