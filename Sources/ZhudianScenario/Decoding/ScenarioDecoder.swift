internal import Yams
import ZhudianCore

/// Walks a composed YAML document into a ``Scenario``, collecting every
/// problem with its place rather than stopping at the first.
///
/// Each `read…` function reports its own problems and returns nil when the
/// value is unusable, so a caller simply skips what failed. Defaults fill what
/// the file leaves out. The scenario built at the end is only handed out when
/// no error was found, so placeholders used for missing required fields never
/// escape.
struct ScenarioDecoder {
    let file: String
    /// Stops the walk when a document expands past this many values (the
    /// prescan refuses such files first; this bounds the walk on its own too).
    let valueLimit: Int
    private(set) var diagnostics: [ScenarioDiagnostic] = []
    var sourceMap = SourceMap()
    /// Set when a unit could not be read at all: counting enterprises would then
    /// report a shortage that fixing that unit removes.
    var unitsIncomplete = false
    /// The same for people: a reference to a person who could not be read is not reported again.
    var peopleIncomplete = false
    /// Set when `rules.structure` could not be read: its own error says what to fix, and the
    /// checks that depend on the structure would otherwise judge the default (`cycles`).
    var structureUnread = false
    /// `calendar.start` once read: history must lie before it.
    var planStart: CivilDate?
    private var visited = 0
    private var exhausted = false

    init(file: String, valueLimit: Int) {
        self.file = file
        self.valueLimit = valueLimit
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ message: ScenarioMessage, at position: SourcePosition) {
        diagnostics.append(ScenarioDiagnostic(severity: .error, file: file, at: position, message: message))
    }

    mutating func warning(_ message: ScenarioMessage, at position: SourcePosition) {
        diagnostics.append(ScenarioDiagnostic(severity: .warning, file: file, at: position, message: message))
    }

    /// Counts a visited node; false once the walk has visited too many.
    private mutating func visit(_ node: Node) -> Bool {
        guard !exhausted else { return false }
        visited += 1
        if visited > valueLimit {
            exhausted = true
            error(.tooManyValues(limit: valueLimit), at: node.position)
            return false
        }
        return true
    }

    // MARK: Collections

    /// The fields of a mapping at `path`; every key not in `allowed` is reported
    /// with a suggestion. Records key and value positions in the source map.
    mutating func fields(_ node: Node, path: String, allowed: [String]) -> Fields? {
        guard visit(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            error(.wrongType(path: path, expected: .mapping, found: node.found), at: node.position)
            return nil
        }
        var result = Fields(path: path, position: node.position)
        var merged: [(Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key, !key.isNull else {
                error(.keyNotText(path: path), at: key.position)
                continue
            }
            if k.string == "<<", k.style == .plain {
                merged += mergeSources(value, path: path)
                continue
            }
            take(key: k.string, keyNode: key, value: value, into: &result, allowed: allowed)
        }
        for (key, value) in merged {
            guard case .scalar(let k) = key, !key.isNull else {
                error(.keyNotText(path: path), at: key.position)
                continue
            }
            if !result.has(k.string) {
                take(key: k.string, keyNode: key, value: value, into: &result, allowed: allowed)
            }
        }
        return result
    }

    private mutating func take(
        key: String, keyNode: Node, value: Node, into result: inout Fields, allowed: [String]
    ) {
        let fieldPath = result.path(key)
        guard allowed.contains(key) else {
            let suggestion = Suggestion.closest(to: key, in: allowed)
            if let suggestion { result.misspelt.insert(suggestion) }
            error(.unknownField(path: fieldPath, suggestion: suggestion, valid: allowed), at: keyNode.position)
            return
        }
        sourceMap.record(key: fieldPath, at: keyNode.position)
        sourceMap.record(value: fieldPath, at: value.position)
        result.add(key, value)
    }

    /// The pairs a merge key (`<<: *a` or `<<: [*a, *b]`) brings in; earlier sources win.
    private mutating func mergeSources(_ value: Node, path: String) -> [(Node, Node)] {
        switch value {
        case .mapping(let m):
            return m.map { ($0.key, $0.value) }
        case .sequence(let s):
            var pairs: [(Node, Node)] = []
            for item in s {
                guard case .mapping(let m) = item else {
                    error(.wrongType(path: join(path, "<<"), expected: .mapping, found: item.found), at: item.position)
                    continue
                }
                pairs += m.map { ($0.key, $0.value) }
            }
            return pairs
        default:
            error(.wrongType(path: join(path, "<<"), expected: .mapping, found: value.found), at: value.position)
            return []
        }
    }

    /// The items of a list at `path`, each with its key path (`path[i]`), recorded in the source map.
    mutating func list(_ node: Node, path: String) -> [(node: Node, path: String)]? {
        guard visit(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            error(.wrongType(path: path, expected: .list, found: node.found), at: node.position)
            return nil
        }
        var items: [(node: Node, path: String)] = []
        for (i, item) in sequence.enumerated() {
            let itemPath = "\(path)[\(i)]"
            sourceMap.record(value: itemPath, at: item.position)
            items.append((item, itemPath))
        }
        return items
    }

    // MARK: Scalars

    /// A whole number, written plainly, within `bound`.
    mutating func int(_ node: Node, path: String, bound: NumberBound? = nil) -> Int? {
        guard visit(node) else { return nil }
        guard node.isPlainScalar, let text = node.scalarText, Self.isInteger(text) else {
            error(.wrongType(path: path, expected: .integer, found: node.found), at: node.position)
            return nil
        }
        guard let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
            // Too many digits for Int: certainly outside any bound.
            error(.outOfRange(path: path, value: text, bound: bound ?? .atLeast(0)), at: node.position)
            return nil
        }
        if let bound, !bound.contains(Double(value)) {
            error(.outOfRange(path: path, value: text, bound: bound), at: node.position)
            return nil
        }
        return value
    }

    /// A finite number, written plainly, within `bound`.
    mutating func double(_ node: Node, path: String, bound: NumberBound? = nil) -> Double? {
        guard visit(node) else { return nil }
        guard node.isPlainScalar, let text = node.scalarText else {
            error(.wrongType(path: path, expected: .number, found: node.found), at: node.position)
            return nil
        }
        if Self.isNonFiniteWord(text) {
            error(.notFinite(path: path, value: text), at: node.position)
            return nil
        }
        guard Self.isDecimal(text), let value = Double(text) else {
            error(.wrongType(path: path, expected: .number, found: node.found), at: node.position)
            return nil
        }
        guard value.isFinite else {
            error(.notFinite(path: path, value: text), at: node.position)
            return nil
        }
        if let bound, !bound.contains(value) {
            error(.outOfRange(path: path, value: text, bound: bound), at: node.position)
            return nil
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`/`on`/`off`, which YAML 1.1 files use), written plainly.
    mutating func bool(_ node: Node, path: String) -> Bool? {
        guard visit(node) else { return nil }
        if node.isPlainScalar, let text = node.scalarText {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error(.wrongType(path: path, expected: .boolean, found: node.found), at: node.position)
        return nil
    }

    /// Any scalar as text; numbers come back as written (`13800000000`, not `1.38e10`).
    mutating func text(_ node: Node, path: String) -> String? {
        guard visit(node) else { return nil }
        guard let text = node.scalarText else {
            error(.wrongType(path: path, expected: .text, found: node.found), at: node.position)
            return nil
        }
        return text
    }

    /// Optional text; empty means absent, so that `group: ""` is no group rather than a group named "".
    mutating func optionalText(_ fields: Fields, _ key: String) -> String? {
        guard let node = fields[key], let text = text(node, path: fields.path(key)) else { return nil }
        return text.isEmpty ? nil : text
    }

    /// Reports a required field as missing, unless a misspelling of it was already reported.
    mutating func missing(_ fields: Fields, _ key: String) {
        guard !fields.misspelt.contains(key) else { return }
        error(.missingField(path: fields.path(key)), at: fields.raw(key)?.position ?? fields.position)
    }

    /// Required, non-empty text.
    mutating func requiredText(_ fields: Fields, _ key: String) -> String? {
        guard let node = fields[key] else {
            missing(fields, key)
            return nil
        }
        guard let text = text(node, path: fields.path(key)) else { return nil }
        if text.trimmingSpaces().isEmpty {
            error(.emptyText(path: fields.path(key)), at: node.position)
            return nil
        }
        return text
    }

    /// A `YYYY-MM-DD` date; YAML timestamps are read from their text.
    mutating func date(_ node: Node, path: String) -> CivilDate? {
        guard visit(node) else { return nil }
        guard let text = node.scalarText, !node.isNull else {
            error(.wrongType(path: path, expected: .date, found: node.found), at: node.position)
            return nil
        }
        return parseDate(text, path: path, at: node.position)
    }

    /// Parses a date, telling an impossible date (2023-02-30) from a malformed one.
    mutating func parseDate(_ text: String, path: String, at position: SourcePosition) -> CivilDate? {
        let trimmed = text.trimmingSpaces()
        if let date = CivilDate(iso: trimmed) { return date }
        if Self.looksLikeDate(trimmed) {
            error(.impossibleDate(path: path, text: trimmed), at: position)
        } else {
            error(.badDate(path: path, text: text), at: position)
        }
        return nil
    }

    /// One of an enum's raw values, with a suggestion when misspelt.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ node: Node, path: String, as _: E.Type) -> E?
    where E.RawValue == String {
        guard visit(node) else { return nil }
        let choices = E.allCases.map(\.rawValue)
        guard let text = node.scalarText, !node.isNull else {
            error(.wrongType(path: path, expected: .text, found: node.found), at: node.position)
            return nil
        }
        if let value = E(rawValue: text) { return value }
        error(
            .invalidChoice(
                path: path, value: text, choices: choices,
                suggestion: Suggestion.closest(to: text, in: choices)),
            at: node.position)
        return nil
    }

    // MARK: Lexical checks

    static func isInteger(_ s: String) -> Bool {
        var digits = Substring(s)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Plain decimal notation only (`-1.5e3`): Swift's `Double(_:)` would also take `inf`, `nan` and hex.
    static func isDecimal(_ s: String) -> Bool {
        let c = Array(s.utf8)
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < c.count && c[k] >= UInt8(ascii: "0") && c[k] <= UInt8(ascii: "9") }
        func isSign(_ k: Int) -> Bool { k < c.count && (c[k] == UInt8(ascii: "+") || c[k] == UInt8(ascii: "-")) }
        if isSign(i) { i += 1 }
        var digits = 0
        while isDigit(i) { i += 1; digits += 1 }
        if i < c.count, c[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < c.count, c[i] == UInt8(ascii: "e") || c[i] == UInt8(ascii: "E") {
            i += 1
            if isSign(i) { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == c.count
    }

    static func isNonFiniteWord(_ s: String) -> Bool {
        let word = s.hasPrefix("+") || s.hasPrefix("-") ? String(s.dropFirst()) : s
        return [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(word)
    }

    /// `dddd-dd-dd`: the shape of a date, whether or not it exists.
    static func looksLikeDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { b[$0] >= UInt8(ascii: "0") && b[$0] <= UInt8(ascii: "9") }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (Foundation-free).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension ScenarioDecoder {
    /// A mapping whose keys are data, not field names (`calendar.reportDue`):
    /// its pairs, with text keys, each value recorded at `path.key`.
    mutating func dataMapping(_ node: Node, path: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(.wrongType(path: path, expected: .mapping, found: node.found), at: node.position)
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard let text = key.scalarText, !key.isNull else {
                error(.keyNotText(path: path), at: key.position)
                continue
            }
            sourceMap.record(key: join(path, text), at: key.position)
            sourceMap.record(value: join(path, text), at: value.position)
            pairs.append((text, key, value))
        }
        return pairs
    }
}
