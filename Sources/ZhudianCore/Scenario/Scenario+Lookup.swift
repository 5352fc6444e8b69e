extension Scenario {
    /// The unit with this id.
    ///
    /// - Complexity: O(n); build a ``ScenarioIndex`` for repeated look-ups.
    public func unit(_ id: String) -> Unit? { units.first { $0.id == id } }

    /// The person with this id.
    ///
    /// - Complexity: O(n); build a ``ScenarioIndex`` for repeated look-ups.
    public func person(_ id: String) -> Person? { people.first { $0.id == id } }

    /// People a site needs every day: its own `minStaff`, else the rule's.
    public func minStaff(of site: Unit) -> Int { site.minStaff ?? rules.minStaff }

    /// Kilometres between two units, 0 when either location is missing (SPEC §3 objective).
    public func kilometres(from a: Unit, to b: Unit) -> Double {
        guard let la = a.location, let lb = b.location else { return 0 }
        return la.kilometres(to: lb)
    }

    /// Whether `sameGroup: forbid` keeps people of `home` away from `site`.
    public func sameGroupForbidden(home: Unit, site: Unit) -> Bool {
        guard rules.sameGroup == .forbid, let g = home.group, let h = site.group else { return false }
        return g == h
    }

    /// Sites: units that receive, in file order.
    public var sites: [Unit] { units.filter(\.receives) }

    /// Whether rule 6's team structure (one team per unit, one per site) applies.
    public var usesTeams: Bool { rules.structure != .free }
}

/// Id → position maps over a scenario, built once.
///
///     let index = ScenarioIndex(scenario)
///     index.unit["SDS"]       // position in scenario.units
public struct ScenarioIndex: Sendable {
    /// Unit id → index in `units`.
    public let unit: [String: Int]
    /// Person id → index in `people`.
    public let person: [String: Int]
    /// Unit index → indices of its people, in file order.
    public let peopleOfUnit: [[Int]]

    /// Builds the maps. Later duplicates (which the loader refuses) are ignored.
    ///
    /// - Complexity: O(units + people).
    public init(_ scenario: Scenario) {
        var u: [String: Int] = [:]
        for (i, x) in scenario.units.enumerated() where u[x.id] == nil { u[x.id] = i }
        var p: [String: Int] = [:]
        var of = Array(repeating: [Int](), count: scenario.units.count)
        for (i, x) in scenario.people.enumerated() where p[x.id] == nil {
            p[x.id] = i
            if let ui = u[x.unit] { of[ui].append(i) }
        }
        unit = u
        person = p
        peopleOfUnit = of
    }
}
