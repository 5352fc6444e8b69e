import ArgumentParser
import Foundation
import GLPK
import ZhudianCore
import ZhudianExport
import ZhudianPlanner
import ZhudianScenario

/// `zhudian whatif SCENARIO --baseline ROSTER [changes…] [-o DIR]`: re-plans with changes,
/// keeping as much of the baseline as they allow, and prints what moves (SPEC §5). The
/// effective scenario is built by `WhatIfScenario`; this file only reads, plans and writes.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Re-plan a roster with changes and show what moves and what it costs.",
        discussion: """
            Every dropped stay of the baseline costs objective.change; when the scenario sets none,
            a weight so large that keeping a stay always wins (written into DIR/scenario.yaml, so
            `zhudian check DIR/scenario.yaml DIR/roster.json --baseline ROSTER` recomputes it).
            Exit 0 with a roster; 1 when the changes leave none (the rule instances to relax are listed).
            Examples:
              zhudian whatif Scenarios/taierzhuang-2023.yaml --baseline out/2023/roster.json --drop-person SDS-01
              zhudian whatif Scenarios/taierzhuang-2023.yaml --baseline out/2023/roster.json --set rules.minStaff=3 -o out/w
            """)

    @Argument(help: "The scenario file the baseline was planned from (YAML).")
    var scenario: String

    @Option(help: "The roster to change as little as possible (JSON).")
    var baseline: String

    @Option(name: .customLong("drop-person"), help: "ID — the person leaves: not placed (repeatable).")
    var dropPeople: [String] = []

    @Option(name: .customLong("drop-site"), help: "ID — the unit closes: neither sends nor receives (repeatable).")
    var dropSites: [String] = []

    @Option(name: .customLong("absent"), help: "ID:FROM..TO — the person is unavailable those days (repeatable).")
    var absences: [String] = []

    @Option(name: .customLong("add-person"), help: "FILE — a YAML person mapping (or a list of them) to add (repeatable).")
    var addPeople: [String] = []

    @Option(name: .customLong("overlay"), help: "FILE — a partial scenario merged over the base (repeatable).")
    var overlays: [String] = []

    @Option(name: .customLong("set"), help: "PATH=VALUE — change a setting, e.g. rules.minStaff=3 (repeatable).")
    var settings: [String] = []

    @Option(help: "TERM — terms before it stay as published; the changes apply from it on.")
    var from: Int?

    @Option(help: "objective.change to use (default: the scenario's, or a weight that keeps every stay it can).")
    var changeWeight: Double?

    @Option(name: [.short, .customLong("output")], help: "Folder for scenario.yaml, roster.json, the exports, diff.json and diff.md.")
    var output: String?

    @Option(help: "Comma-separated exports, as for plan: json,csv,visits,xlsx,ics,html,md,forms (roster.json is always written).")
    var formats: String = "json,csv,visits,xlsx,ics,html"

    @Flag(help: "When the changes leave no roster that keeps every rule, the one that breaks the fewest rule instances.")
    var bestEffort = false

    @Option(help: "Seconds the search may take; the best roster found is written with its gap.")
    var timeLimit: Double?

    @Flag(help: "Print the solver's log on standard error.")
    var verbose = false

    @Flag(help: "Accept a baseline planned from another scenario file.")
    var force = false

    @OptionGroup var pins: PinOptions

    func validate() throws {
        try TimeLimit.validate(timeLimit)
        try FormatList.validate(formats, available: PlanCommand.availableFormats) {
            CLIMessage.unsupportedFormat(name: $0, available: $1).render(CLIContext.current.language)
        }
    }

    var formatList: [String] { FormatList.parse(formats) }

    func changes(_ context: CLIContext) throws -> WhatIfChanges {
        var c = WhatIfChanges()
        c.overlays = try overlays.map { try read($0, context) }
        c.addPeople = try addPeople.map { try read($0, context) }
        do {
            c.dropPeople = dropPeople
            c.dropSites = dropSites
            c.absences = absences
            c.settings = try settings.map { text throws(ScenarioEditError) in try ScenarioSetting(parsing: text) }
            c.rules = pins.rules
            c.from = from
            c.changeWeight = changeWeight
        } catch {
            throw fail(error, context)
        }
        return c
    }

    /// An overlay or person file; unreadable → exit 4.
    private func read(_ path: String, _ context: CLIContext) throws -> ScenarioOverlay.File {
        guard let data = FileManager.default.contents(atPath: path) else {
            context.console.error("error: " + WhatIfMessage.cannotRead(path: path).render(context.language))
            throw ExitCode(Exit.fileSystem)
        }
        return ScenarioOverlay.File(path: path, bytes: [UInt8](data))
    }

    func run() throws {
        let context = CLIContext.current
        let (loaded, data) = try loadScenarioForEditing(scenario, context)
        let base = try loadRoster(baseline, context).roster
        let changes = try changes(context)
        let effective: WhatIfScenario.Output
        do {
            effective = try WhatIfScenario.make(
                bytes: data, loaded: loaded, baseline: base, baselineFile: baseline, changes: changes, force: force)
        } catch {
            // An overlay's problems are placed in the overlay file, one line each, as a scenario's.
            if case .partialFile(let diagnostics) = error {
                for d in diagnostics { context.console.error(d.render(context.language)) }
                throw ExitCode(Exit.badInput)
            }
            throw fail(error, context)
        }
        let s = effective.loaded.scenario
        let reference = ScenarioReference(name: s.name, sha256: effective.loaded.sha256)
        var options = PlanOptions(timeLimit: timeLimit, baseline: base, captureLog: verbose, language: context.language)
        options.bestEffort = bestEffort
        Interrupt.install()
        options.shouldStop = { Interrupt.requested.load(ordering: .relaxed) }
        let result = Planner(solver: GLPKSolver()).plan(s, reference: reference, options: options)
        if verbose { for line in result.log { context.console.error(line) } }
        switch result.outcome {
        case .optimal, .feasible, .bestEffort:
            guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "\(result.outcome)")) }
            let report = RosterChecker(scenario: s, scenarioSHA256: effective.loaded.sha256, baseline: base).check(roster)
            guard report.passed else {
                for v in report.violations { context.console.error(v.render(context.language)) }
                throw context.internalError(.selfCheckFailed(count: report.violations.count))
            }
            let diff = RosterDiff(before: base, after: roster, scenario: s)
            try write(effective, roster: roster, diff: diff, context)
            if result.outcome == .bestEffort {
                for item in result.explanation { context.console.error("\(item.rule.rawValue): \(item.message)") }
                context.console.error(
                    "warning: " + CLIMessage.bestEffortIncomplete(breaks: result.explanation.count).render(context.language))
            }
            for line in RosterDiffText.lines(diff, scenario: s, language: context.language) { context.console.print(line) }
            summarize(base, roster, effective, result: result, context)
        case .infeasible:
            guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "infeasible")) }
            context.reportExplanation(result, timeLimit: timeLimit)
            try write(effective, roster: roster, diff: nil, context)
            throw context.endWithoutRoster(result, file: scenario, timeLimit: timeLimit)
        case .noSolution, .unsupported, .failed:
            throw context.endWithoutRoster(result, file: scenario, timeLimit: timeLimit)
        }
    }

    private func summarize(_ base: Roster, _ roster: Roster, _ effective: WhatIfScenario.Output, result: PlanResult, _ context: CLIContext) {
        func key(_ t: RosterTerm, _ s: Stay) -> String { "\(t.term)\u{0}\(s.person)\u{0}\(s.site)" }
        let before = Set(base.terms.flatMap { t in t.stays.map { key(t, $0) } })
        let after = Set(roster.terms.flatMap { t in t.stays.map { key(t, $0) } })
        if effective.frozenTerms > 0 { context.console.print(WhatIfMessage.frozen(terms: effective.frozenTerms).render(context.language)) }
        context.console.print(
            WhatIfMessage.kept(kept: before.intersection(after).count, total: before.count, weight: number(effective.changeWeight))
                .render(context.language))
        context.console.print(
            WhatIfMessage.status(
                status: roster.solve.status.rawValue, objective: readable(roster.solve.objective),
                formulation: result.formulation
            ).render(context.language))
    }

    /// With `-o DIR`: the effective scenario, the roster naming it, the exports and the diff,
    /// all written as one change (``OutputFolder``); exports and diff files of an earlier run
    /// that this one does not write are removed.
    private func write(_ effective: WhatIfScenario.Output, roster: Roster, diff: RosterDiff?, _ context: CLIContext) throws {
        guard let output else { return }
        let s = effective.loaded.scenario
        let formats = diff == nil ? ["json"] : Array(Set(formatList + ["json"]))
        var files: [(String, [UInt8])] = [("scenario.yaml", effective.bytes)]
        files += try OutputFolder.files(roster, s, formats: formats, context: context)
        if let diff {
            files.append(("diff.json", RosterDiffJSON.bytes(diff)))
            files.append(("diff.md", Array(RosterDiffMarkdown.text(diff, scenario: s, language: context.language).utf8)))
        }
        try OutputFolder(path: output, context: context).write(files)
        for stale in ["diff.json", "diff.md"] where diff == nil {
            let path = (output as NSString).appendingPathComponent(stale)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                context.fail(.cannotWrite(path: path, detail: describe(error)))
                throw ExitCode(Exit.fileSystem)
            }
        }
    }
}
