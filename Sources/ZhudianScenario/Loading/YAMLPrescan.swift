// libyaml's event parser (our own copy, CLibYAML: Yams is built on libyaml
// but offers only whole documents and keeps its copy internal). The guards
// below must run *before* a document is composed, because composing checks
// duplicate keys by hashing them, and hashing a key that is an alias bomb
// takes exponential time.
internal import CLibYAML

/// A streaming pass over the YAML events that refuses, before anything is
/// built, what could make the loader slow, deep or huge: alias expansion past
/// a bound ("billion laughs"), nesting past a bound, undefined aliases, a
/// second document. It also finds duplicate keys with the position of the
/// *second* occurrence, which Yams does not report.
///
/// The pass never expands an alias: it records each anchor's expanded size
/// and height once, so a bomb costs one step per event.
///
/// - Complexity: O(n) in the file size, memory O(nesting + anchors).
struct YAMLPrescan {
    /// A problem found by the pass.
    struct Problem {
        let position: SourcePosition
        let message: ScenarioMessage
    }

    /// Deepest collection nesting accepted (the format itself needs 4).
    let depthLimit: Int
    /// Most values (scalars and collections, aliases counted expanded) accepted.
    let valueLimit: Int

    private struct Frame {
        let isMapping: Bool
        let anchor: String?
        let path: String
        var size = 1
        var height = 1
        var expectingKey = true
        var currentKey: String?
        var keys: [String: Int] = [:]
        var index = 0
    }

    /// What an anchor stands for, without expanding it.
    private struct AnchorInfo {
        let size: Int
        let height: Int
    }

    /// Scans `bytes` (UTF-8, BOM already removed). `text` is the same bytes as a
    /// string, used only to look at the character where libyaml reports an error.
    ///
    /// Fatal problems stop the pass and come back alone; duplicate keys are collected.
    func scan(_ bytes: ArraySlice<UInt8>, text: String) -> [Problem] {
        // libyaml asserts on a null input pointer, which an empty buffer may have; nothing to check anyway.
        guard !bytes.isEmpty else { return [] }
        var parser = yaml_parser_t()
        guard zd_yaml_parser_initialize(&parser) == 1 else {
            return [Problem(position: .start, message: .yamlSyntax(problem: "out of memory", context: nil))]
        }
        defer { zd_yaml_parser_delete(&parser) }
        return Array(bytes).withUnsafeBufferPointer { buffer -> [Problem] in
            zd_yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            zd_yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return run(&parser, bytes: bytes, text: text)
        }
    }

    private func run(_ parser: inout yaml_parser_t, bytes: ArraySlice<UInt8>, text: String) -> [Problem] {
        var problems: [Problem] = []
        var stack: [Frame] = []
        var anchors: [String: AnchorInfo] = [:]
        var total = 0
        var documents = 0
        var event = yaml_event_t()

        while true {
            guard zd_yaml_parser_parse(&parser, &event) == 1 else {
                problems.append(translateError(parser, bytes: bytes, text: text))
                return problems
            }
            defer { zd_yaml_event_delete(&event) }
            let position = SourcePosition(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return problems

            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    problems.append(Problem(position: position, message: .multipleDocuments))
                    return problems
                }

            case YAML_SCALAR_EVENT:
                let anchor = Self.string(event.data.scalar.anchor)
                // Only keys need their text (for duplicate checks); values are skipped unread.
                let isKey = stack.last.map { $0.isMapping && $0.expectingKey } ?? false
                let value = isKey ? Self.scalarValue(event) : nil
                total += 1
                if total > valueLimit {
                    return problems + [Problem(position: position, message: .tooManyValues(limit: valueLimit))]
                }
                if let anchor { anchors[anchor] = AnchorInfo(size: 1, height: 0) }
                if let duplicate = Self.noteChild(&stack, size: 1, height: 0, keyText: value, at: position) {
                    problems.append(duplicate)
                }

            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Self.string(
                    isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                total += 1
                if total > valueLimit {
                    return problems + [Problem(position: position, message: .tooManyValues(limit: valueLimit))]
                }
                if stack.count + 1 > depthLimit {
                    return problems + [Problem(position: position, message: .nestingTooDeep(limit: depthLimit))]
                }
                let path = Self.childPath(stack)
                stack.append(Frame(isMapping: isMapping, anchor: anchor, path: path))

            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                if let anchor = frame.anchor {
                    anchors[anchor] = AnchorInfo(size: frame.size, height: frame.height)
                }
                if let duplicate = Self.noteChild(
                    &stack, size: frame.size, height: frame.height, keyText: nil, at: position)
                {
                    problems.append(duplicate)
                }

            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                // An anchor is known only once its node has ended, as in Yams:
                // an alias inside its own anchor's node is undefined, which also
                // rules out cycles.
                guard let info = anchors[name] else {
                    return problems + [Problem(position: position, message: .undefinedAlias(alias: name))]
                }
                total += info.size
                if total > valueLimit {
                    return problems + [
                        Problem(
                            position: position,
                            message: .aliasExpansionTooLarge(alias: name, limit: valueLimit))
                    ]
                }
                if stack.count + info.height > depthLimit {
                    return problems + [Problem(position: position, message: .nestingTooDeep(limit: depthLimit))]
                }
                _ = Self.noteChild(&stack, size: info.size, height: info.height, keyText: nil, at: position)

            default:
                break
            }
        }
    }

    /// Adds a finished child to the innermost collection; returns a duplicate-key
    /// problem when the child is a key already seen in that mapping.
    private static func noteChild(
        _ stack: inout [Frame], size: Int, height: Int, keyText: String?, at position: SourcePosition
    ) -> Problem? {
        guard var top = stack.popLast() else { return nil }
        defer { stack.append(top) }
        top.size += size
        top.height = max(top.height, height + 1)
        guard top.isMapping else {
            top.index += 1
            return nil
        }
        if top.expectingKey {
            top.expectingKey = false
            top.currentKey = keyText
            guard let key = keyText else { return nil }
            if let first = top.keys[key] {
                return Problem(
                    position: position,
                    message: .duplicateKey(path: join(top.path, key), firstLine: first))
            }
            top.keys[key] = position.line
        } else {
            top.expectingKey = true
            top.currentKey = nil
        }
        return nil
    }

    /// The key path of a collection starting now, for messages.
    private static func childPath(_ stack: [Frame]) -> String {
        guard let top = stack.last else { return "" }
        if top.isMapping {
            return top.expectingKey ? top.path : join(top.path, top.currentKey ?? "?")
        }
        return "\(top.path)[\(top.index)]"
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func scalarValue(_ event: yaml_event_t) -> String? {
        guard let pointer = event.data.scalar.value else { return nil }
        let buffer = UnsafeBufferPointer(start: pointer, count: Int(event.data.scalar.length))
        return String(decoding: buffer, as: UTF8.self)
    }

    /// libyaml's error, as a problem at its place; a tab gets its own message
    /// because libyaml's words for it ("cannot start any token") do not say tab.
    private func translateError(
        _ parser: yaml_parser_t, bytes: ArraySlice<UInt8>, text: String
    ) -> Problem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let position = TextCheck.position(ofByte: Int(parser.problem_offset), in: bytes)
            return Problem(position: position, message: .yamlSyntax(problem: problem, context: nil))
        }
        let position = SourcePosition(
            line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        if problem.contains("tab") || TextCheck.character(at: position, in: text) == "\t" {
            return Problem(position: position, message: .tabIndentation)
        }
        // libyaml's own nesting limit (1000) can strike before ours when its
        // scanner looks ahead through a run of `[`; it is the same problem.
        if problem.hasPrefix("Maximum nesting level") {
            return Problem(position: position, message: .nestingTooDeep(limit: depthLimit))
        }
        var context: String?
        if let c = parser.context {
            context = "\(String(cString: c)) at line \(parser.context_mark.line + 1), "
                + "column \(parser.context_mark.column + 1)"
        }
        return Problem(position: position, message: .yamlSyntax(problem: problem, context: context))
    }
}

/// `a.b`, or `b` at the top level.
func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
