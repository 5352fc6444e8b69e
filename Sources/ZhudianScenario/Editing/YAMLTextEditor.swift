internal import Yams

/// Edits a YAML file's text in place, so that everything the edit does not touch —
/// comments, blank lines, key order, flow or block style, quoting — stays byte for byte.
///
/// Yams composes the document (to know what is where) but never writes it: its emitter
/// drops comments and reorders nothing back. Each operation turns into replacements of
/// offset ranges, found from the start marks Yams keeps and the node spans of
/// ``YAMLSource``; ``result()`` applies them back to front. Operations queued on one editor
/// must touch disjoint ranges (overlaps are refused); for dependent edits, take the
/// result and start a new editor on it.
///
///     var editor = try YAMLTextEditor(text: "rules:\n  minStaff: 2   # notice\n")
///     try editor.setValue(["rules"], "minStaff", to: "3")
///     try editor.result()   // "rules:\n  minStaff: 3   # notice\n"
///
/// New block text uses two spaces per level and the file's own line ends.
struct YAMLTextEditor {
    /// A replacement of `range` (scalar offsets) by `text`.
    struct Edit {
        let range: Range<Int>
        let text: String
    }

    let source: YAMLSource
    let root: Node
    private var edits: [Edit] = []

    /// Composes `text`; a text that is not one YAML mapping is an internal error here,
    /// because every text edited was loaded before.
    init(text: String) throws(ScenarioEditError) {
        source = YAMLSource(text: text)
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch {
            throw .editFailed(detail: "the text to edit does not parse: \(error)")
        }
        guard let composed, case .mapping = composed else {
            throw .editFailed(detail: "the text to edit is not a YAML mapping")
        }
        root = composed
    }

    // MARK: Reading

    /// The key and value nodes of `key` in `mapping`; merged (`<<`) keys are not looked into.
    func pair(_ mapping: Node, _ key: String) -> (key: Node, value: Node)? {
        guard case .mapping(let m) = mapping else { return nil }
        for (k, v) in m where k.scalarText == key && !(k.scalarText == "<<" && k.isPlainScalar) {
            return (k, v)
        }
        return nil
    }

    /// The node at a path of keys from the root.
    func node(at keys: [String]) -> Node? {
        var current = root
        for key in keys {
            guard let next = pair(current, key)?.value else { return nil }
            current = next
        }
        return current
    }

    /// The items of a sequence node (empty for anything else).
    func items(_ node: Node) -> [Node] {
        guard case .sequence(let s) = node else { return [] }
        return Array(s)
    }

    /// Whether `key` of `mapping` holds a quoted scalar (`start: "2024-03-01"`): a value
    /// written there in its place keeps the quotes, as the file's author wrote them.
    func isQuoted(_ mapping: Node, _ key: String) -> Bool {
        guard case .scalar(let s)? = pair(mapping, key)?.value else { return false }
        return s.style == .doubleQuoted || s.style == .singleQuoted
    }

    /// Whether `node`, or the value of `key` in it, carries an anchor (`&name`): other
    /// entries may reuse it through aliases, so editing it would edit them too.
    func isAnchored(_ node: Node, _ key: String? = nil) -> Bool {
        let nodes = [node] + (key.flatMap { pair(node, $0)?.value }.map { [$0] } ?? [])
        return nodes.contains { n in
            let at = source.offset(of: n)
            return at < source.scalars.count && source.scalars[at] == "&"
        }
    }

    /// Item `index` of the top-level list `key`.
    func listItem(_ key: String, _ index: Int) -> Node? {
        guard let list = node(at: [key]) else { return nil }
        let all = items(list)
        return all.indices.contains(index) ? all[index] : nil
    }

    /// The item of a sequence whose `key` field reads `value` (`people` item with `id: X`).
    func item(in sequence: Node, where key: String, is value: String) -> Node? {
        items(sequence).first { pair($0, key)?.value.scalarText == value }
    }

    // MARK: Editing

    /// Sets `key` of the mapping at `mappingPath` (from the root) to the one-line value text
    /// `text`, adding the key when it is missing (and the mapping, at the top level).
    mutating func setValue(_ mappingPath: [String], _ key: String, to text: String) throws(ScenarioEditError) {
        guard let mapping = node(at: mappingPath) else {
            guard mappingPath.count == 1 else {
                throw .editFailed(detail: "no mapping at \(mappingPath.joined(separator: "."))")
            }
            try insertPair(root, mappingPath[0], block: ["\(mappingPath[0]):", "  \(key): \(text)"])
            return
        }
        // `rules:` written with nothing (or `~`) after it: the block takes the default, so
        // the new key becomes its only entry.
        if mapping.isNull, mappingPath.count == 1, let (k, v) = pair(root, mappingPath[0]) {
            try replaceValue(key: k, value: v, with: newline + "  \(key): \(text)")
            return
        }
        try setValue(in: mapping, key, to: text)
    }

    /// Sets `key` of `mapping` to the one-line value text `text`, adding it when missing.
    mutating func setValue(in mapping: Node, _ key: String, to text: String) throws(ScenarioEditError) {
        if let (k, v) = pair(mapping, key) {
            try replaceValue(key: k, value: v, with: " " + text)
        } else {
            try insertPair(mapping, key, value: text)
        }
    }

    /// Keeps the items of the list `key` of `mapping` whose indices are in `keep` and adds
    /// `append` after them. Each appended item is its lines: the first follows `- `, the
    /// others are relative to it. A block list is edited item by item (comments between kept
    /// items stay); a flow list stays flow when nothing is appended; a list that must grow
    /// and is flow, empty or missing becomes a block list of the kept items' text and the new ones.
    mutating func rewriteList(
        in mapping: Node, _ key: String, keep: [Int], append: [[String]]
    ) throws(ScenarioEditError) {
        guard let (k, v) = pair(mapping, key) else {
            if !append.isEmpty { try insertPair(mapping, key, block: [key + ":"] + blockItems(append, indent: 2)) }
            return
        }
        let old = items(v)
        if keep == Array(old.indices), append.isEmpty { return }
        if case .sequence = v, !source.isFlow(v) {
            try rewriteBlockList(key: k, list: v, keep: keep, append: append)
            return
        }
        var keptTexts: [String] = []
        for i in keep {
            guard let span = source.span(of: old[i]) else { throw unlocated("an item of `\(key)`") }
            keptTexts.append(source.text(span))
        }
        if append.isEmpty {
            try replaceValue(key: k, value: v, with: " [" + keptTexts.joined(separator: ", ") + "]")
            return
        }
        let indent = try column(of: mapping) + 2
        let lines = blockItems(keptTexts.map { [$0] } + append, indent: indent)
        try replaceValue(key: k, value: v, with: lines.map { newline + $0 }.joined())
    }

    /// The edited text.
    func result() throws(ScenarioEditError) -> String {
        let sorted = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }.map(\.element)
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.range.lowerBound < a.range.upperBound {
            throw .editFailed(detail: "two edits overlap at offset \(b.range.lowerBound)")
        }
        var out = String.UnicodeScalarView()
        var at = 0
        for edit in sorted {
            out.append(contentsOf: source.scalars[at..<edit.range.lowerBound])
            out.append(contentsOf: edit.text.unicodeScalars)
            at = edit.range.upperBound
        }
        out.append(contentsOf: source.scalars[at...])
        return String(out)
    }

    // MARK: Pieces

    private var newline: String { source.usesCRLF ? "\r\n" : "\n" }

    private mutating func replace(_ range: Range<Int>, with text: String) {
        edits.append(Edit(range: range, text: text))
    }

    private func unlocated(_ what: String) -> ScenarioEditError {
        .editFailed(detail: "cannot locate \(what) in the text")
    }

    /// Replaces everything after `key:` up to the end of its value by `text` (which brings
    /// its own leading space or line break), so a block value becomes a flow one cleanly.
    private mutating func replaceValue(key: Node, value: Node, with text: String) throws(ScenarioEditError) {
        let colon = try colonEnd(after: key)
        let end: Int
        if value.isNull, value.scalarText == "" {
            end = colon
        } else {
            guard let span = source.span(of: value), span.lowerBound >= colon else {
                throw unlocated("the value of `\(key.scalarText ?? "?")`")
            }
            end = span.upperBound
        }
        replace(colon..<end, with: text)
    }

    /// Just past the `:` that follows a key.
    private func colonEnd(after key: Node) throws(ScenarioEditError) -> Int {
        guard let span = source.span(of: key) else { throw unlocated("the key `\(key.scalarText ?? "?")`") }
        var i = span.upperBound
        while i < source.scalars.count, source.scalars[i] == " " { i += 1 }
        guard i < source.scalars.count, source.scalars[i] == ":" else {
            throw unlocated("the `:` after `\(key.scalarText ?? "?")`")
        }
        return i + 1
    }

    /// The 0-based column where a mapping's first key (or a sequence's first dash) stands.
    private func column(of node: Node) throws(ScenarioEditError) -> Int {
        let start = source.skipProperties(from: source.offset(of: node))
        return start - source.lineStarts[source.lineIndex(of: start)]
    }

    /// Adds `key: value` as the last pair of a mapping, in the mapping's own style.
    private mutating func insertPair(_ mapping: Node, _ key: String, value: String) throws(ScenarioEditError) {
        guard case .mapping(let m) = mapping else { throw unlocated("a mapping for `\(key)`") }
        if source.isFlow(mapping) {
            if let last = m.reversed().first {
                let end: Int
                if last.value.isNull, last.value.scalarText == "" {
                    end = try colonEnd(after: last.key)
                } else {
                    guard let span = source.span(of: last.value) else { throw unlocated("the last value before `\(key)`") }
                    end = span.upperBound
                }
                replace(end..<end, with: ", \(key): \(value)")
            } else {
                let open = source.skipProperties(from: source.offset(of: mapping)) + 1
                replace(open..<open, with: "\(key): \(value)")
            }
            return
        }
        try insertPair(mapping, key, block: ["\(key): \(value)"])
    }

    /// Adds lines after the last content line of a block mapping, at its indentation
    /// (`block` starts with the `key:` line; the pair's value lines follow, already indented
    /// relative to the key).
    private mutating func insertPair(_ mapping: Node, _ key: String, block: [String]) throws(ScenarioEditError) {
        guard case .mapping = mapping, !source.isFlow(mapping), let span = source.span(of: mapping) else {
            throw unlocated("a block mapping to add `\(key)` to")
        }
        let indent = String(repeating: " ", count: try column(of: mapping))
        var text = block.map { newline + indent + $0 }.joined()
        // A new top-level list reads better apart from the field above it.
        if block.count > 1 { text = newline + text }
        replace(span.upperBound..<span.upperBound, with: text)
    }

    /// A block list edited item by item.
    private mutating func rewriteBlockList(
        key: Node, list: Node, keep: [Int], append: [[String]]
    ) throws(ScenarioEditError) {
        let old = items(list)
        let indent = try column(of: list)
        guard let listSpan = source.span(of: list) else { throw unlocated("the list `\(key.scalarText ?? "?")`") }
        guard let lastKept = keep.last else {
            if append.isEmpty {
                try replaceValue(key: key, value: list, with: " []")
            } else {
                let first = source.lineStarts[commentsAbove(source.lineIndex(of: listSpan.lowerBound), indent: indent)]
                replace(first..<listSpan.upperBound, with: blockItems(append, indent: indent).joined(separator: newline))
            }
            return
        }
        let kept = Set(keep)
        for (i, item) in old.enumerated() where !kept.contains(i) {
            guard let span = source.span(of: item), span.upperBound > span.lowerBound else {
                throw unlocated("an item of `\(key.scalarText ?? "?")`")
            }
            let line = source.lineIndex(of: span.lowerBound)
            guard let (dashAt, lead) = source.contentIndent(line), dashAt == indent, lead == "-" else {
                throw unlocated("the `-` of an item of `\(key.scalarText ?? "?")`")
            }
            let last = source.lineIndex(of: span.upperBound - 1)
            replace(source.lineStarts[commentsAbove(line, indent: indent)]..<source.lineEndWithBreak(last), with: "")
        }
        if !append.isEmpty {
            guard let span = source.span(of: old[lastKept]) else { throw unlocated("the last kept item") }
            replace(span.upperBound..<span.upperBound, with: blockItems(append, indent: indent).map { newline + $0 }.joined())
        }
    }

    /// The first of the comment lines written right above `line` at the item's own
    /// indentation (or `line` itself): such comments describe the item and go with it.
    private func commentsAbove(_ line: Int, indent: Int) -> Int {
        var first = line
        while first > 0 {
            let above = first - 1
            let start = source.lineStarts[above] + indent
            guard source.contentIndent(above) == nil, source.lineIndent(above) == indent,
                start < source.scalars.count, source.scalars[start] == "#"
            else { break }
            first = above
        }
        return first
    }

    /// Block list items as lines indented by `indent` spaces.
    private func blockItems(_ items: [[String]], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for item in items {
            for (n, line) in item.enumerated() {
                lines.append(pad + (n == 0 ? "- " : "  ") + line)
            }
        }
        return lines
    }
}
