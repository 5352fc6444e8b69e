/// What a violation breaks: one of SPEC §3's rules, or the roster file's own form (SPEC §4).
public enum ViolationKind: Sendable, Hashable, Comparable {
    /// A rule of SPEC §3.
    case rule(RuleKind)
    /// The roster file itself: scenario reference, sorting, term and stay dates, solve figures,
    /// explanation, objective, unknown ids.
    case format

    /// `format`, or the rule's name as explanations write it (`coverage`, `self`…).
    public var name: String {
        switch self {
        case .format: "format"
        case let .rule(r): r.rawValue
        }
    }

    /// Format problems first (they say whether the rest can be trusted), then rules in §3 order.
    public static func < (a: ViolationKind, b: ViolationKind) -> Bool {
        switch (a, b) {
        case (.format, .format): false
        case (.format, .rule): true
        case (.rule, .format): false
        case let (.rule(x), .rule(y)): x < y
        }
    }
}

/// One broken rule instance (SPEC §4: one rule at one place and term), or one format problem.
///
///     violation.render(.en)
///     // "coverage: term 2, site QX (泉兴矿): 1 of 2 people present on 2023-03-01..2023-08-19"
public struct Violation: Sendable, Equatable {
    /// The rule, or `format`.
    public let kind: ViolationKind
    /// The term, nil where none applies (scenario-level format problems).
    public let term: Int?
    /// The unit concerned; for a person, their home unit.
    public let unit: String?
    /// The site concerned.
    public let site: String?
    /// Person ids concerned, sorted (possibly empty).
    public let people: [String]
    /// The days concerned, where the break has dates (first to last).
    public let dates: DateRange?
    /// What to tell the planner.
    public let message: CheckMessage

    /// Creates a violation; `people` is sorted and deduplicated.
    public init(
        kind: ViolationKind, term: Int?, unit: String? = nil, site: String? = nil,
        people: [String] = [], dates: DateRange? = nil, message: CheckMessage
    ) {
        self.kind = kind
        self.term = term
        self.unit = unit
        self.site = site
        self.people = Array(Set(people)).sorted()
        self.dates = dates
        self.message = message
    }

    /// The rule broken, nil for a format problem.
    public var rule: RuleKind? {
        if case let .rule(r) = kind { return r }
        return nil
    }

    /// `rule: message`, e.g. `coverage: term 2, site QX (泉兴矿): …`; the rule name stays the
    /// SPEC's id in both languages so that lines can be matched with an explanation.
    public func render(_ language: Language) -> String {
        "\(kind.name): \(message.render(language))"
    }

    /// The report's order: term, rule, site, unit, people, then dates and text for a total order.
    static func ordered(_ a: Violation, _ b: Violation) -> Bool {
        if a.term != b.term { return precedes(a.term, b.term) }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.site != b.site { return precedes(a.site, b.site) }
        if a.unit != b.unit { return precedes(a.unit, b.unit) }
        if a.people != b.people { return a.people.lexicographicallyPrecedes(b.people) }
        if a.dates != b.dates { return precedes(a.dates.map { [$0.from, $0.to] }, b.dates.map { [$0.from, $0.to] }) }
        return a.message.render(.en) < b.message.render(.en)
    }
}

/// nil first, then by value.
private func precedes<T: Comparable>(_ a: T?, _ b: T?) -> Bool {
    switch (a, b) {
    case let (x?, y?): x < y
    case (nil, _?): true
    default: false
    }
}

/// nil first, then lexicographically.
private func precedes<T: Comparable>(_ a: [T]?, _ b: [T]?) -> Bool {
    switch (a, b) {
    case let (x?, y?): x.lexicographicallyPrecedes(y)
    case (nil, _?): true
    default: false
    }
}
