import ZhudianCore

/// Pins and bans given on the command line (`--pin-team TERM:UNIT:SITE`,
/// `--pin-person TERM:PERSON:SITE`, `--forbid-unit UNIT:SITE`, `--forbid-person PERSON:SITE`):
/// the scenario's `pins` and `forbid`, written with `:` so no shell quoting is needed.
///
///     let rules = CommandLineRules(pinTeam: ["1:SDS:LS"], forbidPerson: ["QX-03:LS"])
///     let (pins, forbid) = try rules.resolve(against: scenario)
///
/// Each is checked as the loader checks the file's own entries: the term is one the scenario
/// plans, every id exists, a pinned site receives.
public struct CommandLineRules: Sendable, Equatable {
    /// `TERM:UNIT:SITE` values.
    public var pinTeam: [String]
    /// `TERM:PERSON:SITE` values.
    public var pinPerson: [String]
    /// `UNIT:SITE` values.
    public var forbidUnit: [String]
    /// `PERSON:SITE` values.
    public var forbidPerson: [String]

    /// Creates the set of options.
    public init(pinTeam: [String] = [], pinPerson: [String] = [], forbidUnit: [String] = [], forbidPerson: [String] = []) {
        self.pinTeam = pinTeam
        self.pinPerson = pinPerson
        self.forbidUnit = forbidUnit
        self.forbidPerson = forbidPerson
    }

    /// True when no option was given.
    public var isEmpty: Bool { pinTeam.isEmpty && pinPerson.isEmpty && forbidUnit.isEmpty && forbidPerson.isEmpty }

    /// The pins and forbid entries, in option order, checked against `scenario`.
    ///
    /// - Throws: ``ScenarioEditError`` for the first malformed option or unknown id.
    public func resolve(against scenario: Scenario) throws(ScenarioEditError) -> (pins: [Pin], forbid: [Forbid]) {
        let ids = IDs(scenario)
        var pins: [Pin] = []
        for text in pinTeam {
            let (term, unit, site) = try Self.pinParts("--pin-team", text, terms: scenario.calendar.terms)
            try ids.check("--pin-team", text, .unit, unit)
            try ids.check("--pin-team", text, .site, site)
            pins.append(Pin(term: term, subject: .unit(unit), site: site))
        }
        for text in pinPerson {
            let (term, person, site) = try Self.pinParts("--pin-person", text, terms: scenario.calendar.terms)
            try ids.check("--pin-person", text, .person, person)
            try ids.check("--pin-person", text, .site, site)
            pins.append(Pin(term: term, subject: .person(person), site: site))
        }
        var forbid: [Forbid] = []
        for text in forbidUnit {
            let (unit, site) = try Self.banParts("--forbid-unit", text, shape: "UNIT:SITE")
            try ids.check("--forbid-unit", text, .unit, unit)
            try ids.check("--forbid-unit", text, .unit, site)
            forbid.append(Forbid(subject: .unit(unit), site: site))
        }
        for text in forbidPerson {
            let (person, site) = try Self.banParts("--forbid-person", text, shape: "PERSON:SITE")
            try ids.check("--forbid-person", text, .person, person)
            try ids.check("--forbid-person", text, .unit, site)
            forbid.append(Forbid(subject: .person(person), site: site))
        }
        return (pins, forbid)
    }

    private static func pinParts(_ option: String, _ text: String, terms: Int) throws(ScenarioEditError) -> (Int, String, String) {
        let shape = option == "--pin-team" ? "TERM:UNIT:SITE" : "TERM:PERSON:SITE"
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[1].isEmpty, !parts[2].isEmpty, ScenarioDecoder.isInteger(parts[0]) else {
            throw .malformedOption(option: option, text: text, shape: shape)
        }
        guard let term = Int(parts[0]), (1...terms).contains(term) else {
            throw .termOutOfRange(option: option, text: text, terms: terms)
        }
        return (term, parts[1], parts[2])
    }

    private static func banParts(_ option: String, _ text: String, shape: String) throws(ScenarioEditError) -> (String, String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .malformedOption(option: option, text: text, shape: shape)
        }
        return (parts[0], parts[1])
    }

    /// The scenario's ids, for checks with a "did you mean".
    private struct IDs {
        let units: [String]
        let sites: [String]
        let people: [String]

        init(_ s: Scenario) {
            units = s.units.map(\.id)
            sites = s.units.filter(\.receives).map(\.id)
            people = s.people.map(\.id)
        }

        func check(
            _ option: String, _ text: String, _ kind: ScenarioEditError.IDKind, _ id: String
        ) throws(ScenarioEditError) {
            let pool: [String]
            switch kind {
            case .unit: pool = units
            case .site: pool = sites
            case .person: pool = people
            }
            guard !pool.contains(id) else { return }
            throw .unknownOptionID(
                option: option, text: text, kind: kind, id: id, suggestion: Suggestion.closest(to: id, in: pool))
        }
    }
}
