internal import Yams
import ZhudianCore

/// `zhudian whatif` (SPEC §5): the effective scenario — the base scenario with the changes
/// applied — written by editing the base file's text, as `next` does, so comments and layout
/// stay and `DIR/scenario.yaml` reads like the planner's own file.
///
/// What each change writes:
/// - `--set`, `--overlay`, `--add-person`: first, in that order (see ``ScenarioSetting``,
///   ``ScenarioOverlay``); everything below is checked against the result;
/// - `--drop-person X`: `active: false` on X; with `--from K > 1`, an `unavailable` range from
///   `S_K + handoverDays` to the plan's last day instead (X serves as published before K,
///   handover included, and not after);
/// - `--drop-site U`: `active: false` on U (refused with `--from K > 1`: a unit takes part in
///   every term or none);
/// - `--absent X:FROM..TO`: an `unavailable` range on X; with `--from K > 1` it starts no
///   earlier than `S_K + handoverDays` (a range wholly before that changes nothing);
/// - `--from K`: every baseline stay of the terms before K becomes a person pin, so the
///   frozen terms are part of the file `check` judges;
/// - pins and bans of the command line: appended to `pins` and `forbid`;
/// - `objective.change`: `--change-weight`, else the scenario's own when it is above 0, else
///   ``ChangeWeight/weight(for:)`` of the changed scenario.
///
/// The result is loaded again and must equal ``expected(_:baseline:changes:absences:pins:forbid:)``,
/// or nothing is returned (``ScenarioEditError/editFailed(detail:)``, exit 70).
public enum WhatIfScenario {
    /// The effective scenario.
    public struct Output: Sendable {
        /// The file's bytes (with the base's BOM, if it had one).
        public let bytes: [UInt8]
        /// The file, loaded (its `sha256` is what the new roster names).
        public let loaded: LoadedScenario
        /// The `objective.change` written.
        public let changeWeight: Double
        /// Terms frozen as the baseline published them (`--from K`: K − 1).
        public let frozenTerms: Int
    }

    /// Builds the effective scenario.
    ///
    /// - Parameters:
    ///   - bytes: The base scenario file as read; `loaded` is what it loaded to.
    ///   - baseline: The roster planned from it; `baselineFile` names it in messages.
    ///   - changes: The changes, checked against the base (ids, dates, terms).
    ///   - force: Accept a baseline that names another scenario file.
    /// - Throws: ``ScenarioEditError``; ``ScenarioEditError/isInternal`` when the editor failed.
    public static func make(
        bytes: [UInt8], loaded: LoadedScenario, baseline: Roster, baselineFile: String,
        changes: WhatIfChanges, force: Bool = false
    ) throws(ScenarioEditError) -> Output {
        let sites = Set(loaded.scenario.units.map(\.id))
        try ScenarioEdit.checkRoster(baseline, file: baselineFile, of: loaded, force: force, sites: sites)
        if let w = changes.changeWeight, !(w >= 0 && w.isFinite) { throw .badChangeWeight(value: w) }
        var (text, hasBOM) = ScenarioEdit.text(of: bytes)
        text = try ScenarioSetting.apply(changes.settings, to: text, file: loaded.file)
        for overlay in changes.overlays {
            text = try ScenarioOverlay.merge(overlay, into: text, file: loaded.file)
        }
        for people in changes.addPeople {
            text = try ScenarioOverlay.addPeople(people, into: text, scenarioFile: loaded.file)
        }
        let base = try ScenarioEdit.reload(text, file: loaded.file)
        let from = changes.from ?? 1
        guard (1...base.calendar.terms).contains(from) else {
            throw .fromOutOfRange(term: from, terms: base.calendar.terms)
        }
        try checkIDs(changes, in: base)
        if from > 1, let site = changes.dropSites.first { throw .dropSiteMidPlan(site: site, from: from) }
        let absences = try changes.absences.map { text throws(ScenarioEditError) in try Absent(parsing: text, in: base) }
        let (pins, forbid) = try changes.rules.resolve(against: base)
        let target = expected(base, baseline: baseline, changes: changes, absences: absences, pins: pins, forbid: forbid)

        text = try editItems(text, base, target)
        text = try appendRules(text, base, target)
        var editor = try YAMLTextEditor(text: text)
        try editor.setValue(["objective"], "change", to: number(target.objective.change))
        let (out, result) = try ScenarioEdit.verified(
            try editor.result(), hasBOM: hasBOM, file: loaded.file, expected: target, what: "the effective scenario")
        return Output(bytes: out, loaded: result, changeWeight: target.objective.change, frozenTerms: from - 1)
    }

    /// The effective scenario as a value: what the edited file must load to. `base` already
    /// holds the settings, overlays and added people.
    public static func expected(
        _ base: Scenario, baseline: Roster, changes: WhatIfChanges, absences: [Absent], pins: [Pin], forbid: [Forbid]
    ) -> Scenario {
        var s = base
        let from = changes.from ?? 1
        // From term K on, a change starts after the frozen term's handover into K.
        let cut: CivilDate? = from > 1 ? base.termStart(from).addingDays(base.calendar.handoverDays) : nil
        let planEnd = base.termEnd(base.calendar.terms).addingDays(base.calendar.handoverDays)
        var index: [String: Int] = [:]
        for (i, p) in s.people.enumerated() where index[p.id] == nil { index[p.id] = i }
        for id in changes.dropPeople {
            guard let i = index[id] else { continue }
            if let cut {
                s.people[i].unavailable.append(Absence(range: DateRange(from: cut, to: planEnd), reason: leftReason))
            } else {
                s.people[i].active = false
            }
        }
        for id in changes.dropSites {
            if let i = s.units.firstIndex(where: { $0.id == id }) { s.units[i].active = false }
        }
        for a in absences {
            guard let i = index[a.person], let range = a.range(from: cut) else { continue }
            s.people[i].unavailable.append(Absence(range: range, reason: absentReason))
        }
        s.pins += frozenPins(baseline, before: from) + pins
        s.forbid += forbid
        if let w = changes.changeWeight {
            s.objective.change = w
        } else if !(base.objective.change > 0) {
            s.objective.change = ChangeWeight.weight(for: s)
        }
        return s
    }

    /// Every baseline stay of the terms before `from`, as a person pin.
    static func frozenPins(_ baseline: Roster, before from: Int) -> [Pin] {
        var seen = Set<String>()
        var out: [Pin] = []
        for term in baseline.terms.sorted(by: { $0.term < $1.term }) where term.term < from {
            for stay in term.stays where seen.insert("\(term.term)\u{0}\(stay.person)\u{0}\(stay.site)").inserted {
                out.append(Pin(term: term.term, subject: .person(stay.person), site: stay.site))
            }
        }
        return out
    }

    /// The `reason` written with a `--drop-person … --from K` range and an `--absent` range.
    static let leftReason = "whatif --drop-person"
    static let absentReason = "whatif --absent"

    // MARK: Checks

    private static func checkIDs(_ changes: WhatIfChanges, in s: Scenario) throws(ScenarioEditError) {
        let people = s.people.map(\.id)
        let units = s.units.map(\.id)
        let knownPeople = Set(people)
        let knownUnits = Set(units)
        for id in changes.dropPeople where !knownPeople.contains(id) {
            throw .unknownOptionID(
                option: "--drop-person", text: id, kind: .person, id: id, suggestion: Suggestion.closest(to: id, in: people))
        }
        for id in changes.dropSites where !knownUnits.contains(id) {
            throw .unknownOptionID(
                option: "--drop-site", text: id, kind: .unit, id: id, suggestion: Suggestion.closest(to: id, in: units))
        }
    }


    // MARK: Edits

    /// `active: false` on dropped units and people, new `unavailable` ranges.
    private static func editItems(_ text: String, _ base: Scenario, _ target: Scenario) throws(ScenarioEditError) -> String {
        var editor = try YAMLTextEditor(text: text)
        if let units = editor.node(at: ["units"]) {
            let byID = items(editor, units)
            for (before, after) in zip(base.units, target.units) where before.active != after.active {
                guard let item = byID[after.id] else { throw .editFailed(detail: "unit `\(after.id)` not found in the text") }
                try editor.setValue(in: item, "active", to: "false")
            }
        }
        guard let people = editor.node(at: ["people"]) else { return try editor.result() }
        let byID = items(editor, people)
        for (before, after) in zip(base.people, target.people) where before != after {
            guard let item = byID[after.id] else { throw .editFailed(detail: "person `\(after.id)` not found in the text") }
            if before.active != after.active { try editor.setValue(in: item, "active", to: "false") }
            let added = after.unavailable.dropFirst(before.unavailable.count).map(absenceText)
            if !added.isEmpty { try appendAbsences(&editor, item, added) }
        }
        return try editor.result()
    }

    /// Appends flow items to a person's `unavailable`: item by item to a block list, as one
    /// flow list otherwise (a flow mapping cannot hold a block list).
    private static func appendAbsences(_ editor: inout YAMLTextEditor, _ item: Node, _ added: [String]) throws(ScenarioEditError) {
        guard let list = editor.pair(item, "unavailable")?.value, !list.isNull else {
            try editor.setValue(in: item, "unavailable", to: "[" + added.joined(separator: ", ") + "]")
            return
        }
        if case .sequence = list, !editor.source.isFlow(list), !editor.source.isFlow(item) {
            let old = editor.items(list)
            try editor.rewriteList(in: item, "unavailable", keep: Array(old.indices), append: added.map { [$0] })
            return
        }
        var texts: [String] = []
        for old in editor.items(list) {
            guard let span = editor.source.span(of: old) else { throw .editFailed(detail: "cannot locate an unavailable item") }
            texts.append(editor.source.text(span))
        }
        try editor.setValue(in: item, "unavailable", to: "[" + (texts + added).joined(separator: ", ") + "]")
    }

    /// New `pins` and `forbid` entries, each list in its own pass (both may be appended at the
    /// file's end, where two insertions would interleave).
    private static func appendRules(_ text: String, _ base: Scenario, _ target: Scenario) throws(ScenarioEditError) -> String {
        var current = text
        let newPins = target.pins.dropFirst(base.pins.count)
        if !newPins.isEmpty {
            var editor = try YAMLTextEditor(text: current)
            let count = editor.node(at: ["pins"]).map { editor.items($0).count } ?? 0
            try editor.rewriteList(in: editor.root, "pins", keep: Array(0..<count), append: newPins.map(NextScenario.pinItem))
            current = try editor.result()
        }
        let newForbid = target.forbid.dropFirst(base.forbid.count)
        if !newForbid.isEmpty {
            var editor = try YAMLTextEditor(text: current)
            let count = editor.node(at: ["forbid"]).map { editor.items($0).count } ?? 0
            try editor.rewriteList(
                in: editor.root, "forbid", keep: Array(0..<count), append: newForbid.map(NextScenario.forbidItem))
            current = try editor.result()
        }
        return current
    }

    /// Items of a list by their `id`, the first of each id (one pass: a city has thousands).
    private static func items(_ editor: YAMLTextEditor, _ list: Node) -> [String: Node] {
        var byID: [String: Node] = [:]
        for item in editor.items(list) {
            if let id = editor.pair(item, "id")?.value.scalarText, byID[id] == nil { byID[id] = item }
        }
        return byID
    }

    private static func absenceText(_ a: Absence) -> String {
        "{from: \(a.range.from), to: \(a.range.to)" + (a.reason.map { ", reason: \(YAMLScalar.text($0))" } ?? "") + "}"
    }

    /// A weight as the file writes it: whole numbers without a fraction.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}
