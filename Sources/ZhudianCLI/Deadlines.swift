import ZhudianCore

/// The lines `plan` prints after its summary: the next three dated tasks of the bureau
/// (``BureauTasks``) on or after the plan's first day, or `--today`.
enum Deadlines {
    static let count = 3

    static func lines(_ roster: Roster, _ s: Scenario, today: CivilDate?, language: Language) -> [String] {
        let terms = roster.terms.sorted { $0.term < $1.term }.map { DateRange(from: $0.start, to: $0.end) }
        guard let first = terms.first?.from else { return [] }
        let from = today ?? first
        let next = BureauTasks.upcoming(BureauTasks.tasks(s, terms: terms), from: from, count: count)
        var out = [language == .zh ? "接下来的事项（\(from) 起）：" : "Next deadlines (from \(from)):"]
        if next.isEmpty { out.append(language == .zh ? "  无" : "  none in this plan") }
        for task in next {
            let days = task.range.from == task.range.to ? "\(task.range.from)" : "\(task.range.from)..\(task.range.to)"
            out.append("  \(days)  \(task.title)")
        }
        return out
    }
}
