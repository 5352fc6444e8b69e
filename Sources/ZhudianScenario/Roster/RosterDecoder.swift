internal import Yams
import ZhudianCore

/// One JSON object of a roster file: its values by key, and where it starts.
struct JSONObject {
    let path: String
    let position: SourcePosition
    var values: [String: Node] = [:]

    func path(_ key: String) -> String { join(path, key) }
}

/// Walks a composed roster document into a ``Roster``, separating what makes
/// it unreadable (``errors``) from format problems that leave a roster (``issues``)
/// and from what is merely told (``notes``: keys it does not know).
struct RosterDecoder {
    let file: String
    private(set) var errors: [RosterDiagnostic] = []
    private(set) var issues: [RosterFormatIssue] = []
    private(set) var notes: [RosterNote] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: RosterMessage, at p: SourcePosition) {
        errors.append(RosterDiagnostic(file: file, line: p.line, column: p.column, message: message))
    }

    mutating func issue(_ message: RosterMessage, at p: SourcePosition) {
        issues.append(RosterFormatIssue(file: file, line: p.line, column: p.column, message: message))
    }

    mutating func note(_ message: RosterMessage, at p: SourcePosition) {
        notes.append(RosterNote(file: file, line: p.line, column: p.column, message: message))
    }

    // MARK: Structure

    /// An object; keys out of SPEC order are format issues, unknown keys only notes: SPEC §4
    /// has readers ignore them, so that a roster a later version wrote stays readable.
    mutating func object(_ node: Node, path: String, keys order: [String]) -> JSONObject? {
        guard case .mapping(let mapping) = node else {
            error(.wrongType(path: path, expected: .object, found: node.found), at: node.position)
            return nil
        }
        var object = JSONObject(path: path, position: node.position)
        var lastRank = -1
        var reportedOrder = false
        for (key, value) in mapping {
            guard let name = jsonString(key) else {
                error(.wrongType(path: path, expected: .string, found: key.found), at: key.position)
                continue
            }
            guard let rank = order.firstIndex(of: name) else {
                note(.unknownKey(path: join(path, name)), at: key.position)
                continue
            }
            if rank < lastRank, !reportedOrder {
                // One issue per object: the first key that comes too late says it all.
                issue(.keyOutOfOrder(path: path, key: name, expected: order), at: key.position)
                reportedOrder = true
            }
            lastRank = max(lastRank, rank)
            object.values[name] = value
        }
        return object
    }

    /// An array's items with their paths.
    mutating func array(_ node: Node, path: String) -> [(node: Node, path: String)]? {
        guard case .sequence(let sequence) = node else {
            error(.wrongType(path: path, expected: .array, found: node.found), at: node.position)
            return nil
        }
        return sequence.enumerated().map { ($1, "\(path)[\($0)]") }
    }

    /// The value of a key the roster needs; a missing one is an error.
    mutating func required(_ o: JSONObject, _ key: String) -> Node? {
        guard let node = o.values[key] else {
            error(.missingKey(path: o.path(key)), at: o.position)
            return nil
        }
        return node
    }

    /// The value of a key SPEC always writes but the roster can do without; a missing one is an issue.
    mutating func expected(_ o: JSONObject, _ key: String) -> Node? {
        guard let node = o.values[key] else {
            issue(.missingOptionalKey(path: o.path(key)), at: o.position)
            return nil
        }
        return node
    }

    // MARK: Values

    /// A JSON string: a double-quoted scalar.
    func jsonString(_ node: Node) -> String? {
        guard case .scalar(let s) = node, s.style == .doubleQuoted else { return nil }
        return s.string
    }

    func isJSONNull(_ node: Node) -> Bool { node.isPlainScalar && node.scalarText == "null" }

    mutating func string(_ node: Node, path: String) -> String? {
        guard let s = jsonString(node) else {
            error(.wrongType(path: path, expected: .string, found: node.found), at: node.position)
            return nil
        }
        return s
    }

    /// A string or null: `.some(nil)` for null, nil when wrong.
    mutating func stringOrNull(_ node: Node, path: String) -> String?? {
        if isJSONNull(node) { return .some(nil) }
        guard let s = jsonString(node) else {
            error(.wrongType(path: path, expected: .stringOrNull, found: node.found), at: node.position)
            return nil
        }
        return .some(s)
    }

    mutating func integer(_ node: Node, path: String) -> Int? {
        guard node.isPlainScalar, let t = node.scalarText, ScenarioDecoder.isInteger(t), let n = Int(t) else {
            error(.wrongType(path: path, expected: .integer, found: node.found), at: node.position)
            return nil
        }
        return n
    }

    mutating func integerOrNull(_ node: Node, path: String) -> Int?? {
        if isJSONNull(node) { return .some(nil) }
        guard node.isPlainScalar, let t = node.scalarText, ScenarioDecoder.isInteger(t), let n = Int(t) else {
            error(.wrongType(path: path, expected: .integerOrNull, found: node.found), at: node.position)
            return nil
        }
        return .some(n)
    }

    mutating func number(_ node: Node, path: String) -> Double? {
        guard node.isPlainScalar, let t = node.scalarText, ScenarioDecoder.isDecimal(t), let d = Double(t) else {
            error(.wrongType(path: path, expected: .number, found: node.found), at: node.position)
            return nil
        }
        return d
    }

    mutating func numberOrNull(_ node: Node, path: String) -> Double?? {
        if isJSONNull(node) { return .some(nil) }
        guard node.isPlainScalar, let t = node.scalarText, ScenarioDecoder.isDecimal(t), let d = Double(t) else {
            error(.wrongType(path: path, expected: .numberOrNull, found: node.found), at: node.position)
            return nil
        }
        return .some(d)
    }

    mutating func date(_ node: Node, path: String) -> CivilDate? {
        guard let s = string(node, path: path) else { return nil }
        guard let d = CivilDate(iso: s) else {
            error(.badDate(path: path, text: s), at: node.position)
            return nil
        }
        return d
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ node: Node, path: String, as _: E.Type) -> E?
    where E.RawValue == String {
        guard let s = string(node, path: path) else { return nil }
        guard let value = E(rawValue: s) else {
            error(.invalidChoice(path: path, value: s, choices: E.allCases.map(\.rawValue)), at: node.position)
            return nil
        }
        return value
    }

    /// Reports the first element that breaks the order (`areInOrder(previous, current)` false).
    mutating func checkSorted<T>(
        _ items: [(value: T, position: SourcePosition)], path: String, order: RosterSortOrder,
        areInOrder: (T, T) -> Bool
    ) {
        guard items.count > 1 else { return }
        for i in 1..<items.count where !areInOrder(items[i - 1].value, items[i].value) {
            issue(.notSorted(path: path, order: order), at: items[i].position)
            return
        }
    }
}
