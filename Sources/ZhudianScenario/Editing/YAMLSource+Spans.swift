internal import Yams

/// Where a composed node ends. Yams gives only start marks, so the end is found in
/// the text, by the rule of the node's own style:
///
/// - plain scalar: its value as written on one line (a multi-line plain scalar is not located);
/// - quoted scalar: up to the closing quote, escapes and `''` skipped;
/// - literal and folded scalars: the lines indented deeper than the header's line;
/// - flow collection: up to the matching bracket, quoted text and comments skipped;
/// - block mapping: up to the last content line indented at least as deep as its first key;
/// - block sequence: the same, where a line at the dash's own column must start another `-`.
///
/// A span never includes the line break after it; a block collection's span includes a
/// comment at the end of its last line. Nil when the text does not hold what the node says,
/// which callers report as an internal error rather than guess.
extension YAMLSource {
    /// The offsets a node's text covers, its anchor or tag included.
    func span(of node: Node) -> Range<Int>? {
        let start = offset(of: node)
        let body = skipProperties(from: start)
        switch node {
        case .scalar(let scalar):
            return scalarSpan(scalar, start: start, body: body)
        case .sequence, .mapping:
            return isFlow(node)
                ? flowEnd(from: body).map { start..<$0 }
                : blockEnd(from: body, isSequence: node.sequence != nil).map { start..<$0 }
        case .alias:
            return nil
        }
    }

    /// Whether a collection is written in flow style (`[…]`, `{…}`). Read from the text:
    /// Yams (6.x) takes a collection's style from its end event, which does not carry one.
    func isFlow(_ node: Node) -> Bool {
        let body = skipProperties(from: offset(of: node))
        return body < scalars.count && (scalars[body] == "[" || scalars[body] == "{")
    }

    /// Past `&anchor` and `!tag` properties and the spaces after them.
    func skipProperties(from start: Int) -> Int {
        var i = start
        while i < scalars.count, scalars[i] == "&" || scalars[i] == "!" {
            while i < scalars.count, scalars[i] != " ", !Self.isBreak(scalars[i]) { i += 1 }
            while i < scalars.count, scalars[i] == " " { i += 1 }
        }
        return i
    }

    private func scalarSpan(_ scalar: Node.Scalar, start: Int, body: Int) -> Range<Int>? {
        switch scalar.style {
        case .singleQuoted:
            return quotedEnd(from: body, quote: "'").map { start..<$0 }
        case .doubleQuoted:
            return quotedEnd(from: body, quote: "\"").map { start..<$0 }
        case .literal, .folded:
            return blockScalarEnd(from: body).map { start..<$0 }
        case .plain, .any:
            let written = Array(scalar.string.unicodeScalars)
            guard !written.isEmpty, body + written.count <= scalars.count,
                Array(scalars[body..<(body + written.count)]) == written
            else { return nil }
            return start..<(body + written.count)
        }
    }

    /// Past the closing quote of a quoted scalar that opens at `start`.
    private func quotedEnd(from start: Int, quote: Unicode.Scalar) -> Int? {
        guard start < scalars.count, scalars[start] == quote else { return nil }
        var i = start + 1
        while i < scalars.count {
            let c = scalars[i]
            if quote == "\"", c == "\\" {
                i += 2
                continue
            }
            if c == quote {
                if quote == "'", i + 1 < scalars.count, scalars[i + 1] == "'" {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return nil
    }

    /// Past the bracket matching the one at `start`.
    private func flowEnd(from start: Int) -> Int? {
        guard start < scalars.count, scalars[start] == "[" || scalars[start] == "{" else { return nil }
        var depth = 0
        var i = start
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "[", "{":
                depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return i + 1 }
            case "\"", "'":
                // Only a quote that opens a scalar; an apostrophe inside plain text does not.
                let previous = i > start ? scalars[i - 1] : " "
                if previous == " " || previous == "," || previous == "[" || previous == "{" || previous == ":"
                    || Self.isBreak(previous)
                {
                    guard let end = quotedEnd(from: i, quote: c) else { return nil }
                    i = end
                    continue
                }
            case "#":
                if i > start, scalars[i - 1] == " " || Self.isBreak(scalars[i - 1]) {
                    i = lineEnd(lineIndex(of: i))
                    continue
                }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// The end of the last content line of a block collection whose first entry is at `start`.
    private func blockEnd(from start: Int, isSequence: Bool) -> Int? {
        let first = lineIndex(of: start)
        let column = start - lineStarts[first]
        var end = lineEnd(first)
        var line = first + 1
        while line < lineStarts.count {
            if let (indent, lead) = contentIndent(line) {
                if indent < column { break }
                if isSequence, indent == column, lead != "-" { break }
                end = lineEnd(line)
            }
            line += 1
        }
        return end
    }

    /// The end of the last line of a `|` or `>` scalar whose header is at `start`.
    private func blockScalarEnd(from start: Int) -> Int? {
        let header = lineIndex(of: start)
        let base = lineIndent(header)
        var end = lineEnd(header)
        var line = header + 1
        while line < lineStarts.count {
            let isBlank = lineEnd(line) == lineStarts[line]
                || scalars[lineStarts[line]..<lineEnd(line)].allSatisfy { $0 == " " }
            if !isBlank {
                if lineIndent(line) <= base { break }
                end = lineEnd(line)
            }
            line += 1
        }
        return end
    }

    /// Spaces at the start of line `index`.
    func lineIndent(_ index: Int) -> Int {
        var i = lineStarts[index]
        while i < scalars.count, scalars[i] == " " { i += 1 }
        return i - lineStarts[index]
    }
}
