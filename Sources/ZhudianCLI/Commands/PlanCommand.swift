import ArgumentParser
import Foundation
import GLPK
import ZhudianCore
import ZhudianExport
import ZhudianPlanner
import ZhudianScenario

/// `zhudian plan SCENARIO [-o DIR] …`: solves and writes the roster and its exports.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Solve a scenario and write roster.json (and exports) into a folder.",
        discussion: """
            The roster is re-verified by the independent checker before anything is written.
            Exit 0 with a roster; 1 when no roster satisfies every rule (roster.json then holds
            the explanation); 3 when the time limit ran out before any roster was found.
            Example: zhudian plan Scenarios/taierzhuang-2023.yaml -o out/2023 --time-limit 60
            """)

    static let availableFormats = ["json"] + ExportFormat.allCases.map(\.rawValue)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: [.short, .customLong("output")], help: "Folder for roster.json and the exports (created if missing).")
    var output: String = "."

    @Option(help: "Comma-separated exports: json,csv,visits,xlsx,ics,html,md,forms,worklog (roster.json is always written; visits.csv only in visiting mode).")
    var formats: String = "json,csv,visits,xlsx,ics,html"

    @Option(help: "Seconds the search may take; the best roster found is written with its gap.")
    var timeLimit: Double?

    @Option(help: "Write the MIP in CPLEX LP format to this file (the scenario is then solved as one model).")
    var dumpModel: String?

    @Flag(help: "Print the solver's log on standard error.")
    var verbose = false

    @Flag(help: "No progress lines (they are shown only on a terminal, for solves over 2 s).")
    var quiet = false

    @Flag(help: "When no roster keeps every rule, write the one that breaks the fewest rule instances, its empty posts (空岗) listed.")
    var bestEffort = false

    @Option(help: "List the deadlines from this day (YYYY-MM-DD) instead of the plan's first day.")
    var today: String?

    @OptionGroup var pins: PinOptions

    func validate() throws {
        try TimeLimit.validate(timeLimit)
        if let today, CivilDate(iso: today) == nil {
            throw ValidationError(ProgrammeMessage.badToday(today).render(CLIContext.current.language))
        }
        try FormatList.validate(formats, available: Self.availableFormats) {
            CLIMessage.unsupportedFormat(name: $0, available: $1).render(CLIContext.current.language)
        }
    }

    var formatList: [String] { FormatList.parse(formats) }

    func run() throws {
        let context = CLIContext.current
        let loaded = try loadScenario(scenario, context)
        // Command-line pins and bans join the file's in memory; the roster still names the
        // file's sha256, and `check` against the file passes, because they only restrict.
        var s = loaded.scenario
        do {
            let extra = try pins.rules.resolve(against: s)
            s.pins += extra.pins
            s.forbid += extra.forbid
        } catch {
            throw fail(error, context)
        }
        let solver = GLPKSolver()
        let reference = ScenarioReference(name: s.name, sha256: loaded.sha256)
        var options = PlanOptions(timeLimit: timeLimit, captureLog: verbose, language: context.language)
        // The dump is of one model, so the scenario is not split into parts then.
        options.decompose = dumpModel == nil
        options.bestEffort = bestEffort
        if !quiet && isatty(STDERR_FILENO) != 0 {
            let printer = ProgressPrinter(console: context.console, language: context.language)
            options.progress = { p in
                printer.report(incumbent: p.incumbent, bound: p.bound, gap: p.gap, nodes: p.nodes, elapsed: p.elapsed)
            }
        }
        Interrupt.install()
        options.shouldStop = { Interrupt.requested.load(ordering: .relaxed) }
        let result = Planner(solver: solver).plan(s, reference: reference, options: options)
        if verbose { for line in result.log { context.console.error(line) } }
        if let path = dumpModel, let model = result.model {
            try writeAtomically(path, context) { tmp in try solver.writeLP(model, to: tmp) }
            context.console.error(CLIMessage.dumped(path: path).render(context.language))
        }
        switch result.outcome {
        case .optimal, .feasible, .bestEffort:
            guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "\(result.outcome)")) }
            let report = RosterChecker(scenario: s, scenarioSHA256: loaded.sha256, baseline: nil).check(roster)
            guard report.passed else {
                for v in report.violations { context.console.error(v.render(context.language)) }
                throw context.internalError(.selfCheckFailed(count: report.violations.count))
            }
            try writeOutputs(roster, s, context)
            if result.outcome == .bestEffort {
                for item in result.explanation { context.console.error("\(item.rule.rawValue): \(item.message)") }
                context.console.error("warning: " + CLIMessage.bestEffortIncomplete(breaks: result.explanation.count).render(context.language))
            }
            if Interrupt.requested.load(ordering: .relaxed) { context.console.error(CLIMessage.stoppedByUser.render(context.language)) }
            // The next deadlines go before the status line, which stays last: scripts read it.
            let summary = Summary.lines(roster, s, formulation: result.formulation, language: context.language)
            let deadlines = Deadlines.lines(roster, s, today: today.flatMap { CivilDate(iso: $0) }, language: context.language)
            for line in summary.dropLast() + deadlines + summary.suffix(1) { context.console.print(line) }
        case .infeasible:
            guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "infeasible")) }
            context.reportExplanation(result, timeLimit: timeLimit)
            try writeOutputs(roster, s, context, jsonOnly: true)
            throw context.endWithoutRoster(result, file: scenario, timeLimit: timeLimit)
        case .noSolution, .unsupported, .failed:
            throw context.endWithoutRoster(result, file: scenario, timeLimit: timeLimit)
        }
    }

    /// Writes roster.json and the chosen exports: all of them to staging names first, then
    /// renamed into place (``OutputFolder``), so no file is ever left half-written.
    func writeOutputs(_ roster: Roster, _ s: Scenario, _ context: CLIContext, jsonOnly: Bool = false) throws {
        let chosen = jsonOnly ? ["json"] : Array(Set(formatList + ["json"]))
        let files = try OutputFolder.files(roster, s, formats: chosen, context: context)
        try OutputFolder(path: output, context: context).write(files)
    }
}

/// Writes `path` through ``AtomicFile``: `body` writes a temporary file beside it, which is
/// then flushed and renamed into place. A failure is one `error:` line and exit 4, and
/// leaves the old file (if any) as it was.
func writeAtomically(_ path: String, _ context: CLIContext, _ body: (String) throws -> Void) throws {
    do {
        try AtomicFile.write(to: path, by: body)
    } catch {
        context.fail(.cannotWrite(path: path, detail: describe(error)))
        throw ExitCode(Exit.fileSystem)
    }
}

/// The most specific text of a file-system error: Foundation wraps the POSIX cause
/// ("Not a directory") in a generic Cocoa error.
func describe(_ error: Error) -> String {
    if let failure = error as? AtomicFile.Failure { return failure.reason }
    if case GLPKError.writeFailed(_, let reason) = error { return reason }
    let ns = error as NSError
    guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
    if let inner = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
        return inner.localizedDescription
    }
    return ns.localizedDescription
}

/// The first existing ancestor of `path` (or `path` itself) that is not a folder, if any.
func fileInTheWay(of path: String) -> String? {
    var current = URL(fileURLWithPath: path).standardizedFileURL
    while current.path != "/" {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : current.path
        }
        current.deleteLastPathComponent()
    }
    return nil
}
