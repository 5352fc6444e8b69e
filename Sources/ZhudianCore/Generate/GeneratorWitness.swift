/// A roster for consecutive terms (history first, then the plan) that keeps every rule;
/// its existence proves the generated scenario feasible.
struct GeneratorWitness {
    /// Per term, enterprise index → the enterprise index of its team's site.
    var links: [[Int]] = []
    /// Per term, enterprise index → its team (person indices, ascending).
    var teams: [[[Int]]] = []
    /// Per term, person index → site enterprise index, nil when not placed.
    var siteOf: [[Int?]] = []
    let personCount: Int

    init(personCount: Int) { self.personCount = personCount }

    var termCount: Int { links.count }

    mutating func append(_ term: (links: [Int], teams: [[Int]]), enterprises n: Int) {
        var sites = [Int?](repeating: nil, count: personCount)
        for u in 0..<n { for p in term.teams[u] { sites[p] = term.links[u] } }
        links.append(term.links)
        teams.append(term.teams)
        siteOf.append(sites)
    }

    func linkUsed(_ u: Int, _ v: Int, before k: Int, window: Int) -> Bool {
        var j = max(0, k - window)
        while j < k {
            if links[j][u] == v { return true }
            j += 1
        }
        return false
    }

    func wasAt(_ p: Int, _ v: Int, before k: Int, window: Int) -> Bool {
        var j = max(0, k - window)
        while j < k {
            if siteOf[j][p] == v { return true }
            j += 1
        }
        return false
    }

    /// Sites `p` stayed at in the `window` terms before `k`, without repeats.
    func recentSites(_ p: Int, before k: Int, window: Int) -> [Int] {
        var result: [Int] = []
        var j = max(0, k - window)
        while j < k {
            if let v = siteOf[j][p], !result.contains(v) { result.append(v) }
            j += 1
        }
        return result
    }

    /// The last term before `k` in which `p` served, −1 when never.
    func lastServed(_ p: Int, before k: Int) -> Int {
        var j = k - 1
        while j >= 0 {
            if siteOf[j][p] != nil { return j }
            j -= 1
        }
        return -1
    }

    /// Whether `p` may serve term `k` at a new site: rested enough, and not handing over
    /// elsewhere (the witness never stays on, so it never needs the staying-on exception).
    func mayServe(_ p: Int, term k: Int, rules: Rules, handover: Int) -> Bool {
        guard k > 0, siteOf[k - 1][p] != nil else { return true }
        if handover > 0 { return false }
        var run = 0
        var j = k - 1
        while j >= 0, siteOf[j][p] != nil {
            run += 1
            j -= 1
        }
        return run < rules.maxConsecutiveTerms
    }
}
