/// What ``ScenarioGenerator`` builds: sizes, rates and the seed.
///
///     var config = GeneratorConfig(units: 12, seed: 7)
///     config.structure = .ring
///     config.terms = 2
///     let scenario = ScenarioGenerator.generate(config)
///
/// Out-of-range values are clamped rather than trapped on (counts below 0 become 0,
/// rates are clamped to 0…1, `terms` to 1…8, `handoverDays` to 0…30, `minCycle` to ≥ 2,
/// `counties` to ≥ 1, the lower bound of `peoplePerUnit` to ≥ 1), because a benchmark or
/// a test sweeping parameters should get a scenario, not a crash.
public struct GeneratorConfig: Sendable {
    /// Enterprises (sites that also send).
    public var units: Int
    /// Offices, which send only; generated under `.free` only, since ring and cycles
    /// forbid offices that send.
    public var offices: Int = 0
    /// Fixes every random choice.
    public var seed: UInt64 = 1
    /// The structure rule of the scenario (SPEC §3 rule 6).
    public var structure: Structure = .cycles
    /// `cycles` only: shortest allowed cycle.
    public var minCycle: Int = 3
    /// Terms to plan.
    public var terms: Int = 1
    /// Earlier terms to invent, each a valid term under the scenario's rules.
    public var history: Int = 1
    /// Counties; enterprises cluster around towns in them.
    public var counties: Int = 1
    /// Staff drawn per enterprise (raised where rotation needs more qualified people).
    public var peoplePerUnit: ClosedRange<Int> = 3...8
    /// Share of people given one leave of 7–21 days inside the planning horizon, on days the
    /// witness roster has them at home (fewer when not enough people have such days).
    public var leaveRate: Double = 0.1
    /// Share of people who are not qualified (on top of the qualified minimum).
    public var unqualifiedRate: Double = 0.05
    /// Share of enterprises that belong to a group of 2–3 members.
    public var groupRate: Double = 0.2
    /// Person and unit `forbid` entries to add (fewer when not enough safe ones exist).
    public var forbidCount: Int = 0
    /// Pins to add (fewer when not enough safe ones exist).
    public var pinCount: Int = 0
    /// Share of sites that need 3 people (high-risk sites).
    public var highRiskRate: Double = 0.0
    /// First day of term 1.
    public var start: CivilDate = CivilDate(dayNumber: 19_783)  // 2024-03-01
    /// Days the outgoing team stays into the next term.
    public var handoverDays: Int = 3

    /// Creates a configuration; everything but the number of enterprises has a default.
    public init(
        units: Int, offices: Int = 0, seed: UInt64 = 1, structure: Structure = .cycles,
        minCycle: Int = 3, terms: Int = 1, history: Int = 1, counties: Int = 1,
        peoplePerUnit: ClosedRange<Int> = 3...8, leaveRate: Double = 0.1,
        unqualifiedRate: Double = 0.05, groupRate: Double = 0.2, forbidCount: Int = 0,
        pinCount: Int = 0, highRiskRate: Double = 0.0,
        start: CivilDate = CivilDate(dayNumber: 19_783),  // 2024-03-01
        handoverDays: Int = 3
    ) {
        self.units = units
        self.offices = offices
        self.seed = seed
        self.structure = structure
        self.minCycle = minCycle
        self.terms = terms
        self.history = history
        self.counties = counties
        self.peoplePerUnit = peoplePerUnit
        self.leaveRate = leaveRate
        self.unqualifiedRate = unqualifiedRate
        self.groupRate = groupRate
        self.forbidCount = forbidCount
        self.pinCount = pinCount
        self.highRiskRate = highRiskRate
        self.start = start
        self.handoverDays = handoverDays
    }
}

/// Invents realistic, feasible scenarios for tests, benchmarks and demonstrations.
///
///     let s = ScenarioGenerator.generate(GeneratorConfig(units: 20, seed: 3, pinCount: 4))
///     s.units.count      // 20
///
/// Enterprises are non-coal mines in Shandong-like places (county centres, towns around them,
/// mines within 15 km of a town), with invented Chinese names, ids `E001`, `E001-03`, `O01`.
/// The rules are the notices' own: minStaff 2 (3 at high-risk sites), pairCooldown 1,
/// personCooldown 2, maxConsecutiveTerms 1, keepAtHome 1, requireQualified, sameGroup forbid,
/// with the configured structure and minCycle.
///
/// **Feasibility.** The generator first builds a *witness*: a roster for every history and
/// plan term, term by term, that keeps every rule of SPEC §3 (structure, no self or same-group
/// link, teams of `minStaff(site)` qualified people, pair and person cooldowns, rest between
/// terms, keepAtHome). The history is the witness's first terms; leave is only placed on days a
/// person has no witness stay; forbids only on pairs the witness never uses in the plan; pins
/// only on the witness's plan links and stays. So whenever the witness is complete, the
/// generated scenario is feasible — the witness roster proves it. The witness search is
/// randomised and bounded, so completion is not proven in general, but it has completed for
/// every configuration with room for a rotation that the tests and a sweep of ~1000
/// configurations tried (3–50 enterprises, every structure, 4 history and 4 plan terms, dense
/// groups, high-risk sites). There is no room with fewer than 3 enterprises (a 2-ring or
/// 2-cycle repeats its links every term, which pairCooldown forbids, so 2 enterprises work only
/// with no history and one term) or with fewer enterprises than `minCycle` under `.cycles`;
/// then `history` and `pins` hold only the terms that could be built. To leave room, groups are
/// formed only from 6 enterprises up and never exceed a third of them, and every enterprise
/// gets at least `2·maxMinStaff + keepAtHome` qualified people (so a team can rest a term while
/// another serves), one more each, up to three times, if a rotation is not found.
///
/// The output depends on the configuration alone: every random choice comes from
/// ``SeededGenerator`` through algorithms written here, no dictionary or set is iterated,
/// and no platform maths library is called.
public enum ScenarioGenerator {
    /// Builds the scenario `config` describes.
    ///
    /// - Complexity: O(T · (n² + P)) time and O(n² + T · P) memory for T = history + terms,
    ///   n enterprises and P people: each term builds an n × n matrix of usable links and
    ///   searches it for cycles (a bounded number of steps, each O(n)). 3000 enterprises take
    ///   under a second in a release build.
    public static func generate(_ config: GeneratorConfig) -> Scenario {
        var run = GeneratorRun(config)
        return run.build().scenario
    }

    /// The scenario and its witness: the roster for the plan terms that proves it feasible
    /// (status `feasible`, objective left nil for the caller to compute). Tests run the
    /// independent checker on it.
    static func generateWithWitness(_ config: GeneratorConfig) -> (scenario: Scenario, witness: Roster) {
        var run = GeneratorRun(config)
        let (scenario, witness) = run.build()
        return (scenario, run.roster(witness, scenario: scenario))
    }
}

// MARK: - The run

/// One generation: normalised settings, the random stream and everything built so far.
private struct GeneratorRun {
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

    mutating func build() -> (scenario: Scenario, witness: Witness) {
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
    func roster(_ w: Witness, scenario: Scenario) -> Roster {
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

    // MARK: Names and places

    mutating func makeGeography() {
        cityName = rng.pick(Names.cities) ?? "枣庄"
        let centre = landPoint()
        cityCentre = centre
        var used = Set<String>()
        for _ in 0..<countyCount {
            let name = uniqueName(&used) { rng in
                (rng.pick(Names.countyFirst) ?? "") + (rng.pick(Names.countySecond) ?? "")
                    + (rng.chance(0.6) ? "县" : "区")
            }
            let point = countyCount == 1 ? centre : offset(centre, km: 10...55)
            counties.append(Place(name: name, lat: point.lat, lon: point.lon))
            var list: [Place] = []
            for _ in 0..<rng.int(in: 2...4) {
                let town = uniqueName(&used) { rng in
                    (rng.pick(Names.townFirst) ?? "") + (rng.pick(Names.townSecond) ?? "")
                        + (rng.chance(0.3) ? "子" : "") + (rng.chance(0.85) ? "镇" : "乡")
                }
                let p = offset(point, km: 4...20)
                list.append(Place(name: town, lat: p.lat, lon: p.lon))
            }
            towns.append(list)
        }
    }

    /// A point in the Shandong box that is not obviously at sea.
    mutating func landPoint() -> (lat: Double, lon: Double) {
        var point = (lat: 35.6, lon: 117.5)
        for _ in 0..<100 {
            let lat = rng.double(in: 34.9...37.1)
            let lon = rng.double(in: 115.9...121.6)
            // Rough coast: the Yellow Sea south-east of Rizhao, Laizhou Bay in the north.
            let sea = (lon > 119.4 && lat < 35.9) || (lon > 118.6 && lon < 120.3 && lat > 37.0)
            point = (lat, lon)
            if !sea { break }
        }
        return (round4(point.lat), round4(point.lon))
    }

    /// A point `km` away from `p` in a random direction, inside the Shandong box, rounded to 4 decimals.
    mutating func offset(_ p: (lat: Double, lon: Double), km: ClosedRange<Double>) -> (lat: Double, lon: Double) {
        // Rejection sampling in a square avoids sin/cos of a random angle.
        var dx = 0.0
        var dy = 0.0
        for _ in 0..<64 {
            dx = rng.double(in: -km.upperBound...km.upperBound)
            dy = rng.double(in: -km.upperBound...km.upperBound)
            let d2 = dx * dx + dy * dy
            if d2 >= km.lowerBound * km.lowerBound, d2 <= km.upperBound * km.upperBound { break }
        }
        let lat = p.lat + dy / 111.32
        let lon = p.lon + dx / (111.32 * cosineOfDegrees(p.lat))
        return (round4(min(37.5, max(34.5, lat))), round4(min(122, max(115.5, lon))))
    }

    mutating func uniqueName(_ used: inout Set<String>, _ make: (inout SeededGenerator) -> String) -> String {
        var name = make(&rng)
        var tries = 0
        while used.contains(name), tries < 40 {
            name = make(&rng)
            tries += 1
        }
        if used.contains(name) { name += String(used.count) }
        used.insert(name)
        return name
    }

    mutating func makeEnterprises() {
        groupOf = Array(repeating: nil, count: n)
        var groupBrands: [String] = []
        var groupNames: [String] = []
        var brands = Set<String>()
        // Groups larger than a third of the enterprises could leave no room for a ring.
        let maxSize = min(3, n / 3)
        if n >= 6, maxSize >= 2 {
            var left = Int((groupRate * Double(n)).rounded())
            let order = rng.shuffled(Array(0..<n))
            var i = 0
            while left >= 2, i + 2 <= n {
                let size = min(rng.int(in: 2...maxSize), left, n - i)
                if size < 2 { break }
                let brand = uniqueName(&brands) { Self.brand(&$0) }
                groupBrands.append(brand)
                groupNames.append(brand + (rng.pick(Names.groupSuffixes) ?? "集团"))
                for j in i..<(i + size) { groupOf[order[j]] = groupBrands.count - 1 }
                i += size
                left -= size
            }
        }
        var highRisk = Array(repeating: false, count: n)
        let riskCount = Int((highRiskRate * Double(n)).rounded())
        for u in rng.shuffled(Array(0..<n)).prefix(riskCount) { highRisk[u] = true }

        var mounts = Set<String>()
        let width = max(3, digits(n))
        for u in 0..<n {
            let c = rng.int(below: counties.count)
            let town = rng.pick(towns[c]) ?? counties[c]
            let p = offset((town.lat, town.lon), km: 0.5...15)
            let industry = rng.pick(Names.industries) ?? "矿业"
            let mount = uniqueName(&mounts) { rng in
                let first = rng.pick(Names.mountFirst) ?? "青"
                // 莲花山, 青峰山: a two-character name takes no second syllable.
                return first + (first.count > 1 ? "" : rng.pick(Names.mountSecond) ?? "") + "山"
            }
            let mineral = rng.pick(Names.minerals) ?? "石灰岩矿"
            let name: String
            if let g = groupOf[u] {
                name = "山东" + groupBrands[g] + industry + "有限公司" + mount + mineral
            } else {
                let brand = uniqueName(&brands) { Self.brand(&$0) }
                name = cityName + "市" + brand + industry + "有限公司" + mount + mineral
            }
            units.append(
                Unit(
                    id: "E" + pad(u + 1, width), name: name, short: mount + "矿", kind: .enterprise,
                    group: groupOf[u].map { groupNames[$0] }, town: town.name,
                    location: Location(lat: p.lat, lon: p.lon), minStaff: highRisk[u] ? 3 : nil))
        }
    }

    static func brand(_ rng: inout SeededGenerator) -> String {
        let a = rng.pick(Names.brand) ?? "泰"
        var b = rng.pick(Names.brand) ?? "兴"
        if a == b { b = rng.pick(Names.brand) ?? "兴" }
        return a + b
    }

    mutating func makeOffices() {
        let width = max(2, digits(officeCount))
        for i in 0..<officeCount {
            let id = "O" + pad(i + 1, width)
            if i == 0 {
                units.append(
                    Unit(
                        id: id, name: cityName + "市应急管理局", short: "市应急局", kind: .office, level: .city,
                        location: Location(lat: round4(cityCentre.lat), lon: round4(cityCentre.lon)),
                        sends: true, receives: false))
            } else {
                let c = counties[(i - 1) % counties.count]
                let round = (i - 1) / counties.count
                let team = round == 0 ? "" : "执法" + chineseNumber(round) + "中队"
                units.append(
                    Unit(
                        id: id, name: c.name + "应急管理局" + team, short: c.name + "应急局" + team,
                        kind: .office, level: .county, location: Location(lat: c.lat, lon: c.lon),
                        sends: true, receives: false))
            }
        }
    }

    /// Qualified people each enterprise needs so that a team can rest every other term.
    var qualifiedMinimum: Int {
        let maxStaff = units.prefix(n).map { $0.minStaff ?? rules.minStaff }.max() ?? rules.minStaff
        return 2 * maxStaff + rules.keepAtHome
    }

    mutating func makePeople() {
        unitPeople = Array(repeating: [], count: units.count)
        let minimum = qualifiedMinimum
        for u in 0..<units.count {
            let count = rng.int(in: peopleRange)
            var flags: [Bool] = []
            for _ in 0..<count {
                // Offices send bureau staff, all qualified.
                flags.append(u >= n || !rng.chance(unqualifiedRate))
            }
            var qualified = flags.filter { $0 }.count
            while u < n, qualified < minimum {
                flags.append(true)
                qualified += 1
            }
            for flag in flags { addPerson(unit: u, qualified: flag) }
        }
    }

    mutating func addPerson(unit u: Int, qualified: Bool) {
        let number = unitPeople[u].count + 1
        let id = units[u].id + "-" + pad(number, 2)
        let surname = rng.pick(Names.surnames) ?? "王"
        var given = rng.pick(Names.given) ?? "强"
        if rng.chance(0.6) { given += rng.pick(Names.given) ?? "" }
        let phone = (rng.pick(Names.phonePrefixes) ?? "138") + pad(rng.int(below: 100_000_000), 8)
        servedDraw.append(rng.int(in: 0...3))
        unitPeople[u].append(people.count)
        personUnit.append(u)
        people.append(
            Person(id: id, name: surname + given, unit: units[u].id, qualified: qualified, phone: phone))
    }

    // MARK: The witness

    /// Minimum staff of enterprise `v` as a site.
    func staff(_ v: Int) -> Int { units[v].minStaff ?? rules.minStaff }

    func sameGroup(_ u: Int, _ v: Int) -> Bool {
        guard let g = groupOf[u], let h = groupOf[v] else { return false }
        return g == h
    }

    mutating func buildWitness() -> Witness {
        let total = historyCount + terms
        var best = Witness(personCount: people.count)
        for _ in 0..<6 {
            var w = Witness(personCount: people.count)
            while w.termCount < total, let t = nextTerm(w) { w.append(t, enterprises: n) }
            if w.termCount == total { return w }
            if w.termCount > best.termCount { best = w }
        }
        return best
    }

    /// The next witness term after `w`'s terms: links and teams, or nil when none is found.
    mutating func nextTerm(_ w: Witness) -> (links: [Int], teams: [[Int]])? {
        guard let succ = links(after: w) else { return nil }
        let k = w.termCount
        var teams: [[Int]] = []
        for u in 0..<n { teams.append(team(w, term: k, unit: u, site: succ[u])) }
        return (succ, teams)
    }

    /// Links for the term after `w`'s terms, each backed by enough rested, eligible people.
    mutating func links(after w: Witness) -> [Int]? {
        let k = w.termCount
        let qualified = (0..<n).map { u in unitPeople[u].filter { people[$0].qualified } }
        // People rested enough to serve term k.
        let pool = qualified.map { list in
            list.filter { w.mayServe($0, term: k, rules: rules, handover: calendar.handoverDays) }
        }
        var allowed = Array(repeating: Array(repeating: false, count: n), count: n)
        // Pool members barred from each site by personCooldown, counted per unit in O(pool)
        // rather than per (unit, site) pair, which matters with thousands of enterprises.
        var barred = Array(repeating: 0, count: n)
        for u in 0..<n {
            var touched: [Int] = []
            for p in pool[u] {
                for v in w.recentSites(p, before: k, window: rules.personCooldown) {
                    if barred[v] == 0 { touched.append(v) }
                    barred[v] += 1
                }
            }
            for v in 0..<n where u != v && !sameGroup(u, v) && !w.linkUsed(u, v, before: k, window: rules.pairCooldown)
            {
                let s = staff(v)
                allowed[u][v] = qualified[u].count - s >= rules.keepAtHome && pool[u].count - barred[v] >= s
            }
            for v in touched { barred[v] = 0 }
        }
        let single = structure == .ring
        // Under free, cycles of 3 or more keep `mutualPairs: forbid`.
        let minLength = single ? n : (structure == .free ? max(3, rules.minCycle) : rules.minCycle)
        for _ in 0..<10 {
            let search = CycleSearch(allowed: allowed, minLength: minLength, single: single, budget: 20 * n + 20_000)
            if let succ = search.run(&rng) { return succ }
        }
        return nil
    }

    // MARK: History, served, leave

    /// The team of enterprise `u` in witness term `k`: its rested people not at the site lately,
    /// longest-rested first so that everybody takes turns.
    mutating func team(_ w: Witness, term k: Int, unit u: Int, site v: Int) -> [Int] {
        var scored: [(last: Int, key: UInt64, p: Int)] = []
        for p in unitPeople[u]
        where people[p].qualified && w.mayServe(p, term: k, rules: rules, handover: calendar.handoverDays)
            && !w.wasAt(p, v, before: k, window: rules.personCooldown)
        {
            scored.append((w.lastServed(p, before: k), rng.next(), p))
        }
        scored.sort { ($0.last, $0.key, $0.p) < ($1.last, $1.key, $1.p) }
        return scored.prefix(staff(v)).map(\.p).sorted()
    }

    func termStart(index k: Int) -> CivilDate {
        // Witness term k is plan term k − historyCount + 1.
        calendar.start.addingMonths((k - historyCount) * calendar.termMonths)
    }

    mutating func makeHistory(_ w: Witness) -> [HistoryTerm] {
        var result: [HistoryTerm] = []
        for k in 0..<min(historyCount, w.termCount) {
            var stays: [HistoryStay] = []
            for u in 0..<n {
                for p in w.teams[k][u] {
                    stays.append(HistoryStay(person: people[p].id, site: units[w.links[k][u]].id))
                }
            }
            result.append(HistoryTerm(start: termStart(index: k), stays: stays))
        }
        return result
    }

    mutating func finishServed(_ history: [HistoryTerm]) {
        var appearances = Array(repeating: 0, count: people.count)
        var index: [String: Int] = [:]
        for (i, p) in people.enumerated() { index[p.id] = i }
        for term in history {
            for stay in term.stays { if let i = index[stay.person] { appearances[i] += 1 } }
        }
        for i in people.indices { people[i].served = max(appearances[i], servedDraw[i]) }
    }

    /// Plan terms (1-based) the witness covers, with their witness index.
    func planTerms(_ w: Witness) -> [(term: Int, index: Int)] {
        (1...terms).compactMap { t in
            let k = historyCount + t - 1
            return k < w.termCount ? (t, k) : nil
        }
    }

    mutating func addLeave(_ w: Witness) {
        let horizon = DateRange(from: calendar.start, to: termStart(index: historyCount + terms).addingDays(-1))
        var busy = Array(repeating: [DateRange](), count: people.count)
        for (_, k) in planTerms(w) {
            let stay = DateRange(
                from: termStart(index: k), to: termStart(index: k + 1).addingDays(-1 + calendar.handoverDays))
            for u in 0..<n { for p in w.teams[k][u] { busy[p].append(stay) } }
        }
        var wanted = Int((leaveRate * Double(people.count)).rounded())
        for p in rng.shuffled(Array(people.indices)) where wanted > 0 {
            // Free stretches of the horizon, at least a week long.
            var gaps: [DateRange] = []
            var cursor = horizon.from
            for b in busy[p].sorted(by: { $0.from < $1.from }) {
                if cursor < b.from { gaps.append(DateRange(from: cursor, to: b.from.addingDays(-1))) }
                if b.to >= cursor { cursor = b.to.addingDays(1) }
            }
            if cursor <= horizon.to { gaps.append(DateRange(from: cursor, to: horizon.to)) }
            gaps = gaps.filter { $0.dayCount >= 7 }
            guard let gap = rng.pick(gaps) else { continue }
            let length = rng.int(in: 7...min(21, gap.dayCount))
            let from = gap.from.addingDays(rng.int(below: gap.dayCount - length + 1))
            let reason = rng.pick(Names.leaveReasons)
            people[p].unavailable = [
                Absence(range: DateRange(from: from, to: from.addingDays(length - 1)), reason: reason)
            ]
            wanted -= 1
        }
    }

    // MARK: Forbid and pins

    mutating func makeForbid(_ w: Witness) -> [Forbid] {
        guard n >= 2, forbidCount > 0, !people.isEmpty else { return [] }
        let plan = planTerms(w)
        var result: [Forbid] = []
        var taken = Set<String>()
        var tries = 0
        while result.count < forbidCount, tries < forbidCount * 40 {
            tries += 1
            let v = rng.int(below: n)
            if rng.chance(0.7) {
                let p = rng.int(below: people.count)
                let u = personUnit[p]
                guard u != v, u >= n || !sameGroup(u, v) else { continue }
                if taken.contains("\(u)|\(v)") || taken.contains("p\(p)|\(v)") { continue }
                // Only pairs the witness never uses, so the witness stays a valid plan.
                if plan.contains(where: { w.siteOf[$0.index][p] == v }) { continue }
                taken.insert("p\(p)|\(v)")
                result.append(
                    Forbid(subject: .person(people[p].id), site: units[v].id, reason: rng.pick(Names.personConflicts)))
            } else {
                let u = rng.int(below: units.count)
                guard u != v, units[u].sends, u >= n || !sameGroup(u, v), !taken.contains("\(u)|\(v)") else { continue }
                if u < n, plan.contains(where: { w.links[$0.index][u] == v }) { continue }
                taken.insert("\(u)|\(v)")
                result.append(
                    Forbid(subject: .unit(units[u].id), site: units[v].id, reason: rng.pick(Names.unitConflicts)))
            }
        }
        return result
    }

    mutating func makePins(_ w: Witness) -> [Pin] {
        guard pinCount > 0, n > 0 else { return [] }
        var unitFacts: [(term: Int, unit: Int, site: Int)] = []
        var personFacts: [(term: Int, person: Int, site: Int)] = []
        for (t, k) in planTerms(w) {
            for u in 0..<n {
                unitFacts.append((t, u, w.links[k][u]))
                for p in w.teams[k][u] { personFacts.append((t, p, w.links[k][u])) }
            }
        }
        rng.shuffle(&unitFacts)
        rng.shuffle(&personFacts)
        var chosen: [(order: Int, pin: Pin)] = []
        var nextUnit = 0
        var nextPerson = 0
        // Unit pins mean a team under ring and cycles; under free only person pins are unambiguous.
        let teams = structure != .free
        while chosen.count < pinCount {
            if teams, chosen.count % 2 == 0 || nextPerson >= personFacts.count, nextUnit < unitFacts.count {
                let f = unitFacts[nextUnit]
                nextUnit += 1
                chosen.append(
                    (chosen.count, Pin(term: f.term, subject: .unit(units[f.unit].id), site: units[f.site].id)))
            } else if nextPerson < personFacts.count {
                let f = personFacts[nextPerson]
                nextPerson += 1
                chosen.append(
                    (chosen.count, Pin(term: f.term, subject: .person(people[f.person].id), site: units[f.site].id)))
            } else {
                break
            }
        }
        return chosen.sorted { ($0.pin.term, $0.order) < ($1.pin.term, $1.order) }.map(\.pin)
    }

    // MARK: Scenario text

    func period() -> String {
        let s = calendar.start
        return String(s.year) + (s.month <= 6 ? "上半年" : "下半年")
    }

    func scenarioName() -> String {
        let place = countyCount == 1 ? (counties.first?.name ?? cityName) : cityName + "市"
        return place + "非煤矿山驻点监督 " + period()
    }

    func authorityName() -> String {
        countyCount == 1 ? (counties.first?.name ?? cityName) + "应急管理局" : cityName + "市应急管理局"
    }
}

// MARK: - Witness

/// A roster for consecutive terms (history first, then the plan) that keeps every rule;
/// its existence proves the generated scenario feasible.
private struct Witness {
    /// Per term, enterprise index → the enterprise index of its team's site.
    var links: [[Int]] = []
    /// Per term, enterprise index → its team (person indices, ascending).
    var teams: [[[Int]]] = []
    /// Per term, person index → site enterprise index, nil when not placed.
    var siteOf: [[Int?]] = []
    let personCount: Int

    init(personCount: Int) { self.personCount = personCount }

    var termCount: Int { links.count }

    mutating func append(_ term: (links: [Int], teams: [[Int]]), enterprises n: Int) {
        var sites = [Int?](repeating: nil, count: personCount)
        for u in 0..<n { for p in term.teams[u] { sites[p] = term.links[u] } }
        links.append(term.links)
        teams.append(term.teams)
        siteOf.append(sites)
    }

    func linkUsed(_ u: Int, _ v: Int, before k: Int, window: Int) -> Bool {
        var j = max(0, k - window)
        while j < k {
            if links[j][u] == v { return true }
            j += 1
        }
        return false
    }

    func wasAt(_ p: Int, _ v: Int, before k: Int, window: Int) -> Bool {
        var j = max(0, k - window)
        while j < k {
            if siteOf[j][p] == v { return true }
            j += 1
        }
        return false
    }

    /// Sites `p` stayed at in the `window` terms before `k`, without repeats.
    func recentSites(_ p: Int, before k: Int, window: Int) -> [Int] {
        var result: [Int] = []
        var j = max(0, k - window)
        while j < k {
            if let v = siteOf[j][p], !result.contains(v) { result.append(v) }
            j += 1
        }
        return result
    }

    /// The last term before `k` in which `p` served, −1 when never.
    func lastServed(_ p: Int, before k: Int) -> Int {
        var j = k - 1
        while j >= 0 {
            if siteOf[j][p] != nil { return j }
            j -= 1
        }
        return -1
    }

    /// Whether `p` may serve term `k` at a new site: rested enough, and not handing over
    /// elsewhere (the witness never stays on, so it never needs the staying-on exception).
    func mayServe(_ p: Int, term k: Int, rules: Rules, handover: Int) -> Bool {
        guard k > 0, siteOf[k - 1][p] != nil else { return true }
        if handover > 0 { return false }
        var run = 0
        var j = k - 1
        while j >= 0, siteOf[j][p] != nil {
            run += 1
            j -= 1
        }
        return run < rules.maxConsecutiveTerms
    }
}

// MARK: - Cycle search

/// A randomised depth-first search for a cycle cover: a successor for every node along
/// allowed links, each cycle at least `minLength` long, or one single cycle.
///
/// The search keeps its own stack rather than recursing, because a ring through a few thousand
/// enterprises would otherwise nest a few thousand calls deep.
private struct CycleSearch {
    /// One node on the current path and the moves left to try from it.
    private struct Frame {
        let node: Int
        let start: Int
        let length: Int
        let target: Int
        /// Successors to try in order; `start` stands for closing the cycle.
        var moves: [Int]
        var next = 0
    }

    let allowed: [[Bool]]
    let minLength: Int
    let single: Bool
    let budget: Int

    init(allowed: [[Bool]], minLength: Int, single: Bool, budget: Int) {
        self.allowed = allowed
        self.minLength = max(2, minLength)
        self.single = single
        self.budget = budget
    }

    /// Successor of every node, or nil when the budget runs out or no cover exists.
    func run(_ rng: inout SeededGenerator) -> [Int]? {
        let n = allowed.count
        if n == 0 { return [] }
        var succ = Array(repeating: -1, count: n)
        var used = Array(repeating: false, count: n)
        var remaining = n
        let starts = rng.shuffled(Array(0..<n))
        var firstUnusedStart = 0

        func target(_ rng: inout SeededGenerator) -> Int {
            // Short cycles of varied length, as the notices' plans mix pairs and 4-rings;
            // the search closes earlier or later when it must.
            single ? n : minLength + rng.int(below: 4)
        }
        func frame(node: Int, start: Int, length: Int, target: Int, _ rng: inout SeededGenerator) -> Frame {
            let canClose =
                length >= minLength && allowed[node][start]
                && (remaining == 0 || (!single && remaining >= minLength))
            var extend: [Int] = []
            for v in 0..<n where !used[v] && allowed[node][v] { extend.append(v) }
            // Dense graphs almost never need more than a few alternatives per step;
            // keeping a random sample bounds the stack's memory at 16 entries per node.
            let keep = min(extend.count, n <= 64 ? extend.count : 16)
            for i in 0..<keep {
                let j = i + rng.int(below: extend.count - i)
                extend.swapAt(i, j)
            }
            extend.removeLast(extend.count - keep)
            var moves = extend
            if canClose {
                if length >= target { moves.insert(start, at: 0) } else { moves.append(start) }
            }
            return Frame(node: node, start: start, length: length, target: target, moves: moves)
        }

        let first = starts[0]
        used[first] = true
        remaining -= 1
        var stack = [frame(node: first, start: first, length: 1, target: target(&rng), &rng)]
        var steps = 0
        while let top = stack.last {
            steps += 1
            if steps > budget { return nil }
            guard top.next < top.moves.count else {
                // Every move from this node failed: take the node off the path.
                stack.removeLast()
                guard let parent = stack.last else { return nil }
                used[top.node] = false
                remaining += 1
                succ[parent.node] = -1
                if top.node == top.start { firstUnusedStart = 0 }
                continue
            }
            stack[stack.count - 1].next += 1
            let v = top.moves[top.next]
            succ[top.node] = v
            if v == top.start {
                if remaining == 0 { return succ }
                while used[starts[firstUnusedStart]] { firstUnusedStart += 1 }
                let s = starts[firstUnusedStart]
                used[s] = true
                remaining -= 1
                stack.append(frame(node: s, start: s, length: 1, target: target(&rng), &rng))
            } else {
                used[v] = true
                remaining -= 1
                stack.append(frame(node: v, start: top.start, length: top.length + 1, target: top.target, &rng))
            }
        }
        return nil
    }
}

// MARK: - Helpers

private struct Place {
    let name: String
    let lat: Double
    let lon: Double
}

private func clampRate(_ x: Double) -> Double { x.isNaN ? 0 : min(1, max(0, x)) }

private func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

/// cos(degrees) by its Taylor series: plain arithmetic is bit-identical on every IEEE machine,
/// whereas the platform maths library may differ in the last place and change a rounded coordinate.
private func cosineOfDegrees(_ degrees: Double) -> Double {
    let x = degrees * Double.pi / 180
    let x2 = x * x
    var term = 1.0
    var sum = 1.0
    for i in 1...10 {
        term *= -x2 / Double((2 * i - 1) * (2 * i))
        sum += term
    }
    return sum
}

private func digits(_ n: Int) -> Int { String(max(0, n)).count }

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

private func chineseNumber(_ n: Int) -> String {
    let words = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return n >= 0 && n < words.count ? words[n] : String(n)
}

/// Syllable and word lists the invented names are built from.
private enum Names {
    static let cities = ["枣庄", "济宁", "临沂", "泰安", "淄博", "潍坊", "日照", "聊城", "德州", "菏泽"]
    static let countyFirst = [
        "台", "峄", "薛", "滕", "平", "宁", "阳", "泉", "临", "沂", "费", "郯", "莒", "蒙", "汶", "岱",
        "新", "肥", "章", "长", "清", "高", "齐", "昌", "安", "乐", "寿", "诸", "莱", "文", "金", "嘉",
        "梁", "曲", "邹", "微", "成", "郓", "巨", "单", "定", "东", "西", "南", "北",
    ]
    static let countySecond = [
        "山", "城", "阳", "平", "宁", "泉", "庄", "丘", "源", "河", "水", "邑", "陵", "亭", "州", "乡",
        "安", "丰", "兴", "华",
    ]
    static let townFirst = [
        "张", "李", "马", "王", "徐", "古", "新", "涧", "泥", "运", "兰", "洪", "阴", "侯", "孟", "柳",
        "杨", "黄", "石", "邢", "周", "刘", "陈", "大", "小", "西", "东", "北", "南", "高",
    ]
    static let townSecond = [
        "山", "庄", "河", "集", "楼", "屯", "沟", "店", "桥", "坊", "堂", "湖", "林", "寨", "埠", "岭",
    ]
    static let brand = [
        "泉", "兴", "鲁", "泰", "华", "宏", "远", "鑫", "源", "盛", "昌", "隆", "丰", "达", "恒", "信",
        "金", "峰", "汇", "通", "正", "安", "润", "德", "圣", "瑞", "祥", "联", "创", "广", "天", "和",
    ]
    static let groupSuffixes = ["集团", "控股集团", "实业集团", "建材集团"]
    static let industries = ["矿业", "建材", "水泥", "石料", "新型建材", "矿产", "石业"]
    static let mountFirst = [
        "双顶", "莲花", "狼", "虎提", "寨", "青", "凤凰", "龙", "卧虎", "磨", "黑", "白", "尖", "鹰",
        "象", "马", "鸡", "牛", "云", "石", "仙", "玉", "金", "九",
    ]
    static let mountSecond = ["", "峰", "岭", "台", "头", "角", "屏", "背", "门", "顶", "窝", "口", "崖", "坡"]
    static let minerals = [
        "石灰岩矿", "水泥用灰岩矿", "建筑石料用灰岩矿", "白云岩矿", "花岗岩矿", "石英岩矿", "大理岩矿", "页岩矿",
    ]
    static let surnames = [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
        "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁",
        "邓", "许", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎",
        "孔", "孟", "颜", "褚", "田", "任", "姜", "范", "石", "邵", "侯", "刁",
    ]
    static let given = [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫",
        "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "洋", "峰", "亮", "建",
        "国", "东", "海", "志", "新", "文", "红", "霞", "丽", "娟", "敏", "静", "芳", "燕", "玲", "婷",
        "雪", "庆", "德", "成", "兴", "振", "永", "学", "春", "秀", "桂", "兰",
    ]
    static let phonePrefixes = [
        "138", "139", "137", "136", "135", "134", "150", "151", "152", "157", "158", "159", "182", "183",
        "187", "188", "133", "153", "180", "189",
    ]
    static let leaveReasons = ["年假", "病假", "外出培训", "探亲假", "婚假", "事假"]
    static let personConflicts = ["亲属在该企业任职", "曾在该企业任职", "配偶在该企业任职", "与该企业存在经济往来"]
    static let unitConflicts = ["股权关联", "存在业务往来", "同一实际控制人", "相互持股"]
}
