/// The checker's own civil-day arithmetic, written from SPEC §2 apart from ``CivilDate``'s.
///
/// The checker reads a ``CivilDate`` only as the year, month and day it stands for, and builds
/// one back from a day count; every step in between is done here, so a bug in the arithmetic
/// the planner uses (``CivilDate/addingMonths(_:)`` and friends) shows up as a disagreement
/// instead of being repeated by the judge. The day count is the one SPEC-free convention both
/// sides document: days since 1970-01-01.
///
///     let d = JudgeCalendar.addingMonths(6, to: CivilDate(iso: "2022-08-31")!)   // 2023-02-28
///     JudgeCalendar.days(from: d, to: JudgeCalendar.addingDays(3, to: d))          // 3
///
/// Callers pass dates inside or near the plan (the rule files clip roster dates to the plan by
/// comparison first), so no sum here comes near `Int`'s limits.
///
/// - Complexity: every function is O(1).
enum JudgeCalendar {
    /// Days in the months before each month of a common year.
    private static let daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

    /// Days from 0001-01-01 to 1970-01-01 in the proleptic Gregorian calendar.
    private static let daysBeforeEpoch = 719_162

    /// Gregorian leap year: every fourth year, but not centuries, except every fourth century.
    static func isLeap(_ year: Int) -> Bool {
        floorMod(year, 4) == 0 && (floorMod(year, 100) != 0 || floorMod(year, 400) == 0)
    }

    /// Days in a month (1–12) of a year.
    static func length(year: Int, month: Int) -> Int {
        if month == 2 { return isLeap(year) ? 29 : 28 }
        return [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    /// Days since 1970-01-01 of a year, month (1–12) and day: whole years before it, whole
    /// months before it in its year, then the day.
    static func serial(year: Int, month: Int, day: Int) -> Int {
        let before = year - 1
        let yearDays = 365 * before + floorDiv(before, 4) - floorDiv(before, 100) + floorDiv(before, 400)
        let leapDay = month > 2 && isLeap(year) ? 1 : 0
        return yearDays + daysBeforeMonth[month - 1] + leapDay + day - 1 - daysBeforeEpoch
    }

    /// Days since 1970-01-01 of `date`, from its year, month and day.
    static func serial(_ date: CivilDate) -> Int {
        let (y, m, d) = date.components
        return serial(year: y, month: m, day: d)
    }

    /// The date `serial` days after 1970-01-01.
    static func date(serial: Int) -> CivilDate { CivilDate(dayNumber: serial) }

    /// The date `n` days after `date` (before it when negative).
    static func addingDays(_ n: Int, to date: CivilDate) -> CivilDate { self.date(serial: serial(date) + n) }

    /// Whole days from `a` to `b`, positive when `b` is later.
    static func days(from a: CivilDate, to b: CivilDate) -> Int { serial(b) - serial(a) }

    /// The date `n` calendar months after `date`; a day the target month lacks becomes its
    /// last day (SPEC §2: 2022-08-31 + 6 months = 2023-02-28).
    static func addingMonths(_ n: Int, to date: CivilDate) -> CivilDate {
        let (y, m, d) = date.components
        let months = y * 12 + (m - 1) + n
        let year = floorDiv(months, 12)
        let month = months - year * 12 + 1
        return self.date(serial: serial(year: year, month: month, day: min(d, length(year: year, month: month))))
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday, by Sakamoto's rule from year, month and day
    /// (not from the day count, so it checks the count too).
    static func weekday(_ date: CivilDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let (y, m, d) = date.components
        let year = m < 3 ? y - 1 : y
        // 0 = Sunday … 6 = Saturday.
        let sundayBased = floorMod(
            year + floorDiv(year, 4) - floorDiv(year, 100) + floorDiv(year, 400) + offsets[m - 1] + d, 7)
        return sundayBased == 0 ? 7 : sundayBased
    }

    /// Whether `day` lies in the inclusive range.
    static func contains(_ range: DateRange, _ day: CivilDate) -> Bool { range.from <= day && day <= range.to }

    /// Whether two inclusive ranges share a day.
    static func overlap(_ a: DateRange, _ b: DateRange) -> Bool { a.from <= b.to && b.from <= a.to }
}

/// Integer division rounding towards −∞ (Swift's `/` rounds towards zero).
private func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// The remainder that goes with ``floorDiv(_:_:)``: 0 ≤ r < b for b > 0.
private func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }
