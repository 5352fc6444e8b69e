import ZhudianCore

/// One `--set PATH=VALUE` of `next` and `whatif`: a scenario field and its new value as
/// the planner would write it in the file.
///
/// Paths use the file's field names: `name`, `rules.minStaff`, `calendar.terms`,
/// `objective.distance`, `units.ID.minStaff`, `people.ID.qualified` (an id may itself
/// hold dots: the field is the last part). Lists and mappings (`calendar.holidays`,
/// `people.ID.unavailable`, `pins` …) are not one value and are refused.
///
///     let s = try ScenarioSetting(parsing: "rules.structure=ring")
///     let text = try ScenarioSetting.apply([s], to: fileText, file: "s.yaml")
///
/// The value is judged by the scenario loader itself: the edited text is loaded again and
/// the loader's message is the error.
public struct ScenarioSetting: Sendable, Equatable {
    /// The field, as written on the command line.
    public let path: String
    /// The value, as written on the command line.
    public let value: String

    /// Parses `PATH=VALUE` (the first `=` splits; the value may be empty or hold `=`).
    public init(parsing text: String) throws(ScenarioEditError) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw .malformedSetting(text: text)
        }
        path = String(text[..<eq]).trimmingSpaces()
        value = String(text[text.index(after: eq)...])
    }

    /// `PATH=VALUE`, as given.
    public var description: String { "\(path)=\(value)" }

    /// Fields whose value is text (quoted when YAML needs it); every other field is a
    /// number, boolean, date or choice, written as one plain token.
    static let textFields: Set<String> = ["name", "authority", "sector", "short", "group", "town", "unit", "phone", "official"]
    /// Dates and choices: plain tokens, which the loader also reads quoted, so a value the
    /// file quotes stays quoted.
    static let quotableTokens: Set<String> = [
        "start", "mode", "kind", "level", "structure", "mutualPairs", "sameGroup",
    ]

    /// The one-value fields of each place, in SPEC §1 order; `active` is SPEC 1.1's.
    static let topFields = ["version", "name", "authority", "sector", "mode"]
    static let calendarFields = [
        "start", "termMonths", "terms", "handoverDays", "official", "reportDay", "visitsPerMonth", "minVisitGapDays",
    ]
    static let unitFields = ["name", "short", "kind", "level", "group", "town", "minStaff", "sends", "receives", "active"]
    static let personFields = ["name", "unit", "qualified", "active", "phone", "served"]
    /// Fields that hold lists or mappings.
    static let compound: Set<String> = [
        "calendar", "rules", "objective", "units", "people", "history", "pins", "forbid", "calendar.holidays",
        "calendar.workdays", "calendar.events", "calendar.reportDue", "location", "unavailable",
    ]

    /// The text of the file with every setting applied in order; each is checked by loading
    /// the result, so a bad value is refused with the loader's own message.
    ///
    /// - Throws: ``ScenarioEditError`` naming the first setting that cannot be applied.
    public static func apply(_ settings: [ScenarioSetting], to text: String, file: String) throws(ScenarioEditError) -> String {
        var current = text
        for setting in settings {
            var editor = try YAMLTextEditor(text: current)
            try setting.edit(&editor)
            let edited = try editor.result()
            do {
                _ = try ScenarioLoader.load(data: Array(edited.utf8), file: file)
            } catch {
                throw .refused(setting: setting.description, problems: error.errors.map(\.message))
            }
            current = edited
        }
        return current
    }

    /// Queues this setting's edit.
    func edit(_ editor: inout YAMLTextEditor) throws(ScenarioEditError) {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first else { throw .malformedSetting(text: description) }
        if Self.compound.contains(path) { throw .notOneValue(path: path) }
        switch head {
        case "units", "people":
            try editListItem(&editor, list: head, parts: parts)
        case "calendar", "rules", "objective":
            let valid: [String]
            switch head {
            case "calendar": valid = Self.calendarFields
            case "rules": valid = Self.rulesFields
            default: valid = Self.objectiveFields
            }
            guard parts.count == 2, valid.contains(parts[1]) else {
                if parts.count == 2, Self.compound.contains("\(head).\(parts[1])") { throw .notOneValue(path: path) }
                throw unknown(parts.dropFirst().joined(separator: "."), among: valid, prefix: head + ".")
            }
            if let block = editor.node(at: [head]), editor.isAnchored(block, parts[1]) { throw .sharedByAnchor(path: path) }
            let quoted = editor.node(at: [head]).map { editor.isQuoted($0, parts[1]) } ?? false
            try editor.setValue([head], parts[1], to: formatted(parts[1], quoted: quoted))
        default:
            guard parts.count == 1, Self.topFields.contains(head) else {
                let all = Self.topFields + ["calendar.", "rules.", "objective.", "units.", "people."]
                throw unknown(path, among: all.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }, prefix: "")
            }
            if editor.isAnchored(editor.root, head) { throw .sharedByAnchor(path: path) }
            try editor.setValue(in: editor.root, head, to: formatted(head, quoted: editor.isQuoted(editor.root, head)))
        }
    }

    static let rulesFields = [
        "minStaff", "structure", "minCycle", "mutualPairs", "sameGroup", "pairCooldown", "personCooldown",
        "maxConsecutiveTerms", "keepAtHome", "requireQualified", "maxDistanceKm", "maxSitesPerPerson",
    ]
    static let objectiveFields = ["distance", "fairness", "change"]

    /// `units.ID.FIELD` or `people.ID.FIELD`: the item with that id, then the field.
    private func editListItem(_ editor: inout YAMLTextEditor, list: String, parts: [String]) throws(ScenarioEditError) {
        let valid = list == "units" ? Self.unitFields : Self.personFields
        guard parts.count >= 3 else {
            throw .unknownSetting(path: path, suggestion: nil, valid: valid.map { "\(list).ID.\($0)" })
        }
        let field = parts[parts.count - 1]
        let id = parts[1..<(parts.count - 1)].joined(separator: ".")
        guard let items = editor.node(at: [list]) else { throw .editFailed(detail: "no `\(list)` list") }
        let ids = editor.items(items).compactMap { editor.pair($0, "id")?.value.scalarText }
        guard let item = editor.item(in: items, where: "id", is: id) else {
            throw .unknownID(path: path, id: id, suggestion: Suggestion.closest(to: id, in: ids))
        }
        if Self.compound.contains(field) { throw .notOneValue(path: path) }
        guard valid.contains(field) else { throw unknown(field, among: valid, prefix: "\(list).\(id).") }
        if editor.isAnchored(item, field) { throw .sharedByAnchor(path: path) }
        try editor.setValue(in: item, field, to: formatted(field, quoted: editor.isQuoted(item, field)))
    }

    private func formatted(_ field: String, quoted: Bool) -> String {
        let quotable = Self.textFields.contains(field) || Self.quotableTokens.contains(field)
        if quoted && quotable { return YAMLScalar.quoted(value) }
        return Self.textFields.contains(field) ? YAMLScalar.text(value) : YAMLScalar.token(value)
    }

    private func unknown(_ word: String, among valid: [String], prefix: String) -> ScenarioEditError {
        .unknownSetting(
            path: path, suggestion: Suggestion.closest(to: word, in: valid).map { prefix + $0 },
            valid: valid.map { prefix + $0 })
    }
}
