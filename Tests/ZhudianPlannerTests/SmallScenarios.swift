import ZhudianCore

/// SplitMix64, for test scenarios that are the same on every run.
struct TestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Small random resident scenarios for brute-force comparisons; knobs per test.
struct SmallScenario {
    var units = 5
    var peoplePerUnit = 4...6
    var structure: Structure = .cycles
    var minCycle = 3
    var terms = 1
    var withHistory = true
    var groupRate = 0.3
    var forbids = 2
    var leaveRate = 0.15
    var unqualifiedRate = 0.1
    var highRisk = false

    func make(seed: UInt64) -> Scenario {
        var rng = TestRNG(seed: seed)
        let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)
        var cal = CalendarSettings(start: start, termMonths: 6, terms: terms, handoverDays: 3)
        cal.events = []
        var rules = Rules()
        rules.structure = structure
        rules.minCycle = minCycle
        var units: [Unit] = []
        var people: [Person] = []
        for i in 0..<self.units {
            let id = "U\(i)"
            let group: String? = Double.random(in: 0..<1, using: &rng) < groupRate ? "G\(Int.random(in: 0..<2, using: &rng))" : nil
            let loc = Location(lat: 35 + Double.random(in: 0..<0.5, using: &rng), lon: 117 + Double.random(in: 0..<0.5, using: &rng))
            let ms: Int? = highRisk && i == 0 ? 3 : nil
            units.append(Unit(id: id, name: "单位\(i)", group: group, location: loc, minStaff: ms))
            let n = Int.random(in: peoplePerUnit, using: &rng)
            for j in 0..<n {
                var absences: [Absence] = []
                if Double.random(in: 0..<1, using: &rng) < leaveRate {
                    let from = start.addingDays(Int.random(in: 0..<(180 * terms), using: &rng))
                    absences.append(Absence(range: DateRange(from: from, to: from.addingDays(Int.random(in: 0..<20, using: &rng)))))
                }
                people.append(
                    Person(
                        id: "\(id)-\(j)", name: "人\(i)\(j)", unit: id,
                        qualified: Double.random(in: 0..<1, using: &rng) >= unqualifiedRate,
                        served: Int.random(in: 0...3, using: &rng), unavailable: absences))
            }
        }
        var forbid: [Forbid] = []
        for _ in 0..<forbids {
            let p = people[Int.random(in: 0..<people.count, using: &rng)]
            let v = units[Int.random(in: 0..<units.count, using: &rng)]
            if Bool.random(using: &rng) {
                forbid.append(Forbid(subject: .person(p.id), site: v.id))
            } else {
                forbid.append(Forbid(subject: .unit(p.unit), site: v.id))
            }
        }
        var history: [HistoryTerm] = []
        if withHistory {
            // A rotation by a random offset: u → u+r (mod n), two people each.
            let r = Int.random(in: 1..<self.units, using: &rng)
            var stays: [HistoryStay] = []
            for (i, u) in units.enumerated() {
                let v = units[(i + r) % units.count]
                for p in people.filter({ $0.unit == u.id }).prefix(2) {
                    stays.append(HistoryStay(person: p.id, site: v.id))
                }
            }
            history.append(HistoryTerm(start: start.addingMonths(-6), stays: stays))
        }
        return Scenario(
            name: "small-\(seed)", calendar: cal, rules: rules, units: units, people: people,
            history: history, forbid: forbid)
    }
}

/// Two generated scenarios of eight enterprises, the second moved 6° east with its ids
/// prefixed "X", under a 150 km cap: no link joins them, so the planner solves two parts.
func twoClusters(terms: Int) -> Scenario {
    var a = GeneratorConfig(units: 8)
    a.seed = 77
    a.terms = terms
    var s = ScenarioGenerator.generate(a)
    var b = a
    b.seed = 78
    let other = ScenarioGenerator.generate(b)
    for u in other.units {
        var v = u
        v.id = "X" + u.id
        v.group = u.group.map { "X" + $0 }
        v.location = u.location.map { Location(lat: $0.lat, lon: $0.lon + 6) }
        s.units.append(v)
    }
    for p in other.people {
        var q = p
        q.id = "X" + p.id
        q.unit = "X" + p.unit
        s.people.append(q)
    }
    for (i, h) in other.history.enumerated() where i < s.history.count {
        s.history[i].stays += h.stays.map { HistoryStay(person: "X" + $0.person, site: "X" + $0.site) }
    }
    s.pins = []
    s.forbid = []
    s.rules.maxDistanceKm = 150
    return s
}
