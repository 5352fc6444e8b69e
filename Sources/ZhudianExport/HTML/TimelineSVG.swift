import ZhudianCore

/// One site's people over time as inline SVG: a bar per stay, the days shared with the team of
/// another term (the handover) darker, each visit (visiting mode) as an orange mark on the bars
/// of the people who make it, 空岗 runs as a red bar, term starts as dashed lines and month
/// starts as ticks.
///
/// - Complexity: O(stays at the site² + months).
enum TimelineSVG {
    static let width = 720.0
    static let labelWidth = 150.0
    static let rowHeight = 16.0

    static func svg(site: String, facts: RosterFacts) -> String {
        let range = facts.shownRange
        let days = Double(max(range.dayCount, 1))
        let plot = width - labelWidth - 10
        func x(_ d: CivilDate) -> Double { labelWidth + plot * Double(range.from.days(to: d)) / days }
        let stays = facts.staysBySite[site] ?? []
        let visits = facts.visits.filter { $0.visit.site == site }
        let gaps = facts.gapsBySite[site] ?? []
        let rows = stays.count + (gaps.isEmpty ? 0 : 1)
        let height = 22 + Double(rows) * rowHeight + 6
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 \(SVGText.f(width)) \(SVGText.f(height))\" width=\"\(SVGText.f(width))\" role=\"img\">"
        s += axis(range, x: x, height: height, facts: facts)
        for (i, ts) in stays.enumerated() {
            let y = 22 + Double(i) * rowHeight
            let home = facts.shortName(facts.homeUnit(ts.stay.person))
            s += SVGText.text("\(facts.personName(ts.stay.person))（\(home)）", x: labelWidth - 6, y: y + 11, anchor: "end", size: 10)
            let x0 = x(ts.stay.arrive), x1 = x(ts.stay.leave.addingDays(1))
            s += rect(x0, y + 2, x1 - x0, rowHeight - 4, fill: "#8fb3de")
            // Visiting mode: each visit this person makes here, as a mark on the assignment bar.
            for (term, visit) in visits where term == ts.term && visit.people.contains(ts.stay.person) {
                let v0 = x(visit.date), v1 = x(visit.date.addingDays(1))
                s += rect(v0, y + 1, max(v1 - v0, 2.5), rowHeight - 2, fill: visitColour)
            }
            for other in stays where other.term != ts.term {
                let from = max(ts.stay.arrive, other.stay.arrive), to = min(ts.stay.leave, other.stay.leave)
                guard from <= to else { continue }
                let h0 = x(from), h1 = x(to.addingDays(1))
                s += rect(h0, y + 2, max(h1 - h0, 1.5), rowHeight - 4, fill: "#2e5a8c")
            }
        }
        if !gaps.isEmpty {
            let y = 22 + Double(stays.count) * rowHeight
            s += SVGText.text(VacancyText.label, x: labelWidth - 6, y: y + 11, anchor: "end", size: 10, fill: "#c62828", weight: "bold")
            for g in gaps {
                let x0 = x(g.range.from), x1 = x(g.range.to.addingDays(1))
                s += rect(x0, y + 2, max(x1 - x0, 1.5), rowHeight - 4, fill: "#d32f2f")
            }
        }
        return s + "</svg>"
    }

    /// The colour of a visit's mark (the report's legend uses it too).
    static let visitColour = "#e65100"

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String) -> String {
        "<rect x=\"\(SVGText.f(x))\" y=\"\(SVGText.f(y))\" width=\"\(SVGText.f(w))\" height=\"\(SVGText.f(h))\" fill=\"\(fill)\"/>"
    }

    /// Month ticks (labelled `M月`, every second month on plans over a year) and term lines.
    static func axis(_ range: DateRange, x: (CivilDate) -> Double, height: Double, facts: RosterFacts) -> String {
        var s = ""
        var month = CivilDate(year: range.from.year, month: range.from.month, day: 1) ?? range.from
        if month < range.from { month = month.addingMonths(1) }
        let every = range.dayCount > 400 ? 2 : 1
        var i = 0
        while month <= range.to {
            let mx = x(month)
            s += "<line x1=\"\(SVGText.f(mx))\" y1=\"14\" x2=\"\(SVGText.f(mx))\" y2=\"\(SVGText.f(height - 4))\" stroke=\"#ddd\" stroke-width=\"0.8\"/>"
            if i % every == 0 {
                let label = month.month == 1 ? "\(month.year)年1月" : "\(month.month)月"
                s += SVGText.text(label, x: mx + 2, y: 11, size: 9, fill: "#666")
            }
            month = month.addingMonths(1)
            i += 1
        }
        for term in facts.roster.terms {
            let tx = x(term.start)
            s += "<line x1=\"\(SVGText.f(tx))\" y1=\"14\" x2=\"\(SVGText.f(tx))\" y2=\"\(SVGText.f(height - 4))\" stroke=\"#555\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>"
        }
        return s
    }
}
