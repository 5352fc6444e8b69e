import ArgumentParser
import ZhudianScenario

/// `zhudian validate SCENARIO`: checks the scenario file only.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and list every problem with its line and column.",
        discussion: "Example: zhudian validate Scenarios/taierzhuang-2023.yaml")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        let context = CLIContext.current
        let loaded = try loadScenario(scenario, context)
        let s = loaded.scenario
        context.say(
            .validated(
                file: scenario, units: s.units.count, people: s.people.count, terms: s.calendar.terms,
                mode: s.mode.rawValue, structure: s.rules.structure.rawValue))
    }
}
