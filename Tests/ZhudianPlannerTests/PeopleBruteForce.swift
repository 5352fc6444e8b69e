import ZhudianCore

/// An independent oracle for every formulation: the optimum of a tiny resident scenario (any
/// structure, one or more terms, staying on allowed or not) by enumerating, term by term,
/// every person's choice — at home, or at one site — and keeping the cheapest roster that
/// keeps every rule of SPEC §3.
///
/// Written from SPEC §2–§3 and the README's interpretations, sharing nothing with the
/// formulations; ``BruteForce`` is the teams-only oracle for larger one-term scenarios.
/// Sized for 4 sites and 9 people under free placement (up to `(sites + 1)^people` choices per
/// term), or about 14 under ring and cycles, whose one-team-per-unit rule prunes hard.
enum PeopleBruteForce {
    /// The cheapest roster: its §3 objective and, per term, (person id, site id) placements.
    struct Optimum {
        let objective: Double
        let placements: [[(person: String, site: String)]]
    }

    /// The optimum of `s`, or nil when no roster keeps every rule.
    static func optimum(_ s: Scenario) -> Optimum? {
        let e = Enumeration(s)
        var best: (cost: Double, choice: [[Int]])? = nil
        var chosen: [[Int]] = []
        // rest[k]: a lower bound on the terms after k, from each term on its own (without
        // the earlier terms, a term has the same candidates or more, and fairness only adds).
        var rest = Array(repeating: 0.0, count: e.terms + 1)
        for k in stride(from: e.terms, to: 1, by: -1) {
            guard let cheapest = e.termCandidates(k, after: nil).first?.cost else { return nil }
            rest[k - 1] = rest[k] + cheapest
        }
        // Term by term; a term's candidates come cheapest first, so a candidate that
        // reaches the best total ends its loop.
        func search(_ cost: Double) {
            let k = chosen.count + 1
            if k > e.terms {
                // Every rule again, on the whole roster, as SPEC §3 states them.
                guard e.keepsTheRulesAcrossTerms(chosen) else { return }
                let total = e.cost(chosen)
                if best == nil || total < best!.cost - 1e-9 { best = (total, chosen) }
                return
            }
            let budget = best.map { $0.cost - cost - rest[k] } ?? .infinity
            for candidate in e.termCandidates(k, after: chosen, below: budget) {
                if let b = best, cost + candidate.cost + rest[k] >= b.cost - 1e-9 { break }
                chosen.append(candidate.sites)
                search(cost + candidate.cost)
                chosen.removeLast()
            }
        }
        search(0)
        guard let best else { return nil }
        let placements = best.choice.map { sites in
            sites.indices.compactMap { p in
                sites[p] < 0 ? nil : (person: s.people[p].id, site: s.units[sites[p]].id)
            }
        }
        return Optimum(objective: best.cost, placements: placements)
    }
}

/// The tables and rule checks behind ``PeopleBruteForce``; people and units by index, a
/// choice is one site index per person (−1: not placed).
struct Enumeration {
    let s: Scenario
    let terms: Int
    let unitOf: [Int]
    /// Per person, the sites the term-independent rules allow (1, 2, 5: qualified, forbid, distance).
    let options: [[Int]]
    /// History terms oldest first, each as a site index per person (−1: not placed).
    let history: [[Int]]

    init(_ s: Scenario) {
        self.s = s
        terms = s.calendar.terms
        let unitIndex = Dictionary(uniqueKeysWithValues: s.units.enumerated().map { ($1.id, $0) })
        let personIndex = Dictionary(uniqueKeysWithValues: s.people.enumerated().map { ($1.id, $0) })
        let unitOf = s.people.map { unitIndex[$0.unit] ?? -1 }
        self.unitOf = unitOf
        history = s.history.map { term in
            var sites = Array(repeating: -1, count: s.people.count)
            for stay in term.stays {
                if let p = personIndex[stay.person], let v = unitIndex[stay.site] { sites[p] = v }
            }
            return sites
        }
        var allowed: [[Int]] = []
        for (p, person) in s.people.enumerated() {
            let home = s.units[unitOf[p]]
            let mine = unitOf[p]
            allowed.append(
                s.units.indices.filter { v in
                    let site = s.units[v]
                    guard home.sends, site.receives, v != mine else { return false }
                    if s.rules.sameGroup == .forbid, let g = home.group, g == site.group { return false }
                    if s.rules.requireQualified && !person.qualified { return false }
                    for f in s.forbid where f.site == site.id {
                        if f.subject == .unit(home.id) || f.subject == .person(person.id) { return false }
                    }
                    if let cap = s.rules.maxDistanceKm, let a = home.location, let b = site.location,
                        a.kilometres(to: b) > cap
                    {
                        return false
                    }
                    return true
                })
        }
        options = allowed
    }

    func need(_ v: Int) -> Int { s.units[v].minStaff ?? s.rules.minStaff }

    func km(_ p: Int, _ v: Int) -> Double {
        guard let a = s.units[unitOf[p]].location, let b = s.units[v].location else { return 0 }
        return a.kilometres(to: b)
    }

    /// Every choice for term `k`, after the plan's earlier terms `earlier`, that keeps the
    /// rules of one term (3, 6, 8, 9) and, person by person, the rules that link it to earlier
    /// terms (4, 5, 7); with its cost (fairness counts the earlier terms), cheapest first.
    /// With `earlier` nil, the term on its own: only the rules of one term, and no stay on a
    /// day of leave. Only choices cheaper than `budget` are kept (every cost is ≥ 0).
    ///
    /// A partial choice is abandoned when its remaining people cannot bring a site up to its
    /// minStaff (rule 3), or, under ring and cycles, when a site has more than its team, a
    /// unit's people are at two sites or a unit's team is not the size its site needs (rule 6),
    /// or when it costs the budget: that keeps the enumeration small.
    func termCandidates(_ k: Int, after earlier: [[Int]]?, below budget: Double = .infinity)
        -> [(sites: [Int], cost: Double)]
    {
        let n = s.people.count
        let term = s.termRange(k)
        let choices: [[Int]] = s.people.indices.map { p in
            guard let earlier else {
                return s.people[p].unavailable.contains { $0.range.overlaps(term) } ? [-1] : [-1] + options[p]
            }
            return ([-1] + options[p]).filter { allowed(p, $0, term: k, after: earlier) }
        }
        // reach[p][v]: people p… who could still go to v.
        var reach = Array(repeating: Array(repeating: 0, count: s.units.count), count: n + 1)
        for p in stride(from: n - 1, through: 0, by: -1) {
            reach[p] = reach[p + 1]
            for v in choices[p] where v >= 0 { reach[p][v] += 1 }
        }
        let receivers = s.units.indices.filter { s.units[$0].receives }
        var earlierTerms = Array(repeating: 0, count: n)
        for sites in earlier ?? [] { for p in sites.indices where sites[p] >= 0 { earlierTerms[p] += 1 } }
        let teams = s.rules.structure != .free
        let lastOfUnit = Set(s.units.indices.compactMap { u in s.people.indices.last { unitOf[$0] == u } })
        func price(_ p: Int, _ v: Int) -> Double {
            s.objective.distance * km(p, v) + s.objective.fairness * Double(s.people[p].served + earlierTerms[p])
        }
        var out: [(sites: [Int], cost: Double)] = []
        var sites = Array(repeating: -1, count: n)
        var count = Array(repeating: 0, count: s.units.count)
        var target = Array(repeating: -1, count: s.units.count)
        var sent = Array(repeating: 0, count: s.units.count)
        func go(_ p: Int, _ cost: Double) {
            if cost >= budget - 1e-9 { return }
            for v in receivers where count[v] + reach[p][v] < need(v) { return }
            if p == n {
                if keepsTheTermRules(sites, count: count, term: k) { out.append((sites, cost)) }
                return
            }
            let u = unitOf[p]
            for v in choices[p] {
                if teams && v >= 0 && (count[v] == need(v) || (target[u] >= 0 && target[u] != v)) { continue }
                sites[p] = v
                if v >= 0 {
                    count[v] += 1
                    sent[u] += 1
                    target[u] = v
                }
                if !teams || !lastOfUnit.contains(p) || s.units[u].kind != .enterprise
                    || (target[u] >= 0 && sent[u] == need(target[u]))
                {
                    go(p + 1, v >= 0 ? cost + price(p, v) : cost)
                }
                if v >= 0 {
                    count[v] -= 1
                    sent[u] -= 1
                    if sent[u] == 0 { target[u] = -1 }
                }
            }
            sites[p] = -1
        }
        go(0, 0)
        return out.sorted { $0.cost < $1.cost }
    }

    /// Person `p` at `w` (−1: at home) in term `k` keeps rules 4, 5 and 7 with the terms before.
    func allowed(_ p: Int, _ w: Int, term k: Int, after earlier: [[Int]]) -> Bool {
        let h = s.calendar.handoverDays
        let previous = site(p, k - 1, earlier)
        // The previous plan term's stay now has its end: E + handoverDays unless p stays on.
        if k >= 2 && previous >= 0 && previous != w {
            let left = DateRange(from: s.termStart(k - 1), to: s.termEnd(k - 1).addingDays(h))
            if s.people[p].unavailable.contains(where: { $0.range.overlaps(left) }) { return false }
        }
        guard w >= 0 else { return true }
        // Until the next term is chosen, only the last term's end is known.
        let here = DateRange(from: s.termStart(k), to: k == terms ? s.termEnd(k).addingDays(h) : s.termEnd(k))
        if s.people[p].unavailable.contains(where: { $0.range.overlaps(here) }) { return false }
        for j in (1 - history.count)..<k where site(p, j, earlier) >= 0 {
            let next = j + 1 == k ? w : site(p, j + 1, earlier)
            let end = next == site(p, j, earlier) ? s.termEnd(j) : s.termEnd(j).addingDays(h)
            if DateRange(from: s.termStart(j), to: end).overlaps(here) { return false }
        }
        return rotationHolds(p, w, k, earlier)
    }

    /// SPEC §3's objective: per stay, distance plus fairness × (served + earlier plan terms served).
    func cost(_ choice: [[Int]]) -> Double {
        var total = 0.0
        var earlier = Array(repeating: 0, count: s.people.count)
        for sites in choice {
            for p in sites.indices where sites[p] >= 0 {
                total += s.objective.distance * km(p, sites[p])
                total += s.objective.fairness * Double(s.people[p].served + earlier[p])
                earlier[p] += 1
            }
        }
        return total
    }

    // MARK: Rules within one term

    /// `count[v]`: people at `v` in this choice.
    func keepsTheTermRules(_ sites: [Int], count: [Int], term k: Int) -> Bool {
        // 3: a site's count holds on every day of the term (arrivals on S_k stay past E_k,
        // and the previous term's people only add during the handover days).
        for v in s.units.indices where s.units[v].receives && count[v] < need(v) { return false }
        guard structureHolds(sites, count: count) else { return false }
        // 8 (README): an enterprise that places someone keeps keepAtHome qualified people
        // unplaced (people on leave count as at home).
        for u in s.units.indices where s.units[u].kind == .enterprise {
            let mine = s.people.indices.filter { unitOf[$0] == u }
            guard mine.contains(where: { sites[$0] >= 0 }) else { continue }
            let home = mine.filter { s.people[$0].qualified && sites[$0] < 0 }.count
            if home < s.rules.keepAtHome { return false }
        }
        // 9
        for pin in s.pins where pin.term == k {
            let held = sites.indices.contains { p in
                guard sites[p] >= 0, s.units[sites[p]].id == pin.site else { return false }
                switch pin.subject {
                case .unit(let u): return s.units[unitOf[p]].id == u
                case .person(let id): return s.people[p].id == id
                }
            }
            if !held { return false }
        }
        return true
    }

    /// Rule 6 for one term's links.
    func structureHolds(_ sites: [Int], count: [Int]) -> Bool {
        let n = s.units.count
        var links = Set<[Int]>()
        for p in sites.indices where sites[p] >= 0 { links.insert([unitOf[p], sites[p]]) }
        if s.rules.structure == .free {
            if s.rules.mutualPairs == .forbid {
                for l in links where links.contains([l[1], l[0]]) { return false }
            }
            return true
        }
        // ring / cycles: every enterprise sends one team of minStaff(v) to one site v, and
        // every site receives exactly one team.
        var next = Array(repeating: -1, count: n)
        var into = Array(repeating: 0, count: n)
        for l in links {
            if next[l[0]] >= 0 { return false }
            next[l[0]] = l[1]
            into[l[1]] += 1
        }
        for u in 0..<n where s.units[u].kind == .enterprise {
            if next[u] < 0 || into[u] != 1 || count[u] != need(u) { return false }
            let team = sites.indices.filter { unitOf[$0] == u && sites[$0] >= 0 }.count
            if team != need(next[u]) { return false }
        }
        var seen = Array(repeating: false, count: n)
        var lengths: [Int] = []
        for start in 0..<n where !seen[start] && next[start] >= 0 {
            var length = 0
            var u = start
            while !seen[u] {
                seen[u] = true
                length += 1
                u = next[u]
            }
            lengths.append(length)
        }
        if s.rules.structure == .ring { return lengths.count == 1 }
        return lengths.allSatisfy { $0 >= s.rules.minCycle }
    }

    // MARK: Rules across terms

    /// The site of person `p` in term `k` of the whole timeline: plan terms 1… from `choice`,
    /// history terms 0, −1, … (the last history term is 0); −1 where nobody is placed.
    func site(_ p: Int, _ k: Int, _ choice: [[Int]]) -> Int {
        if k >= 1 { return choice[k - 1][p] }
        let i = history.count - 1 + k
        return i >= 0 ? history[i][p] : -1
    }

    /// SPEC §2: a stay ends on `E_k`, or `E_k + handoverDays` unless the person stays on.
    func stay(_ p: Int, _ k: Int, _ choice: [[Int]]) -> DateRange {
        let v = site(p, k, choice)
        let staysOn = k < terms && site(p, k + 1, choice) == v
        let end = s.termEnd(k)
        return DateRange(from: s.termStart(k), to: staysOn ? end : end.addingDays(s.calendar.handoverDays))
    }

    func keepsTheRulesAcrossTerms(_ choice: [[Int]]) -> Bool {
        let first = 1 - history.count
        for p in s.people.indices {
            for k in 1...terms where site(p, k, choice) >= 0 {
                let here = stay(p, k, choice)
                // 4: no overlap with any earlier stay (history stays get SPEC §2 dates too).
                for j in first..<k where site(p, j, choice) >= 0 && stay(p, j, choice).overlaps(here) { return false }
                // 5: no stay while unavailable, handover days included.
                if s.people[p].unavailable.contains(where: { $0.range.overlaps(here) }) { return false }
                if !rotationHolds(p, site(p, k, choice), k, choice) { return false }
            }
        }
        return true
    }

    /// Rule 7 for person `p` placed at `v` in plan term `k`; reads only the terms before `k`.
    func rotationHolds(_ p: Int, _ v: Int, _ k: Int, _ choice: [[Int]]) -> Bool {
        let u = unitOf[p]
        // No link u → v in the previous pairCooldown terms (by anyone of u).
        if s.rules.pairCooldown > 0 {
            for j in (k - s.rules.pairCooldown)..<k {
                if s.people.indices.contains(where: { unitOf[$0] == u && site($0, j, choice) == v }) { return false }
            }
        }
        // Back at v within personCooldown only by staying on without a break.
        if site(p, k - 1, choice) != v && s.rules.personCooldown >= 2 {
            for j in (k - s.rules.personCooldown)...(k - 2) where site(p, j, choice) == v { return false }
        }
        // No more than maxConsecutiveTerms terms in a row, history included.
        var run = 1
        var j = k - 1
        while site(p, j, choice) >= 0 {
            run += 1
            j -= 1
        }
        return run <= s.rules.maxConsecutiveTerms
    }
}
