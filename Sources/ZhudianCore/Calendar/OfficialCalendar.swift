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

    /// Holiday ranges and make-up days as each year's notice words them, so the source text
    /// can be compared line by line with the notice.
    private struct Notice {
        let holidays: [(String, String)]
        let workdays: [String]
    }

    private static let notices: [Notice] = [
        // 国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号, 2021-10-25)
        Notice(
            holidays: [
                ("2022-01-01", "2022-01-03"),  // 元旦
                ("2022-01-31", "2022-02-06"),  // 春节
                ("2022-04-03", "2022-04-05"),  // 清明节
                ("2022-04-30", "2022-05-04"),  // 劳动节
                ("2022-06-03", "2022-06-05"),  // 端午节
                ("2022-09-10", "2022-09-12"),  // 中秋节
                ("2022-10-01", "2022-10-07"),  // 国庆节
            ],
            workdays: [
                "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07",
                "2022-10-08", "2022-10-09",
            ]),
        // 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号, 2022-12-08)
        Notice(
            holidays: [
                ("2022-12-31", "2023-01-02"),  // 元旦
                ("2023-01-21", "2023-01-27"),  // 春节
                ("2023-04-05", "2023-04-05"),  // 清明节
                ("2023-04-29", "2023-05-03"),  // 劳动节
                ("2023-06-22", "2023-06-24"),  // 端午节
                ("2023-09-29", "2023-10-06"),  // 中秋节、国庆节
            ],
            workdays: [
                "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25",
                "2023-10-07", "2023-10-08",
            ]),
        // 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25)
        Notice(
            holidays: [
                ("2024-01-01", "2024-01-01"),  // 元旦, 与周末连休
                ("2024-02-10", "2024-02-17"),  // 春节
                ("2024-04-04", "2024-04-06"),  // 清明节
                ("2024-05-01", "2024-05-05"),  // 劳动节
                ("2024-06-10", "2024-06-10"),  // 端午节, 与周末连休
                ("2024-09-15", "2024-09-17"),  // 中秋节
                ("2024-10-01", "2024-10-07"),  // 国庆节
            ],
            workdays: [
                "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
                "2024-09-14", "2024-09-29", "2024-10-12",
            ]),
        // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)
        Notice(
            holidays: [
                ("2025-01-01", "2025-01-01"),  // 元旦
                ("2025-01-28", "2025-02-04"),  // 春节
                ("2025-04-04", "2025-04-06"),  // 清明节
                ("2025-05-01", "2025-05-05"),  // 劳动节
                ("2025-05-31", "2025-06-02"),  // 端午节
                ("2025-10-01", "2025-10-08"),  // 国庆节、中秋节
            ],
            workdays: [
                "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            ]),
        // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
        Notice(
            holidays: [
                ("2026-01-01", "2026-01-03"),  // 元旦
                ("2026-02-15", "2026-02-23"),  // 春节
                ("2026-04-04", "2026-04-06"),  // 清明节
                ("2026-05-01", "2026-05-05"),  // 劳动节
                ("2026-06-19", "2026-06-21"),  // 端午节
                ("2026-09-25", "2026-09-27"),  // 中秋节
                ("2026-10-01", "2026-10-07"),  // 国庆节
            ],
            workdays: [
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10",
            ]),
    ]

    /// The notices expanded to days once; sets make `isWorkingDay` O(1) per call.
    private struct Table: Sendable {
        let holidays: [CivilDate]
        let workdays: [CivilDate]
        let holidaySet: Set<CivilDate>
        let workdaySet: Set<CivilDate>
    }

    private static let table: Table = {
        var holidays: [CivilDate] = []
        var workdays: [CivilDate] = []
        for notice in notices {
            for (from, to) in notice.holidays {
                // The literals above are checked by the tests; a typo drops the entry rather than trapping.
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
