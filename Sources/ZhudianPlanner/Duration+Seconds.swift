extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// Seconds from now until `deadline` (at least 0.01, so a solver never gets a zero limit);
/// nil without a deadline.
func secondsLeft(until deadline: ContinuousClock.Instant?) -> Double? {
    deadline.map { max(0.01, ContinuousClock.now.duration(to: $0).seconds) }
}

/// The instant `seconds` from now; nil without a limit. Any Double is accepted: NaN and
/// negatives mean now, and limits beyond a century are cut to a century, so the conversion
/// to whole milliseconds can never trap.
func deadline(after seconds: Double?) -> ContinuousClock.Instant? {
    guard let seconds else { return nil }
    let century = 100 * 365 * 86_400.0
    let bounded = seconds.isNaN ? 0 : min(max(seconds, 0), century)
    return ContinuousClock.now + .milliseconds(Int64(bounded * 1000))
}
