import MIPModel

/// Links a unit can never use twice in a row of terms for want of people: the unit-level
/// consequence of the person cooldown (rule 7) and of not serving two terms in a row (rules
/// 4 and 7), which the teams model's `ccool` rows state person by person and the LP barely feels.
///
/// If unit u is at site v in terms j and k (`pairCooldown < k − j ≤ personCooldown`), nobody
/// serves v in both, so the two teams are disjoint; when nobody may serve two terms in a row
/// (`maxConsecutiveTerms` 1, or handover days, under which every move overlaps a handover)
/// and k = j + 2, the team of the term between is disjoint from both as well. Each slot of
/// those teams then needs a person of its own who may take it: a bipartite matching of slots
/// to people. When no matching fills every slot, no roster has u at v in both terms, and the
/// row `y[u,v,j] + y[u,v,k] ≤ 1` holds for every roster. The matching relaxes the other rules
/// (keepAtHome, pins, the other terms), which only makes it fill slots more easily, so a row
/// is never wrong; it is added only where it cuts.
///
/// Measured (BENCHMARKS.md, issue 21 item 3): on an 8-enterprise cycles scenario over 3 terms
/// these rows alone take GLPK from ~3 000 nodes to ~90.
struct UnitCooldown {
    /// One barred pair: unit `unit` may not be at `site` in both `first` and `second`.
    struct Conflict: Equatable {
        let unit: Int
        let site: Int
        let first: Int
        let second: Int
    }

    /// The conflicts among `basis`'s possible links.
    ///
    /// - Complexity: O(units · sites · T · cooldown · people · slots) for the matchings, plus
    ///   O(units · sites · T · people) for the people free in the term between.
    static func conflicts(_ basis: TeamBasis) -> [Conflict] {
        let ctx = basis.ctx
        let rules = ctx.scenario.rules
        let T = ctx.terms
        guard rules.personCooldown > rules.pairCooldown, rules.pairCooldown >= 1, T >= 2 else { return [] }
        let noTwoInARow = rules.maxConsecutiveTerms == 1 || ctx.scenario.calendar.handoverDays > 0
        var out: [Conflict] = []
        for u in basis.ents {
            let people = ctx.index.peopleOfUnit[u]
            let free = freeTerms(people, ctx: ctx, basis: basis)
            for j in 1...T {
                let last = min(T, j + rules.personCooldown)
                guard j + rules.pairCooldown + 1 <= last else { continue }
                for k in (j + rules.pairCooldown + 1)...last {
                    let between = noTwoInARow && k == j + 2 ? middleSlots(u, term: j + 1, people, free, basis) : nil
                    for v in basis.ents where v != u && basis.possible(u, v, j) && basis.possible(u, v, k) {
                        var slots: [[Int]] = []
                        let need = ctx.minStaff(v)
                        for t in [j, k] {
                            let able = people.filter { (free[$0]?[t] ?? false) && !basis.personBanned($0, v, t) }
                            slots += Array(repeating: able, count: need)
                        }
                        if let between {
                            // The site between is not v (pcool); p may take a slot there when
                            // p may serve some site other than v.
                            guard let least = between.bySize.first(where: { $0.site != v })?.need else { continue }
                            let able = people.filter { p in
                                guard let mine = between.able[p] else { return false }
                                return mine.count > 1 || (mine.count == 1 && !mine.contains(v))
                            }
                            slots += Array(repeating: able, count: least)
                        }
                        if !fillsEverySlot(slots) { out.append(Conflict(unit: u, site: v, first: j, second: k)) }
                    }
                }
            }
        }
        return out
    }

    /// `free[p][k]`: p may be placed in term k: placeable, and not barred by the history terms
    /// just before the plan (the `consec` row over a window of history and term k has room 0;
    /// windows as ``RowSink/addConsecutive(person:ctx:placed:)`` writes them).
    static func freeTerms(_ people: [Int], ctx: PlanContext, basis: TeamBasis) -> [Int: [Bool]] {
        let m = ctx.scenario.rules.maxConsecutiveTerms
        var free: [Int: [Bool]] = [:]
        for p in people {
            var row = basis.placeable[p]
            var start = min(1, ctx.firstHistoryTerm)
            while start <= 0 && start + m <= ctx.terms {
                let window = start...(start + m)
                let fixed = window.filter { $0 <= 0 && !ctx.historySites(person: p, term: $0).isEmpty }.count
                if fixed >= m {
                    for t in window where t >= 1 && t < row.count { row[t] = false }
                }
                start += 1
            }
            free[p] = row
        }
        return free
    }

    /// The sites u may be linked to in `term` with their team sizes, smallest first, and per
    /// free person the ones they may serve there.
    private static func middleSlots(
        _ u: Int, term: Int, _ people: [Int], _ free: [Int: [Bool]], _ basis: TeamBasis
    ) -> (bySize: [(site: Int, need: Int)], able: [Int: Set<Int>]) {
        let sites = basis.ents.filter { $0 != u && basis.possible(u, $0, term) }
        var able: [Int: Set<Int>] = [:]
        for p in people where free[p]?[term] ?? false {
            able[p] = Set(sites.filter { !basis.personBanned(p, $0, term) })
        }
        let bySize = sites.map { (site: $0, need: basis.ctx.minStaff($0)) }.sorted { ($0.need, $0.site) < ($1.need, $1.site) }
        return (bySize, able)
    }

    /// Whether every slot (the people who may take it) gets a person of its own.
    static func fillsEverySlot(_ slots: [[Int]]) -> Bool {
        var holder: [Int: Int] = [:]
        func place(_ s: Int, _ seen: inout Set<Int>) -> Bool {
            for p in slots[s] where seen.insert(p).inserted {
                if let other = holder[p] {
                    guard place(other, &seen) else { continue }
                }
                holder[p] = s
                return true
            }
            return false
        }
        for s in slots.indices {
            var seen = Set<Int>()
            if !place(s, &seen) { return false }
        }
        return true
    }
}

extension RowSink {
    /// `ucool[u,v,j,k]` (rule 7, implied by `personCooldown` and `maxConsecutiveTerms`):
    /// `y[u,v,j] + y[u,v,k] ≤ 1` for each conflict ``UnitCooldown`` found — unit `u`'s people
    /// cannot staff site `v` in both terms. A link without a column in one of the terms (not
    /// selected, or not possible) needs no row.
    mutating func addUnitCooldown(_ conflicts: [UnitCooldown.Conflict], y: [[Int: Variable]], units nU: Int) throws(ModelError) {
        for c in conflicts {
            guard let a = y[c.first][c.unit * nU + c.site], let b = y[c.second][c.unit * nU + c.site] else { continue }
            try model.addConstraint(
                name: "ucool_\(c.unit)_\(c.site)_\(c.first)_\(c.second)", expr([(a, 1), (b, 1)]), upper: 1)
        }
    }
}
