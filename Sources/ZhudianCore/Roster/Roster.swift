/// A plan: who stays where in each term, and how it was found (SPEC §4).
///
/// Every export reads this type; `RosterFile` in ZhudianScenario reads and writes it as JSON.
public struct Roster: Sendable, Equatable {
    /// `"zhudian-roster"`.
    public var format: String = "zhudian-roster"
    /// 1.
    public var version: Int = 1
    /// The scenario this roster answers.
    public var scenario: ScenarioReference
    /// How the solver ended.
    public var solve: SolveSummary
    /// Terms, by number.
    public var terms: [RosterTerm]
    /// Infeasible or best-effort: the rule instances to relax or that are broken.
    public var explanation: [RuleInstance]?

    /// Creates a roster.
    public init(
        scenario: ScenarioReference, solve: SolveSummary, terms: [RosterTerm],
        explanation: [RuleInstance]? = nil
    ) {
        self.scenario = scenario
        self.solve = solve
        self.terms = terms
        self.explanation = explanation
    }
}

/// Names the scenario file a roster was planned from.
public struct ScenarioReference: Sendable, Equatable {
    /// The scenario's `name`.
    public var name: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// Creates a reference.
    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}

/// How a roster was found.
public enum RosterStatus: String, Sendable, CaseIterable {
    /// Proven optimal: gap 0, bound = objective.
    case optimal
    /// A limit stopped the search; bound and gap say how far from proven.
    case feasible
    /// No roster satisfies every rule.
    case infeasible
    /// Infeasible; the roster breaks the fewest rule instances.
    case bestEffort = "best-effort"
}

/// The `solve` block.
public struct SolveSummary: Sendable, Equatable {
    /// Outcome.
    public var status: RosterStatus
    /// Objective of the roster, nil when infeasible.
    public var objective: Double?
    /// Best proven lower bound, nil when unknown.
    public var bound: Double?
    /// |objective − bound| / max(|objective|, 1e-9), nil when unknown.
    public var gap: Double?
    /// Wall-clock seconds of the solve (the one field allowed to differ between runs).
    public var seconds: Double
    /// `"GLPK 5.0"`.
    public var engine: String
    /// Creates a summary.
    public init(
        status: RosterStatus, objective: Double?, bound: Double?, gap: Double?, seconds: Double,
        engine: String
    ) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
        self.engine = engine
    }

    /// The SPEC's gap formula.
    public static func gap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / max(abs(objective), 1e-9)
    }
}

/// One term of a roster.
public struct RosterTerm: Sendable, Equatable {
    /// 1-based term number.
    public var term: Int
    /// `S_k`.
    public var start: CivilDate
    /// `E_k`.
    public var end: CivilDate
    /// Unit-level links, sorted by `from`, then `to`.
    public var links: [Link]
    /// Stays, sorted by site, then person.
    public var stays: [Stay]
    /// Visiting mode only: visits, sorted by date, then site.
    public var visits: [Visit]?
    /// Creates a term.
    public init(
        term: Int, start: CivilDate, end: CivilDate, links: [Link], stays: [Stay],
        visits: [Visit]? = nil
    ) {
        self.term = term
        self.start = start
        self.end = end
        self.links = links
        self.stays = stays
        self.visits = visits
    }
}

/// Unit `from` has people at site `to`.
public struct Link: Sendable, Hashable, Comparable {
    /// Sending unit id.
    public var from: String
    /// Site id.
    public var to: String
    /// Creates a link.
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
    public static func < (a: Link, b: Link) -> Bool { (a.from, a.to) < (b.from, b.to) }
}

/// A person at a site for a term.
public struct Stay: Sendable, Hashable, Comparable {
    /// Person id.
    public var person: String
    /// Site id.
    public var site: String
    /// First day present.
    public var arrive: CivilDate
    /// Last day present.
    public var leave: CivilDate
    /// Creates a stay.
    public init(person: String, site: String, arrive: CivilDate, leave: CivilDate) {
        self.person = person
        self.site = site
        self.arrive = arrive
        self.leave = leave
    }
    /// Roster order: by site, then person.
    public static func < (a: Stay, b: Stay) -> Bool { (a.site, a.person) < (b.site, b.person) }
}

/// Visiting mode: the team at a site on one day.
public struct Visit: Sendable, Hashable, Comparable {
    /// The day.
    public var date: CivilDate
    /// Site id.
    public var site: String
    /// Person ids, sorted.
    public var people: [String]
    /// Creates a visit.
    public init(date: CivilDate, site: String, people: [String]) {
        self.date = date
        self.site = site
        self.people = people
    }
    /// Roster order: by date, then site.
    public static func < (a: Visit, b: Visit) -> Bool { (a.date, a.site) < (b.date, b.site) }
}

/// The rule names a roster's explanation and the checker use (SPEC §4), in §3 order.
public enum RuleKind: String, Sendable, CaseIterable, Comparable {
    case selfInspection = "self"
    case group, coverage, overlap, qualified, unavailable, forbid, distance, structure
    case pairCooldown, personCooldown, maxConsecutiveTerms, keepAtHome, pin, visits

    public static func < (a: RuleKind, b: RuleKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One rule at one place and term (SPEC §4), as an explanation lists it.
public struct RuleInstance: Sendable, Equatable {
    /// Which rule.
    public var rule: RuleKind
    /// Term, nil where it does not apply.
    public var term: Int?
    /// Unit (a person's home unit), nil where it does not apply.
    public var unit: String?
    /// Site, nil where it does not apply.
    public var site: String?
    /// Person ids concerned, possibly empty.
    public var people: [String]
    /// The planner's words.
    public var message: String
    /// Creates a rule instance.
    public init(
        rule: RuleKind, term: Int?, unit: String?, site: String?, people: [String], message: String
    ) {
        self.rule = rule
        self.term = term
        self.unit = unit
        self.site = site
        self.people = people
        self.message = message
    }
}
