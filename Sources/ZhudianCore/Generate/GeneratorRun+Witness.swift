/// The witness: a roster term by term that keeps every rule (see ``ScenarioGenerator``).
extension GeneratorRun {
    /// Minimum staff of enterprise `v` as a site.
    func staff(_ v: Int) -> Int { units[v].minStaff ?? rules.minStaff }

    func sameGroup(_ u: Int, _ v: Int) -> Bool {
        guard let g = groupOf[u], let h = groupOf[v] else { return false }
        return g == h
    }

    mutating func buildWitness() -> GeneratorWitness {
        let total = historyCount + terms
        var best = GeneratorWitness(personCount: people.count)
        for _ in 0..<6 {
            var w = GeneratorWitness(personCount: people.count)
            while w.termCount < total, let t = nextTerm(w) { w.append(t, enterprises: n) }
            if w.termCount == total { return w }
            if w.termCount > best.termCount { best = w }
        }
        return best
    }

    /// The next witness term after `w`'s terms: links and teams, or nil when none is found.
    mutating func nextTerm(_ w: GeneratorWitness) -> (links: [Int], teams: [[Int]])? {
        guard let succ = links(after: w) else { return nil }
        let k = w.termCount
        var teams: [[Int]] = []
        for u in 0..<n { teams.append(team(w, term: k, unit: u, site: succ[u])) }
        return (succ, teams)
    }

    /// Links for the term after `w`'s terms, each backed by enough rested, eligible people.
    mutating func links(after w: GeneratorWitness) -> [Int]? {
        let k = w.termCount
        let qualified = (0..<n).map { u in unitPeople[u].filter { people[$0].qualified } }
        // People rested enough to serve term k.
        let pool = qualified.map { list in
            list.filter { w.mayServe($0, term: k, rules: rules, handover: calendar.handoverDays) }
        }
        var allowed = Array(repeating: Array(repeating: false, count: n), count: n)
        // Pool members barred from each site by personCooldown, counted per unit in O(pool)
        // rather than per (unit, site) pair, which matters with thousands of enterprises.
        var barred = Array(repeating: 0, count: n)
        for u in 0..<n {
            var touched: [Int] = []
            for p in pool[u] {
                for v in w.recentSites(p, before: k, window: rules.personCooldown) {
                    if barred[v] == 0 { touched.append(v) }
                    barred[v] += 1
                }
            }
            for v in 0..<n where u != v && !sameGroup(u, v) && !w.linkUsed(u, v, before: k, window: rules.pairCooldown)
            {
                let s = staff(v)
                allowed[u][v] = qualified[u].count - s >= rules.keepAtHome && pool[u].count - barred[v] >= s
            }
            for v in touched { barred[v] = 0 }
        }
        let single = structure == .ring
        // Under free, cycles of 3 or more keep `mutualPairs: forbid`.
        let minLength = single ? n : (structure == .free ? max(3, rules.minCycle) : rules.minCycle)
        for _ in 0..<10 {
            let search = CycleSearch(allowed: allowed, minLength: minLength, single: single, budget: 20 * n + 20_000)
            if let succ = search.run(&rng) { return succ }
        }
        return nil
    }
}
