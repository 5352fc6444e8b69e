import ZhudianCore

/// Tiny random resident scenarios for ``PeopleBruteForce``: 3–4 units of a few people (at
/// most `peopleCap`, so that every person's choice can be enumerated), 1–2 terms, with
/// history, leave (some of it in the handover days only), groups, forbids and pins. Every
/// knob of the rules the formulations treat differently is set per test.
struct TinyScenario {
    var structure: Structure = .free
    var minCycle = 2
    var terms = 2
    var pairCooldown = 0
    var personCooldown = 2
    var maxConsecutiveTerms = 2
    /// Chosen per seed from these.
    var handoverDays: [Int] = [0, 3]
    var unitRange = 3...4
    var historyTerms = 1
    /// People each unit sent in each history term.
    var historyPerUnit = 2
    var peoplePerUnit = 2...3
    /// Under free placement every person's choice is enumerated: keep it at 9 or below.
    var peopleCap = 9
    /// Chosen per seed from these.
    var keepAtHome: [Int] = [0, 0, 1]
    /// Chosen per seed from these (a team of one keeps two-term rotations feasible with few people).
    var minStaff: [Int] = [2]
    var mutualPairs: [Permission] = [.forbid, .allow]
    var leaveRate = 0.15
    var pins = true
    /// Under free placement, the share of sites that need one person instead of two.
    var oneStaffRate = 0.5

    func make(seed: UInt64) -> Scenario {
        var rng = TestRNG(seed: seed)
        let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)
        let h = handoverDays[Int.random(in: 0..<handoverDays.count, using: &rng)]
        let cal = CalendarSettings(start: start, termMonths: 6, terms: terms, handoverDays: h)
        var rules = Rules()
        rules.structure = structure
        rules.minCycle = minCycle
        rules.pairCooldown = pairCooldown
        rules.personCooldown = personCooldown
        rules.maxConsecutiveTerms = maxConsecutiveTerms
        rules.keepAtHome = keepAtHome[Int.random(in: 0..<keepAtHome.count, using: &rng)]
        rules.minStaff = minStaff[Int.random(in: 0..<minStaff.count, using: &rng)]
        rules.mutualPairs = mutualPairs[Int.random(in: 0..<mutualPairs.count, using: &rng)]
        let unitCount = Int.random(in: unitRange, using: &rng)
        var units: [Unit] = []
        var people: [Person] = []
        for i in 0..<unitCount {
            let id = "U\(i)"
            let group: String? = Double.random(in: 0..<1, using: &rng) < 0.2 ? "G" : nil
            // A unit without a location costs 0 km to and from everywhere (SPEC §3).
            let location: Location? =
                Double.random(in: 0..<1, using: &rng) < 0.15
                ? nil : Location(lat: 35 + Double.random(in: 0..<0.5, using: &rng), lon: 117 + Double.random(in: 0..<0.5, using: &rng))
            let minStaff: Int? = structure == .free && Double.random(in: 0..<1, using: &rng) < oneStaffRate ? 1 : nil
            units.append(Unit(id: id, name: "单位\(i)", group: group, location: location, minStaff: minStaff))
            let room = peopleCap - people.count - peoplePerUnit.lowerBound * (unitCount - 1 - i)
            let size = min(Int.random(in: peoplePerUnit, using: &rng), room)
            for j in 0..<size {
                people.append(
                    Person(
                        id: "\(id)-\(j)", name: "人\(i)\(j)", unit: id,
                        qualified: Double.random(in: 0..<1, using: &rng) >= 0.1,
                        served: Int.random(in: 0...2, using: &rng), unavailable: leave(start, h, &rng)))
            }
        }
        let history = historyTerms(units, people, start, &rng)
        var s = Scenario(name: "tiny-\(seed)", calendar: cal, rules: rules, units: units, people: people, history: history)
        if Bool.random(using: &rng) {
            let p = people[Int.random(in: 0..<people.count, using: &rng)]
            let v = units[Int.random(in: 0..<units.count, using: &rng)]
            s.forbid = [Forbid(subject: Bool.random(using: &rng) ? .person(p.id) : .unit(p.unit), site: v.id)]
        }
        if pins && Double.random(in: 0..<1, using: &rng) < 0.3 {
            let p = people[Int.random(in: 0..<people.count, using: &rng)]
            let others = units.filter { $0.id != p.unit }
            let v = others[Int.random(in: 0..<others.count, using: &rng)]
            let term = Int.random(in: 1...terms, using: &rng)
            s.pins = [Pin(term: term, subject: Bool.random(using: &rng) ? .person(p.id) : .unit(p.unit), site: v.id)]
        }
        return s
    }

    /// Leave somewhere in the plan, or only in the handover days after term 1, when only
    /// staying on at the same site in term 2 keeps the person placeable in term 1.
    private func leave(_ start: CivilDate, _ handoverDays: Int, _ rng: inout TestRNG) -> [Absence] {
        let roll = Double.random(in: 0..<1, using: &rng)
        if roll < leaveRate {
            let from = start.addingDays(Int.random(in: 0..<(182 * terms), using: &rng))
            return [Absence(range: DateRange(from: from, to: from.addingDays(Int.random(in: 0..<20, using: &rng))))]
        }
        if roll < 2 * leaveRate && handoverDays > 0 {
            let end = start.addingMonths(6).addingDays(-1)
            return [Absence(range: DateRange(from: end.addingDays(1), to: end.addingDays(handoverDays)))]
        }
        return []
    }

    /// Past terms: each unit sends `historyPerUnit` of its people to one other unit (a random rotation),
    /// so that some of them can stay on, or are barred by a cooldown.
    private func historyTerms(_ units: [Unit], _ people: [Person], _ start: CivilDate, _ rng: inout TestRNG) -> [HistoryTerm] {
        (0..<historyTerms).map { i in
            let r = Int.random(in: 1..<units.count, using: &rng)
            var stays: [HistoryStay] = []
            for (j, u) in units.enumerated() {
                let mine = people.filter { $0.unit == u.id }.shuffled(using: &rng)
                for p in mine.prefix(historyPerUnit) { stays.append(HistoryStay(person: p.id, site: units[(j + r) % units.count].id)) }
            }
            return HistoryTerm(start: start.addingMonths(-6 * (historyTerms - i)), stays: stays)
        }
    }
}
