import ArgumentParser
import Foundation
import ZhudianCore
import ZhudianScenario

/// `zhudian next SCENARIO ROSTER [-o FILE] [--set PATH=VALUE …]`: the scenario for the terms after
/// a roster (SPEC §5), written by editing the scenario's text (see `NextScenario`).
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Write the scenario for the terms after a roster: start, history, served counts moved on.",
        discussion: """
            Comments, key order and style of the scenario file are kept. The roster must have been
            planned from this scenario file (its name and sha256), unless --force.
            Example: zhudian next Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json \\
                       --set rules.structure=ring --set name=2023上半年 -o 2023.yaml
            """)

    @Argument(help: "The scenario file the roster was planned from (YAML).")
    var scenario: String

    @Argument(help: "The roster file (JSON).")
    var roster: String

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("set"), help: "PATH=VALUE: change a setting on the way, e.g. rules.structure=ring (repeatable).")
    var settings: [String] = []

    @Flag(help: "Continue from a roster planned from another scenario file.")
    var force = false

    @OptionGroup var pins: PinOptions

    func run() throws {
        let context = CLIContext.current
        let (loaded, data) = try loadScenarioForEditing(scenario, context)
        let decoded = try loadRoster(roster, context)
        let next: NextScenario.Output
        do {
            let parsed = try settings.map { text throws(ScenarioEditError) in try ScenarioSetting(parsing: text) }
            next = try NextScenario.make(
                bytes: data, loaded: loaded, roster: decoded.roster, rosterFile: roster, force: force,
                settings: parsed, rules: pins.rules)
        } catch {
            throw fail(error, context)
        }
        if let path = output {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    context.fail(.cannotWrite(path: path, detail: describe(error)))
                    throw ExitCode(Exit.fileSystem)
                }
            }
            try writeAtomically(path, context) { tmp in try AtomicFile.write(next.bytes, to: tmp) }
            context.console.error(CLIMessage.wrote(path: path).render(context.language))
        } else {
            // The console adds the final line break back.
            var text = String(decoding: next.bytes, as: UTF8.self)
            if text.hasSuffix("\n") { text.removeLast() }
            context.console.print(text)
        }
        if next.nameKept {
            context.console.error(NextMessage.nameKept(name: next.loaded.scenario.name).render(context.language))
        }
        context.console.error(
            NextMessage.written(start: next.loaded.scenario.calendar.start.description, history: next.historyKept)
                .render(context.language))
    }
}
