/// The checker's own id look-ups over a scenario, built once per checker (the planner keeps
/// ``ScenarioIndex``).
///
///     let index = JudgeIndex(scenario)
///     index.unit["SDS"]        // position in scenario.units
///     index.peopleOfUnit[0]    // positions in scenario.people of unit 0's people, file order
///
/// The first of repeated ids wins (the scenario loader refuses repeats).
///
/// - Complexity: O(units + people) to build.
struct JudgeIndex: Sendable {
    /// Unit id → position in `units`.
    let unit: [String: Int]
    /// Person id → position in `people`.
    let person: [String: Int]
    /// Unit position → positions of its people, in file order.
    let peopleOfUnit: [[Int]]

    init(_ scenario: Scenario) {
        var units: [String: Int] = [:]
        for (i, u) in scenario.units.enumerated() where units[u.id] == nil { units[u.id] = i }
        var people: [String: Int] = [:]
        var members = [[Int]](repeating: [], count: scenario.units.count)
        for (i, p) in scenario.people.enumerated() where people[p.id] == nil {
            people[p.id] = i
            if let home = units[p.unit] { members[home].append(i) }
        }
        unit = units
        person = people
        peopleOfUnit = members
    }
}
