import ZhudianCore

/// The steps every whole-file scenario edit (`next`, `whatif`) shares: the input roster
/// checked against the scenario, the text read without its byte-order mark, and the edited
/// text loaded back and compared with the value it must hold.
enum ScenarioEdit {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The file's text and whether it began with a UTF-8 byte-order mark (kept on output).
    static func text(of bytes: [UInt8]) -> (text: String, hasBOM: Bool) {
        let hasBOM = bytes.starts(with: byteOrderMark)
        return (String(decoding: hasBOM ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self), hasBOM)
    }

    /// Checks that `roster` (read from `file`) was planned from `loaded` — unless `force` —
    /// and names only its people and `sites`.
    static func checkRoster(
        _ roster: Roster, file: String, of loaded: LoadedScenario, force: Bool, sites: Set<String>
    ) throws(ScenarioEditError) {
        guard !roster.terms.isEmpty else { throw .rosterWithoutTerms(roster: file) }
        let s = loaded.scenario
        if !force, roster.scenario.sha256 != loaded.sha256 || roster.scenario.name != s.name {
            throw .rosterOfAnotherScenario(
                roster: file, scenario: loaded.file, rosterName: roster.scenario.name, scenarioName: s.name)
        }
        let people = Set(s.people.map(\.id))
        for term in roster.terms {
            for stay in term.stays {
                if !people.contains(stay.person) { throw .rosterUnknownID(roster: file, kind: .person, id: stay.person) }
                if !sites.contains(stay.site) { throw .rosterUnknownID(roster: file, kind: .site, id: stay.site) }
            }
        }
    }

    /// The scenario `text` holds after the command-line settings and overlays, before the
    /// edit; each of those steps has checked its own result, so a refusal here is the
    /// editor's fault.
    static func reload(_ text: String, file: String) throws(ScenarioEditError) -> Scenario {
        do {
            return try ScenarioLoader.load(data: Array(text.utf8), file: file).scenario
        } catch {
            throw .editFailed(detail: "the scenario does not load before the edit: \(firstProblem(error))")
        }
    }

    /// The edited file's bytes (with the input's byte-order mark) and what they load to;
    /// refused as ``ScenarioEditError/editFailed(detail:)`` unless they load to `expected`.
    /// `what` names the file in that message.
    static func verified(
        _ text: String, hasBOM: Bool, file: String, expected: Scenario, what: String
    ) throws(ScenarioEditError) -> (bytes: [UInt8], loaded: LoadedScenario) {
        let out = (hasBOM ? byteOrderMark : []) + Array(text.utf8)
        let result: LoadedScenario
        do {
            result = try ScenarioLoader.load(data: out, file: file)
        } catch {
            throw .editFailed(detail: "\(what) is refused: \(firstProblem(error))")
        }
        if let field = firstDifference(result.scenario, expected) {
            throw .editFailed(detail: "`\(field)` differs from what it should be")
        }
        return (out, result)
    }

    /// The loader's first diagnostic, with its place, in English (an internal message).
    private static func firstProblem(_ error: ScenarioLoadError) -> String {
        error.errors.first.map { "\($0.line):\($0.column): \($0.message.render(.en))" } ?? "no diagnostic given"
    }

    /// The first field of two scenarios that differs, by its file name.
    static func firstDifference(_ a: Scenario, _ b: Scenario) -> String? {
        let checks: [(String, Bool)] = [
            ("name", a.name == b.name), ("authority", a.authority == b.authority), ("sector", a.sector == b.sector),
            ("mode", a.mode == b.mode), ("calendar", a.calendar == b.calendar), ("rules", a.rules == b.rules),
            ("objective", a.objective == b.objective), ("units", a.units == b.units), ("people", a.people == b.people),
            ("history", a.history == b.history), ("pins", a.pins == b.pins), ("forbid", a.forbid == b.forbid),
        ]
        return checks.first { !$0.1 }?.0
    }
}
