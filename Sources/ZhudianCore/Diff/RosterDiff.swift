/// What moves between two rosters of one organisation (`zhudian diff`, and what `whatif`
/// prints and writes as `diff.json` and `diff.md`): per term, the links before and after
/// (as rings where every unit sends one team), the people who moved, the posts that become
/// uncovered; and the cost of each roster by objective part when the scenario is known.
///
///     let diff = RosterDiff(before: base, after: replanned, scenario: scenario)
///     diff.terms[0].moves   // [PersonMove(person: "SDS-01", from: "QX", to: nil), …]
///
/// Terms are matched by number; a term only one roster has is compared with an empty one.
/// Every list is sorted, so the same rosters always give the same diff.
///
/// - Complexity: O(stays · log stays).
public struct RosterDiff: Sendable, Equatable {
    /// One term's changes.
    public struct TermDiff: Sendable, Equatable {
        /// Term number.
        public let term: Int
        /// The links of the first roster, sorted.
        public let linksBefore: [Link]
        /// The links of the second roster, sorted.
        public let linksAfter: [Link]
        /// The first roster's links as cycles (each starting at its smallest unit id), or nil
        /// when some unit sends to several sites or receives from several (structure `free`).
        public let ringBefore: [[String]]?
        /// The second roster's links as cycles, or nil.
        public let ringAfter: [[String]]?
        /// Links only the second roster has.
        public let added: [Link]
        /// Links only the first roster has.
        public let removed: [Link]
        /// People whose sites differ, by person id.
        public let moves: [PersonMove]
        /// Sites covered in the first roster and not in the second: fewer people than their
        /// `minStaff` when the scenario is known (closed sites aside), nobody at all otherwise.
        public let uncovered: [String]

        /// True when nothing changed in this term.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && moves.isEmpty && uncovered.isEmpty }
    }

    /// A person's sites in one term of each roster (nil: not placed).
    public struct PersonMove: Sendable, Equatable {
        /// Person id.
        public let person: String
        /// Sites in the first roster, sorted (more than one only in visiting mode).
        public let from: [String]
        /// Sites in the second roster, sorted.
        public let to: [String]

        /// Creates a move.
        public init(person: String, from: [String], to: [String]) {
            self.person = person
            self.from = from
            self.to = to
        }
    }

    /// The two rosters' names of their scenarios (informative).
    public let scenarioBefore: String
    /// See ``scenarioBefore``.
    public let scenarioAfter: String
    /// The terms, by number.
    public let terms: [TermDiff]
    /// Each roster's own `solve.objective`.
    public let objectiveBefore: Double?
    /// See ``objectiveBefore``.
    public let objectiveAfter: Double?
    /// The first roster's cost by part, computed from the scenario; nil without one.
    public let costBefore: RosterCost?
    /// The second roster's cost by part; nil without a scenario.
    public let costAfter: RosterCost?

    /// Compares `before` with `after`; `scenario` gives minStaff and the cost.
    public init(before: Roster, after: Roster, scenario: Scenario? = nil) {
        scenarioBefore = before.scenario.name
        scenarioAfter = after.scenario.name
        objectiveBefore = before.solve.objective
        objectiveAfter = after.solve.objective
        costBefore = scenario.map { RosterCost(before, scenario: $0) }
        costAfter = scenario.map { RosterCost(after, scenario: $0) }
        let numbers = Set(before.terms.map(\.term)).union(after.terms.map(\.term)).sorted()
        terms = numbers.map { k in
            Self.termDiff(
                k, before.terms.first { $0.term == k }, after.terms.first { $0.term == k }, scenario: scenario)
        }
    }

    /// True when the rosters place the same people at the same sites.
    public var isEmpty: Bool { terms.allSatisfy(\.isEmpty) }

    private static func termDiff(_ k: Int, _ a: RosterTerm?, _ b: RosterTerm?, scenario: Scenario?) -> TermDiff {
        let linksA = Set(a?.links ?? [])
        let linksB = Set(b?.links ?? [])
        var sitesA: [String: Set<String>] = [:]
        var sitesB: [String: Set<String>] = [:]
        for stay in a?.stays ?? [] { sitesA[stay.person, default: []].insert(stay.site) }
        for stay in b?.stays ?? [] { sitesB[stay.person, default: []].insert(stay.site) }
        let people = Set(sitesA.keys).union(sitesB.keys).sorted()
        let moves = people.compactMap { p -> PersonMove? in
            let from = sitesA[p] ?? []
            let to = sitesB[p] ?? []
            return from == to ? nil : PersonMove(person: p, from: from.sorted(), to: to.sorted())
        }
        return TermDiff(
            term: k, linksBefore: linksA.sorted(), linksAfter: linksB.sorted(), ringBefore: cycles(linksA),
            ringAfter: cycles(linksB), added: linksB.subtracting(linksA).sorted(),
            removed: linksA.subtracting(linksB).sorted(),
            moves: moves, uncovered: uncovered(a?.stays ?? [], b?.stays ?? [], scenario: scenario))
    }

    private static func uncovered(_ a: [Stay], _ b: [Stay], scenario: Scenario?) -> [String] {
        func count(_ stays: [Stay]) -> [String: Int] {
            var n: [String: Int] = [:]
            for stay in stays { n[stay.site, default: 0] += 1 }
            return n
        }
        let before = count(a)
        let after = count(b)
        return before.keys.sorted().filter { site in
            // A closed site (`active: false`) has no post left to cover.
            if let unit = scenario?.unit(site), !unit.active { return false }
            let need = scenario?.unit(site).map { scenario?.minStaff(of: $0) ?? 1 } ?? 1
            return before[site, default: 0] >= need && after[site, default: 0] < need
        }
    }

    /// The links as cycles when every unit has at most one outgoing and one incoming link
    /// and every walk closes; each cycle starts at its smallest id, cycles sorted by it.
    static func cycles(_ links: Set<Link>) -> [[String]]? {
        var next: [String: String] = [:]
        var incoming: Set<String> = []
        for link in links {
            guard next[link.from] == nil, incoming.insert(link.to).inserted else { return nil }
            next[link.from] = link.to
        }
        guard Set(next.keys) == incoming else { return nil }
        var seen: Set<String> = []
        var out: [[String]] = []
        for start in next.keys.sorted() where !seen.contains(start) {
            var cycle: [String] = []
            var at = start
            while seen.insert(at).inserted {
                cycle.append(at)
                guard let to = next[at] else { return nil }
                at = to
            }
            out.append(cycle)
        }
        return out
    }
}
