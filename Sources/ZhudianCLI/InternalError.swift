import ArgumentParser

extension CLIContext {
    /// Prints `message` as an `error:` line and returns exit 70 to throw.
    ///
    /// The only place that makes exit 70, so an internal error never ends the process
    /// without saying what went wrong.
    ///
    ///     guard let roster = result.roster else { throw context.internalError(.missingRoster(outcome: "optimal")) }
    func internalError(_ message: CLIMessage) -> ExitCode {
        fail(message)
        return ExitCode(Exit.internalError)
    }
}
