/// Where each field of a loaded scenario was written, so later stages (the
/// planner's warnings, `check`, `whatif`) can point at the file.
///
/// Key paths use the field names of the file: `calendar.start`,
/// `units[2].minStaff`, `people[0].unavailable[1]`, `calendar.reportDue.2023-10`.
/// Indices count from 0 in file order.
///
///     loaded.sourceMap.position("units[2].minStaff")   // SourcePosition(line: 41, column: 15)
///
/// A field that the file leaves out (and so takes its default) has no position;
/// ``nearestPosition(_:)`` then falls back to the closest enclosing field.
public struct SourceMap: Sendable, Equatable {
    private var values: [String: SourcePosition]
    private var keys: [String: SourcePosition]

    /// Creates a map from key paths to the positions of values and of their keys.
    public init(values: [String: SourcePosition] = [:], keys: [String: SourcePosition] = [:]) {
        self.values = values
        self.keys = keys
    }

    /// Where the value at `keyPath` starts, or nil when the file does not write it.
    ///
    /// - Complexity: O(1) on average.
    public func position(_ keyPath: String) -> SourcePosition? { values[keyPath] }

    /// Where the key of the field at `keyPath` is written (the `minStaff` in
    /// `minStaff: 3`); nil for list items and fields the file leaves out.
    public func keyPosition(_ keyPath: String) -> SourcePosition? { keys[keyPath] }

    /// The position of `keyPath`, or of the nearest enclosing field the file
    /// writes (`units[2].minStaff` → `units[2]` → `units`), or line 1, column 1.
    ///
    /// Used for problems about a default value, which has no place of its own.
    public func nearestPosition(_ keyPath: String) -> SourcePosition {
        var path = Substring(keyPath)
        while !path.isEmpty {
            if let p = values[String(path)] { return p }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return .start
    }

    /// Every key path with a known value position, sorted.
    public var keyPaths: [String] { values.keys.sorted() }

    mutating func record(value path: String, at position: SourcePosition) {
        values[path] = position
    }

    mutating func record(key path: String, at position: SourcePosition) {
        keys[path] = position
    }
}
