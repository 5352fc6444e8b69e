/// Sums of the counters over some rows.
public struct WorkLogTotals: Sendable, Equatable {
    /// Counter → sum; a counter no row filled is 0.
    public private(set) var sums: [WorkLogCounter: Double] = [:]
    /// Rows added up.
    public private(set) var rows = 0

    /// No rows.
    public init() {}

    /// Adds one row's counts.
    public mutating func add(_ entry: WorkLogEntry) {
        rows += 1
        for (c, x) in entry.counts { sums[c, default: 0] += x }
    }

    /// The sum of a counter, money rounded to 0.0001 万元 (one yuan) so binary fractions never show.
    public subscript(_ c: WorkLogCounter) -> Double {
        let x = sums[c] ?? 0
        return c.allowsDecimals ? (x * 10_000).rounded() / 10_000 : x
    }

    /// A count as the tables write it: whole numbers without a point, money with up to four decimals.
    public static func text(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        let scaled = Int((x * 10_000).rounded())
        var fraction = String(abs(scaled) % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(scaled < 0 ? "-" : "")\(abs(scaled) / 10_000).\(fraction)"
    }
}
