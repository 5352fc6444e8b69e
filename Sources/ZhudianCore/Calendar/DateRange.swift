/// An inclusive range of civil dates, `from...to`.
///
///     DateRange(from: d1, to: d2).overlaps(other)
public struct DateRange: Hashable, Sendable, CustomStringConvertible {
    /// First day, inclusive.
    public let from: CivilDate
    /// Last day, inclusive.
    public let to: CivilDate

    /// Creates the range; `to` earlier than `from` gives an empty range (the
    /// scenario loader refuses such input before it gets here).
    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    /// A single day.
    public init(day: CivilDate) { self.init(from: day, to: day) }

    /// True when the ranges share at least one day.
    public func overlaps(_ other: DateRange) -> Bool { from <= other.to && other.from <= to }

    /// True when `day` lies inside.
    public func contains(_ day: CivilDate) -> Bool { from <= day && day <= to }

    /// Number of days, 0 when empty.
    public var dayCount: Int { max(0, from.days(to: to) + 1) }

    /// `2022-10-03..2022-10-07`, or the single date.
    public var description: String { from == to ? from.description : "\(from)..\(to)" }
}
