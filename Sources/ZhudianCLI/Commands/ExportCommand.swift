import Foundation
import ArgumentParser
import ZhudianCore
import ZhudianExport
import ZhudianScenario

/// `zhudian export ROSTER --scenario S --formats … [-o DIR]`: writes the exports of an
/// existing roster (SPEC §5, §6), e.g. after the phone numbers in the scenario changed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the exports of an existing roster (xlsx, calendars, report, forms…).",
        discussion: """
            Formats: csv (roster.csv), xlsx (roster.xlsx), ics (ics/person-*.ics, ics/site-*.ics),
            html (report.html), md (roster.md), forms (forms.xlsx, forms.html), worklog
            (worklog/SITE-YYYY-MM.xlsx, the work logs to fill in for `zhudian stats`). Exports of
            formats not asked for are removed from the folder, since they may describe another roster;
            work logs are never removed, and a filled one is never overwritten (exit 4).
            Example: zhudian export out/2023/roster.json --scenario Scenarios/taierzhuang-2023.yaml --formats xlsx,forms
            """)

    static let availableFormats = ExportFormat.allCases.map(\.rawValue)

    @Argument(help: "The roster file (JSON).")
    var roster: String

    @Option(help: "The scenario the roster was planned from (YAML).")
    var scenario: String

    @Option(help: "Comma-separated formats: csv,visits,xlsx,ics,html,md,forms,worklog (visits.csv only in visiting mode).")
    var formats: String = "csv,visits,xlsx,ics,html"

    @Option(name: [.short, .customLong("output")], help: "Folder for the exports (default: the roster's folder).")
    var output: String?

    func validate() throws {
        try FormatList.validate(formats, available: Self.availableFormats) {
            ExportMessage.unknownFormat(name: $0, available: $1).render(CLIContext.current.language)
        }
    }

    var formatList: [String] { FormatList.parse(formats) }

    func run() throws {
        let context = CLIContext.current
        let loaded = try loadScenario(scenario, context)
        let decoded = try loadRoster(roster, context)
        if decoded.roster.solve.status == .infeasible {
            context.console.error("error: " + ExportMessage.infeasibleRoster(file: roster).render(context.language))
            throw ExitCode(Exit.infeasibleOrViolations)
        }
        if decoded.roster.scenario.sha256 != loaded.sha256 {
            context.console.error(ExportMessage.scenarioChanged(roster: roster, scenario: scenario).render(context.language))
        }
        let folder = output ?? ((roster as NSString).deletingLastPathComponent.isEmpty ? "." : (roster as NSString).deletingLastPathComponent)
        let files = try OutputFolder.files(decoded.roster, loaded.scenario, formats: formatList, context: context)
        try OutputFolder(path: folder, context: context).write(files)
    }
}
