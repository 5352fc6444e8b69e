/// A place in a text file: 1-based line and column.
///
/// Columns count Unicode characters, as the YAML parser does, so a Chinese
/// name counts one column per character, not three bytes.
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// Line, from 1.
    public let line: Int
    /// Column, from 1.
    public let column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `LINE:COLUMN`.
    public var description: String { "\(line):\(column)" }

    /// Reading order: by line, then column.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// The start of a file; where problems that concern the whole file are reported.
    public static let start = SourcePosition(line: 1, column: 1)
}
