import ZhudianCore

/// One calendar month of a term that rule 10 asks visits in: the month's working days inside
/// the term (SPEC §3 rule 10: only months with a working day inside the term count).
struct VisitMonth: Sendable, Equatable {
    /// Plan term, 1…T.
    let term: Int
    /// First day of the calendar month (for messages: its `YYYY-MM`).
    let first: CivilDate
    /// The month's days inside the term (the window the spreading rule divides).
    let span: DateRange
    /// Working days inside the term, ascending day numbers; never empty.
    let days: [Int]
}

/// The planner's view of visiting days: each term's months with their working days
/// (``OfficialCalendar/isWorkingDay(_:calendar:)``, the planner-side rule) and each person's
/// availability, as day numbers so that the calendar stage compares integers.
///
/// - Complexity: O(days of the plan × (holidays + workdays)) to build; lookups O(1) or
///   O(absences of the person).
struct VisitDays: Sendable {
    /// Months per plan term: `months[k]` for term k (index 0 unused).
    let months: [[VisitMonth]]
    /// Per person: their absences as inclusive day-number ranges.
    private let absences: [[ClosedRange<Int>]]

    init(_ ctx: PlanContext) {
        let s = ctx.scenario
        var months: [[VisitMonth]] = [[]]
        for k in 1...max(1, ctx.terms) {
            let term = s.termRange(k)
            var out: [VisitMonth] = []
            var month = CivilDate(year: term.from.year, month: term.from.month, day: 1) ?? term.from
            while month <= term.to {
                let next = month.addingMonths(1)
                let span = DateRange(from: max(month, term.from), to: min(next.addingDays(-1), term.to))
                var days: [Int] = []
                var d = span.from
                while d <= span.to {
                    if OfficialCalendar.isWorkingDay(d, calendar: s.calendar) { days.append(d.dayNumber) }
                    d = d.addingDays(1)
                }
                if !days.isEmpty { out.append(VisitMonth(term: k, first: month, span: span, days: days)) }
                month = next
            }
            months.append(out)
        }
        self.months = months
        absences = s.people.map { p in p.unavailable.map { $0.range.from.dayNumber...$0.range.to.dayNumber } }
    }

    /// Whether person `p` is available on day number `day`.
    func available(_ p: Int, _ day: Int) -> Bool { !absences[p].contains { $0.contains(day) } }

    /// The days of `month` on which every one of `people` is available.
    func commonDays(_ people: [Int], in month: VisitMonth) -> [Int] {
        month.days.filter { d in people.allSatisfy { available($0, d) } }
    }

    /// Whether `count` visits at least `gap` days apart fit into `days` (ascending): taking the
    /// earliest day each time is optimal for one sequence.
    static func fits(_ count: Int, gap: Int, in days: [Int]) -> Bool {
        var made = 0
        var last = Int.min / 2
        for d in days where d - last >= max(gap, 1) {
            made += 1
            last = d
            if made >= count { return true }
        }
        return made >= count
    }
}
