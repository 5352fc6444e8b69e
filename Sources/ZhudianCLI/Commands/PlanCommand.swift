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

    static let availableFormats = ["json", "csv"]
    /// Every file `plan` may write into its output folder.
    static let outputNames = ["roster.json", "roster.csv"]

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: [.short, .customLong("output")], help: "Folder for roster.json and the exports (created if missing).")
    var output: String = "."

    @Option(help: "Comma-separated exports: json,csv.")
    var formats: String = "json,csv"

    @Option(help: "Seconds the search may take; the best roster found is written with its gap.")
    var timeLimit: Double?

    @Option(help: "Write the MIP in CPLEX LP format to this file (the scenario is then solved as one model).")
    var dumpModel: String?

    @Flag(help: "Print the solver's log on standard error.")
    var verbose = false

    @Flag(help: "No progress lines (they are shown only on a terminal, for solves over 2 s).")
    var quiet = false

    func validate() throws {
        try TimeLimit.validate(timeLimit)
        for f in formatList where !Self.availableFormats.contains(f) {
            throw ValidationError(
                CLIMessage.unsupportedFormat(name: f, available: Self.availableFormats.joined(separator: ","))
                    .render(CLIContext.current.language))
        }
    }

    var formatList: [String] {
        formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    func run() throws {
        let context = CLIContext.current
        let loaded = try loadScenario(scenario, context)
        let s = loaded.scenario
        guard s.mode == .resident else {
            context.fail(.visitingUnsupported)
            throw ExitCode(Exit.badInput)
        }
        let solver = GLPKSolver()
        let reference = ScenarioReference(name: s.name, sha256: loaded.sha256)
        var options = PlanOptions(timeLimit: timeLimit, captureLog: verbose, language: context.language)
        // The dump is of one model, so the scenario is not split into parts then.
        options.decompose = dumpModel == nil
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
        case .optimal, .feasible:
            guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "\(result.outcome)")) }
            let report = RosterChecker(scenario: s, scenarioSHA256: loaded.sha256, baseline: nil).check(roster)
            guard report.passed else {
                for v in report.violations { context.console.error(v.render(context.language)) }
                throw context.internalError(.selfCheckFailed(count: report.violations.count))
            }
            try writeOutputs(roster, s, context)
            if Interrupt.requested.load(ordering: .relaxed) { context.console.error(CLIMessage.stoppedByUser.render(context.language)) }
            for line in Summary.lines(roster, s, formulation: result.formulation, language: context.language) {
                context.console.print(line)
            }
        case .infeasible:
            guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "infeasible")) }
            for item in roster.explanation ?? [] {
                context.console.error("\(item.rule.rawValue): \(item.message)")
            }
            try writeOutputs(roster, s, context, jsonOnly: true)
            context.fail(.infeasible(file: scenario))
            throw ExitCode(Exit.infeasibleOrViolations)
        case .noSolution:
            context.fail(Interrupt.requested.load(ordering: .relaxed) ? .stoppedWithoutRoster : .noRosterInTime(seconds: number(timeLimit)))
            throw ExitCode(Exit.timeLimitNoRoster)
        case .unsupported(let why):
            context.console.error("error: " + why)
            throw ExitCode(Exit.badInput)
        case .failed(let why):
            throw context.internalError(.solverFailed(detail: why))
        }
    }

    /// Writes roster.json and the chosen exports, each to a temporary name first and renamed
    /// into place, so no file is ever left half-written.
    func writeOutputs(_ roster: Roster, _ s: Scenario, _ context: CLIContext, jsonOnly: Bool = false) throws {
        var files: [(String, [UInt8])] = [("roster.json", RosterFile.encode(roster))]
        if !jsonOnly && formatList.contains("csv") {
            files.append(("roster.csv", RosterCSV.bytes(roster, scenario: s)))
        }
        if let blocker = fileInTheWay(of: output) {
            context.fail(.cannotWrite(path: output, detail: "\(blocker) is a file, not a folder"))
            throw ExitCode(Exit.fileSystem)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            context.fail(.cannotWrite(path: output, detail: describe(error)))
            throw ExitCode(Exit.fileSystem)
        }
        // A run killed between writing a temporary file and renaming it left that file behind.
        do {
            try AtomicFile.removeStaleTemporaries(of: Self.outputNames, in: output)
        } catch {
            context.fail(.cannotWrite(path: output, detail: describe(error)))
            throw ExitCode(Exit.fileSystem)
        }
        // An export from an earlier run would contradict the roster written now.
        for stale in ["roster.csv"] where !files.contains(where: { $0.0 == stale }) {
            let path = (output as NSString).appendingPathComponent(stale)
            if FileManager.default.fileExists(atPath: path) {
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    context.fail(.cannotWrite(path: path, detail: describe(error)))
                    throw ExitCode(Exit.fileSystem)
                }
            }
        }
        for (name, bytes) in files {
            let path = (output as NSString).appendingPathComponent(name)
            do {
                try AtomicFile.write(bytes, to: path)
            } catch {
                context.fail(.cannotWrite(path: path, detail: describe(error)))
                throw ExitCode(Exit.fileSystem)
            }
            context.console.error(CLIMessage.wrote(path: path).render(context.language))
        }
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
