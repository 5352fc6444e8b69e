/// What ``VisitingScenarioGenerator`` builds: a bureau's visiting plan (两人一企).
///
///     var config = VisitingGeneratorConfig(enterprises: 30, staff: 16, seed: 7)
///     config.terms = 2
///     let scenario = VisitingScenarioGenerator.generate(config)
///
/// Out-of-range values are clamped (counts to ≥ 0 or ≥ 1, rates to 0…1, terms to 1…8,
/// termMonths to 1…12), so a test sweeping parameters gets a scenario, not a crash.
public struct VisitingGeneratorConfig: Sendable {
    /// Chemical enterprises (sites).
    public var enterprises: Int
    /// Bureau staff, spread over the offices.
    public var staff: Int
    /// Offices: the first is the city bureau (`level: city`), the others county bureaus.
    public var offices: Int = 3
    /// Fixes every random choice.
    public var seed: UInt64 = 1
    /// Terms to plan.
    public var terms: Int = 1
    /// Months per term.
    public var termMonths: Int = 6
    /// First day of term 1.
    public var start: CivilDate = CivilDate(dayNumber: 19_570)  // 2023-08-01
    /// Visits per site and month.
    public var visitsPerMonth: Int = 1
    /// Least days between two visits to one site.
    public var minVisitGapDays: Int = 7
    /// Sites one person covers in a term; nil: enough for the staff to cover every site twice
    /// over with one site to spare each.
    public var maxSitesPerPerson: Int? = nil
    /// Enterprises send staff too (the notice has bureau staff visit: off by default); each then
    /// gets 2–4 people.
    public var enterprisesSend = false
    /// `official: cn`: true, false, or nil to let the seed decide (about half the scenarios).
    public var official: Bool? = nil
    /// Share of people given one leave of 3–15 days inside the plan.
    public var leaveRate: Double = 0.2
    /// Scenario-listed holidays (a local holiday) and make-up days to add, each 0 or 1 by seed when nil.
    public var localDays: Bool? = nil
    /// `rules.pairCooldown` (0 unless asked otherwise).
    public var pairCooldown: Int = 0
    /// `rules.keepAtHome` (0 unless asked otherwise).
    public var keepAtHome: Int = 0

    /// Creates a configuration; everything but the sizes has a default.
    public init(enterprises: Int, staff: Int, offices: Int = 3, seed: UInt64 = 1) {
        self.enterprises = enterprises
        self.staff = staff
        self.offices = offices
        self.seed = seed
    }
}

/// Invents visiting-mode scenarios (SPEC §3 rule 10) for tests, benchmarks and demonstrations:
/// chemical enterprises around county towns, a city bureau and county bureaus (offices send,
/// never receive), staff with leave, `official: cn` in some, a local holiday and a make-up
/// Saturday in some, several terms, `structure: free` with mutual pairs allowed, two people a
/// site, `pairCooldown` and `keepAtHome` 0 unless configured.
///
/// Feasibility is likely, not proven: every person may serve every term
/// (`maxConsecutiveTerms` = terms, `personCooldown` 1), the default `maxSitesPerPerson` leaves
/// room, and a leave never exceeds 15 days, so everyone has working days every month. A
/// scenario that is infeasible anyway gets an explanation from the planner.
///
/// The output depends on the configuration alone (``SeededGenerator``, no dictionary iterated,
/// no platform maths).
public enum VisitingScenarioGenerator {
    /// Builds the scenario `config` describes.
    ///
    /// - Complexity: O(enterprises + staff).
    public static func generate(_ config: VisitingGeneratorConfig) -> Scenario {
        var rng = SeededGenerator(seed: config.seed)
        let n = max(1, config.enterprises)
        let staff = max(2, config.staff)
        let officeCount = max(1, min(config.offices, staff / 2))
        let terms = min(8, max(1, config.terms))
        let termMonths = min(12, max(1, config.termMonths))
        let city = (lat: 35.40 + rng.double(in: 0...0.2), lon: 116.60 + rng.double(in: 0...0.2))
        var units: [Unit] = []
        var people: [Person] = []

        var centres: [(lat: Double, lon: Double)] = [city]
        for i in 0..<officeCount {
            let county = i == 0 ? city : offset(city, km: 20...45, &rng)
            if i > 0 { centres.append(county) }
            let name = i == 0 ? "济宁市应急管理局" : "\(VisitingNames.counties[(i - 1) % VisitingNames.counties.count])应急管理局"
            units.append(
                Unit(
                    id: "O\(pad(i + 1, 2))", name: name, kind: .office, level: i == 0 ? .city : .county,
                    location: location(county), sends: true, receives: false))
        }
        for i in 0..<n {
            let centre = centres[rng.int(below: centres.count)]
            let brand = VisitingNames.brands[rng.int(below: VisitingNames.brands.count)]
            let line = VisitingNames.lines[rng.int(below: VisitingNames.lines.count)]
            units.append(
                Unit(
                    id: "E\(pad(i + 1, 3))", name: "山东\(brand)\(line)有限公司", short: "\(brand)\(line)",
                    kind: .enterprise, location: location(offset(centre, km: 2...18, &rng)), sends: config.enterprisesSend))
        }
        let horizonStart = config.start.dayNumber
        let horizonEnd = config.start.addingMonths(terms * termMonths).dayNumber - 1
        func addPerson(unit: String, index: Int) {
            var absences: [Absence] = []
            if rng.chance(min(1, max(0, config.leaveRate))) {
                let length = rng.int(in: 3...15)
                let from = horizonStart + rng.int(below: max(1, horizonEnd - horizonStart - length))
                absences.append(
                    Absence(
                        range: DateRange(from: CivilDate(dayNumber: from), to: CivilDate(dayNumber: from + length - 1)),
                        reason: VisitingNames.leave[rng.int(below: VisitingNames.leave.count)]))
            }
            let name = VisitingNames.surnames[rng.int(below: VisitingNames.surnames.count)]
                + VisitingNames.given[rng.int(below: VisitingNames.given.count)]
            people.append(
                Person(id: "\(unit)-\(pad(index, 2))", name: name, unit: unit, served: rng.int(in: 0...2), unavailable: absences))
        }
        for s in 0..<staff { addPerson(unit: units[s % officeCount].id, index: s / officeCount + 1) }
        if config.enterprisesSend {
            for i in 0..<n { for j in 1...rng.int(in: 2...4) { addPerson(unit: units[officeCount + i].id, index: j) } }
        }

        var calendar = CalendarSettings(
            start: config.start, termMonths: termMonths, terms: terms, handoverDays: 0,
            visitsPerMonth: max(1, config.visitsPerMonth), minVisitGapDays: max(0, config.minVisitGapDays))
        if config.official ?? rng.chance(0.5) { calendar.official = "cn" }
        if config.localDays ?? rng.chance(0.5) {
            // A local holiday on a weekday and a make-up Saturday, both inside the plan.
            var day = CivilDate(dayNumber: horizonStart + rng.int(below: max(1, horizonEnd - horizonStart)))
            while day.isWeekend { day = day.addingDays(1) }
            calendar.holidays = [DateRange(day: day)]
            var saturday = CivilDate(dayNumber: horizonStart + rng.int(below: max(1, horizonEnd - horizonStart)))
            while saturday.weekday != 6 { saturday = saturday.addingDays(1) }
            if saturday.dayNumber <= horizonEnd { calendar.workdays = [DateRange(day: saturday)] }
        }
        var rules = Rules()
        rules.minStaff = 2
        rules.structure = .free
        rules.mutualPairs = .allow
        rules.sameGroup = .forbid
        rules.pairCooldown = max(0, config.pairCooldown)
        rules.personCooldown = 1
        rules.maxConsecutiveTerms = terms
        rules.keepAtHome = max(0, config.keepAtHome)
        rules.requireQualified = true
        let senders = staff + (config.enterprisesSend ? n * 2 : 0)
        rules.maxSitesPerPerson = max(1, config.maxSitesPerPerson ?? ((2 * n + senders - 1) / senders + 1))
        return Scenario(
            name: "济宁市危险化学品企业“两人一企”驻点监督 \(config.start.year)", authority: "济宁市应急管理局",
            sector: "危险化学品", mode: .visiting, calendar: calendar, rules: rules,
            objective: ObjectiveWeights(distance: 1, fairness: 20, change: 0), units: units, people: people)
    }

    private static func offset(_ p: (lat: Double, lon: Double), km: ClosedRange<Double>, _ rng: inout SeededGenerator)
        -> (lat: Double, lon: Double)
    {
        // Degrees per km near 35° N; plain arithmetic keeps every machine's output identical.
        let north = rng.double(in: -1...1) * rng.double(in: km) / 111.0
        let east = rng.double(in: -1...1) * rng.double(in: km) / 91.0
        return (p.lat + north, p.lon + east)
    }

    private static func location(_ p: (lat: Double, lon: Double)) -> Location {
        Location(lat: (p.lat * 10_000).rounded() / 10_000, lon: (p.lon * 10_000).rounded() / 10_000)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Word lists the invented visiting scenarios are named from.
private enum VisitingNames {
    static let counties = ["任城区", "兖州区", "曲阜市", "邹城市", "微山县", "鱼台县", "金乡县", "嘉祥县", "汶上县", "泗水县", "梁山县"]
    static let brands = ["鲁化", "金泰", "华宇", "恒信", "泰和", "瑞丰", "宏达", "正源", "利民", "新元", "东岳", "盛源", "海化", "润兴"]
    static let lines = ["化工", "精细化工", "新材料", "石化", "化学", "气体", "生物化工", "涂料"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "孙", "周", "吴", "徐", "朱", "马", "胡", "郭", "高"]
    static let given = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "静", "丽", "敏", "娜", "超", "鹏", "华", "建国", "海燕"]
    static let leave = ["年假", "病假", "外出培训", "探亲假", "事假"]
}
