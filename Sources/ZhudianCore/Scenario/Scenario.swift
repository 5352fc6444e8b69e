/// A planning problem: who may supervise which enterprise, under which rules (SPEC §1).
///
/// One value serves both modes (`resident` and `visiting`); fields that do not
/// apply to a mode are kept and ignored, as the file format says. The scenario
/// loader (ZhudianScenario) fills defaults and refuses contradictions, so code
/// that receives a `Scenario` may rely on every id reference resolving.
public struct Scenario: Sendable, Equatable {
    /// File format version; 1.
    public var version: Int
    /// Free text shown on every export.
    public var name: String
    /// The issuing bureau.
    public var authority: String
    /// Free text (非煤矿山, 化工…).
    public var sector: String
    /// Resident (蹲守式) or visiting (两人一企).
    public var mode: Mode
    /// Dates of the plan.
    public var calendar: CalendarSettings
    /// Hard rules.
    public var rules: Rules
    /// Weights of the minimised objective.
    public var objective: ObjectiveWeights
    /// Enterprises and offices, in file order.
    public var units: [Unit]
    /// People, in file order.
    public var people: [Person]
    /// Earlier terms, oldest first, immediately before term 1.
    public var history: [HistoryTerm]
    /// Decisions the plan must keep.
    public var pins: [Pin]
    /// Conflicts of interest.
    public var forbid: [Forbid]

    /// Creates a scenario; every argument after `units` and `people` defaults to empty.
    public init(
        version: Int = 1, name: String, authority: String = "", sector: String = "",
        mode: Mode = .resident, calendar: CalendarSettings, rules: Rules = Rules(),
        objective: ObjectiveWeights = ObjectiveWeights(), units: [Unit], people: [Person],
        history: [HistoryTerm] = [], pins: [Pin] = [], forbid: [Forbid] = []
    ) {
        self.version = version
        self.name = name
        self.authority = authority
        self.sector = sector
        self.mode = mode
        self.calendar = calendar
        self.rules = rules
        self.objective = objective
        self.units = units
        self.people = people
        self.history = history
        self.pins = pins
        self.forbid = forbid
    }
}

/// How supervisors work at a site.
public enum Mode: String, Sendable, CaseIterable {
    /// 蹲守式: people live at the site for the whole term.
    case resident
    /// 两人一企: a fixed team visits the site on working days every month.
    case visiting
}

/// The shape of each term's unit-level links (SPEC §3 rule 6).
public enum Structure: String, Sendable, CaseIterable {
    /// One single cycle through all enterprises.
    case ring
    /// Several cycles, each at least `minCycle` long.
    case cycles
    /// People placed one by one from any sending unit.
    case free
}

/// `forbid` or `allow`.
public enum Permission: String, Sendable, CaseIterable {
    case forbid, allow
}

/// A dated task shown in calendars and reports.
public struct CalendarEvent: Sendable, Equatable {
    /// The day.
    public var date: CivilDate
    /// What happens.
    public var title: String
    /// Creates an event.
    public init(date: CivilDate, title: String) {
        self.date = date
        self.title = title
    }
}

/// The `calendar:` block.
public struct CalendarSettings: Sendable, Equatable {
    /// First day of term 1.
    public var start: CivilDate
    /// Months per term, 1…12.
    public var termMonths: Int
    /// Terms to plan, 1…8.
    public var terms: Int
    /// Days the outgoing team stays into the next term, 0…30.
    public var handoverDays: Int
    /// Days without visits.
    public var holidays: [DateRange]
    /// Make-up working days (调休): dates or ranges, as `holidays` (SPEC 1.1).
    public var workdays: [DateRange]
    /// `cn` adds mainland China's official holidays and make-up days.
    public var official: String?
    /// Dated tasks.
    public var events: [CalendarEvent]
    /// Monthly report due on this day of the month (clamped to the month's last day).
    public var reportDay: Int?
    /// Months (`YYYY-MM`) whose report is due on another date.
    public var reportDue: [String: CivilDate]
    /// Visiting mode: visits per calendar month.
    public var visitsPerMonth: Int
    /// Visiting mode: least days between two visits to one site.
    public var minVisitGapDays: Int

    /// Creates calendar settings with the file format's defaults.
    public init(
        start: CivilDate, termMonths: Int = 6, terms: Int = 1, handoverDays: Int = 0,
        holidays: [DateRange] = [], workdays: [DateRange] = [], official: String? = nil,
        events: [CalendarEvent] = [], reportDay: Int? = nil, reportDue: [String: CivilDate] = [:],
        visitsPerMonth: Int = 1, minVisitGapDays: Int = 0
    ) {
        self.start = start
        self.termMonths = termMonths
        self.terms = terms
        self.handoverDays = handoverDays
        self.holidays = holidays
        self.workdays = workdays
        self.official = official
        self.events = events
        self.reportDay = reportDay
        self.reportDue = reportDue
        self.visitsPerMonth = visitsPerMonth
        self.minVisitGapDays = minVisitGapDays
    }
}

/// The `rules:` block (SPEC §3). Defaults are the notices' own settings.
public struct Rules: Sendable, Equatable {
    /// People at each site every day (a unit may override).
    public var minStaff: Int = 2
    /// Shape of the unit-level links.
    public var structure: Structure = .cycles
    /// `cycles` only: shortest allowed cycle; 2 allows mutual pairs.
    public var minCycle: Int = 3
    /// `free` only: whether u → v and v → u may both be used in one term.
    public var mutualPairs: Permission = .forbid
    /// Whether a person may stay at a site of their unit's group.
    public var sameGroup: Permission = .forbid
    /// Terms before a unit may send a team to the same site again.
    public var pairCooldown: Int = 1
    /// Terms before a person may return to the same site.
    public var personCooldown: Int = 2
    /// Terms in a row one person may serve.
    public var maxConsecutiveTerms: Int = 1
    /// Qualified people every enterprise keeps at home each term.
    public var keepAtHome: Int = 1
    /// Only qualified people are placed.
    public var requireQualified: Bool = true
    /// Cap on home-unit-to-site distance in km, where both locations are known.
    public var maxDistanceKm: Double? = nil
    /// Visiting mode: sites one person covers in a term.
    public var maxSitesPerPerson: Int = 1

    /// The defaults.
    public init() {}
}

/// The `objective:` block: weights, all ≥ 0.
public struct ObjectiveWeights: Sendable, Equatable {
    /// Per km, per person, per term.
    public var distance: Double = 1
    /// Per term a chosen person has already served.
    public var fairness: Double = 20
    /// Per baseline stay the plan drops.
    public var change: Double = 0

    /// The defaults.
    public init(distance: Double = 1, fairness: Double = 20, change: Double = 0) {
        self.distance = distance
        self.fairness = fairness
        self.change = change
    }
}

/// Enterprise or office.
public enum UnitKind: String, Sendable, CaseIterable {
    /// A site that can be supervised and send staff.
    case enterprise
    /// A bureau office: sends staff only.
    case office
}

/// The level of an office's staff, for statistics.
public enum OfficeLevel: String, Sendable, CaseIterable {
    case city, county
}

/// An enterprise (site) or office.
public struct Unit: Sendable, Equatable, Identifiable {
    /// `[A-Za-z0-9_.-]{1,32}`, unique.
    public var id: String
    /// Full name (as the notices write it).
    public var name: String
    /// Short name for tables.
    public var short: String?
    /// Enterprise or office.
    public var kind: UnitKind
    /// Offices: city or county level.
    public var level: OfficeLevel?
    /// Parent group (same-group rule).
    public var group: String?
    /// Town.
    public var town: String?
    /// Where it is.
    public var location: Location?
    /// Site-specific minimum staff.
    public var minStaff: Int?
    /// Whether its people may be placed.
    public var sends: Bool
    /// Whether it is a site.
    public var receives: Bool
    /// False for a unit that takes no part in the plan (a closed mine, SPEC 1.1 §1): it
    /// neither sends nor receives and its people are not placed; history keeps naming it.
    public var active: Bool

    /// Creates a unit. `sends` and `receives` default as the file format says for `kind`.
    public init(
        id: String, name: String, short: String? = nil, kind: UnitKind = .enterprise,
        level: OfficeLevel? = nil, group: String? = nil, town: String? = nil,
        location: Location? = nil, minStaff: Int? = nil, sends: Bool = true, receives: Bool? = nil,
        active: Bool = true
    ) {
        self.active = active
        self.id = id
        self.name = name
        self.short = short
        self.kind = kind
        self.level = level
        self.group = group
        self.town = town
        self.location = location
        self.minStaff = minStaff
        self.sends = sends
        self.receives = receives ?? (kind == .enterprise)
    }

    /// The short name when there is one, else the full name.
    public var displayName: String { short ?? name }
}

/// A period a person cannot serve.
public struct Absence: Sendable, Equatable {
    /// The days.
    public var range: DateRange
    /// Why (年假…).
    public var reason: String?
    /// Creates an absence.
    public init(range: DateRange, reason: String? = nil) {
        self.range = range
        self.reason = reason
    }
}

/// A person who may be placed.
public struct Person: Sendable, Equatable, Identifiable {
    /// Unique id.
    public var id: String
    /// Name.
    public var name: String
    /// Home unit id.
    public var unit: String
    /// Qualified for supervision.
    public var qualified: Bool
    /// Phone, for contact lists.
    public var phone: String?
    /// Terms served before this plan.
    public var served: Int
    /// Leave and other absences.
    public var unavailable: [Absence]
    /// False for a person who takes no part in the plan (left the bureau, SPEC 1.1 §1): never
    /// placed, not counted at home; history keeps naming them.
    public var active: Bool

    /// Creates a person.
    public init(
        id: String, name: String, unit: String, qualified: Bool = true, phone: String? = nil,
        served: Int = 0, unavailable: [Absence] = [], active: Bool = true
    ) {
        self.active = active
        self.id = id
        self.name = name
        self.unit = unit
        self.qualified = qualified
        self.phone = phone
        self.served = served
        self.unavailable = unavailable
    }
}

/// One earlier term.
public struct HistoryTerm: Sendable, Equatable {
    /// Informative start date.
    public var start: CivilDate?
    /// Who was where.
    public var stays: [HistoryStay]
    /// Creates a history term.
    public init(start: CivilDate? = nil, stays: [HistoryStay]) {
        self.start = start
        self.stays = stays
    }
}

/// A person at a site in an earlier term.
public struct HistoryStay: Sendable, Equatable {
    /// Person id.
    public var person: String
    /// Site unit id.
    public var site: String
    /// Creates a history stay.
    public init(person: String, site: String) {
        self.person = person
        self.site = site
    }
}

/// A decision the plan must keep.
public struct Pin: Sendable, Equatable {
    /// Term number, 1…terms.
    public var term: Int
    /// Who is pinned: a unit's team or one person.
    public var subject: Subject
    /// Site unit id.
    public var site: String

    /// A unit's team or one person.
    public enum Subject: Sendable, Equatable {
        case unit(String)
        case person(String)
    }

    /// Creates a pin.
    public init(term: Int, subject: Subject, site: String) {
        self.term = term
        self.subject = subject
        self.site = site
    }
}

/// A conflict of interest: a person, or every person of a unit, may not stay at a site.
public struct Forbid: Sendable, Equatable {
    /// Whom it concerns.
    public var subject: Pin.Subject
    /// Site unit id.
    public var site: String
    /// Why (亲属在该企业任职…).
    public var reason: String?
    /// Creates a forbid entry.
    public init(subject: Pin.Subject, site: String, reason: String? = nil) {
        self.subject = subject
        self.site = site
        self.reason = reason
    }
}
