import ZhudianCore

/// A ``RosterDiff`` as JSON (`diff.json`): ids only, keys in a fixed order, lists as the
/// diff sorts them, numbers in shortest round-trip form.
///
///     {"format": "zhudian-diff", "version": 1,
///      "before": {"scenario": "…", "objective": 82.2, "cost": {"distance": 42.2, "fairness": 40, "total": 82.2}},
///      "after": {…},
///      "terms": [{"term": 1, "linksBefore": [{"from": "QX", "to": "SDS"}], "linksAfter": […],
///                 "ringBefore": [["HTS", "ZS", "LHS", "LS"], ["QX", "SDS"]], "ringAfter": […],
///                 "added": […], "removed": […], "moves": [{"person": "SDS-01", "from": ["QX"], "to": []}],
///                 "uncovered": []}]}
public enum RosterDiffJSON {
    /// UTF-8 JSON ending in a newline.
    public static func bytes(_ diff: RosterDiff) -> [UInt8] {
        var out = "{\n  \"format\": \"zhudian-diff\",\n  \"version\": 1,\n"
        out += "  \"before\": " + side(diff.scenarioBefore, diff.objectiveBefore, diff.costBefore) + ",\n"
        out += "  \"after\": " + side(diff.scenarioAfter, diff.objectiveAfter, diff.costAfter) + ",\n"
        out += "  \"terms\": [" + diff.terms.map { "\n    " + term($0) }.joined(separator: ",") + (diff.terms.isEmpty ? "]" : "\n  ]")
        out += "\n}\n"
        return Array(out.utf8)
    }

    private static func side(_ name: String, _ objective: Double?, _ cost: RosterCost?) -> String {
        let c = cost.map {
            "{\"distance\": \(number($0.distance)), \"fairness\": \(number($0.fairness)), \"total\": \(number($0.total))}"
        }
        return "{\"scenario\": \(JSONString.literal(name)), \"objective\": \(objective.map(number) ?? "null"), \"cost\": \(c ?? "null")}"
    }

    private static func term(_ t: RosterDiff.TermDiff) -> String {
        let fields = [
            "\"term\": \(t.term)", "\"linksBefore\": \(links(t.linksBefore))", "\"linksAfter\": \(links(t.linksAfter))",
            "\"ringBefore\": \(ring(t.ringBefore))", "\"ringAfter\": \(ring(t.ringAfter))",
            "\"added\": \(links(t.added))", "\"removed\": \(links(t.removed))",
            "\"moves\": [" + t.moves.map { "{\"person\": \(JSONString.literal($0.person)), \"from\": \(strings($0.from)), \"to\": \(strings($0.to))}" }
                .joined(separator: ", ") + "]",
            "\"uncovered\": \(strings(t.uncovered))",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func links(_ l: [Link]) -> String {
        "[" + l.map { "{\"from\": \(JSONString.literal($0.from)), \"to\": \(JSONString.literal($0.to))}" }.joined(separator: ", ") + "]"
    }

    private static func ring(_ r: [[String]]?) -> String {
        guard let r else { return "null" }
        return "[" + r.map(strings).joined(separator: ", ") + "]"
    }

    private static func strings(_ s: [String]) -> String { "[" + s.map(JSONString.literal).joined(separator: ", ") + "]" }

    /// Shortest round-trip text; integral values without `.0`.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}
