internal import Yams
import ZhudianCore

/// `whatif --overlay FILE` and `--add-person FILE`: a partial scenario merged over the base
/// scenario's text.
///
/// The merge rule:
/// - `name`, `authority`, `sector`, `mode`: replace the base's value;
/// - `calendar`, `rules`, `objective`: merge key by key (each key given replaces the base's;
///   a list or mapping value must be written in flow style, `[…]`/`{…}`);
/// - `units`, `people`: entries merge by `id` — an existing id has the fields given replaced
///   (the others kept), a new id is appended as written;
/// - `pins`, `forbid`: appended;
/// - anything else (`version`, `history`, an unknown field) is refused.
///
/// `--add-person` takes one person mapping or a list of them, each a new id.
///
/// Each piece is merged and the scenario loaded again on its own, so a problem is reported
/// at its line and column in the overlay file (`error: FILE:LINE:COLUMN: …`), with the loader's
/// own message, as for a scenario.
///
///     let text = try ScenarioOverlay.merge(file, into: base, file: "s.yaml")
public enum ScenarioOverlay {
    /// A `--overlay`/`--add-person` file: its path (for messages) and bytes.
    public struct File: Sendable, Equatable {
        /// The path, as given.
        public let path: String
        /// Its bytes.
        public let bytes: [UInt8]

        /// Creates a file.
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    static let scalarFields = ["name", "authority", "sector", "mode"]
    static let blockFields = ["calendar", "rules", "objective"]
    static let listFields = ["units", "people", "pins", "forbid"]

    /// `base` with the overlay merged (see the rule above).
    public static func merge(_ overlay: File, into base: String, file: String) throws(ScenarioEditError) -> String {
        let (root, source) = try compose(overlay)
        guard case .mapping(let top) = root else {
            throw refuse(overlay, at: root, .topLevelNotMapping(found: root.found))
        }
        let all = scalarFields + blockFields + listFields
        // Units before people, people before pins: later pieces may name earlier ones.
        var text = base
        for (key, value) in top.sorted(by: { order($0.key, all) < order($1.key, all) }) {
            let name = key.scalarText ?? ""
            switch name {
            case _ where scalarFields.contains(name):
                text = try piece(overlay, source, at: key, into: text, file: file) { e throws(ScenarioEditError) in
                    try e.setValue(in: e.root, name, to: try oneLine(overlay, source, value, path: name))
                }
            case _ where blockFields.contains(name):
                guard case .mapping(let m) = value else { throw refuse(overlay, at: value, .wrongType(path: name, expected: .mapping, found: value.found)) }
                for (k, v) in m {
                    let field = k.scalarText ?? ""
                    text = try piece(overlay, source, at: k, into: text, file: file) { e throws(ScenarioEditError) in
                        try e.setValue([name], field, to: try oneLine(overlay, source, v, path: "\(name).\(field)"))
                    }
                }
            case "units", "people":
                text = try mergeEntries(overlay, source, value, list: name, into: text, file: file, newOnly: false)
            case "pins", "forbid":
                for item in try sequence(overlay, value, name) {
                    text = try append(overlay, source, item, to: name, into: text, file: file)
                }
            default:
                throw refuse(
                    overlay, at: key,
                    .unknownField(path: name, suggestion: Suggestion.closest(to: name, in: all), valid: all))
            }
        }
        return text
    }

    /// `base` with the people of an `--add-person` file appended (each must be a new id).
    public static func addPeople(_ file: File, into base: String, scenarioFile: String) throws(ScenarioEditError) -> String {
        let (root, source) = try compose(file)
        let value: Node
        if case .mapping = root { value = .sequence(Node.Sequence([root])) } else { value = root }
        return try mergeEntries(file, source, value, list: "people", into: base, file: scenarioFile, newOnly: true)
    }

    // MARK: Pieces

    private static func mergeEntries(
        _ overlay: File, _ source: YAMLSource, _ value: Node, list: String, into text: String, file: String, newOnly: Bool
    ) throws(ScenarioEditError) -> String {
        var current = text
        for item in try sequence(overlay, value, list) {
            guard case .mapping(let m) = item else {
                throw refuse(overlay, at: item, .wrongType(path: list, expected: .mapping, found: item.found))
            }
            guard let idNode = m.first(where: { $0.key.scalarText == "id" })?.value, let id = idNode.scalarText else {
                throw refuse(overlay, at: item, .missingField(path: "\(list)[].id"))
            }
            let editor = try YAMLTextEditor(text: current)
            let existing = editor.node(at: [list]).flatMap { editor.item(in: $0, where: "id", is: id) }
            guard existing != nil else {
                current = try append(overlay, source, item, to: list, into: current, file: file)
                continue
            }
            if newOnly {
                throw refuse(overlay, at: idNode, .addedPersonExists(id: id))
            }
            for (k, v) in m where k.scalarText != "id" {
                let field = k.scalarText ?? ""
                current = try piece(overlay, source, at: k, into: current, file: file) { e throws(ScenarioEditError) in
                    guard let list = e.node(at: [list]), let target = e.item(in: list, where: "id", is: id) else {
                        throw .editFailed(detail: "`\(id)` not found in the text")
                    }
                    try e.setValue(in: target, field, to: try oneLine(overlay, source, v, path: "\(list).\(id).\(field)"))
                }
            }
        }
        return current
    }

    /// Appends one list item, as written in the overlay (re-indented), to `list`.
    private static func append(
        _ overlay: File, _ source: YAMLSource, _ item: Node, to list: String, into text: String, file: String
    ) throws(ScenarioEditError) -> String {
        guard let span = source.span(of: item) else { throw .editFailed(detail: "cannot locate an item of the overlay") }
        let column = span.lowerBound - source.lineStarts[source.lineIndex(of: span.lowerBound)]
        let lines = source.text(span).components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        let itemLines = [lines[0]] + lines.dropFirst().map { line in
            String(line.dropFirst(min(column, line.prefix { $0 == " " }.count)))
        }
        return try piece(overlay, source, at: item, into: text, file: file, multiLine: true) { e throws(ScenarioEditError) in
            let count = e.node(at: [list]).map { e.items($0).count } ?? 0
            try e.rewriteList(in: e.root, list, keep: Array(0..<count), append: [itemLines])
        }
    }

    /// Applies one edit to `text` and loads the result; a refusal is reported in the overlay:
    /// a problem inside the new text at the same place in the overlay (lines of a multi-line
    /// item keep their offsets), any other at `node`.
    private static func piece(
        _ overlay: File, _ source: YAMLSource, at node: Node, into text: String, file: String, multiLine: Bool = false,
        _ edit: (inout YAMLTextEditor) throws(ScenarioEditError) -> Void
    ) throws(ScenarioEditError) -> String {
        var editor = try YAMLTextEditor(text: text)
        try edit(&editor)
        let edited = try editor.result()
        do {
            _ = try ScenarioLoader.load(data: Array(edited.utf8), file: file)
            return edited
        } catch {
            let at = position(of: node, in: source)
            let new = YAMLSource(text: edited)
            let region = changedRegion(Array(text.unicodeScalars), new.scalars)
            let firstLine = new.lineIndex(of: region.lowerBound)
            let lastLine = new.lineIndex(of: max(region.lowerBound, region.upperBound - 1))
            // The item's first content column in the edited text (after `- `).
            var first = region.lowerBound
            while first < new.scalars.count, [" ", "\n", "\r", "-"].contains(new.scalars[first]) { first += 1 }
            let contentLine = new.lineIndex(of: first)
            let shift = at.column - (first - new.lineStarts[contentLine] + 1)
            let diagnostics = error.errors.map { d -> ScenarioDiagnostic in
                let line = d.line - 1
                guard multiLine, line >= contentLine, line <= lastLine, line >= firstLine else {
                    return ScenarioDiagnostic(severity: .error, file: overlay.path, at: at, message: d.message)
                }
                return ScenarioDiagnostic(
                    severity: .error, file: overlay.path, line: at.line + line - contentLine, column: max(1, d.column + shift),
                    message: d.message)
            }
            throw .partialFile(diagnostics: diagnostics)
        }
    }

    /// Offsets of the new text that differ from the old one (common prefix and suffix removed).
    private static func changedRegion(_ old: [Unicode.Scalar], _ new: [Unicode.Scalar]) -> Range<Int> {
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var tail = 0
        while tail < old.count - start, tail < new.count - start, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            tail += 1
        }
        return start..<(new.count - tail)
    }

    // MARK: Reading the overlay

    private static func compose(_ file: File) throws(ScenarioEditError) -> (Node, YAMLSource) {
        let body = file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.bytes.dropFirst(3)) : file.bytes
        let text = String(decoding: body, as: UTF8.self)
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch {
            // The loader's own words and position for a file that is not YAML.
            do {
                _ = try ScenarioLoader.load(data: file.bytes, file: file.path)
            } catch {
                throw .partialFile(diagnostics: error.errors)
            }
            throw .editFailed(detail: "the overlay does not parse, yet loads")
        }
        guard let composed, !composed.isNull else {
            throw .partialFile(diagnostics: [
                ScenarioDiagnostic(severity: .error, file: file.path, line: 1, column: 1, message: .emptyFile)
            ])
        }
        return (composed, YAMLSource(text: text))
    }

    private static func sequence(_ overlay: File, _ value: Node, _ key: String) throws(ScenarioEditError) -> [Node] {
        guard case .sequence(let s) = value else {
            throw refuse(overlay, at: value, .wrongType(path: key, expected: .list, found: value.found))
        }
        return Array(s)
    }

    /// The value's text as one line: a scalar as written, a flow collection as written.
    private static func oneLine(_ overlay: File, _ source: YAMLSource, _ value: Node, path: String) throws(ScenarioEditError) -> String {
        guard let span = source.span(of: value) else { throw .editFailed(detail: "cannot locate a value of the overlay") }
        let text = source.text(span)
        if text.contains("\n") {
            throw refuse(overlay, at: value, .overlayBlockValue(path: path))
        }
        return text.isEmpty ? "~" : text
    }

    private static func position(of node: Node, in source: YAMLSource) -> SourcePosition {
        SourcePosition(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private static func refuse(_ overlay: File, at node: Node, _ message: ScenarioMessage) -> ScenarioEditError {
        .partialFile(diagnostics: [
            ScenarioDiagnostic(
                severity: .error, file: overlay.path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
        ])
    }

    private static func order(_ key: Node, _ all: [String]) -> Int {
        all.firstIndex(of: key.scalarText ?? "") ?? all.count
    }
}
