import ZhudianCore

/// The bureau's dated tasks (``BureauTasks``) on the report's timeline: one row per group
/// (events, move-ins and handovers, report deadlines, evaluations) with a mark on each day, on
/// the same month axis as the sites' timelines, and the list of tasks under it.
///
/// - Complexity: O(tasks + months).
enum TasksSVG {
    static let rows: [(label: String, kinds: [BureauTask.Kind], color: String)] = [
        ("工作事项", [.event], "#6a1b9a"), ("进驻交接", [.moveIn, .handover, .departure], "#2e5a8c"),
        ("月报截止", [.report], "#e08a00"), ("季度评估", [.evaluation], "#2e7d32"),
    ]

    static func section(_ facts: RosterFacts) -> String {
        let tasks = BureauCalendar.tasks(facts)
        guard !tasks.isEmpty else { return "" }
        var h = "<div class=\"site\"><h3>工作日程（bureau.ics）</h3>" + svg(tasks, facts) + "<table><tr><th>日期</th><th>事项</th></tr>"
        for t in tasks {
            let days = t.range.from == t.range.to ? "\(t.range.from)" : "\(t.range.from) 至 \(t.range.to)"
            h += "<tr><td>\(days)</td><td>\(Markup.escape(t.title))</td></tr>"
        }
        return h + "</table></div>"
    }

    static func svg(_ tasks: [BureauTask], _ facts: RosterFacts) -> String {
        let shown = facts.shownRange
        let range = DateRange(from: min(shown.from, tasks.map(\.range.from).min() ?? shown.from),
                              to: max(shown.to, tasks.map(\.range.to).max() ?? shown.to))
        let width = TimelineSVG.width, left = TimelineSVG.labelWidth, rowHeight = TimelineSVG.rowHeight
        let days = Double(max(range.dayCount, 1))
        let plot = width - left - 10
        func x(_ d: CivilDate) -> Double { left + plot * Double(range.from.days(to: d)) / days }
        let height = 22 + Double(rows.count) * rowHeight + 6
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 \(SVGText.f(width)) \(SVGText.f(height))\" width=\"\(SVGText.f(width))\" role=\"img\">"
        s += TimelineSVG.axis(range, x: x, height: height, facts: facts)
        for (i, row) in rows.enumerated() {
            let y = 22 + Double(i) * rowHeight
            s += SVGText.text(row.label, x: left - 6, y: y + 11, anchor: "end", size: 10)
            for t in tasks where row.kinds.contains(t.kind) {
                let x0 = x(t.range.from), x1 = x(t.range.to.addingDays(1))
                s += TimelineSVG.rect(x0, y + 2, max(x1 - x0, 2.5), rowHeight - 4, fill: row.color)
            }
        }
        return s + "</svg>"
    }
}
