internal import Yams

/// The fields of one YAML mapping, after merge keys (`<<: *defaults`) are applied.
struct Fields {
    /// Key path of the mapping (`units[2]`, or empty at the top level).
    let path: String
    /// Where the mapping starts; where a missing field is reported.
    let position: SourcePosition
    private var entries: [String: Node] = [:]
    /// Valid keys that an unknown key was probably meant to be (`nmae` → `name`):
    /// their absence is not reported again, the "did you mean" already says the fix.
    var misspelt: Set<String> = []

    init(path: String, position: SourcePosition) {
        self.path = path
        self.position = position
    }

    /// Keeps the first value of a key: explicit keys come before merged ones,
    /// so they win, as YAML's merge key says.
    mutating func add(_ key: String, _ value: Node) {
        if entries[key] == nil { entries[key] = value }
    }

    /// Whether the file writes the key at all (even as `~`).
    func has(_ key: String) -> Bool { entries[key] != nil }

    /// The value of `key`, or nil when it is absent or null — both mean "use the default".
    subscript(_ key: String) -> Node? {
        guard let node = entries[key], !node.isNull else { return nil }
        return node
    }

    /// The value of `key` even when it is null (to report where a required value is empty).
    func raw(_ key: String) -> Node? { entries[key] }

    /// `path.key`.
    func path(_ key: String) -> String { join(path, key) }
}

extension Node {
    /// `~`, `null` or nothing, written plainly.
    var isNull: Bool {
        guard case .scalar(let s) = self, s.style == .plain else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Where the node starts.
    var position: SourcePosition {
        guard let mark else { return .start }
        return SourcePosition(line: mark.line, column: mark.column)
    }

    /// What the node is, for "found …" in messages.
    var found: FoundValue {
        switch self {
        case .scalar(let s):
            if isNull { return .nothing }
            return s.style == .plain ? .text(s.string) : .quoted(s.string)
        case .sequence: return .list
        case .mapping: return .mapping
        case .alias: return .nothing
        }
    }

    /// The text of a scalar, as written.
    var scalarText: String? {
        guard case .scalar(let s) = self else { return nil }
        return s.string
    }

    /// True for a scalar written without quotes (numbers and booleans must be).
    var isPlainScalar: Bool {
        guard case .scalar(let s) = self else { return false }
        return s.style == .plain
    }
}
