import ZhudianCore
import ZhudianTestSupport

/// Hand-made visiting scenarios: one city office (`OFF`, index 0) whose people visit sites
/// `S1`, `S2`, …, with units in between made inactive where a test needs a site at a given
/// index (the spreading rule staggers targets by site index).
struct VisitingScenarioBuilder {
    var start = "2024-03-01"
    var termMonths = 1
    var terms = 1
    var official = false
    var visitsPerMonth = 1
    var gap = 0
    var maxSites = 1
    /// Unit indices (1…) of the sites; other indices up to the largest are inactive fillers.
    var siteIndices = [1]
    /// People of OFF: id and unavailable ranges (ISO dates, inclusive).
    var people: [(id: String, away: [(String, String)])] = [("P1", []), ("P2", [])]
    /// People of a second office far away (`FAR`), appended after the fillers.
    var farPeople: [String] = []

    func make() -> Scenario {
        var units = [Unit(id: "OFF", name: "市应急管理局", kind: .office, level: .city, location: Location(lat: 35.40, lon: 116.60))]
        let last = siteIndices.max() ?? 1
        for i in 1...last {
            let active = siteIndices.contains(i)
            units.append(
                Unit(
                    id: active ? "S\(i)" : "X\(i)", name: "化工企业\(i)", location: Location(lat: 35.40 + 0.01 * Double(i), lon: 116.62),
                    sends: false, active: active))
        }
        var persons = people.map { p in
            Person(
                id: p.id, name: "员工" + p.id, unit: "OFF",
                unavailable: p.away.map { Absence(range: DateRange(from: Fixtures.day($0.0), to: Fixtures.day($0.1))) })
        }
        if !farPeople.isEmpty {
            units.append(Unit(id: "FAR", name: "县应急管理局", kind: .office, level: .county, location: Location(lat: 36.40, lon: 117.60)))
            persons += farPeople.map { Person(id: $0, name: "员工" + $0, unit: "FAR") }
        }
        var rules = Rules()
        rules.structure = .free
        rules.mutualPairs = .allow
        rules.pairCooldown = 0
        rules.keepAtHome = 0
        rules.personCooldown = 1
        rules.maxConsecutiveTerms = 8
        rules.maxSitesPerPerson = maxSites
        let calendar = CalendarSettings(
            start: Fixtures.day(start), termMonths: termMonths, terms: terms, official: official ? "cn" : nil,
            visitsPerMonth: visitsPerMonth, minVisitGapDays: gap)
        return Scenario(
            name: "两人一企测试", mode: .visiting, calendar: calendar, rules: rules, units: units, people: persons)
    }
}
