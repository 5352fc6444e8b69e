/// The checker's own working-day test (SPEC §3 rule 10) and its own reader of the official
/// notices' data (``OfficialNotices``), apart from ``OfficialCalendar``, which the scenario
/// loader and planners use: the data is one file, its two readers share no code.
///
///     JudgeWorkingDays.isWorkingDay(CivilDate(iso: "2024-02-04")!, calendar: settings)  // true with official: cn
enum JudgeWorkingDays {
    /// Whether `day` is a working day under `calendar`: Monday–Friday not in `holidays`, plus
    /// `workdays`; with `official: cn` the announced holidays count as listed in `holidays`
    /// and the announced make-up days as listed in `workdays`. A listed make-up day wins over
    /// a holiday listing the same date, as "…not in holidays, plus workdays" reads.
    ///
    /// - Complexity: O(holidays + workdays) of the scenario; O(1) for the official days.
    static func isWorkingDay(_ day: CivilDate, calendar: CalendarSettings) -> Bool {
        let official = calendar.official == "cn"
        if calendar.workdays.contains(where: { JudgeCalendar.contains($0, day) }) || (official && table.workdays.contains(day)) { return true }
        if JudgeCalendar.weekday(day) >= 6 { return false }
        if calendar.holidays.contains(where: { JudgeCalendar.contains($0, day) }) { return false }
        return !(official && table.holidays.contains(day))
    }

    /// The official days, read once.
    private static let table = Table()

    private struct Table: Sendable {
        let holidays: Set<CivilDate>
        let workdays: Set<CivilDate>

        init() {
            var holidays: Set<CivilDate> = []
            var workdays: Set<CivilDate> = []
            for notice in OfficialNotices.all {
                for (first, last) in notice.holidays {
                    guard let a = parse(first), let b = parse(last), a <= b else { continue }
                    for n in a...b { holidays.insert(JudgeCalendar.date(serial: n)) }
                }
                for text in notice.workdays {
                    if let n = parse(text) { workdays.insert(JudgeCalendar.date(serial: n)) }
                }
            }
            self.holidays = holidays
            self.workdays = workdays
        }
    }

    /// `YYYY-MM-DD` as a day count since 1970-01-01; nil for anything else or a day the month
    /// lacks. The literals are the package's own and checked by the tests, so a typo drops
    /// the entry (and fails the agreement test) rather than trapping.
    private static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...JudgeCalendar.length(year: y, month: m)).contains(d)
        else { return nil }
        return JudgeCalendar.serial(year: y, month: m, day: d)
    }
}
