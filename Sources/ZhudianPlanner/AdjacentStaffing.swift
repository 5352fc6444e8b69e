/// Links no roster can staff, because the unit's team in a term next to theirs takes the
/// only people who could go: the two-term form of the per-link head count in
/// ``TeamBasis/possible(_:_:_:)``.
///
/// When nobody may serve two terms in a row (`maxConsecutiveTerms` 1, or handover days,
/// under which every move overlaps a handover), unit u's teams in terms k and k ± 1 are
/// disjoint. At v in term k the team needs `m_v` of the people A free in k and not barred
/// from v; the team in the next term needs at least `m_min` (the smallest team of any site)
/// of the people B free there. Hall's condition for these two kinds of slot is
/// `|A| ≥ m_v`, `|B| ≥ m_min` and `|A ∪ B| ≥ m_v + m_min`; if it fails, u is never at v in
/// term k. B ignores the bans of the neighbouring term's site and `m_min` its size, so the
/// test only ever passes more easily than the rules: it never removes a link a roster could
/// use, and the optimum stays the model's.
///
/// Why: a unit whose history team may not return to its history site (person cooldown 2)
/// and whose other people are needed for the team of the term before has no way to staff
/// that link, yet the LP used it at ½ with the barred people at ½ (peer row 27, ring 50 × 2:
/// 8 such links, the LP bound 5212.65 → 5217.97 without them, BENCHMARKS.md "Two terms,
/// seventh round").
struct AdjacentStaffing {
    /// `largest[i][k]`: the largest team `ents[i]` can send in term k to a site nobody of
    /// theirs is barred from.
    private let largest: [[Int]]
    /// `barred[i][k]`: sites some of `ents[i]`'s people are barred from in term k, where
    /// the test fails.
    private let barred: [[Set<Int>]]

    /// The test for `basis`'s units, or nil where it cannot cut (one term, or people who
    /// may serve two terms in a row).
    init?(_ basis: TeamBasis) {
        let ctx = basis.ctx
        let T = ctx.terms
        let noTwoInARow = ctx.scenario.rules.maxConsecutiveTerms == 1 || ctx.scenario.calendar.handoverDays > 0
        guard T >= 2, noTwoInARow, let smallest = basis.ents.map(ctx.minStaff).min() else { return nil }
        var largest = Array(repeating: Array(repeating: Int.max, count: T + 1), count: basis.ents.count)
        var barred = Array(repeating: Array(repeating: Set<Int>(), count: T + 1), count: basis.ents.count)
        for (i, u) in basis.ents.enumerated() {
            let people = ctx.index.peopleOfUnit[u]
            let freeTerms = UnitCooldown.freeTerms(people, ctx: ctx, basis: basis)
            let free: [Set<Int>] = (0...T).map { k in Set(people.filter { freeTerms[$0]?[k] ?? false }) }
            for k in 1...T {
                let next = [k - 1, k + 1].filter { (1...T).contains($0) }.map { free[$0] }
                largest[i][k] = Self.room(free[k], next, smallest)
                for v in basis.bannedCount[i][k].keys {
                    let able = free[k].filter { !basis.personBans[$0][k].contains(v) }
                    if Self.room(able, next, smallest) < ctx.minStaff(v) { barred[i][k].insert(v) }
                }
            }
        }
        self.largest = largest
        self.barred = barred
    }

    /// The largest team the people `able` can make while each neighbouring term's free
    /// people still make a team of `smallest` beside it.
    private static func room(_ able: Set<Int>, _ neighbours: [Set<Int>], _ smallest: Int) -> Int {
        var most = able.count
        for other in neighbours {
            guard other.count >= smallest else { return -1 }
            most = min(most, able.union(other).count - smallest)
        }
        return most
    }

    /// Whether `ents[i]` may be at v (team of `need`) in term k as far as two terms in a row
    /// go.
    func allows(_ i: Int, _ v: Int, _ k: Int, need: Int) -> Bool {
        need <= largest[i][k] && !barred[i][k].contains(v)
    }
}
