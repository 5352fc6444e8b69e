import ZhudianCore

/// `roster.md`: a summary to paste into a report — the solve figures, each term's links in
/// ring order with the people and dates, in visiting mode each site's visit days month by
/// month, and the empty posts (空岗) of a best-effort roster.
///
/// Planner-provided text is escaped so that a name holding `|`, `*` or `<` cannot break a
/// table or inject HTML into a Markdown renderer.
///
/// - Complexity: O(stays · log stays).
public enum RosterMarkdown {
    /// The file's bytes (UTF-8, LF line ends).
    public static func bytes(_ roster: Roster, scenario: Scenario) -> [UInt8] {
        let facts = RosterFacts(roster, scenario: scenario)
        let s = facts.scenario
        var lines = ["# " + escape(s.name), ""]
        let mode = s.mode == .resident ? "蹲守式驻点" : "两人一企"
        lines.append([s.authority, s.sector, mode, "\(facts.horizon.from) 至 \(facts.horizon.to)"]
            .filter { !$0.isEmpty }.map(escape).joined(separator: " · "))
        lines.append("")
        let v = facts.roster.solve
        lines += [
            "| 状态 | 目标值 | 下界 | 差距 | 用时（秒） |", "| --- | ---: | ---: | ---: | ---: |",
            "| \(v.status.rawValue) | \(v.objective.map(ReportHTML.number) ?? "—") | \(v.bound.map(ReportHTML.number) ?? "—") | "
                + "\(v.gap.map { ReportHTML.number($0 * 100) + "%" } ?? "—") | \(ReportHTML.number(v.seconds)) |", "",
        ]
        for term in facts.roster.terms {
            lines += ["## 第 \(term.term) 轮（\(term.start) 至 \(term.end)）", ""]
            lines += ["| 环 | 派出单位 | 驻点企业 | 驻点人员 | 进驻日期 | 撤离日期 |", "| ---: | --- | --- | --- | --- | --- |"]
            for (c, chain) in LinkChains.chains(term.links).enumerated() {
                for link in chain {
                    let stays = term.stays.filter { $0.site == link.to && facts.homeUnit($0.person) == link.from }
                    let people = stays.map { facts.personName($0.person) }.joined(separator: "、")
                    let arrive = stays.map(\.arrive).min().map(\.description) ?? ""
                    let leave = stays.map(\.leave).max().map(\.description) ?? ""
                    lines.append("| \(c + 1) | \(escape(facts.shortName(link.from))) | \(escape(facts.shortName(link.to))) | "
                        + "\(escape(people)) | \(arrive) | \(leave) |")
                }
            }
            lines.append("")
            if term.visits != nil { lines += visitGrid(term, facts) }
        }
        let gaps = facts.siteIDs.flatMap { site in (facts.gapsBySite[site] ?? []).map { (site, $0) } }
        if !gaps.isEmpty {
            lines += ["## \(VacancyText.label)", "", "| 驻点企业 | 日期 | 在岗 | 需要 |", "| --- | --- | ---: | ---: |"]
            for (site, g) in gaps {
                lines.append("| \(escape(facts.shortName(site))) | \(g.range.from) 至 \(g.range.to) | \(g.present) | \(g.needed) |")
            }
            lines.append("")
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// Visiting mode: each site's visit days, month by month (a visit on 2023-10-07 is `7` in
    /// the 2023-10 column).
    static func visitGrid(_ term: RosterTerm, _ facts: RosterFacts) -> [String] {
        var months: [String] = []
        var month = CivilDate(year: term.start.year, month: term.start.month, day: 1) ?? term.start
        while month <= term.end {
            months.append(month.monthKey)
            month = month.addingMonths(1)
        }
        var lines = ["### 走访", "", "| 驻点企业 | 驻点人员 | " + months.joined(separator: " | ") + " |",
                     "| --- | --- |" + String(repeating: " ---: |", count: months.count)]
        for site in facts.siteIDs {
            let visits = (term.visits ?? []).filter { $0.site == site }
            let team = facts.team(at: site, term: term.term)
            guard !visits.isEmpty || !team.isEmpty else { continue }
            let cells = months.map { key in visits.filter { $0.date.monthKey == key }.map { String($0.date.day) }.joined(separator: ", ") }
            lines.append("| \(escape(facts.shortName(site))) | \(escape(team.map(facts.personName).joined(separator: "、"))) | "
                + cells.map { $0.isEmpty ? "—" : $0 }.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    /// Backslash-escapes the characters that Markdown or a table would read as markup.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#", "~": out += "\\" + String(ch)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
