internal import Yams

/// A scenario file's text as Unicode scalars with its line starts, so that the line and
/// column marks of composed YAML nodes become offsets that text edits can use.
///
/// libyaml counts columns in Unicode scalars and breaks lines at `\n`, `\r\n`, `\r`,
/// U+0085, U+2028 and U+2029; this type counts the same way, so a mark maps to the
/// scalar it names.
///
///     let source = YAMLSource(text: "a: 1\nb: 2\n")
///     source.offset(line: 2, column: 4)   // 8, the `2`
///
/// - Complexity: O(n) to build; O(1) per offset.
struct YAMLSource {
    /// The text, one element per Unicode scalar.
    let scalars: [Unicode.Scalar]
    /// Offset of the first scalar of each line (line 1 at index 0).
    let lineStarts: [Int]
    /// Whether the file writes `\r\n`; inserted lines then use it too.
    let usesCRLF: Bool

    init(text: String) {
        let scalars = Array(text.unicodeScalars)
        var starts = [0]
        var crlf = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                crlf = true
                i += 2
                starts.append(i)
                continue
            }
            if c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" {
                starts.append(i + 1)
            }
            i += 1
        }
        self.scalars = scalars
        self.lineStarts = starts
        self.usesCRLF = crlf
    }

    /// The offset of a 1-based line and column.
    func offset(line: Int, column: Int) -> Int {
        let l = min(max(line, 1), lineStarts.count)
        return min(lineStarts[l - 1] + column - 1, scalars.count)
    }

    /// The offset where `node` starts.
    func offset(of node: Node) -> Int {
        guard let mark = node.mark else { return 0 }
        return offset(line: mark.line, column: mark.column)
    }

    /// The 0-based line holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Where line `index` (0-based) ends: its last scalar before the line break.
    func lineEnd(_ index: Int) -> Int {
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : scalars.count
        while end > lineStarts[index], Self.isBreak(scalars[end - 1]) { end -= 1 }
        return end
    }

    /// Where line `index` ends, its line break included.
    func lineEndWithBreak(_ index: Int) -> Int {
        index + 1 < lineStarts.count ? lineStarts[index + 1] : scalars.count
    }

    /// Column (0-based) of the first non-space scalar of line `index`, or nil for a line
    /// that is blank or holds only a comment: such lines never end a block collection.
    func contentIndent(_ index: Int) -> (indent: Int, first: Unicode.Scalar)? {
        var i = lineStarts[index]
        let end = lineEnd(index)
        while i < end, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        guard i < end, scalars[i] != "#" else { return nil }
        return (i - lineStarts[index], scalars[i])
    }

    /// The text between two offsets.
    func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }
}
