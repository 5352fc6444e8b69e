import ArgumentParser

/// The one check of `--time-limit`, shared by every command that takes it, so that no value
/// a user can type reaches a conversion that could trap (`nan`, `inf`, `1e300`).
enum TimeLimit {
    /// The longest limit accepted: one year of seconds. A longer one is a typing mistake
    /// (and `1e300` would not fit the integer milliseconds a deadline is counted in).
    static let maximumSeconds: Double = 31_536_000

    /// Throws the user's `error:` line unless `seconds` is nil or a finite number of seconds
    /// above 0 and at most ``maximumSeconds``.
    ///
    ///     try TimeLimit.validate(60)     // fine
    ///     try TimeLimit.validate(.nan)   // ValidationError: --time-limit must be …
    static func validate(_ seconds: Double?) throws {
        guard let seconds else { return }
        // Written so that NaN fails too: every comparison with NaN is false.
        guard seconds > 0, seconds <= maximumSeconds else {
            throw ValidationError(CLIMessage.badTimeLimit.render(CLIContext.current.language))
        }
    }
}
