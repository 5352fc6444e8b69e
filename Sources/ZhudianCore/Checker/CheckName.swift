/// A unit, site or person as a violation names it: the id the files use, and the name
/// the planner knows it by.
///
///     CheckName(id: "QX", name: "泉兴矿").render(.en)   // "QX (泉兴矿)"
///     CheckName(id: "QX", name: "泉兴矿").render(.zh)   // "QX（泉兴矿）"
public struct CheckName: Sendable, Hashable, Comparable {
    /// The id, as in the scenario and roster files.
    public let id: String
    /// The display name (a unit's short name, a person's name), nil when unknown.
    public let name: String?

    /// Creates a name; an empty name, or one equal to the id, is dropped so it is not printed twice.
    public init(id: String, name: String?) {
        self.id = id
        self.name = (name == nil || name == "" || name == id) ? nil : name
    }

    /// `ID (name)`, with full-width brackets in Chinese.
    public func render(_ language: Language) -> String {
        guard let name else { return id }
        return language == .zh ? "\(id)（\(name)）" : "\(id) (\(name))"
    }

    /// By id, so lists of names print in a stable order.
    public static func < (a: CheckName, b: CheckName) -> Bool { (a.id, a.name ?? "") < (b.id, b.name ?? "") }
}

/// Days on which a site had too few people (SPEC §3 rule 3), one stretch with one head count.
public struct CoverageShortfall: Sendable, Hashable {
    /// People present on each of these days.
    public let present: Int
    /// The consecutive days.
    public let days: DateRange

    /// Creates a shortfall.
    public init(present: Int, days: DateRange) {
        self.present = present
        self.days = days
    }
}
