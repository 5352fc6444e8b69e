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
