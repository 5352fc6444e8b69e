/// The checker's own working-day test (SPEC §3 rule 10) on its own reading of the official
/// calendar data (``JudgeOfficialDays``), apart from ``OfficialCalendar``, which the scenario
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
        if calendar.workdays.contains(where: { JudgeCalendar.contains($0, day) }) || (official && days.workdays.contains(day)) { return true }
        if JudgeCalendar.weekday(day) >= 6 { return false }
        if calendar.holidays.contains(where: { JudgeCalendar.contains($0, day) }) { return false }
        return !(official && days.holidays.contains(day))
    }

    /// The official days; the command line checks ``RosterChecker/officialCalendarProblem``
    /// before judging, so reaching a broken file here is a bug, stopped with its message.
    private static var days: JudgeOfficialDays {
        switch JudgeOfficialDays.loaded {
        case .success(let days): return days
        case .failure(let problem): preconditionFailure(problem.text)
        }
    }
}
