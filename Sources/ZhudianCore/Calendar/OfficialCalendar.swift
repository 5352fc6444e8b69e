/// Mainland China's official holidays and make-up working days (调休), as the
/// General Office of the State Council announced them (国务院办公厅关于…部分节假日安排的通知),
/// and the working-day rule of SPEC §3 rule 10 built on them.
///
///     OfficialCalendar.cn(year: 2023)?.workdays.contains(CivilDate(iso: "2023-10-07")!)   // true
///     OfficialCalendar.isWorkingDay(CivilDate(iso: "2024-02-04")!, calendar: settings)  // true with official: cn
///
/// Only announced years are known; a year not yet announced gives nil and is never
/// guessed (the lunar holidays move, and the make-up days are a yearly decision).
public enum OfficialCalendar {
    /// Years whose arrangement the package knows.
    public static let knownYears: ClosedRange<Int> = 2022...2026

    /// The official holidays and make-up working days falling in `year`, each list sorted;
    /// nil for a year not announced (or not known to this version of the package).
    ///
    /// A date belongs to the year it falls in, not to the notice that announced it:
    /// 2022-12-31, announced with 2023's New Year holiday, is listed under 2022.
    /// Holiday lists include the weekend days inside each announced range.
    ///
    /// - Complexity: O(days listed for the year).
    public static func cn(year: Int) -> (holidays: [CivilDate], workdays: [CivilDate])? {
        guard knownYears.contains(year) else { return nil }
        let holidays = table.holidays.filter { $0.year == year }.sorted()
        let workdays = table.workdays.filter { $0.year == year }.sorted()
        return (holidays, workdays)
    }

    /// Whether `day` is a working day under `calendar` (SPEC §3 rule 10): Monday–Friday not in
    /// `holidays`, plus `workdays`; with `official: cn`, the official holidays count as if listed
    /// in `holidays` and the official make-up days as if listed in `workdays`.
    ///
    /// A make-up working day wins over a holiday listing the same date, as the SPEC's wording
    /// ("Monday–Friday not in holidays, plus workdays") reads. Dates in a year the package does
    /// not know fall back to the scenario's own lists (the scenario loader warns about them).
    ///
    /// - Complexity: O(holidays + workdays) of the scenario; O(1) for the official table.
    public static func isWorkingDay(_ day: CivilDate, calendar: CalendarSettings) -> Bool {
        let official = calendar.official == "cn"
        if calendar.workdays.contains(where: { $0.contains(day) }) { return true }
        if official, table.workdaySet.contains(day) { return true }
        if day.isWeekend { return false }
        if calendar.holidays.contains(where: { $0.contains(day) }) { return false }
        if official, table.holidaySet.contains(day) { return false }
        return true
    }

    /// Years between `range.from` and `range.to` that `official: cn` cannot answer for,
    /// so that the scenario loader can warn about them instead of guessing.
    public static func unannouncedYears(in range: DateRange) -> [Int] {
        guard range.from <= range.to else { return [] }
        let first = range.from.year
        let last = range.to.year
        return stride(from: first, through: last, by: 1).filter { !knownYears.contains($0) }
    }

    // MARK: - The table

    /// The notices of ``OfficialNotices`` expanded to days once; sets make `isWorkingDay` O(1) per call.
    private struct Table: Sendable {
        let holidays: [CivilDate]
        let workdays: [CivilDate]
        let holidaySet: Set<CivilDate>
        let workdaySet: Set<CivilDate>
    }

    private static let table: Table = {
        var holidays: [CivilDate] = []
        var workdays: [CivilDate] = []
        for notice in OfficialNotices.all {
            for (from, to) in notice.holidays {
                // The literals of `OfficialNotices` are checked by the tests; a typo drops the entry rather than trapping.
                guard let a = CivilDate(iso: from), let b = CivilDate(iso: to), a <= b else { continue }
                var d = a
                while d <= b {
                    holidays.append(d)
                    d = d.addingDays(1)
                }
            }
            workdays += notice.workdays.compactMap { CivilDate(iso: $0) }
        }
        return Table(
            holidays: holidays, workdays: workdays, holidaySet: Set(holidays),
            workdaySet: Set(workdays))
    }()
}
