extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// Seconds from now until `deadline` (at least 0.01, so a solver never gets a zero limit);
/// nil without a deadline.
func secondsLeft(until deadline: ContinuousClock.Instant?) -> Double? {
    deadline.map { max(0.01, ContinuousClock.now.duration(to: $0).seconds) }
}

extension Duration {
    /// The longest duration a limit is taken as: 1e9 s (about 31 years), far past any
    /// solve, and small enough that its milliseconds fit an `Int64`.
    static let longestLimit: Double = 1e9

    /// `seconds` as a duration, by a conversion that cannot trap whatever a program passes:
    /// NaN, zero and negatives are no time at all; more than ``longestLimit`` (or infinity)
    /// is ``longestLimit``; the rest is rounded up to whole milliseconds.
    static func limit(seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        return .milliseconds(Int64((min(seconds, longestLimit) * 1000).rounded(.up)))
    }
}
