/// The bureau's dated tasks over a plan: the scenario's events, each month's report deadline,
/// every term's move-in and handover, the last departure and the quarterly evaluations.
///
///     let tasks = BureauTasks.tasks(scenario, terms: roster.terms.map { DateRange(from: $0.start, to: $0.end) })
///     BureauTasks.upcoming(tasks, from: today, count: 3)
///
/// - Complexity: O(events · log events + months of the plan).
public enum BureauTasks {
    /// The day the report of `month` (`YYYY-MM`) is due: `reportDue[month]` when given, else
    /// `reportDay` of that month, or its last day when the month is shorter; nil when the
    /// scenario sets neither.
    public static func reportDeadline(year: Int, month: Int, calendar: CalendarSettings) -> CivilDate? {
        let key = (CivilDate(year: year, month: month, day: 1)?.monthKey) ?? ""
        if let due = calendar.reportDue[key] { return due }
        guard let day = calendar.reportDay else { return nil }
        return CivilDate(year: year, month: month, day: min(day, CivilDate.daysIn(year: year, month: month)))
    }

    /// Every task of a plan whose terms are `terms` (in order), sorted by day, then kind, then title.
    ///
    /// Report deadlines are given for every calendar month that shares a day with the plan, even
    /// when the deadline itself falls outside it (notice 002: October's report is due on
    /// 26 September). Quarterly evaluations fall on the last day of every calendar quarter
    /// inside the plan.
    public static func tasks(_ scenario: Scenario, terms: [DateRange]) -> [BureauTask] {
        guard let first = terms.first, let last = terms.last else { return [] }
        let horizon = DateRange(from: first.from, to: last.to)
        var out = scenario.calendar.events.map { BureauTask(kind: .event, range: DateRange(day: $0.date), title: $0.title) }
        out += termTasks(scenario, terms: terms)
        out += reports(scenario.calendar, horizon: horizon)
        out += evaluations(horizon)
        return out.sorted { ($0.range.from, $0.kind, $0.title) < ($1.range.from, $1.kind, $1.title) }
    }

    /// The first `count` tasks that start on or after `day`.
    public static func upcoming(_ tasks: [BureauTask], from day: CivilDate, count: Int) -> [BureauTask] {
        Array(tasks.filter { $0.range.from >= day }.prefix(count))
    }

    static func termTasks(_ scenario: Scenario, terms: [DateRange]) -> [BureauTask] {
        let h = scenario.calendar.handoverDays
        let resident = scenario.mode == .resident
        var out: [BureauTask] = []
        for (i, term) in terms.enumerated() {
            let k = i + 1
            out.append(BureauTask(kind: .moveIn, range: DateRange(day: term.from),
                                  title: resident ? "第\(k)轮驻点人员进驻" : "第\(k)轮驻点监督开始"))
            // Term 1 hands over only from a history term (SPEC §2: its people stay E_0 + h).
            guard resident, h > 0, k > 1 || !scenario.history.isEmpty else { continue }
            let outgoing = k > 1 ? "第\(k - 1)轮" : "上一轮"
            out.append(BureauTask(kind: .handover, range: DateRange(from: term.from, to: term.from.addingDays(h - 1)),
                                  title: "第\(k)轮交接（\(outgoing)人员留守交接，\(term.from.addingDays(h - 1))撤离）"))
        }
        if resident, let last = terms.last {
            out.append(BureauTask(kind: .departure, range: DateRange(day: last.to.addingDays(h)),
                                  title: "第\(terms.count)轮驻点人员撤离"))
        }
        return out
    }

    static func reports(_ calendar: CalendarSettings, horizon: DateRange) -> [BureauTask] {
        var out: [BureauTask] = []
        var month = CivilDate(year: horizon.from.year, month: horizon.from.month, day: 1) ?? horizon.from
        while month <= horizon.to {
            if let due = reportDeadline(year: month.year, month: month.month, calendar: calendar) {
                out.append(BureauTask(kind: .report, range: DateRange(day: due),
                                      title: "报送\(month.year)年\(month.month)月驻点监督工作情况及统计表"))
            }
            month = month.addingMonths(1)
        }
        return out
    }

    static func evaluations(_ horizon: DateRange) -> [BureauTask] {
        var out: [BureauTask] = []
        for year in horizon.from.year...horizon.to.year {
            for quarter in 1...4 {
                guard let end = CivilDate(year: year, month: quarter * 3, day: CivilDate.daysIn(year: year, month: quarter * 3)),
                      horizon.contains(end) else { continue }
                out.append(BureauTask(kind: .evaluation, range: DateRange(day: end),
                                      title: "评估\(year)年第\(quarter)季度驻点监督工作情况（每季度至少一次）"))
            }
        }
        return out
    }
}
