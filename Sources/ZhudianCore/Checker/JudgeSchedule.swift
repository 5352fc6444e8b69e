/// The checker's own terms and stay dates (SPEC §2), from the scenario's `calendar` and `mode`
/// with ``JudgeCalendar``'s arithmetic, never with the planner's `Scenario.termStart(_:)` or
/// `Scenario.stayRange(term:staysOn:)`.
///
///     let schedule = JudgeSchedule(scenario)     // start 2022-08-20, 6 months, handover 3
///     schedule.start(2)                          // 2023-02-20
///     schedule.stay(term: 1, staysOn: false)     // 2022-08-20..2023-02-22
///
/// Term 0, −1, … are the history terms before term 1: their people too leave on
/// `E_j + handoverDays` (SPEC 1.1), so the last history term hands over into term 1.
///
/// - Complexity: every function is O(1).
struct JudgeSchedule: Sendable {
    /// `calendar.start`, the first day of term 1.
    let first: CivilDate
    /// `calendar.termMonths`.
    let termMonths: Int
    /// `calendar.handoverDays`.
    let handoverDays: Int
    /// Visiting mode: a stay is the term itself.
    let visiting: Bool

    /// The schedule of `scenario`.
    init(_ scenario: Scenario) {
        first = scenario.calendar.start
        termMonths = scenario.calendar.termMonths
        handoverDays = scenario.calendar.handoverDays
        visiting = scenario.mode == .visiting
    }

    /// `S_k = start + (k−1)·termMonths` months, always counted from `start` (so 08-31 gives
    /// 02-28 and then 08-31 again, not 08-28).
    func start(_ k: Int) -> CivilDate { JudgeCalendar.addingMonths((k - 1) * termMonths, to: first) }

    /// `E_k = S_{k+1} − 1 day`.
    func end(_ k: Int) -> CivilDate { JudgeCalendar.addingDays(-1, to: start(k + 1)) }

    /// `S_k … E_k`.
    func days(_ k: Int) -> DateRange { DateRange(from: start(k), to: end(k)) }

    /// A stay of term `k`: `S_k … E_k + handoverDays`, or `S_k … E_k` when the person stays on
    /// at the same site in term k+1 or in visiting mode (no handover there).
    func stay(term k: Int, staysOn: Bool) -> DateRange {
        let end = end(k)
        let leave = visiting || staysOn ? end : JudgeCalendar.addingDays(handoverDays, to: end)
        return DateRange(from: start(k), to: leave)
    }
}

extension RosterChecker {
    /// The scenario's terms as the checker computes them.
    var schedule: JudgeSchedule { JudgeSchedule(scenario) }
}
