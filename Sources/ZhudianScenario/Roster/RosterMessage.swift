import ZhudianCore

/// The order a roster list must be in (SPEC §4).
public enum RosterSortOrder: String, Sendable, Equatable, CaseIterable {
    /// `terms` by `term`.
    case termsByNumber
    /// `links` by `from`, then `to`.
    case linksByFromTo
    /// `stays` by `site`, then `person`.
    case staysBySitePerson
    /// `visits` by `date`, then `site`.
    case visitsByDateSite
    /// A visit's `people` by id.
    case peopleByID

    func render(_ language: Language) -> String {
        switch (self, language) {
        case (.termsByNumber, .en): return "by `term`"
        case (.termsByNumber, .zh): return "按 `term` 排序"
        case (.linksByFromTo, .en): return "by `from`, then `to`"
        case (.linksByFromTo, .zh): return "按 `from`、再按 `to` 排序"
        case (.staysBySitePerson, .en): return "by `site`, then `person`"
        case (.staysBySitePerson, .zh): return "按 `site`、再按 `person` 排序"
        case (.visitsByDateSite, .en): return "by `date`, then `site`"
        case (.visitsByDateSite, .zh): return "按 `date`、再按 `site` 排序"
        case (.peopleByID, .en): return "by id"
        case (.peopleByID, .zh): return "按编号排序"
        }
    }
}

/// The kind of JSON value a roster key holds.
public enum JSONKind: String, Sendable, Equatable, CaseIterable {
    /// `"text"`.
    case string
    /// `3`.
    case integer
    /// `412.6`.
    case number
    /// A number or `null`.
    case numberOrNull
    /// A string or `null`.
    case stringOrNull
    /// A whole number or `null`.
    case integerOrNull
    /// `{…}`.
    case object
    /// `[…]`.
    case array

    /// Whether `text`, written without quotes, is a value of this kind (a quoted `"1"` where
    /// a number belongs is fixed by removing the quotes).
    func accepts(bare text: String) -> Bool {
        switch self {
        case .integer, .integerOrNull: Int(text) != nil
        case .number, .numberOrNull: Double(text)?.isFinite == true
        default: false
        }
    }

    func render(_ language: Language) -> String {
        switch (self, language) {
        case (.string, .en): return "a string in double quotes"
        case (.string, .zh): return "双引号括起的字符串"
        case (.integer, .en): return "a whole number"
        case (.integer, .zh): return "整数"
        case (.number, .en): return "a number"
        case (.number, .zh): return "数字"
        case (.numberOrNull, .en): return "a number or null"
        case (.numberOrNull, .zh): return "数字或 null"
        case (.stringOrNull, .en): return "a string or null"
        case (.stringOrNull, .zh): return "字符串或 null"
        case (.integerOrNull, .en): return "a whole number or null"
        case (.integerOrNull, .zh): return "整数或 null"
        case (.object, .en): return "an object `{…}`"
        case (.object, .zh): return "对象 `{…}`"
        case (.array, .en): return "an array `[…]`"
        case (.array, .zh): return "数组 `[…]`"
        }
    }
}

/// Every problem a roster file can have — the roster's message table.
///
/// The first group makes the file unreadable (``RosterFileError``); the second
/// are format problems that still leave a roster (``DecodedRoster/formatIssues``),
/// which `zhudian check` lists as violations; the last is only told (``DecodedRoster/notes``).
public enum RosterMessage: LocalizedMessage, Equatable {
    // MARK: Unreadable

    /// The file could not be read.
    case cannotRead(reason: String)
    /// Not UTF-8.
    case notUTF8(byte: UInt8)
    /// Not JSON at all, or broken JSON; `problem` is the parser's (English) words.
    case notJSON(problem: String)
    /// The top level is not an object.
    case topLevelNotObject
    /// A key written twice in one object.
    case duplicateKey(path: String, firstLine: Int)
    /// A key the roster cannot do without.
    case missingKey(path: String)
    /// A value of the wrong JSON kind.
    case wrongType(path: String, expected: JSONKind, found: FoundValue)
    /// Not a `YYYY-MM-DD` date, or a date that does not exist.
    case badDate(path: String, text: String)
    /// A word outside the allowed ones (`status`, `rule`).
    case invalidChoice(path: String, value: String, choices: [String])

    // MARK: Format issues

    /// `format` is not `zhudian-roster` (nil: missing).
    case wrongFormat(found: String?)
    /// `version` is not 1 (nil: missing).
    case wrongVersion(found: String?)
    /// An optional key left out (`objective`, `bound`, `gap`, an explanation's `term`…).
    case missingOptionalKey(path: String)
    /// A key before one that SPEC §4 puts ahead of it.
    case keyOutOfOrder(path: String, key: String, expected: [String])
    /// A list not in SPEC order, from this element on.
    case notSorted(path: String, order: RosterSortOrder)

    // MARK: Notes

    /// A key SPEC §4 does not define, ignored (a later version may have written it).
    case unknownKey(path: String)

    /// The message in `language`.
    public func render(_ language: Language) -> String {
        switch language {
        case .en: return english
        case .zh: return chinese
        }
    }

    private var english: String {
        switch self {
        case .cannotRead(let reason):
            return "cannot read the roster file: \(reason); check the path and that the file may be read"
        case .notUTF8(let byte):
            return "the roster file is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true))); "
                + "use the file `zhudian plan` wrote"
        case .notJSON(let problem):
            return "the roster file is not valid JSON: \(problem); use the file `zhudian plan` wrote"
        case .topLevelNotObject:
            return "a roster file must be one JSON object `{…}`; use the file `zhudian plan` wrote"
        case .duplicateKey(let path, let firstLine):
            return "`\(path)` is written twice (first on line \(firstLine)); keep one"
        case .missingKey(let path):
            return "required key `\(path)` is missing; add it or plan again"
        case .wrongType(let path, let expected, let found):
            let fix = found.quotedText.map(expected.accepts(bare:)) == true ? "remove the quotes" : "correct it"
            return "`\(path)` must be \(expected.render(.en)), found \(found.render(.en)); \(fix) or plan again"
        case .badDate(let path, let text):
            return "`\(path)` is `\(quoteShort(text))`, not a date; write it as YYYY-MM-DD"
        case .invalidChoice(let path, let value, let choices):
            return "`\(path)` is `\(quoteShort(value))`, which is not one of "
                + choices.map { "`\($0)`" }.joined(separator: ", ") + "; write one of them"
        case .wrongFormat(let found):
            let what = found.map { "is `\(quoteShort($0))`" } ?? "is missing"
            return "`format` \(what); a roster file starts with `\"format\": \"zhudian-roster\"`"
        case .wrongVersion(let found):
            let what = found.map { "is `\(quoteShort($0))`" } ?? "is missing"
            return "`version` \(what); this program reads roster version 1, write `\"version\": 1`"
        case .unknownKey(let path):
            return "unknown key \"\(path.replacingNewlines())\" (ignored; written by a later version?)"
        case .missingOptionalKey(let path):
            return "key `\(path)` is missing; write it (null when unknown)"
        case .keyOutOfOrder(let path, let key, let expected):
            return "key `\(key)` in \(path.isEmpty ? "the top level" : "`\(path)`") is out of order; "
                + "write the keys in the order " + expected.joined(separator: ", ")
        case .notSorted(let path, let order):
            return "`\(path)` is out of order; the list must be sorted \(order.render(.en))"
        }
    }

    private var chinese: String {
        switch self {
        case .cannotRead(let reason):
            return "无法读取排班文件：\(reason)；请检查路径和读取权限"
        case .notUTF8(let byte):
            return "排班文件不是 UTF-8 文本（字节 0x\(String(byte, radix: 16, uppercase: true))）；请使用 `zhudian plan` 生成的文件"
        case .notJSON(let problem):
            return "排班文件不是有效的 JSON：\(problem)；请使用 `zhudian plan` 生成的文件"
        case .topLevelNotObject:
            return "排班文件必须是一个 JSON 对象 `{…}`；请使用 `zhudian plan` 生成的文件"
        case .duplicateKey(let path, let firstLine):
            return "`\(path)` 写了两次（第一次在第 \(firstLine) 行）；请只保留一个"
        case .missingKey(let path):
            return "缺少必需的键 `\(path)`；请补上，或重新排班"
        case .wrongType(let path, let expected, let found):
            let fix = found.quotedText.map(expected.accepts(bare:)) == true ? "请去掉引号" : "请改正"
            return "`\(path)` 应为\(expected.render(.zh))，实际为 \(found.render(.zh))；\(fix)，或重新排班"
        case .badDate(let path, let text):
            return "`\(path)` 为 `\(quoteShort(text))`，不是日期；请按 YYYY-MM-DD 书写"
        case .invalidChoice(let path, let value, let choices):
            return "`\(path)` 为 `\(quoteShort(value))`，不是 " + choices.map { "`\($0)`" }.joined(separator: "、")
                + " 之一；请从中选一个"
        case .wrongFormat(let found):
            let what = found.map { "为 `\(quoteShort($0))`" } ?? "缺失"
            return "`format` \(what)；排班文件应以 `\"format\": \"zhudian-roster\"` 开头"
        case .wrongVersion(let found):
            let what = found.map { "为 `\(quoteShort($0))`" } ?? "缺失"
            return "`version` \(what)；本程序读取第 1 版排班文件，请写 `\"version\": 1`"
        case .unknownKey(let path):
            return "未知的键 \"\(path.replacingNewlines())\"（已忽略；可能由更新版本写入？）"
        case .missingOptionalKey(let path):
            return "缺少键 `\(path)`；请写上（未知时写 null）"
        case .keyOutOfOrder(let path, let key, let expected):
            return "\(path.isEmpty ? "顶层" : "`\(path)` ")中的键 `\(key)` 顺序不对；请按 "
                + expected.joined(separator: "、") + " 的顺序书写"
        case .notSorted(let path, let order):
            return "`\(path)` 顺序不对；此列表应\(order.render(.zh))"
        }
    }
}
