/// Which built terms' teams of one enterprise must share no person with its team of the term
/// being built, and whether the enterprise has people enough for all of them together.
///
/// Counting only the next and previous terms (as the construction did up to the eighth round)
/// misses a unit back at one site two terms later: with `personCooldown` 2 nobody of its first
/// team may return, so its three teams need three disjoint sets of people. Ring 30 × 3
/// (`23-ring30-T3-H2`) built term by term got links no staffing could cover, in every counting.
struct TermConflicts {
    /// Nobody serves two terms in a row (handover days, or `maxConsecutiveTerms` 1).
    let consecutiveBarred: Bool
    /// Terms before a person may return to the same site.
    let personCooldown: Int

    /// Whether teams of one enterprise in terms `a` and `b`, at sites `siteA` and `siteB`,
    /// must be disjoint.
    func conflict(_ a: Int, _ siteA: Int, _ b: Int, _ siteB: Int) -> Bool {
        let d = abs(a - b)
        guard d > 0 else { return false }
        if d == 1 { return consecutiveBarred }
        return siteA == siteB && d <= personCooldown
    }

    /// The sets of built terms among `built` (term, site) that conflict with the new team at
    /// `site` in term `k` and with each other: each needs that many people besides the new team.
    /// Every such set, the single terms included (at most 2^|conflicting| sets, and only
    /// terms within the cooldown conflict).
    func cliques(term k: Int, site: Int, built: [(term: Int, site: Int)]) -> [[(term: Int, site: Int)]] {
        let near = built.filter { conflict(k, site, $0.term, $0.site) }
        var all: [[(term: Int, site: Int)]] = [[]]
        for t in near {
            all += all.filter { set in set.allSatisfy { conflict($0.term, $0.site, t.term, t.site) } }.map { $0 + [t] }
        }
        return all.filter { !$0.isEmpty }
    }
}
