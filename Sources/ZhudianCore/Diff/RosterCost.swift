/// A roster's SPEC §3 objective by part, computed from the rule text: `distance × km(home,
/// site)` and `fairness × (served + terms served earlier in the roster)` summed over its stays.
/// The `change` part needs a baseline and is not part of a diff.
///
///     RosterCost(roster, scenario: s).total   // distance + fairness
public struct RosterCost: Sendable, Equatable {
    /// The distance part.
    public let distance: Double
    /// The fairness part.
    public let fairness: Double

    /// Distance plus fairness.
    public var total: Double { distance + fairness }

    /// Creates a cost from its parts.
    public init(distance: Double, fairness: Double) {
        self.distance = distance
        self.fairness = fairness
    }

    /// The cost of `roster` under `scenario`; stays of unknown people or sites cost nothing.
    public init(_ roster: Roster, scenario: Scenario) {
        var distance = 0.0
        var fairness = 0.0
        var servedTerms: [String: Set<Int>] = [:]
        for term in roster.terms {
            for stay in term.stays { servedTerms[stay.person, default: []].insert(term.term) }
        }
        for term in roster.terms {
            for stay in term.stays {
                guard let person = scenario.person(stay.person), let home = scenario.unit(person.unit),
                    let site = scenario.unit(stay.site)
                else { continue }
                distance += scenario.objective.distance * scenario.kilometres(from: home, to: site)
                let earlier = servedTerms[stay.person, default: []].filter { $0 < term.term }.count
                fairness += scenario.objective.fairness * Double(person.served + earlier)
            }
        }
        self.distance = distance
        self.fairness = fairness
    }
}
