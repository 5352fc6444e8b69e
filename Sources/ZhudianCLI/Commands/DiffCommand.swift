import ArgumentParser
import ZhudianCore
import ZhudianExport
import ZhudianScenario

/// `zhudian diff ROSTER_A ROSTER_B [--scenario S]`: what moves between two rosters (SPEC §5),
/// the same diff `whatif` prints.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what moves between two rosters: links, people, uncovered posts, cost.",
        discussion: """
            With --scenario, units and people are shown by name and the cost is split into its
            distance and fairness parts; without it, ids and the rosters' own objectives.
            Example: zhudian diff out/2023/roster.json out/2023-pinned/roster.json --scenario out/2023.yaml
            """)

    static let formats = ["text", "json", "markdown"]

    @Argument(help: "The roster before (JSON).")
    var before: String

    @Argument(help: "The roster after (JSON).")
    var after: String

    @Option(help: "The scenario both rosters belong to: names, minStaff and cost by part.")
    var scenario: String?

    @Option(help: "text (default), json or markdown.")
    var format: String = "text"

    func validate() throws {
        guard Self.formats.contains(format) else {
            throw ValidationError(
                CLIMessage.unsupportedFormat(name: format, available: Self.formats.joined(separator: ","))
                    .render(CLIContext.current.language))
        }
    }

    func run() throws {
        let context = CLIContext.current
        let s = try scenario.map { try loadScenario($0, context).scenario }
        let a = try loadRoster(before, context).roster
        let b = try loadRoster(after, context).roster
        let diff = RosterDiff(before: a, after: b, scenario: s)
        switch format {
        case "json":
            var text = String(decoding: RosterDiffJSON.bytes(diff), as: UTF8.self)
            text.removeLast()
            context.console.print(text)
        case "markdown":
            var text = RosterDiffMarkdown.text(diff, scenario: s, language: context.language)
            text.removeLast()
            context.console.print(text)
        default:
            for line in RosterDiffText.lines(diff, scenario: s, language: context.language) { context.console.print(line) }
        }
    }
}
