extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// Seconds from now until `deadline` (at least 0.01, so a solver never gets a zero limit);
/// nil without a deadline.
func secondsLeft(until deadline: ContinuousClock.Instant?) -> Double? {
    deadline.map { max(0.01, ContinuousClock.now.duration(to: $0).seconds) }
}
