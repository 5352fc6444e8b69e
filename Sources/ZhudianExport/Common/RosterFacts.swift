import ZhudianCore

/// What every export reads off a roster and its scenario: names for ids, the stays of each
/// site in time order, and the days a site is short of people (空岗).
///
/// The exports never trust the roster to match the scenario: an id the scenario does not know
/// is shown as the id itself, so a hand-edited or stale roster still exports.
///
///     let facts = RosterFacts(roster, scenario: scenario)
///     facts.gaps(of: "QX")     // [] for a roster that keeps coverage
///
/// - Complexity: building is O(stays + sites · days of the plan).
public struct RosterFacts: Sendable {
    /// The roster, terms sorted by number.
    public let roster: Roster
    /// Its scenario.
    public let scenario: Scenario
    /// Id look-ups.
    let index: ScenarioIndex
    /// Sites in scenario order (active receiving units), then ids only the roster names.
    public let siteIDs: [String]
    /// Site id → (term, stay), by arrival, then person.
    public let staysBySite: [String: [TermStay]]
    /// Person id → (term, stay), by arrival.
    public let staysByPerson: [String: [TermStay]]
    /// Site id → days with fewer people present than the site needs, as maximal runs.
    public let gapsBySite: [String: [Gap]]

    /// A stay with its term number.
    public struct TermStay: Sendable, Hashable {
        /// Term number.
        public let term: Int
        /// The stay.
        public let stay: Stay
    }

    /// A run of days a site is short of people (空岗).
    public struct Gap: Sendable, Hashable {
        /// The days.
        public let range: DateRange
        /// People present (the least over the run).
        public let present: Int
        /// People needed.
        public let needed: Int
    }

    /// Reads `roster` against `scenario`.
    public init(_ roster: Roster, scenario: Scenario) {
        var sorted = roster
        sorted.terms.sort { $0.term < $1.term }
        self.roster = sorted
        self.scenario = scenario
        let index = ScenarioIndex(scenario)
        self.index = index
        var bySite: [String: [TermStay]] = [:]
        var byPerson: [String: [TermStay]] = [:]
        for term in sorted.terms {
            for stay in term.stays {
                bySite[stay.site, default: []].append(TermStay(term: term.term, stay: stay))
                byPerson[stay.person, default: []].append(TermStay(term: term.term, stay: stay))
            }
        }
        let order: (TermStay, TermStay) -> Bool = {
            ($0.stay.arrive, $0.term, $0.stay.person, $0.stay.site) < ($1.stay.arrive, $1.term, $1.stay.person, $1.stay.site)
        }
        for key in bySite.keys { bySite[key]?.sort(by: order) }
        for key in byPerson.keys { byPerson[key]?.sort(by: order) }
        staysBySite = bySite
        staysByPerson = byPerson
        var ids = scenario.units.filter { $0.receives && $0.active }.map(\.id)
        let known = Set(ids)
        ids += bySite.keys.filter { !known.contains($0) }.sorted()
        siteIDs = ids
        var gaps: [String: [Gap]] = [:]
        for id in ids {
            gaps[id] = Self.gaps(of: id, stays: bySite[id] ?? [], roster: sorted, scenario: scenario, index: index)
        }
        gapsBySite = gaps
    }

    /// Whether the roster has visits (visiting mode): then a stay is only the term's assignment.
    public var hasVisits: Bool { roster.terms.contains { $0.visits != nil } }

    /// Every visit with its term number, in roster order (terms by number, then date and site).
    public var visits: [(term: Int, visit: Visit)] {
        roster.terms.flatMap { term in (term.visits ?? []).sorted().map { (term.term, $0) } }
    }

    /// The unit, if the scenario knows the id.
    public func unit(_ id: String) -> Unit? { index.unit[id].map { scenario.units[$0] } }

    /// The person, if the scenario knows the id.
    public func person(_ id: String) -> Person? { index.person[id].map { scenario.people[$0] } }

    /// Full name of a unit, else its id.
    public func unitName(_ id: String) -> String { unit(id)?.name ?? id }

    /// Short name of a unit (full name when it has none), else its id.
    public func shortName(_ id: String) -> String { unit(id)?.displayName ?? id }

    /// A person's name, else their id.
    public func personName(_ id: String) -> String { person(id)?.name ?? id }

    /// A person's home unit id, empty when unknown.
    public func homeUnit(_ person: String) -> String { self.person(person)?.unit ?? "" }

    /// People a site needs every day.
    public func needed(at site: String) -> Int {
        unit(site).map { scenario.minStaff(of: $0) } ?? scenario.rules.minStaff
    }

    /// The days the plan covers: the roster's terms, else the scenario's horizon.
    public var horizon: DateRange {
        guard let first = roster.terms.first, let last = roster.terms.last else { return scenario.horizon }
        return DateRange(from: first.start, to: last.end)
    }

    /// Every day shown on a timeline: the horizon plus the last handover.
    public var shownRange: DateRange {
        let lastLeave = roster.terms.flatMap(\.stays).map(\.leave).max() ?? horizon.to
        return DateRange(from: horizon.from, to: max(horizon.to, lastLeave))
    }

    /// The people at `site` in term `term`, by person id.
    public func team(at site: String, term: Int) -> [String] {
        (staysBySite[site] ?? []).filter { $0.term == term }.map(\.stay.person).sorted()
    }

    /// Days within the horizon where `site` has fewer than it needs, as maximal runs of equal
    /// shortfall. In visiting mode a stay is the assignment, so the same count applies.
    static func gaps(
        of site: String, stays: [TermStay], roster: Roster, scenario: Scenario, index: ScenarioIndex
    ) -> [Gap] {
        let horizon: DateRange
        if let first = roster.terms.first, let last = roster.terms.last {
            horizon = DateRange(from: first.start, to: last.end)
        } else {
            return []
        }
        let needed = index.unit[site].map { scenario.minStaff(of: scenario.units[$0]) } ?? scenario.rules.minStaff
        let days = horizon.dayCount
        guard days > 0 else { return [] }
        var delta = [Int](repeating: 0, count: days + 1)
        for s in stays {
            let a = max(0, horizon.from.days(to: s.stay.arrive))
            let b = min(days - 1, horizon.from.days(to: s.stay.leave))
            guard a <= b else { continue }
            delta[a] += 1
            delta[b + 1] -= 1
        }
        var result: [Gap] = []
        var present = 0
        var runStart: Int? = nil
        var runPresent = 0
        for d in 0...days {
            if d < days { present += delta[d] }
            let short = d < days && present < needed
            if let start = runStart, !short || present != runPresent {
                result.append(Gap(
                    range: DateRange(from: horizon.from.addingDays(start), to: horizon.from.addingDays(d - 1)),
                    present: runPresent, needed: needed))
                runStart = nil
            }
            if short && runStart == nil {
                runStart = d
                runPresent = present
            }
        }
        return result
    }
}
