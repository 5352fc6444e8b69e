import ZhudianCore
import ZhudianExport

/// The month-by-month view `plan` prints for a visiting term: one row per site with its
/// people, one column per calendar month of the term, each cell the days of that month's
/// visits (`-` for none), and a last row counting the month's visits.
///
///     企业          人员              2023-09  2023-10
///     甲化工        周建国、郑志强    5        7
///     走访次数                        3        3
///
/// - Complexity: O(sites · months + visits).
enum VisitGrid {
    static func lines(_ term: RosterTerm, facts: RosterFacts, language: Language) -> [String] {
        let months = monthKeys(from: term.start, to: term.end)
        var days: [String: [String: [Int]]] = [:]
        for v in term.visits ?? [] { days[v.site, default: [:]][v.date.monthKey, default: []].append(v.date.day) }
        let sites = facts.siteIDs.filter { !facts.team(at: $0, term: term.term).isEmpty || days[$0] != nil }
        let people = sites.map { facts.team(at: $0, term: term.term).map(facts.personName).joined(separator: "、") }
        let siteWidth = max(12, sites.map { Summary.width(facts.shortName($0)) }.max() ?? 0) + 2
        let peopleWidth = max(8, people.map(Summary.width).max() ?? 0) + 2
        func row(_ site: String, _ who: String, _ cells: [String]) -> String {
            let line = "  " + Summary.pad(site, siteWidth) + Summary.pad(who, peopleWidth) + cells.map { Summary.pad($0, 9) }.joined()
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        var out = [row(language == .zh ? "企业" : "site", language == .zh ? "人员" : "people", months)]
        for (site, who) in zip(sites, people) {
            let cells = months.map { m in days[site]?[m].map { $0.sorted().map(String.init).joined(separator: ",") } ?? "-" }
            out.append(row(facts.shortName(site), who, cells))
        }
        let counts = months.map { m in String((term.visits ?? []).filter { $0.date.monthKey == m }.count) }
        out.append(row(language == .zh ? "走访次数" : "visits", "", counts))
        return out
    }

    /// `YYYY-MM` of every calendar month that meets `from...to`.
    static func monthKeys(from: CivilDate, to: CivilDate) -> [String] {
        guard from <= to, var month = CivilDate(year: from.year, month: from.month, day: 1) else { return [] }
        var keys: [String] = []
        while month <= to {
            keys.append(month.monthKey)
            month = month.addingMonths(1)
        }
        return keys
    }
}
