import ArgumentParser
import ZhudianScenario

/// `--pin-team`, `--pin-person`, `--forbid-unit`, `--forbid-person`: the scenario's `pins` and
/// `forbid` given on the command line (`plan`, `next`, later `whatif`).
struct PinOptions: ParsableArguments {
    @Option(name: .customLong("pin-team"), help: "TERM:UNIT:SITE — the unit's team goes to the site in that term (repeatable).")
    var pinTeam: [String] = []

    @Option(name: .customLong("pin-person"), help: "TERM:PERSON:SITE — the person goes to the site in that term (repeatable).")
    var pinPerson: [String] = []

    @Option(name: .customLong("forbid-unit"), help: "UNIT:SITE — nobody of the unit stays at the site (repeatable).")
    var forbidUnit: [String] = []

    @Option(name: .customLong("forbid-person"), help: "PERSON:SITE — the person never stays at the site (repeatable).")
    var forbidPerson: [String] = []

    /// The options as the library's value.
    var rules: CommandLineRules {
        CommandLineRules(pinTeam: pinTeam, pinPerson: pinPerson, forbidUnit: forbidUnit, forbidPerson: forbidPerson)
    }
}

/// Prints an editing error as one `error:` line and exits 2, or 70 for an editor failure.
func fail(_ error: ScenarioEditError, _ context: CLIContext) -> ExitCode {
    if error.isInternal { return context.internalError(text: error.render(context.language)) }
    context.console.error("error: " + error.render(context.language))
    return ExitCode(Exit.badInput)
}
