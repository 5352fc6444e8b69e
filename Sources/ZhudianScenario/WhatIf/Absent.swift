import ZhudianCore

/// One `--absent PERSON:FROM..TO` of `whatif` (or `PERSON:DAY`), checked against a scenario.
///
///     try Absent(parsing: "SDS-01:2023-03-01..2023-04-30", in: scenario)
public struct Absent: Sendable, Equatable {
    /// The person's id.
    public let person: String
    /// The days, both included.
    public let days: DateRange

    /// Parses and checks: the person exists, the dates are real and in order.
    public init(parsing text: String, in s: Scenario) throws(ScenarioEditError) {
        // Ids may hold `:`-free characters only ([A-Za-z0-9_.-]), so the last `:` splits.
        guard let colon = text.lastIndex(of: ":"), colon != text.startIndex else { throw .malformedAbsence(text: text) }
        let id = String(text[..<colon])
        let range = String(text[text.index(after: colon)...])
        let dots = range.firstRange(of: "..")
        let first = dots.map { String(range[..<$0.lowerBound]) } ?? range
        let last = dots.map { String(range[$0.upperBound...]) } ?? range
        guard let from = CivilDate(iso: first), let to = CivilDate(iso: last) else { throw .malformedAbsence(text: text) }
        let people = s.people.map(\.id)
        guard people.contains(id) else {
            throw .unknownOptionID(
                option: "--absent", text: text, kind: .person, id: id, suggestion: Suggestion.closest(to: id, in: people))
        }
        guard from <= to else { throw .reversedAbsence(text: text) }
        person = id
        days = DateRange(from: from, to: to)
    }

    /// The days that fall on or after `cut` (all of them without one); nil when none do.
    func range(from cut: CivilDate?) -> DateRange? {
        guard let cut else { return days }
        guard days.to >= cut else { return nil }
        return DateRange(from: max(days.from, cut), to: days.to)
    }
}
