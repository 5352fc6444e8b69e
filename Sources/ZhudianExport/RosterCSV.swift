import Foundation
import ZhudianCore

/// `roster.csv`: one row per stay, UTF-8 with a byte-order mark so that Excel opens the
/// Chinese text correctly (SPEC §6); after each term's stays, one 空岗 row per run of days a
/// site has fewer people than it needs (a best-effort roster's empty posts).
///
/// Written by hand: RFC 4180 quoting is a few lines, and the CSV libraries on the package
/// mirror are readers first; what matters here is the exact bytes Excel expects.
///
///     let bytes = RosterCSV.bytes(roster, scenario: scenario)
///
/// - Complexity: O(stays).
public enum RosterCSV {
    /// The header row, as the planner's Excel sheets name the columns.
    public static let header = ["轮次", "派出单位", "驻点企业", "姓名", "进驻日期", "撤离日期"]

    /// The file's bytes: BOM, header, one CRLF-terminated row per stay in roster order, then
    /// the term's empty posts.
    public static func bytes(_ roster: Roster, scenario: Scenario) -> [UInt8] {
        let index = ScenarioIndex(scenario)
        let facts = RosterFacts(roster, scenario: scenario)
        func unitName(_ id: String) -> String {
            index.unit[id].map { scenario.units[$0].name } ?? id
        }
        var lines = [header]
        for term in roster.terms.sorted(by: { $0.term < $1.term }) {
            for stay in term.stays {
                let person = index.person[stay.person].map { scenario.people[$0] }
                lines.append([
                    String(term.term),
                    person.map { unitName($0.unit) } ?? "",
                    unitName(stay.site),
                    person?.name ?? stay.person,
                    stay.arrive.description,
                    stay.leave.description,
                ])
            }
            let days = DateRange(from: term.start, to: term.end)
            for site in facts.siteIDs {
                for gap in facts.gapsBySite[site] ?? [] where gap.range.overlaps(days) {
                    let from = max(gap.range.from, days.from)
                    let to = min(gap.range.to, days.to)
                    lines.append([String(term.term), "", unitName(site), "空岗", from.description, to.description])
                }
            }
        }
        let text = lines.map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// Characters that make a spreadsheet read a cell as a formula when they lead it
    /// (OWASP "CSV Injection"): names come from planners' files, and `=HYPERLINK(…)` or
    /// `@SUM(…)` in a name must reach the sheet as text.
    static let formulaLeads: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell: RFC 4180 quoting, and a cell a spreadsheet would run as a formula gets a
    /// leading `'` inside quotes, as OWASP advises (the `'` shows; the formula never runs).
    static func quote(_ field: String) -> String {
        if let first = field.unicodeScalars.first, formulaLeads.contains(first) {
            return "\"'" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
