import ZhudianCore

/// `visits.csv` (visiting mode): one row per visit — the day, the enterprise, the people who go
/// together — in roster order (by date, then site), UTF-8 with a byte-order mark and CRLF as
/// `roster.csv`, whose header stays as it is. A roster without visits (resident mode) has no
/// such file.
///
///     let bytes = VisitsCSV.bytes(roster, scenario: scenario)   // nil for a resident roster
///
/// - Complexity: O(visits · people per visit).
public enum VisitsCSV {
    /// The header row, in the planner's words.
    public static let header = ["日期", "驻点企业", "人员"]

    /// The file's bytes, nil when no term of the roster has visits.
    public static func bytes(_ roster: Roster, scenario: Scenario) -> [UInt8]? {
        guard roster.terms.contains(where: { $0.visits != nil }) else { return nil }
        let facts = RosterFacts(roster, scenario: scenario)
        var lines = [header]
        for term in facts.roster.terms {
            for visit in term.visits ?? [] {
                lines.append([visit.date.description, facts.unitName(visit.site), visit.people.map(facts.personName).joined(separator: "、")])
            }
        }
        let text = lines.map { $0.map(RosterCSV.quote).joined(separator: ",") + "\r\n" }.joined()
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }
}
