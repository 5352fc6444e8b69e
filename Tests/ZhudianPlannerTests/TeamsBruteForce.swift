import ZhudianCore

/// An independent oracle for ring and cycles over several terms without staying on
/// (`pairCooldown` ≥ 1): the optimum by enumerating, term by term, every unit-level
/// assignment the structure allows, and pricing each unit's sequence of sites with the
/// cheapest staffing of that sequence, found by enumerating the unit's teams term by term.
///
/// Because under ring and cycles a unit sends one team per term and nobody stays on, the
/// people of different units share no rule: a roster is cheapest exactly when every unit
/// staffs its own sequence of sites as cheaply as it can. The people rules (4, 5, 7, 8, 9)
/// are those of ``PeopleBruteForce``'s enumeration, written from SPEC §3 and sharing nothing
/// with the formulations; rule 6 (the structure) is checked here on the unit-level links.
/// Sized for 6 enterprises and 3 terms (at most 160 assignments per term).
enum TeamsBruteForce {
    /// The optimum of `s`, or nil when no roster keeps every rule.
    static func optimum(_ s: Scenario) -> PeopleBruteForce.Optimum? {
        precondition(s.rules.structure != .free && s.rules.pairCooldown >= 1)
        let n = s.units.count
        let T = s.calendar.terms
        let tables = (0..<n).map { UnitTable(s, unit: $0) }
        let assignments = structures(s)
        var best: (cost: Double, next: [[Int]])? = nil
        var chosen: [[Int]] = []
        var prefix = Array(repeating: 0, count: n)
        func search() {
            let k = chosen.count
            if k == T {
                let cost = (0..<n).reduce(0.0) { $0 + (tables[$1].cheapest[prefix[$1]] ?? .infinity) }
                if cost < (best?.cost ?? .infinity) - 1e-9 { best = (cost, chosen) }
                return
            }
            for next in assignments {
                var bound = 0.0
                var codes = prefix
                for u in 0..<n {
                    codes[u] = UnitTable.extend(prefix[u], next[u], base: n)
                    bound += tables[u].cheapest[codes[u]] ?? .infinity
                }
                guard bound < (best?.cost ?? .infinity) - 1e-9 else { continue }
                let saved = prefix
                prefix = codes
                chosen.append(next)
                search()
                chosen.removeLast()
                prefix = saved
            }
        }
        search()
        guard let best else { return nil }
        var placements: [[(person: String, site: String)]] = Array(repeating: [], count: T)
        for u in 0..<n {
            let code = best.next.reduce(0) { UnitTable.extend($0, $1[u], base: n) }
            guard let teams = tables[u].teams[code] else { continue }
            for k in 0..<T {
                for id in teams[k] { placements[k].append((id, s.units[best.next[k][u]].id)) }
            }
        }
        return PeopleBruteForce.Optimum(objective: best.cost, placements: placements)
    }

    /// Every successor array (`next[u]`: the site of u's team) that rule 6 allows: a single
    /// cycle through every unit for `ring`, cycles of at least `minCycle` units for `cycles`.
    static func structures(_ s: Scenario) -> [[Int]] {
        let n = s.units.count
        var out: [[Int]] = []
        forEachPermutation(of: n) { next in
            var seen = Array(repeating: false, count: n)
            var lengths: [Int] = []
            for start in 0..<n where !seen[start] {
                var length = 0
                var u = start
                while !seen[u] {
                    seen[u] = true
                    length += 1
                    u = next[u]
                }
                lengths.append(length)
            }
            let holds = s.rules.structure == .ring ? lengths == [n] : lengths.allSatisfy { $0 >= max(2, s.rules.minCycle) }
            if holds { out.append(next) }
        }
        return out
    }
}

/// One unit's cheapest staffing of every sequence of sites it can staff, and of every prefix
/// of one (the least cost of any staffed sequence that starts with it), by sequence code.
private struct UnitTable {
    /// Sequence or prefix code → the least cost of a staffed sequence starting with it.
    var cheapest: [Int: Double] = [:]
    /// Full sequence code → the cheapest teams, per term (person ids).
    var teams: [Int: [[String]]] = [:]

    /// The code of `prefix` followed by site `v` (digits v + 1, so a prefix differs from
    /// every longer sequence).
    static func extend(_ prefix: Int, _ v: Int, base n: Int) -> Int { prefix * (n + 1) + v + 1 }

    /// The table of unit `u` of `scenario`, enumerated over a copy of the scenario that has
    /// only u's people (the others share no rule with them), which keeps each check short.
    init(_ scenario: Scenario, unit u: Int) {
        var s = scenario
        s.people = scenario.people.filter { $0.unit == scenario.units[u].id }
        let e = Enumeration(s)
        let mine = Array(s.people.indices)
        let n = s.units.count
        var choice: [[Int]] = []
        var codes: [Int] = [0]
        var table: [Int: Double] = [:]
        var teams: [Int: [[String]]] = [:]
        func leaf() {
            guard e.keepsTheRulesAcrossTerms(choice), keepsTheUnitRules(e, u, mine, choice) else { return }
            let cost = e.cost(choice)
            let code = codes[codes.count - 1]
            if cost < (table[code] ?? .infinity) {
                table[code] = cost
                teams[code] = choice.map { sites in mine.filter { sites[$0] >= 0 }.map { s.people[$0].id } }
            }
        }
        func term(_ k: Int) {
            if k > e.terms { return leaf() }
            for v in 0..<n where v != u {
                let willing = mine.filter { e.options[$0].contains(v) }
                for team in subsets(willing, size: e.need(v)) {
                    var sites = Array(repeating: -1, count: s.people.count)
                    for p in team { sites[p] = v }
                    guard mine.allSatisfy({ e.allowed($0, sites[$0], term: k, after: choice) }) else { continue }
                    choice.append(sites)
                    codes.append(Self.extend(codes[codes.count - 1], v, base: n))
                    term(k + 1)
                    codes.removeLast()
                    choice.removeLast()
                }
            }
        }
        term(1)
        // Every prefix's least completion.
        for (code, cost) in table {
            var c = code / (n + 1)
            while c > 0 {
                table[c] = min(table[c] ?? .infinity, cost)
                c /= n + 1
            }
        }
        cheapest = table
        self.teams = teams
    }
}

/// Rules 8 and 9 for unit `u`'s people over the whole plan: qualified people kept at home in
/// every term (the unit places a team in each), and pins of the unit or of its people.
private func keepsTheUnitRules(_ e: Enumeration, _ u: Int, _ mine: [Int], _ choice: [[Int]]) -> Bool {
    let s = e.s
    for (i, sites) in choice.enumerated() {
        let home = mine.filter { s.people[$0].qualified && sites[$0] < 0 }.count
        if home < s.rules.keepAtHome { return false }
        for pin in s.pins where pin.term == i + 1 {
            let held: Bool
            switch pin.subject {
            case .unit(let id):
                guard id == s.units[u].id else { continue }
                held = mine.contains { sites[$0] >= 0 && s.units[sites[$0]].id == pin.site }
            case .person(let id):
                guard let p = mine.first(where: { s.people[$0].id == id }) else { continue }
                held = sites[p] >= 0 && s.units[sites[p]].id == pin.site
            }
            if !held { return false }
        }
    }
    return true
}

/// Every subset of `items` with `size` elements, in order.
private func subsets(_ items: [Int], size: Int) -> [[Int]] {
    guard size > 0 else { return [[]] }
    guard items.count >= size else { return [] }
    var out: [[Int]] = []
    for (i, x) in items.enumerated() {
        for rest in subsets(Array(items[(i + 1)...]), size: size - 1) { out.append([x] + rest) }
    }
    return out
}
