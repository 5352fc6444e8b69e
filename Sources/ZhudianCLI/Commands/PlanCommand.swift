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

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: [.short, .customLong("output")], help: "Folder for roster.json and the exports (created if missing).")
    var output: String = "."

    @Option(help: "Comma-separated exports: json,csv.")
    var formats: String = "json,csv"

    @Option(help: "Seconds the search may take; the best roster found is written with its gap.")
    var timeLimit: Double?

    @Option(help: "Write the MIP in CPLEX LP format to this file.")
    var dumpModel: String?

    @Flag(help: "Print the solver's log on standard error.")
    var verbose = false

    func validate() throws {
        if let t = timeLimit, !(t > 0 && t.isFinite) {
            throw ValidationError(CLIMessage.badTimeLimit.render(CLIContext.current.language))
        }
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
        let options = PlanOptions(timeLimit: timeLimit, captureLog: verbose, language: context.language)
        let result = Planner(solver: solver).plan(s, reference: reference, options: options)
        if verbose { for line in result.log { context.console.error(line) } }
        if let path = dumpModel, let model = result.model {
            try writeAtomically(path, context) { tmp in try solver.writeLP(model, to: tmp) }
            context.console.error(CLIMessage.dumped(path: path).render(context.language))
        }
        switch result.outcome {
        case .optimal, .feasible:
            guard let roster = result.roster else { throw ExitCode(Exit.internalError) }
            let report = RosterChecker(scenario: s, scenarioSHA256: loaded.sha256, baseline: nil).check(roster)
            guard report.passed else {
                for v in report.violations { context.console.error(v.render(context.language)) }
                context.fail(.selfCheckFailed(count: report.violations.count))
                throw ExitCode(Exit.internalError)
            }
            try writeOutputs(roster, s, context)
            for line in Summary.lines(roster, s, formulation: result.formulation, language: context.language) {
                context.console.print(line)
            }
        case .infeasible:
            guard let roster = result.roster else { throw ExitCode(Exit.internalError) }
            for item in roster.explanation ?? [] {
                context.console.error("\(item.rule.rawValue): \(item.message)")
            }
            try writeOutputs(roster, s, context, jsonOnly: true)
            context.fail(.infeasible(file: scenario))
            throw ExitCode(Exit.infeasibleOrViolations)
        case .noSolution:
            context.fail(.noRosterInTime(seconds: number(timeLimit)))
            throw ExitCode(Exit.timeLimitNoRoster)
        case .unsupported(let why):
            context.console.error("error: " + why)
            throw ExitCode(Exit.badInput)
        case .failed(let why):
            context.fail(.solverFailed(detail: why))
            throw ExitCode(Exit.internalError)
        }
    }

    /// Writes roster.json and the chosen exports, each to a temporary name first and renamed
    /// into place, so no file is ever left half-written.
    func writeOutputs(_ roster: Roster, _ s: Scenario, _ context: CLIContext, jsonOnly: Bool = false) throws {
        var files: [(String, [UInt8])] = [("roster.json", RosterFile.encode(roster))]
        if !jsonOnly && formatList.contains("csv") {
            files.append(("roster.csv", RosterCSV.bytes(roster, scenario: s)))
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            context.fail(.cannotWrite(path: output, detail: error.localizedDescription))
            throw ExitCode(Exit.fileSystem)
        }
        for (name, bytes) in files {
            let path = (output as NSString).appendingPathComponent(name)
            do {
                try AtomicFile.write(bytes, to: path)
            } catch {
                context.fail(.cannotWrite(path: path, detail: "\(error)"))
                throw ExitCode(Exit.fileSystem)
            }
            context.console.error(CLIMessage.wrote(path: path).render(context.language))
        }
    }
}

/// Runs `body` on a temporary path beside `path`, then renames it into place.
func writeAtomically(_ path: String, _ context: CLIContext, _ body: (String) throws -> Void) throws {
    let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    do {
        try body(tmp)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
    } catch {
        try? FileManager.default.removeItem(atPath: tmp)
        context.fail(.cannotWrite(path: path, detail: "\(error)"))
        throw ExitCode(Exit.fileSystem)
    }
}
