import ZhudianCore

/// `ics/bureau.ics`: the bureau's dated tasks (``BureauTasks``) as all-day events: the
/// scenario's events, each month's report deadline, move-ins, handovers, the last departure
/// and the quarterly evaluations. `X-ZHUDIAN-KIND` is the task's kind (`report`, `move-in`,
/// `handover`, `departure`, `evaluation`, `event`).
///
///     let (path, bytes) = BureauCalendar.file(roster, scenario: scenario)   // "ics/bureau.ics"
///
/// - Complexity: O(tasks · log tasks).
public enum BureauCalendar {
    /// The calendar's path inside the output folder.
    public static let path = ExportFormat.calendarFolder + "/bureau.ics"

    /// The path and bytes of the bureau's calendar.
    public static func file(_ roster: Roster, scenario: Scenario) -> (path: String, bytes: [UInt8]) {
        let facts = RosterFacts(roster, scenario: scenario)
        var w = RosterCalendars.begin(facts, name: "驻点监督工作日程 \(scenario.authority)")
        var seen: [String: Int] = [:]
        for task in tasks(facts) {
            // Two tasks of one kind on one day (two events) keep apart by a counter: UIDs stay stable.
            let key = "\(task.kind.rawValue)-\(ICSWriter.basic(task.range.from))"
            seen[key, default: 0] += 1
            RosterCalendars.event(
                &w, facts, uid: "bureau-\(key)-\(seen[key] ?? 1)", kind: task.kind.rawValue, range: task.range,
                summary: task.title, description: scenario.name, site: nil)
        }
        w.raw("END", "VCALENDAR")
        return (path, w.bytes)
    }

    /// The tasks of the roster's terms.
    static func tasks(_ facts: RosterFacts) -> [BureauTask] {
        BureauTasks.tasks(facts.scenario, terms: facts.roster.terms.map { DateRange(from: $0.start, to: $0.end) })
    }
}
