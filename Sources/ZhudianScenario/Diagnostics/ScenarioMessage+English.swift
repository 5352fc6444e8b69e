import ZhudianCore

/// The loader's messages in English.
extension ScenarioMessage {
    var english: String {
        switch self {
        case .overlayBlockValue(let path):
            return "`\(path)` is written as a block over several lines; in an overlay write such a value "
                + "in flow style on one line (e.g. `[2024-10-01, 2024-10-02]`)"
        case .addedPersonExists(let id):
            return "person `\(id)` is already in the scenario; --add-person adds new people, use --overlay to change one"
        case .cannotRead(let reason):
            return "cannot read the scenario file: \(reason); check the path and that the file may be read"
        case .fileTooLarge(let bytes, let limit):
            return "the scenario file has \(bytes) bytes, more than the limit of \(limit) (10 MiB); "
                + "a scenario is a few kilobytes, so check that this is the right file"
        case .notUTF8(let byte):
            return "the file is not UTF-8 text (byte 0x\(ScenarioMessageText.hex(byte)) is not valid here); "
                + "save it with UTF-8 encoding (not GBK)"
        case .emptyFile:
            return "the scenario file is empty; write at least `version: 1`, `name`, "
                + "`calendar.start`, `units` and `people`"
        case .topLevelNotMapping(let found):
            return "the top level of a scenario must be a mapping of fields, found \(found.render(.en)); "
                + "start the file with `version: 1` and `name: …` lines"
        case .multipleDocuments:
            return "the file holds a second YAML document here; keep one scenario per file "
                + "and remove this `---` and what follows it"
        case .tabIndentation:
            return "a tab character is used to indent; YAML indents with spaces only, "
                + "so replace the tab with spaces"
        case .yamlSyntax(let problem, let context):
            let where_ = context.map { " (\($0))" } ?? ""
            return "YAML syntax error: \(problem)\(where_); fix the YAML at this place"
        case .duplicateKey(let path, let firstLine):
            return "`\(path)` is written twice in one mapping (first on line \(firstLine)); keep one of them"
        case .nestingTooDeep(let limit):
            return "the YAML is nested more than \(limit) levels deep here, far deeper than a scenario "
                + "needs; remove the extra brackets or indentation"
        case .aliasExpansionTooLarge(let alias, let limit):
            return "alias `*\(alias)` makes the file expand to more than \(limit) values; "
                + "write the values out or use fewer nested aliases"
        case .tooManyValues(let limit):
            return "the file holds more than \(limit) values after expanding aliases; "
                + "check that this is the right file"
        case .undefinedAlias(let alias):
            return "alias `*\(alias)` refers to no anchor defined before it; "
                + "define `&\(alias)` earlier in the file or remove the alias"
        case .keyNotText(let path):
            return "a key in \(ScenarioMessageText.describe(path, .en)) is not a plain word; write field names such as `name:`"
        case .unknownField(let path, let suggestion, let valid):
            if let suggestion {
                return "unknown field `\(path)`; did you mean `\(suggestion)`?"
            }
            return "unknown field `\(path)`; the fields allowed here are "
                + valid.map { "`\($0)`" }.joined(separator: ", ")
        case .missingField(let path):
            return "required field `\(path)` is missing; add it"
        case .wrongType(let path, let expected, let found):
            let fix = found.quotedText.map(expected.accepts(bare:)) == true ? "remove the quotes"
                : "write \(expected == .text ? "text" : "a value of that kind") there"
            return "`\(path)` must be \(expected.render(.en)), found \(found.render(.en)); \(fix)"
        case .outOfRange(let path, let value, let bound):
            return "`\(path)` is `\(value)`, but it must be \(bound.render(.en)); "
                + "change it to a value in that range"
        case .notFinite(let path, let value):
            return "`\(path)` is `\(value)`, but it must be a finite number; write an ordinary number such as `1`"
        case .invalidChoice(let path, let value, let choices, let suggestion):
            let list = choices.map { "`\($0)`" }.joined(separator: ", ")
            if let suggestion {
                return "`\(path)` is `\(quoteShort(value))`, which is not one of \(list); did you mean `\(suggestion)`?"
            }
            return "`\(path)` is `\(quoteShort(value))`, which is not one of \(list); write one of them"
        case .emptyText(let path):
            return "`\(path)` is empty; write the text it needs"
        case .unsupportedVersion(let found):
            return "`version` is `\(quoteShort(found))`, but this program reads version 1; write `version: 1`"
        case .impossibleDate(let path, let text):
            return "`\(path)` is `\(text)`, a date that does not exist; write a real calendar date"
        case .badDate(let path, let text):
            return "`\(path)` is `\(quoteShort(text))`, not a date; write it as YYYY-MM-DD, such as `2022-08-20`"
        case .badDateOrRange(let path, let text):
            return "`\(path)` is `\(quoteShort(text))`, neither a date nor a range; "
                + "write YYYY-MM-DD or \"YYYY-MM-DD..YYYY-MM-DD\""
        case .reversedRange(let path, let from, let to):
            return "`\(path)` ends on \(to), before it starts on \(from); swap the two dates"
        case .badMonthKey(let path, let key):
            return "`\(path)` has the key `\(quoteShort(key))`, which is not a month; "
                + "write months as \"YYYY-MM\", such as \"2023-10\""
        case .invalidID(let path, let id):
            return "`\(path)` is `\(quoteShort(id))`, which is not a valid id; use 1 to 32 letters, "
                + "digits, `_`, `.` or `-` (no spaces or Chinese characters)"
        case .duplicateUnitID(let path, let id, let firstLine):
            return "`\(path)` repeats the unit id `\(id)` already used on line \(firstLine); "
                + "give every unit its own id"
        case .duplicatePersonID(let path, let id, let firstLine):
            return "`\(path)` repeats the person id `\(id)` already used on line \(firstLine); "
                + "give every person their own id"
        case .unknownUnit(let path, let id, let suggestion):
            let fix = suggestion.map { "did you mean `\($0)`?" } ?? "add it to `units` or correct the id"
            return "`\(path)` names the unit `\(quoteShort(id))`, which `units` does not define; \(fix)"
        case .unknownPerson(let path, let id, let suggestion):
            let fix = suggestion.map { "did you mean `\($0)`?" } ?? "add them to `people` or correct the id"
            return "`\(path)` names the person `\(quoteShort(id))`, whom `people` does not define; \(fix)"
        case .siteNotReceiving(let path, let id):
            return "`\(path)` names `\(id)`, which is not a site (an office, or a unit with "
                + "`receives: false`); name an enterprise that receives"
        case .officeReceives(let path, let unit):
            return "`\(path)`: office `\(unit)` cannot receive, offices only send staff; "
                + "remove `receives: true` or make it `kind: enterprise`"
        case .officeSendsUnderTeams(let path, let unit, let structure):
            return "`\(path)`: office `\(unit)` sends, but with `structure: \(structure)` only "
                + "enterprises send teams; remove `sends: true` or use `structure: free`"
        case .enterpriseMustTakePart(let path, let unit, let field, let structure):
            return "`\(path)`: with `structure: \(structure)` every enterprise sends and receives, "
                + "but `\(unit)` has `\(field): false`; remove it or use `structure: free`"
        case .tooFewEnterprises(let structure, let count):
            return "`rules.structure` is `\(structure)`, which needs at least 2 enterprises "
                + "(none may inspect itself), but `units` has \(count); add enterprises or use `structure: free`"
        case .noSites:
            return "`units` has no site (no enterprise that receives); add at least one enterprise"
        case .sitesPerPersonInResident(let value):
            return "`rules.maxSitesPerPerson` is \(value), but with `mode: resident` a person lives at one "
                + "site; set it to 1 or use `mode: visiting`"
        case .needsOneSubject(let path):
            return "`\(path)` must name exactly one of `unit` and `person`; keep one of them"
        case .officeWithoutLevel(let path, let unit):
            return "`\(path)`: office `\(unit)` has no `level`, so statistics cannot count its staff "
                + "as city or county level; add `level: city` or `level: county`"
        case .historyOutOfOrder(let path, let previous):
            return "`\(path)` does not start after the entry above it (\(previous)); history is read oldest "
                + "first, one entry per term, so put the entries in date order"
        case .historyNotBeforePlan(let path, let start, let planStart):
            return "`\(path)` is \(start), but history holds the terms before `calendar.start` (\(planStart)); "
                + "correct the date, or move `calendar.start` after it"
        case .forbidSiteNotReceiving(let path, let id):
            return "`\(path)` names `\(id)`, which is not a site, so the entry has no effect; "
                + "name a site or remove the entry"
        case .officialYearsUnknown(let path, let years, let known):
            return "`\(path)`: the official holidays are known for \(known.lowerBound)–\(known.upperBound) only, and the plan "
                + "has days in \(years.map(String.init).joined(separator: ", ")): those days count Monday–Friday as working days, "
                + "nothing is guessed; list that year's holidays and make-up days in `calendar.holidays` and `calendar.workdays`, "
                + "or update zhudian once the State Council has announced them"
        case .officialCalendarBroken(let detail):
            return "internal error: \(detail)"
        }
    }
}
