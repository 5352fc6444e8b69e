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

    private var english: String {
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
            return "the file is not UTF-8 text (byte 0x\(hex(byte)) is not valid here); "
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
            return "a key in \(describe(path, .en)) is not a plain word; write field names such as `name:`"
        case .unknownField(let path, let suggestion, let valid):
            if let suggestion {
                return "unknown field `\(path)`; did you mean `\(suggestion)`?"
            }
            return "unknown field `\(path)`; the fields allowed here are "
                + valid.map { "`\($0)`" }.joined(separator: ", ")
        case .missingField(let path):
            return "required field `\(path)` is missing; add it"
        case .wrongType(let path, let expected, let found):
            return "`\(path)` must be \(expected.render(.en)), found \(found.render(.en)); "
                + "write \(expected == .text ? "text" : "a value of that kind") there"
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

    private var chinese: String {
        switch self {
        case .overlayBlockValue(let path):
            return "`\(path)` 写成了多行的块格式；覆盖文件中的此类值请写成一行的流格式（如 `[2024-10-01, 2024-10-02]`）"
        case .addedPersonExists(let id):
            return "人员 `\(id)` 已在场景中；--add-person 只添加新人员，修改已有人员请用 --overlay"
        case .cannotRead(let reason):
            return "无法读取场景文件：\(reason)；请检查路径和读取权限"
        case .fileTooLarge(let bytes, let limit):
            return "场景文件有 \(bytes) 字节，超过上限 \(limit) 字节（10 MiB）；场景文件通常只有几 KB，请确认文件是否选对"
        case .notUTF8(let byte):
            return "文件不是 UTF-8 文本（此处字节 0x\(hex(byte)) 无效）；请用 UTF-8 编码保存（不要用 GBK）"
        case .emptyFile:
            return "场景文件为空；至少需要写 `version: 1`、`name`、`calendar.start`、`units` 和 `people`"
        case .topLevelNotMapping(let found):
            return "场景文件的顶层必须是由字段组成的映射，实际为 \(found.render(.zh))；请以 `version: 1`、`name: …` 等行开头"
        case .multipleDocuments:
            return "文件在此处开始了第二个 YAML 文档；一个文件只写一个场景，请删除此处的 `---` 及其后的内容"
        case .tabIndentation:
            return "此处用制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格"
        case .yamlSyntax(let problem, let context):
            let where_ = context.map { "（\($0)）" } ?? ""
            return "YAML 语法错误：\(problem)\(where_)；请修正此处的 YAML 写法"
        case .duplicateKey(let path, let firstLine):
            return "`\(path)` 在同一映射中写了两次（第一次在第 \(firstLine) 行）；请只保留一个"
        case .nestingTooDeep(let limit):
            return "此处 YAML 嵌套超过 \(limit) 层，远超场景文件所需；请删除多余的括号或缩进"
        case .aliasExpansionTooLarge(let alias, let limit):
            return "别名 `*\(alias)` 使文件展开后超过 \(limit) 个值；请直接写出这些值，或减少嵌套的别名"
        case .tooManyValues(let limit):
            return "文件展开别名后超过 \(limit) 个值；请确认文件是否选对"
        case .undefinedAlias(let alias):
            return "别名 `*\(alias)` 之前没有定义对应的锚点；请在前面定义 `&\(alias)`，或删除该别名"
        case .keyNotText(let path):
            return "\(describe(path, .zh))中有一个键不是普通文字；字段名请写成 `name:` 这样的形式"
        case .unknownField(let path, let suggestion, let valid):
            if let suggestion {
                return "未知字段 `\(path)`；是否应为 `\(suggestion)`？"
            }
            return "未知字段 `\(path)`；此处可用的字段有 " + valid.map { "`\($0)`" }.joined(separator: "、")
        case .missingField(let path):
            return "缺少必填字段 `\(path)`；请补上"
        case .wrongType(let path, let expected, let found):
            return "`\(path)` 应为\(expected.render(.zh))，实际为 \(found.render(.zh))；请改为该类型的值"
        case .outOfRange(let path, let value, let bound):
            return "`\(path)` 为 `\(value)`，但必须\(bound.render(.zh))；请改为此范围内的值"
        case .notFinite(let path, let value):
            return "`\(path)` 为 `\(value)`，但必须是有限的数字；请写普通数字，如 `1`"
        case .invalidChoice(let path, let value, let choices, let suggestion):
            let list = choices.map { "`\($0)`" }.joined(separator: "、")
            if let suggestion {
                return "`\(path)` 为 `\(quoteShort(value))`，不是 \(list) 之一；是否应为 `\(suggestion)`？"
            }
            return "`\(path)` 为 `\(quoteShort(value))`，不是 \(list) 之一；请从中选一个"
        case .emptyText(let path):
            return "`\(path)` 为空；请填写内容"
        case .unsupportedVersion(let found):
            return "`version` 为 `\(quoteShort(found))`，本程序只读取第 1 版；请写 `version: 1`"
        case .impossibleDate(let path, let text):
            return "`\(path)` 为 `\(text)`，该日期不存在；请写一个真实的日期"
        case .badDate(let path, let text):
            return "`\(path)` 为 `\(quoteShort(text))`，不是日期；请按 YYYY-MM-DD 书写，如 `2022-08-20`"
        case .badDateOrRange(let path, let text):
            return "`\(path)` 为 `\(quoteShort(text))`，既不是日期也不是日期区间；请写 YYYY-MM-DD 或 \"YYYY-MM-DD..YYYY-MM-DD\""
        case .reversedRange(let path, let from, let to):
            return "`\(path)` 的结束日期 \(to) 早于开始日期 \(from)；请交换两个日期"
        case .badMonthKey(let path, let key):
            return "`\(path)` 的键 `\(quoteShort(key))` 不是月份；月份请写成 \"YYYY-MM\"，如 \"2023-10\""
        case .invalidID(let path, let id):
            return "`\(path)` 为 `\(quoteShort(id))`，不是有效的编号；请用 1 到 32 个字母、数字、`_`、`.` 或 `-`（不能有空格或汉字）"
        case .duplicateUnitID(let path, let id, let firstLine):
            return "`\(path)` 重复使用了第 \(firstLine) 行已用过的单位编号 `\(id)`；每个单位的编号必须不同"
        case .duplicatePersonID(let path, let id, let firstLine):
            return "`\(path)` 重复使用了第 \(firstLine) 行已用过的人员编号 `\(id)`；每个人的编号必须不同"
        case .unknownUnit(let path, let id, let suggestion):
            let fix = suggestion.map { "是否应为 `\($0)`？" } ?? "请在 `units` 中添加该单位，或改正编号"
            return "`\(path)` 引用的单位 `\(quoteShort(id))` 在 `units` 中没有定义；\(fix)"
        case .unknownPerson(let path, let id, let suggestion):
            let fix = suggestion.map { "是否应为 `\($0)`？" } ?? "请在 `people` 中添加此人，或改正编号"
            return "`\(path)` 引用的人员 `\(quoteShort(id))` 在 `people` 中没有定义；\(fix)"
        case .siteNotReceiving(let path, let id):
            return "`\(path)` 引用的 `\(id)` 不是驻点企业（是机关，或设置了 `receives: false`）；请改为接收驻点的企业"
        case .officeReceives(let path, let unit):
            return "`\(path)`：机关 `\(unit)` 不能接收驻点人员，机关只派出人员；请删除 `receives: true`，或改为 `kind: enterprise`"
        case .officeSendsUnderTeams(let path, let unit, let structure):
            return "`\(path)`：机关 `\(unit)` 设置了派出，但 `structure: \(structure)` 下只有企业派出小组；请删除 `sends: true`，或改用 `structure: free`"
        case .enterpriseMustTakePart(let path, let unit, let field, let structure):
            return "`\(path)`：`structure: \(structure)` 下每个企业都必须派出并接收，但 `\(unit)` 设置了 `\(field): false`；请删除该设置，或改用 `structure: free`"
        case .tooFewEnterprises(let structure, let count):
            return "`rules.structure` 为 `\(structure)`，至少需要 2 个企业（企业不能监督自己），但 `units` 中只有 \(count) 个；请增加企业，或改用 `structure: free`"
        case .noSites:
            return "`units` 中没有驻点企业（没有接收人员的企业）；请至少添加一个企业"
        case .sitesPerPersonInResident(let value):
            return "`rules.maxSitesPerPerson` 为 \(value)，但 `mode: resident`（蹲守式）下每人只能驻守一个企业；请改为 1，或改用 `mode: visiting`"
        case .needsOneSubject(let path):
            return "`\(path)` 必须且只能写 `unit` 和 `person` 中的一个；请保留其中一个"
        case .officeWithoutLevel(let path, let unit):
            return "`\(path)`：机关 `\(unit)` 没有 `level`，统计时无法区分市级或县级人员；请添加 `level: city` 或 `level: county`"
        case .historyOutOfOrder(let path, let previous):
            return "`\(path)` 的开始日期不晚于上一条（\(previous)）；历史记录按从早到晚、每轮一条排列，请调整顺序"
        case .historyNotBeforePlan(let path, let start, let planStart):
            return "`\(path)` 为 \(start)，但历史记录只能包含 `calendar.start`（\(planStart)）之前的轮次；请更正日期，或将 `calendar.start` 移到其后"
        case .forbidSiteNotReceiving(let path, let id):
            return "`\(path)` 引用的 `\(id)` 不是驻点企业，此条不起作用；请改为驻点企业，或删除此条"
        case .officialYearsUnknown(let path, let years, let known):
            return "`\(path)`：官方节假日安排只收录了 \(known.lowerBound)–\(known.upperBound) 年，计划却包含 "
                + "\(years.map(String.init).joined(separator: "、")) 年的日期：这些日期按周一至周五为工作日计算，不作推测；"
                + "请在 `calendar.holidays` 和 `calendar.workdays` 中列出该年的节假日和调休上班日，或在国务院公布安排后更新 zhudian"
        case .officialCalendarBroken(let detail):
            return "内部错误：\(detail)"
        }
    }
}

/// "the top level" for the empty path, else the field in backquotes.
private func describe(_ path: String, _ language: Language) -> String {
    switch language {
    case .en: return path.isEmpty ? "the top level" : "`\(path)`"
    case .zh: return path.isEmpty ? "顶层" : "`\(path)` "
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
