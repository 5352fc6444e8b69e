import ZhudianCore

/// An independent oracle: the optimum of a one-term resident scenario under ring or cycles,
/// by enumerating every assignment of teams to sites and, per unit, every team.
///
/// Written from SPEC §3 directly, sharing nothing with the formulations. Returns nil when
/// no roster exists. With a `baseline`, every baseline stay the roster drops costs
/// `objective.change` (what-if); closed units and people who left take no part.
enum BruteForce {
    static func optimum(_ s: Scenario, baseline: Roster? = nil) -> Double? {
        precondition(s.calendar.terms == 1 && s.rules.structure != .free)
        let units = s.units.filter(\.active)
        let baseStays = Set((baseline?.terms ?? []).filter { $0.term == 1 }.flatMap(\.stays).map { $0.person + ">" + $0.site })
        let change = s.objective.change
        let n = units.count
        let h = s.calendar.handoverDays
        let stay = DateRange(from: s.termStart(1), to: s.termEnd(1).addingDays(h))
        let lastHistory = s.history.last?.stays ?? []
        func km(_ a: Unit, _ b: Unit) -> Double {
            guard let x = a.location, let y = b.location else { return 0 }
            return x.kilometres(to: y)
        }
        func historyLinks(termsBack: Int) -> Set<String> {
            var out = Set<String>()
            for t in s.history.suffix(termsBack) {
                for st in t.stays {
                    if let p = s.people.first(where: { $0.id == st.person }) { out.insert(p.unit + ">" + st.site) }
                }
            }
            return out
        }
        let barredLinks = historyLinks(termsBack: s.rules.pairCooldown)
        func linkOK(_ u: Unit, _ v: Unit) -> Bool {
            if u.id == v.id { return false }
            if s.rules.sameGroup == .forbid, let g = u.group, g == v.group { return false }
            if s.forbid.contains(where: { $0.site == v.id && $0.subject == .unit(u.id) }) { return false }
            if let cap = s.rules.maxDistanceKm, u.location != nil, v.location != nil, km(u, v) > cap { return false }
            if barredLinks.contains(u.id + ">" + v.id) { return false }
            return true
        }
        func personOK(_ p: Person, _ v: Unit) -> Bool {
            if !p.active { return false }
            if s.rules.requireQualified && !p.qualified { return false }
            if p.unavailable.contains(where: { $0.range.overlaps(stay) }) { return false }
            if s.forbid.contains(where: { $0.site == v.id && $0.subject == .person(p.id) }) { return false }
            // Still handing over at a history site (no staying on: the link repeats are barred).
            if h > 0 && lastHistory.contains(where: { $0.person == p.id }) { return false }
            // Back at a site within personCooldown.
            for t in s.history.suffix(s.rules.personCooldown) where t.stays.contains(where: { $0.person == p.id && $0.site == v.id }) {
                return false
            }
            // Consecutive terms ending with history.
            var run = 0
            for t in s.history.reversed() {
                if t.stays.contains(where: { $0.person == p.id }) { run += 1 } else { break }
            }
            if run + 1 > s.rules.maxConsecutiveTerms { return false }
            return true
        }
        /// Cheapest team of unit u at site v, or nil.
        func bestTeam(_ u: Unit, _ v: Unit) -> Double? {
            let mine = s.people.filter { $0.unit == u.id }
            let need = v.minStaff ?? s.rules.minStaff
            let qualified = mine.filter(\.qualified).count
            var best: Double? = nil
            let count = mine.count
            guard count < 20 else { return nil }
            for mask in 0..<(1 << count) where mask.nonzeroBitCount == need {
                var cost = 0.0
                var ok = true
                var qualifiedSent = 0
                for i in 0..<count where mask & (1 << i) != 0 {
                    let p = mine[i]
                    if !personOK(p, v) { ok = false; break }
                    if p.qualified { qualifiedSent += 1 }
                    cost += s.objective.distance * km(u, v) + s.objective.fairness * Double(p.served)
                    // Offset by `change` so no team costs less than 0 (the search prunes on
                    // partial sums); every site takes exactly one team, so the offset is a constant.
                    if !baseStays.contains(p.id + ">" + v.id) { cost += change }
                }
                if !ok { continue }
                if qualified - qualifiedSent < s.rules.keepAtHome { continue }
                if best == nil || cost < best! { best = cost }
            }
            return best
        }
        var team = Array(repeating: Array(repeating: Double?.none, count: n), count: n)
        for a in 0..<n { for b in 0..<n where linkOK(units[a], units[b]) { team[a][b] = bestTeam(units[a], units[b]) } }

        var best: Double? = nil
        var target = Array(repeating: -1, count: n)
        var taken = Array(repeating: false, count: n)
        func structureOK() -> Bool {
            var seen = Array(repeating: false, count: n)
            var lengths: [Int] = []
            for i in 0..<n where !seen[i] {
                var len = 0
                var j = i
                while !seen[j] { seen[j] = true; len += 1; j = target[j] }
                lengths.append(len)
            }
            if s.rules.structure == .ring { return lengths.count == 1 }
            return lengths.allSatisfy { $0 >= s.rules.minCycle }
        }
        func go(_ a: Int, _ cost: Double) {
            if let b = best, cost >= b + 1e-9 { return }
            if a == n {
                if structureOK() { best = cost }
                return
            }
            for b in 0..<n where !taken[b] {
                guard let c = team[a][b] else { continue }
                taken[b] = true
                target[a] = b
                go(a + 1, cost + c)
                taken[b] = false
            }
        }
        go(0, 0)
        let offset = units.filter(\.receives).reduce(0.0) { $0 + change * Double($1.minStaff ?? s.rules.minStaff) }
        return best.map { $0 - offset + change * Double(baseStays.count) }
    }
}

/// Calls `body` with every permutation of `0..<n` (as successor arrays: `p[a]` follows `a`).
func forEachPermutation(of n: Int, _ body: ([Int]) -> Void) {
    var p = Array(0..<n)
    func visit(_ k: Int) {
        if k == n {
            body(p)
            return
        }
        for j in k..<n {
            p.swapAt(k, j)
            visit(k + 1)
            p.swapAt(k, j)
        }
    }
    visit(0)
}
