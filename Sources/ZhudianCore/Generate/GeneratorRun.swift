/// One generation: normalised settings, the random stream and everything built so far.
struct GeneratorRun {
    let n: Int
    let officeCount: Int
    let structure: Structure
    let terms: Int
    let historyCount: Int
    let countyCount: Int
    let peopleRange: ClosedRange<Int>
    let leaveRate: Double
    let unqualifiedRate: Double
    let groupRate: Double
    let forbidCount: Int
    let pinCount: Int
    let highRiskRate: Double
    let rules: Rules
    let calendar: CalendarSettings

    var rng: SeededGenerator
    var cityName = ""
    var cityCentre = (lat: 35.6, lon: 117.5)
    var counties: [Place] = []
    var towns: [[Place]] = []
    var units: [Unit] = []
    var people: [Person] = []
    /// Unit index → indices into `people`.
    var unitPeople: [[Int]] = []
    /// Person index → unit index.
    var personUnit: [Int] = []
    /// Enterprise index → group number.
    var groupOf: [Int?] = []
    /// Person index → a drawn `served` count before history is known.
    var servedDraw: [Int] = []

    init(_ c: GeneratorConfig) {
        n = max(0, c.units)
        structure = c.structure
        officeCount = c.structure == .free ? max(0, c.offices) : 0
        terms = min(8, max(1, c.terms))
        historyCount = max(0, c.history)
        countyCount = max(1, c.counties)
        let low = max(1, c.peoplePerUnit.lowerBound)
        peopleRange = low...max(low, c.peoplePerUnit.upperBound)
        leaveRate = clampRate(c.leaveRate)
        unqualifiedRate = clampRate(c.unqualifiedRate)
        groupRate = clampRate(c.groupRate)
        forbidCount = max(0, c.forbidCount)
        pinCount = max(0, c.pinCount)
        highRiskRate = clampRate(c.highRiskRate)
        rng = SeededGenerator(seed: c.seed)

        // Set every rule explicitly: the generated file must keep the notices' settings
        // even if `Rules()`'s defaults change one day.
        var r = Rules()
        r.minStaff = 2
        r.structure = c.structure
        r.minCycle = max(2, c.minCycle)
        r.mutualPairs = .forbid
        r.sameGroup = .forbid
        r.pairCooldown = 1
        r.personCooldown = 2
        r.maxConsecutiveTerms = 1
        r.keepAtHome = 1
        r.requireQualified = true
        r.maxDistanceKm = nil
        r.maxSitesPerPerson = 1
        rules = r
        calendar = CalendarSettings(
            start: c.start, termMonths: 6, terms: terms, handoverDays: min(30, max(0, c.handoverDays)),
            events: [
                CalendarEvent(date: c.start.addingDays(-8), title: "报送驻点人员名单"),
                CalendarEvent(date: c.start.addingDays(-2), title: "驻点人员岗前培训"),
            ],
            reportDay: 30)
    }

    mutating func build() -> (scenario: Scenario, witness: GeneratorWitness) {
        makeGeography()
        makeEnterprises()
        makeOffices()
        makePeople()
        var witness = buildWitness()
        // A rotation can fail only for want of rested people at some enterprise (small rings
        // send a team back to the site it left two terms ago); one more qualified person each
        // is what a bureau would do, so add them and try again.
        var extra = 0
        // Fewer than 3 enterprises (or than minCycle) leave no room at all; people cannot help.
        let roomy = n >= 3 && (structure != .cycles || n >= rules.minCycle)
        while witness.termCount < historyCount + terms, extra < 3, roomy {
            for u in 0..<n { addPerson(unit: u, qualified: true) }
            extra += 1
            witness = buildWitness()
        }
        let history = makeHistory(witness)
        finishServed(history)
        addLeave(witness)
        let forbid = makeForbid(witness)
        let pins = makePins(witness)
        let scenario = Scenario(
            version: 1, name: scenarioName(), authority: authorityName(), sector: "非煤矿山",
            mode: .resident, calendar: calendar, rules: rules, objective: ObjectiveWeights(),
            units: units, people: people, history: history, pins: pins, forbid: forbid)
        return (scenario, witness)
    }

    /// The witness's plan terms as a roster file would hold them.
    func roster(_ w: GeneratorWitness, scenario: Scenario) -> Roster {
        var result: [RosterTerm] = []
        for (t, k) in planTerms(w) {
            var links: [Link] = []
            var stays: [Stay] = []
            let range = scenario.stayRange(term: t, staysOn: false)
            for u in 0..<n {
                let site = units[w.links[k][u]].id
                links.append(Link(from: units[u].id, to: site))
                for p in w.teams[k][u] {
                    stays.append(Stay(person: people[p].id, site: site, arrive: range.from, leave: range.to))
                }
            }
            result.append(
                RosterTerm(
                    term: t, start: scenario.termStart(t), end: scenario.termEnd(t), links: links.sorted(),
                    stays: stays.sorted()))
        }
        return Roster(
            scenario: ScenarioReference(name: scenario.name, sha256: ""),
            solve: SolveSummary(status: .feasible, objective: nil, bound: nil, gap: nil, seconds: 0, engine: "witness"),
            terms: result)
    }
}

private func clampRate(_ x: Double) -> Double { x.isNaN ? 0 : min(1, max(0, x)) }
