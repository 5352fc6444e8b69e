/// A calendar date with no time zone, as the notices write them (2022-08-20).
///
/// Written by hand rather than with Foundation's `Calendar`: the roster must be
/// byte-identical on every machine, and a civil date needs no time zone, locale
/// or clock — only the proleptic Gregorian day count (Howard Hinnant's
/// `days_from_civil`), which makes every comparison and difference an integer.
///
///     let d = CivilDate(year: 2022, month: 8, day: 20)!
///     d.addingMonths(6)        // 2023-02-20
///     d.description            // "2022-08-20"
///
/// - Complexity: every operation is O(1).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// Creates the date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Creates a date, or nil when it does not exist (2023-02-30, month 13, year outside 1..9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(year: year, month: month)
        else { return nil }
        dayNumber = CivilDate.daysFromCivil(year, month, day)
    }

    /// Parses `YYYY-MM-DD` exactly (four, two and two ASCII digits); nil otherwise or if the date does not exist.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        // civil_from_days (Hinnant)
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    /// The year.
    public var year: Int { components.year }
    /// The month, 1–12.
    public var month: Int { components.month }
    /// The day of the month, 1–31.
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// True on Saturday and Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `n` days later (earlier when negative).
    public func addingDays(_ n: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + n) }

    /// The date `n` calendar months later; a day that does not exist in the
    /// target month becomes its last day (2022-08-31 + 6 months = 2023-02-28).
    public func addingMonths(_ n: Int) -> CivilDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + n
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - ny * 12 + 1
        let nd = min(d, CivilDate.daysIn(year: ny, month: nm))
        return CivilDate(dayNumber: CivilDate.daysFromCivil(ny, nm, nd))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `YYYY-MM`, the month this date falls in.
    public var monthKey: String {
        let (y, m, _) = components
        return pad(y, 4) + "-" + pad(m, 2)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// Number of days in a month, leap years included.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Gregorian leap year.
    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
