import ZhudianCore

/// `roster.md`: a summary to paste into a report — the solve figures, each term's links in
/// ring order with the people and dates, and the empty posts (空岗) of a best-effort roster.
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
