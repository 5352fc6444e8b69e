import ZhudianCore

/// Every kind of problem a scenario file can have — the message table.
///
/// Each case carries what the message needs (the field's key path such as
/// `units[2].minStaff`, the value found, the allowed values) and renders in
/// English or Chinese. Every message names the field and says how to fix it.
///
///     ScenarioMessage.outOfRange(path: "calendar.termMonths", value: "13", bound: .between(1, 12))
///         .render(.en)
///     // `calendar.termMonths` is `13`, but it must be between 1 and 12; change it to a value in that range
public enum ScenarioMessage: LocalizedMessage, Equatable {
    // MARK: The file and its YAML

    /// The file could not be read (missing, unreadable, a directory).
    case cannotRead(reason: String)
    /// Over ``ScenarioLoader/maxFileSize`` bytes.
    case fileTooLarge(bytes: Int, limit: Int)
    /// A byte sequence that is not UTF-8.
    case notUTF8(byte: UInt8)
    /// No YAML document at all.
    case emptyFile
    /// The document is a list or a scalar.
    case topLevelNotMapping(found: FoundValue)
    /// A second `---` document.
    case multipleDocuments
    /// A tab where YAML wants spaces.
    case tabIndentation
    /// Any other YAML syntax error; `problem` and `context` are the parser's (English) words.
    case yamlSyntax(problem: String, context: String?)
    /// A key written twice in one mapping.
    case duplicateKey(path: String, firstLine: Int)
    /// Collections nested deeper than the loader walks.
    case nestingTooDeep(limit: Int)
    /// An alias whose expansion takes the file over the value limit ("billion laughs").
    case aliasExpansionTooLarge(alias: String, limit: Int)
    /// More values than any scenario needs.
    case tooManyValues(limit: Int)
    /// `*name` with no `&name` before it.
    case undefinedAlias(alias: String)
    /// A key that is a list, a mapping or empty.
    case keyNotText(path: String)

    // MARK: Fields

    /// A field the format does not have; `suggestion` is the closest valid one.
    case unknownField(path: String, suggestion: String?, valid: [String])
    /// A required field left out.
    case missingField(path: String)
    /// A value of the wrong kind.
    case wrongType(path: String, expected: ValueKind, found: FoundValue)
    /// A number outside its allowed values.
    case outOfRange(path: String, value: String, bound: NumberBound)
    /// `.inf` or `.nan`.
    case notFinite(path: String, value: String)
    /// A word that is not one of the allowed ones.
    case invalidChoice(path: String, value: String, choices: [String], suggestion: String?)
    /// Required text that is empty.
    case emptyText(path: String)
    /// `version` other than 1.
    case unsupportedVersion(found: String)
    /// A well-formed date that does not exist (2023-02-30).
    case impossibleDate(path: String, text: String)
    /// Not a `YYYY-MM-DD` date.
    case badDate(path: String, text: String)
    /// Neither a date nor `A..B`.
    case badDateOrRange(path: String, text: String)
    /// A range that ends before it starts.
    case reversedRange(path: String, from: String, to: String)
    /// A `reportDue` key that is not `YYYY-MM`.
    case badMonthKey(path: String, key: String)
    /// An id outside `[A-Za-z0-9_.-]{1,32}`.
    case invalidID(path: String, id: String)

    // MARK: References and contradictions

    /// A unit id used twice.
    case duplicateUnitID(path: String, id: String, firstLine: Int)
    /// A person id used twice.
    case duplicatePersonID(path: String, id: String, firstLine: Int)
    /// A unit id that `units` does not define.
    case unknownUnit(path: String, id: String, suggestion: String?)
    /// A person id that `people` does not define.
    case unknownPerson(path: String, id: String, suggestion: String?)
    /// A site that is an office or has `receives: false`.
    case siteNotReceiving(path: String, id: String)
    /// `receives: true` on an office.
    case officeReceives(path: String, unit: String)
    /// `sends: true` on an office under ring or cycles.
    case officeSendsUnderTeams(path: String, unit: String, structure: String)
    /// An enterprise with `sends: false` or `receives: false` under ring or cycles.
    case enterpriseMustTakePart(path: String, unit: String, field: String, structure: String)
    /// Ring or cycles with fewer than 2 enterprises.
    case tooFewEnterprises(structure: String, count: Int)
    /// No unit receives.
    case noSites
    /// `maxSitesPerPerson` > 1 with `mode: resident`.
    case sitesPerPersonInResident(value: Int)
    /// A pin or forbid entry with both or neither of `unit` and `person`.
    case needsOneSubject(path: String)
    /// A history entry whose `start` is not before the one below it would be (oldest first).
    case historyOutOfOrder(path: String, previous: String)
    /// A history entry that starts on or after `calendar.start`.
    case historyNotBeforePlan(path: String, start: String, planStart: String)

    // MARK: Warnings

    /// An office without `level` (statistics cannot place its staff).
    case officeWithoutLevel(path: String, unit: String)
    /// A forbid entry whose site does not receive, so it has no effect.
    case forbidSiteNotReceiving(path: String, id: String)
    /// `official: cn` on a plan with days in years the package's notices do not cover.
    case officialYearsUnknown(path: String, years: [Int], known: ClosedRange<Int>)

    // MARK: The installation

    /// The package's official calendar data is missing or malformed (a bug: exit 70).
    case officialCalendarBroken(detail: String)
    /// `whatif --overlay`: a value under `calendar`/`rules`/`objective` or of a unit or person
    /// written as a block over several lines, which the merge cannot place.
    case overlayBlockValue(path: String)
    /// `whatif --add-person`: the id is already the scenario's.
    case addedPersonExists(id: String)

    /// The message in `language`.
    public func render(_ language: Language) -> String {
        switch language {
        case .en: return english
        case .zh: return chinese
        }
    }
}
