import ZhudianCore

/// The roster file (SPEC §4): JSON written by `plan`, read by `check`, `export`, `next` and `whatif`.
///
///     let bytes = RosterFile.encode(roster)
///     try AtomicFile.write(bytes, to: "out/roster.json")
///     let decoded = try RosterFile.decode(bytes, file: "out/roster.json")
///     decoded.roster == roster.sorted   // true
///     decoded.formatIssues.isEmpty      // true
public enum RosterFile {
    /// Key order of each object, as SPEC §4 shows it.
    static let topKeys = ["format", "version", "scenario", "solve", "terms", "explanation"]
    static let scenarioKeys = ["name", "sha256"]
    static let solveKeys = ["status", "objective", "bound", "gap", "seconds", "engine"]
    static let termKeys = ["term", "start", "end", "links", "stays", "visits"]
    static let linkKeys = ["from", "to"]
    static let stayKeys = ["person", "site", "arrive", "leave"]
    static let visitKeys = ["date", "site", "people"]
    static let ruleKeys = ["rule", "term", "unit", "site", "people", "message"]

    /// The roster as JSON: UTF-8, keys in SPEC order, two-space indentation,
    /// one trailing newline, numbers in shortest round-trip form.
    ///
    /// Lists are sorted as SPEC §4 says (terms by number, links by from/to,
    /// stays by site/person, visits by date/site, a visit's people by id), so
    /// the same roster always gives the same bytes. `objective`, `bound` and
    /// `gap` are written as null when unknown; `visits` only for terms that
    /// have them; `explanation` last and only when present.
    ///
    /// - Complexity: O(n log n) in the number of entries.
    public static func encode(_ roster: Roster) -> [UInt8] {
        var top: [(String, JSONValue)] = [
            ("format", .string(roster.format)),
            ("version", .int(roster.version)),
            (
                "scenario",
                .object([("name", .string(roster.scenario.name)), ("sha256", .string(roster.scenario.sha256))])
            ),
            ("solve", solve(roster.solve)),
            ("terms", .array(roster.terms.sorted { $0.term < $1.term }.map(term))),
        ]
        if let explanation = roster.explanation {
            top.append(("explanation", .array(explanation.map(rule))))
        }
        return JSONWriter.bytes(.object(top))
    }

    /// Writes `bytes` to `path` atomically (see ``AtomicFile/write(_:to:)``).
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try AtomicFile.write(bytes, to: path)
    }

    private static func optional(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }

    private static func solve(_ s: SolveSummary) -> JSONValue {
        .object([
            ("status", .string(s.status.rawValue)),
            ("objective", optional(s.objective)),
            ("bound", optional(s.bound)),
            ("gap", optional(s.gap)),
            ("seconds", .double(s.seconds)),
            ("engine", .string(s.engine)),
        ])
    }

    private static func term(_ t: RosterTerm) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("term", .int(t.term)),
            ("start", .string(t.start.description)),
            ("end", .string(t.end.description)),
            ("links", .array(t.links.sorted().map { .object([("from", .string($0.from)), ("to", .string($0.to))]) })),
            (
                "stays",
                .array(
                    t.stays.sorted().map {
                        .object([
                            ("person", .string($0.person)), ("site", .string($0.site)),
                            ("arrive", .string($0.arrive.description)), ("leave", .string($0.leave.description)),
                        ])
                    })
            ),
        ]
        if let visits = t.visits {
            pairs.append(
                (
                    "visits",
                    .array(
                        visits.sorted().map {
                            .object([
                                ("date", .string($0.date.description)), ("site", .string($0.site)),
                                ("people", .array($0.people.sorted().map { .string($0) })),
                            ])
                        })
                ))
        }
        return .object(pairs)
    }

    private static func rule(_ r: RuleInstance) -> JSONValue {
        func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            ("rule", .string(r.rule.rawValue)),
            ("term", r.term.map { .int($0) } ?? .null),
            ("unit", text(r.unit)),
            ("site", text(r.site)),
            ("people", .array(r.people.map { .string($0) })),
            ("message", .string(r.message)),
        ])
    }
}

extension Roster {
    /// The roster with every list in SPEC order, as ``RosterFile/encode(_:)`` writes it.
    public var sorted: Roster {
        var copy = self
        copy.terms = terms.sorted { $0.term < $1.term }.map { t in
            var t = t
            t.links.sort()
            t.stays.sort()
            t.visits = t.visits.map { visits in
                visits.sorted().map { Visit(date: $0.date, site: $0.site, people: $0.people.sorted()) }
            }
            return t
        }
        return copy
    }
}
