import ZhudianCore

/// The kind of value a field expects, named in "wrong type" messages.
public enum ValueKind: String, Sendable, Equatable, CaseIterable {
    /// A whole number (`3`).
    case integer
    /// Any finite number (`1.5`).
    case number
    /// `true` or `false`.
    case boolean
    /// Text; numbers are accepted and kept as written.
    case text
    /// `YYYY-MM-DD`.
    case date
    /// A date, or `"A..B"`.
    case dateOrRange
    /// `field: value` lines.
    case mapping
    /// `- item` lines or `[a, b]`.
    case list

    /// Whether `text`, written without quotes, is a value of this kind: then a quoted one is
    /// fixed by removing the quotes.
    func accepts(bare text: String) -> Bool {
        switch self {
        case .integer: Int(text) != nil
        case .number: Double(text)?.isFinite == true
        case .boolean: text == "true" || text == "false"
        default: false
        }
    }

    /// The kind with an example of how to write it.
    func render(_ language: Language) -> String {
        switch (self, language) {
        case (.integer, .en): return "a whole number (such as `3`)"
        case (.integer, .zh): return "整数（如 `3`）"
        case (.number, .en): return "a number (such as `1.5`)"
        case (.number, .zh): return "数字（如 `1.5`）"
        case (.boolean, .en): return "`true` or `false`"
        case (.boolean, .zh): return "`true` 或 `false`"
        case (.text, .en): return "text"
        case (.text, .zh): return "文字"
        case (.date, .en): return "a date written YYYY-MM-DD (such as `2022-08-20`)"
        case (.date, .zh): return "YYYY-MM-DD 格式的日期（如 `2022-08-20`）"
        case (.dateOrRange, .en):
            return "a date YYYY-MM-DD or a range \"YYYY-MM-DD..YYYY-MM-DD\""
        case (.dateOrRange, .zh):
            return "日期 YYYY-MM-DD 或日期区间 \"YYYY-MM-DD..YYYY-MM-DD\""
        case (.mapping, .en): return "a mapping of `field: value` lines"
        case (.mapping, .zh): return "由 `字段: 值` 组成的映射"
        case (.list, .en): return "a list (`- item` lines or `[a, b]`)"
        case (.list, .zh): return "列表（`- 项` 各占一行，或 `[a, b]`）"
        }
    }
}

/// What the file holds where another kind of value was expected.
public enum FoundValue: Sendable, Equatable {
    /// A scalar written without quotes, as written.
    case text(String)
    /// A scalar in quotes: text, even when it reads as a number or `true` (its text, without
    /// the quotes). Messages show the quotes, since they are what makes it the wrong kind.
    case quoted(String)
    /// A list.
    case list
    /// A mapping.
    case mapping
    /// Nothing (`~`, `null` or an empty value).
    case nothing

    func render(_ language: Language) -> String {
        switch (self, language) {
        case (.text(let s), _): return "`\(quoteShort(s))`"
        case (.quoted(let s), .en): return "the quoted text `\"\(quoteShort(s))\"`"
        case (.quoted(let s), .zh): return "`\"\(quoteShort(s))\"`（带引号，是文字）"
        case (.list, .en): return "a list"
        case (.list, .zh): return "列表"
        case (.mapping, .en): return "a mapping"
        case (.mapping, .zh): return "映射"
        case (.nothing, .en): return "nothing"
        case (.nothing, .zh): return "空值"
        }
    }

    /// The text of a quoted scalar; nil for anything else.
    var quotedText: String? {
        guard case .quoted(let s) = self else { return nil }
        return s
    }
}

/// The allowed values of a number, named in "out of range" messages.
public enum NumberBound: Sendable, Equatable {
    /// `low ... high`.
    case between(Double, Double)
    /// `>= low`.
    case atLeast(Double)
    /// `> low`.
    case above(Double)

    /// Whether `value` is allowed.
    func contains(_ value: Double) -> Bool {
        switch self {
        case .between(let lo, let hi): return value >= lo && value <= hi
        case .atLeast(let lo): return value >= lo
        case .above(let lo): return value > lo
        }
    }

    func render(_ language: Language) -> String {
        switch (self, language) {
        case (.between(let lo, let hi), .en) where lo == hi: return "exactly \(number(lo))"
        case (.between(let lo, let hi), .zh) where lo == hi: return "等于 \(number(lo))"
        case (.between(let lo, let hi), .en): return "between \(number(lo)) and \(number(hi))"
        case (.between(let lo, let hi), .zh): return "在 \(number(lo)) 到 \(number(hi)) 之间"
        case (.atLeast(let lo), .en): return "at least \(number(lo))"
        case (.atLeast(let lo), .zh): return "不小于 \(number(lo))"
        case (.above(let lo), .en): return "greater than \(number(lo))"
        case (.above(let lo), .zh): return "大于 \(number(lo))"
        }
    }
}

/// A bound written as people write it: `12`, not `12.0`.
func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return value.description
}

/// A scalar shortened for a one-line message, so a pasted paragraph does not flood the terminal.
func quoteShort(_ s: String) -> String {
    let flat = s.replacingNewlines()
    return flat.count > 40 ? String(flat.prefix(40)) + "…" : flat
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
