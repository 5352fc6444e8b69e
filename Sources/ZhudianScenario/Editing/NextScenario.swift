internal import Yams
import ZhudianCore

/// `zhudian next` (SPEC §5): the scenario for the terms after a roster, written by editing the
/// scenario's text so the planner's comments, key order and style survive.
///
/// What changes:
/// - `calendar.start` becomes the day after the roster's last term;
/// - the roster's terms are appended to `history`, and only the last ``historyLength(_:)``
///   entries are kept;
/// - each person's `served` grows by the roster terms they served in;
/// - pins for the roster's terms are dropped and later ones renumbered (term k becomes
///   k − terms planned), `unavailable` ranges and `events` that ended before the new start
///   are dropped;
/// - `--set` settings, pins and bans of the command line are applied; everything else is kept.
///
/// How: the settings are applied first (so the history kept follows the new rules), then
/// the edits above in one pass (disjoint ranges), then the `served` counts in a second pass
/// (they may insert where the first pass rewrote). The result is loaded again and must equal
/// the scenario computed in memory by ``expected(_:after:pins:forbid:)``; if it does not, or
/// does not load, nothing is returned (``ScenarioEditError/editFailed(detail:)``).
public enum NextScenario {
    /// The new file, what it loads to, and what the edit dropped.
    public struct Output: Sendable {
        /// The file's bytes (with the original's BOM, if it had one).
        public let bytes: [UInt8]
        /// The new file, loaded.
        public let loaded: LoadedScenario
        /// History entries the new file keeps.
        public let historyKept: Int
        /// True when no `--set name=…` renamed the scenario.
        public let nameKept: Bool
    }

    /// History entries the rules need: `pairCooldown` and `personCooldown` look back that
    /// many terms; `maxConsecutiveTerms` needs that many to see whether someone served every
    /// one of them (a run of exactly that length must rest in term 1; a longer run is already
    /// visible in those entries); with `handoverDays > 0` the last term's people are still at
    /// their sites when term 1 starts, so at least one entry stays.
    ///
    ///     NextScenario.historyLength(scenario)   // the notices' settings (1, 2, 1, 3 days): 2
    public static func historyLength(_ s: Scenario) -> Int {
        max(s.rules.pairCooldown, s.rules.personCooldown, s.rules.maxConsecutiveTerms, s.calendar.handoverDays > 0 ? 1 : 0)
    }

    /// The next scenario as a value: what the edited file must load to.
    public static func expected(_ s: Scenario, after roster: Roster, pins: [Pin] = [], forbid: [Forbid] = []) -> Scenario {
        var next = s
        guard let last = roster.terms.last else { return next }
        let start = last.end.addingDays(1)
        next.calendar.start = start
        next.history = Array((s.history + roster.terms.map(historyTerm)).suffix(historyLength(s)))
        let served = servedTerms(roster)
        for i in next.people.indices {
            next.people[i].served += served[next.people[i].id, default: 0]
            next.people[i].unavailable.removeAll { $0.range.to < start }
        }
        next.calendar.events.removeAll { $0.date < start }
        let planned = roster.terms.count
        next.pins = s.pins.filter { $0.term > planned }.map { Pin(term: $0.term - planned, subject: $0.subject, site: $0.site) }
            + pins
        next.forbid = s.forbid + forbid
        return next
    }

    /// Writes the next scenario.
    ///
    /// - Parameters:
    ///   - bytes: The scenario file as read; `loaded` is what it loaded to.
    ///   - roster: The roster to continue from; `rosterFile` names it in messages.
    ///   - force: Continue from a roster that names another scenario file (sha256 or name).
    ///   - settings: `--set` changes; `calendar.start` is refused (it is what `next` computes).
    ///   - rules: Pins and bans for the new scenario (terms count from its term 1).
    /// - Throws: ``ScenarioEditError``; ``ScenarioEditError/isInternal`` when the editor failed.
    public static func make(
        bytes: [UInt8], loaded: LoadedScenario, roster: Roster, rosterFile: String, force: Bool = false,
        settings: [ScenarioSetting] = [], rules: CommandLineRules = CommandLineRules()
    ) throws(ScenarioEditError) -> Output {
        let sites = Set(loaded.scenario.units.filter(\.receives).map(\.id))
        try ScenarioEdit.checkRoster(roster, file: rosterFile, of: loaded, force: force, sites: sites)
        if let s = settings.first(where: { $0.path == "calendar.start" }) {
            throw .computedSetting(path: s.path, command: "next")
        }
        let (text, hasBOM) = ScenarioEdit.text(of: bytes)
        let setText = try ScenarioSetting.apply(settings, to: text, file: loaded.file)
        let base = try ScenarioEdit.reload(setText, file: loaded.file)
        let (pins, forbid) = try rules.resolve(against: base)
        let target = expected(base, after: roster, pins: pins, forbid: forbid)

        var editor = try YAMLTextEditor(text: setText)
        try editCalendar(&editor, target)
        try editLists(&editor, base, target, roster: roster, pins: target.pins, forbid: forbid)
        var second = try YAMLTextEditor(text: try editor.result())
        try editServed(&second, base, target)
        let (out, result) = try ScenarioEdit.verified(
            try second.result(), hasBOM: hasBOM, file: loaded.file, expected: target, what: "the edited file")
        return Output(
            bytes: out, loaded: result, historyKept: target.history.count,
            nameKept: !settings.contains { $0.path == "name" })
    }

    // MARK: Edits

    private static func editCalendar(_ editor: inout YAMLTextEditor, _ target: Scenario) throws(ScenarioEditError) {
        let date = target.calendar.start.description
        let quoted = editor.node(at: ["calendar"]).map { editor.isQuoted($0, "start") } ?? false
        try editor.setValue(["calendar"], "start", to: quoted ? YAMLScalar.quoted(date) : date)
        guard let calendar = editor.node(at: ["calendar"]), let events = editor.pair(calendar, "events")?.value else { return }
        let start = target.calendar.start
        let keep = editor.items(events).indices.filter { i in
            guard let date = editor.pair(editor.items(events)[i], "date")?.value.scalarText,
                let day = CivilDate(iso: date.trimmingSpaces())
            else { return true }
            return day >= start
        }
        try editor.rewriteList(in: calendar, "events", keep: keep, append: [])
    }

    private static func editLists(
        _ editor: inout YAMLTextEditor, _ base: Scenario, _ target: Scenario, roster: Roster, pins: [Pin], forbid: [Forbid]
    ) throws(ScenarioEditError) {
        let root = editor.root
        let fromRoster = roster.terms.suffix(target.history.count)
        let keptOld = target.history.count - fromRoster.count
        let oldCount = editor.node(at: ["history"]).map { editor.items($0).count } ?? 0
        try editor.rewriteList(
            in: root, "history", keep: Array((oldCount - keptOld)..<oldCount), append: fromRoster.map(historyItem))
        try editor.rewriteList(in: root, "pins", keep: [], append: pins.map(pinItem))
        let forbidCount = editor.node(at: ["forbid"]).map { editor.items($0).count } ?? 0
        try editor.rewriteList(in: root, "forbid", keep: Array(0..<forbidCount), append: forbid.map(forbidItem))
        guard let people = editor.node(at: ["people"]) else { return }
        let start = target.calendar.start
        for item in editor.items(people) {
            guard let list = editor.pair(item, "unavailable")?.value else { continue }
            let keep = editor.items(list).indices.filter { i in
                guard let to = editor.pair(editor.items(list)[i], "to")?.value.scalarText,
                    let day = CivilDate(iso: to.trimmingSpaces())
                else { return true }
                return day >= start
            }
            try editor.rewriteList(in: item, "unavailable", keep: keep, append: [])
        }
    }

    private static func editServed(_ editor: inout YAMLTextEditor, _ base: Scenario, _ target: Scenario) throws(ScenarioEditError) {
        guard let people = editor.node(at: ["people"]) else { return }
        // One pass over the list: looking each person up would be quadratic in a city's staff.
        var byID: [String: Node] = [:]
        for item in editor.items(people) {
            if let id = editor.pair(item, "id")?.value.scalarText, byID[id] == nil { byID[id] = item }
        }
        for (before, after) in zip(base.people, target.people) where before.served != after.served {
            guard let item = byID[after.id] else {
                throw .editFailed(detail: "person `\(after.id)` not found in the text")
            }
            try editor.setValue(in: item, "served", to: String(after.served))
        }
    }

    // MARK: New text

    private static func historyTerm(_ term: RosterTerm) -> HistoryTerm {
        var seen = Set<String>()
        var stays: [HistoryStay] = []
        for stay in term.stays where seen.insert(stay.person + "\u{0}" + stay.site).inserted {
            stays.append(HistoryStay(person: stay.person, site: stay.site))
        }
        return HistoryTerm(start: term.start, stays: stays)
    }

    private static func historyItem(_ term: RosterTerm) -> [String] {
        let stays = historyTerm(term).stays
        guard !stays.isEmpty else { return ["start: \(term.start)", "stays: []"] }
        return ["start: \(term.start)", "stays:"]
            + stays.map { "  - {person: \(YAMLScalar.text($0.person)), site: \(YAMLScalar.text($0.site))}" }
    }

    static func pinItem(_ pin: Pin) -> [String] {
        ["{term: \(pin.term), " + subject(pin.subject) + ", site: \(YAMLScalar.text(pin.site))}"]
    }

    static func forbidItem(_ entry: Forbid) -> [String] {
        ["{" + subject(entry.subject) + ", site: \(YAMLScalar.text(entry.site))}"]
    }

    static func subject(_ s: Pin.Subject) -> String {
        switch s {
        case .unit(let id): return "unit: \(YAMLScalar.text(id))"
        case .person(let id): return "person: \(YAMLScalar.text(id))"
        }
    }

    /// Roster terms each person served in.
    private static func servedTerms(_ roster: Roster) -> [String: Int] {
        var count: [String: Int] = [:]
        for term in roster.terms {
            for person in Set(term.stays.map(\.person)) { count[person, default: 0] += 1 }
        }
        return count
    }

}
