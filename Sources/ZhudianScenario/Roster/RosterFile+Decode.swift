internal import Yams
import ZhudianCore

extension RosterFile {
    /// Reads the roster file at `path` (see ``decode(_:file:)``).
    ///
    /// - Throws: ``RosterFileError``; ``RosterFileError/isFileSystemError`` when the file cannot be read.
    public static func read(path: String) throws(RosterFileError) -> DecodedRoster {
        let bytes: [UInt8]
        do throws(FileBytes.Failure) {
            // Rosters are the program's own output; the bound only keeps a wrong path from eating memory.
            bytes = try FileBytes.readAll(path, limit: 1 << 30)
        } catch {
            let reason: String
            switch error {
            case .tooLarge(let size): reason = "\(size) bytes is too large"
            case .unreadable(let text): reason = text
            }
            throw RosterFileError(
                diagnostics: [RosterDiagnostic(file: path, line: 1, column: 1, message: .cannotRead(reason: reason))],
                isFileSystemError: true)
        }
        return try decode(bytes, file: path)
    }

    /// Reads a roster from JSON bytes; `file` names it in diagnostics.
    ///
    /// The JSON is parsed by the same YAML composer as scenarios (JSON is YAML
    /// 1.2's flow syntax), which keeps key order and every line and column.
    /// Lists keep the file's order, so `check` can judge the file as written.
    ///
    /// - Throws: ``RosterFileError`` with every unreadable part (not JSON, wrong
    ///   types, bad dates, missing required keys).
    /// - Returns: the roster, its format issues (key order, sorting, missing
    ///   optional keys, wrong `format`/`version`) and its notes (unknown keys,
    ///   ignored as SPEC §4 says). A leading UTF-8 BOM is accepted.
    public static func decode(_ bytes: [UInt8], file: String) throws(RosterFileError) -> DecodedRoster {
        func refuse(_ message: RosterMessage, at p: SourcePosition = .start) -> RosterFileError {
            RosterFileError(diagnostics: [RosterDiagnostic(file: file, line: p.line, column: p.column, message: message)])
        }
        let body = TextCheck.strippingBOM(bytes)
        if let bad = TextCheck.firstInvalidUTF8(body) {
            throw refuse(.notUTF8(byte: body[bad]), at: TextCheck.position(ofByte: bad - body.startIndex, in: body))
        }
        guard let first = body.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw refuse(.notJSON(problem: "the file is empty"))
        }
        guard body[first] == UInt8(ascii: "{") else {
            throw refuse(.topLevelNotObject, at: TextCheck.position(ofByte: first - body.startIndex, in: body))
        }
        let text = String(decoding: body, as: UTF8.self)
        let prescan = YAMLPrescan(depthLimit: 16, valueLimit: 50_000_000).scan(body, text: text)
        if let problem = prescan.first {
            if case .duplicateKey(let path, let line) = problem.message {
                throw refuse(.duplicateKey(path: path, firstLine: line), at: problem.position)
            }
            throw refuse(.notJSON(problem: problem.message.render(.en)), at: problem.position)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw refuse(.notJSON(problem: String(describing: error).replacingNewlines()))
        }
        guard let root, case .mapping = root else { throw refuse(.topLevelNotObject) }

        var decoder = RosterDecoder(file: file)
        let roster = decoder.decodeRoster(root)
        guard decoder.errors.isEmpty, let roster else { throw RosterFileError(diagnostics: decoder.errors) }
        return DecodedRoster(
            roster: roster, formatIssues: byPosition(decoder.issues), notes: byPosition(decoder.notes))
    }
}

extension RosterDecoder {
    mutating func decodeRoster(_ root: Node) -> Roster? {
        guard let top = object(root, path: "", keys: RosterFile.topKeys) else { return nil }
        var format = "zhudian-roster"
        if let n = top.values["format"] {
            if let s = jsonString(n) { format = s }
            if jsonString(n) != "zhudian-roster" { issue(.wrongFormat(found: n.scalarText), at: n.position) }
        } else {
            issue(.wrongFormat(found: nil), at: top.position)
        }
        var version = 1
        if let n = top.values["version"] {
            if n.isPlainScalar, let t = n.scalarText, ScenarioDecoder.isInteger(t), let v = Int(t) { version = v }
            if !(n.isPlainScalar && n.scalarText == "1") { issue(.wrongVersion(found: n.scalarText), at: n.position) }
        } else {
            issue(.wrongVersion(found: nil), at: top.position)
        }

        var reference: ScenarioReference?
        if let n = required(top, "scenario"), let o = object(n, path: "scenario", keys: RosterFile.scenarioKeys) {
            let name = required(o, "name").flatMap { string($0, path: o.path("name")) }
            let sha = required(o, "sha256").flatMap { string($0, path: o.path("sha256")) }
            if let name, let sha { reference = ScenarioReference(name: name, sha256: sha) }
        }
        let solve = required(top, "solve").flatMap { decodeSolve($0) }
        var terms: [RosterTerm]?
        if let n = required(top, "terms"), let items = array(n, path: "terms") {
            var decoded: [(value: RosterTerm, position: SourcePosition)] = []
            for item in items {
                if let t = decodeTerm(item.node, path: item.path) { decoded.append((t, item.node.position)) }
            }
            checkSorted(decoded, path: "terms", order: .termsByNumber) { $0.term < $1.term }
            terms = decoded.map(\.value)
        }
        var explanation: [RuleInstance]?
        if let n = top.values["explanation"], let items = array(n, path: "explanation") {
            explanation = items.compactMap { decodeRule($0.node, path: $0.path) }
        }
        guard let reference, let solve, let terms else { return nil }
        var roster = Roster(scenario: reference, solve: solve, terms: terms, explanation: explanation)
        roster.format = format
        roster.version = version
        return roster
    }

    private mutating func decodeSolve(_ node: Node) -> SolveSummary? {
        guard let o = object(node, path: "solve", keys: RosterFile.solveKeys) else { return nil }
        let status = required(o, "status").flatMap { choice($0, path: o.path("status"), as: RosterStatus.self) }
        var optionals: [Double?] = []
        var ok = true
        for key in ["objective", "bound", "gap"] {
            guard let n = expected(o, key) else {
                optionals.append(nil)
                continue
            }
            if let v = numberOrNull(n, path: o.path(key)) { optionals.append(v) } else { ok = false }
        }
        let seconds = required(o, "seconds").flatMap { number($0, path: o.path("seconds")) }
        let engine = required(o, "engine").flatMap { string($0, path: o.path("engine")) }
        guard ok, let status, let seconds, let engine, optionals.count == 3 else { return nil }
        return SolveSummary(
            status: status, objective: optionals[0], bound: optionals[1], gap: optionals[2], seconds: seconds,
            engine: engine)
    }

    private mutating func decodeTerm(_ node: Node, path: String) -> RosterTerm? {
        guard let o = object(node, path: path, keys: RosterFile.termKeys) else { return nil }
        let number = required(o, "term").flatMap { integer($0, path: o.path("term")) }
        let start = required(o, "start").flatMap { date($0, path: o.path("start")) }
        let end = required(o, "end").flatMap { date($0, path: o.path("end")) }

        var links: [(value: Link, position: SourcePosition)]?
        if let n = required(o, "links"), let items = array(n, path: o.path("links")) {
            links = items.compactMap { item in
                guard let l = object(item.node, path: item.path, keys: RosterFile.linkKeys) else { return nil }
                let from = required(l, "from").flatMap { string($0, path: l.path("from")) }
                let to = required(l, "to").flatMap { string($0, path: l.path("to")) }
                guard let from, let to else { return nil }
                return (Link(from: from, to: to), item.node.position)
            }
            checkSorted(links ?? [], path: o.path("links"), order: .linksByFromTo) { !($1 < $0) }
        }
        var stays: [(value: Stay, position: SourcePosition)]?
        if let n = required(o, "stays"), let items = array(n, path: o.path("stays")) {
            stays = items.compactMap { item in
                guard let s = object(item.node, path: item.path, keys: RosterFile.stayKeys) else { return nil }
                let person = required(s, "person").flatMap { string($0, path: s.path("person")) }
                let site = required(s, "site").flatMap { string($0, path: s.path("site")) }
                let arrive = required(s, "arrive").flatMap { date($0, path: s.path("arrive")) }
                let leave = required(s, "leave").flatMap { date($0, path: s.path("leave")) }
                guard let person, let site, let arrive, let leave else { return nil }
                return (Stay(person: person, site: site, arrive: arrive, leave: leave), item.node.position)
            }
            checkSorted(stays ?? [], path: o.path("stays"), order: .staysBySitePerson) { !($1 < $0) }
        }
        var visits: [Visit]?
        if let n = o.values["visits"], let items = array(n, path: o.path("visits")) {
            var decoded: [(value: Visit, position: SourcePosition)] = []
            for item in items {
                if let v = decodeVisit(item.node, path: item.path) { decoded.append((v, item.node.position)) }
            }
            checkSorted(decoded, path: o.path("visits"), order: .visitsByDateSite) { !($1 < $0) }
            visits = decoded.map(\.value)
        }
        guard let number, let start, let end, let links, let stays else { return nil }
        return RosterTerm(
            term: number, start: start, end: end, links: links.map(\.value), stays: stays.map(\.value), visits: visits)
    }

    private mutating func decodeVisit(_ node: Node, path: String) -> Visit? {
        guard let o = object(node, path: path, keys: RosterFile.visitKeys) else { return nil }
        let day = required(o, "date").flatMap { date($0, path: o.path("date")) }
        let site = required(o, "site").flatMap { string($0, path: o.path("site")) }
        var people: [String]?
        if let n = required(o, "people"), let items = array(n, path: o.path("people")) {
            let named = items.compactMap { item in string(item.node, path: item.path).map { ($0, item.node.position) } }
            checkSorted(named.map { (value: $0.0, position: $0.1) }, path: o.path("people"), order: .peopleByID) {
                !($1 < $0)
            }
            people = named.map(\.0)
        }
        guard let day, let site, let people else { return nil }
        return Visit(date: day, site: site, people: people)
    }

    private mutating func decodeRule(_ node: Node, path: String) -> RuleInstance? {
        guard let o = object(node, path: path, keys: RosterFile.ruleKeys) else { return nil }
        let rule = required(o, "rule").flatMap { choice($0, path: o.path("rule"), as: RuleKind.self) }
        var ok = true
        var term: Int?
        if let n = expected(o, "term") {
            if let v = integerOrNull(n, path: o.path("term")) { term = v } else { ok = false }
        }
        var texts: [String?] = []
        for key in ["unit", "site"] {
            guard let n = expected(o, key) else {
                texts.append(nil)
                continue
            }
            if let v = stringOrNull(n, path: o.path(key)) { texts.append(v) } else { ok = false }
        }
        var people: [String] = []
        if let n = expected(o, "people"), let items = array(n, path: o.path("people")) {
            people = items.compactMap { string($0.node, path: $0.path) }
        }
        let message = required(o, "message").flatMap { string($0, path: o.path("message")) }
        guard ok, let rule, let message, texts.count == 2 else { return nil }
        return RuleInstance(rule: rule, term: term, unit: texts[0], site: texts[1], people: people, message: message)
    }
}

/// Diagnostics by line, then column, keeping the order found among equals.
private func byPosition(_ list: [RosterDiagnostic]) -> [RosterDiagnostic] {
    list.enumerated().sorted { a, b in
        (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
    }.map(\.element)
}
