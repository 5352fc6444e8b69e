import ArgumentParser

extension CLIContext {
    /// Prints `message` as an `error:` line and returns exit 70 to throw.
    ///
    /// The only place that makes exit 70, so an internal error never ends the process
    /// without saying what went wrong.
    ///
    ///     guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "optimal")) }
    func internalError(_ message: CLIMessage) -> ExitCode {
        internalError(text: message.render(language))
    }

    /// The same for a message another module's table has already put in words.
    func internalError(text: String) -> ExitCode {
        console.error("error: " + text)
        return ExitCode(Exit.internalError)
    }
}
