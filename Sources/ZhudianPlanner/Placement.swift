import ZhudianCore

/// A person at a site in a planned term, by position in the scenario's arrays.
struct Placement: Hashable, Comparable {
    let term: Int
    let person: Int
    let site: Int

    static func < (a: Placement, b: Placement) -> Bool {
        (a.term, a.site, a.person) < (b.term, b.site, b.person)
    }
}

/// A slack that an elastic model used, decoded into the rule instance it relaxes.
struct ElasticSlack {
    let rule: RuleKind
    let term: Int?
    let unit: Int?
    let site: Int?
    let people: [Int]
    /// Ring/cycles: the slack lets a site go without a team, which breaks its coverage and
    /// the term's structure at once.
    var teamReceipt = false
}
