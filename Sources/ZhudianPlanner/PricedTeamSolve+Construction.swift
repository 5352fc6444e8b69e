import Foundation
import MIPModel
import ZhudianCore

/// Stage 2a of ``PricedTeamSolve``: a first roster built link by link from the LP point.
extension PricedTeamSolve {
    /// A roster from ``LinkConstruction`` (term by term, keeping the pair cooldown), staffed
    /// by a MIP over exactly those links; nil when either step fails.
    ///
    /// `early` (stage 0, before any simplex LP): Hall's counting first, and the staffing MIP
    /// without MIR cuts and with up to half the time left (measured at 3000 enterprises × 2
    /// terms: the strict counting found no second term, and the staffing MIP did not end
    /// in a quarter of the time with MIR cuts).
    func constructedRoster(
        _ point: [Double], _ lpModel: BuiltModel, _ pool: [CutSet], _ duals: Duals, early: Bool = false,
        bound L: Double? = nil
    ) throws -> (built: BuiltModel, values: [Double], objective: Double)? {
        try constructedRosters(point, lpModel, pool, duals, early: early, bound: L)
            .min { $0.objective < $1.objective }
    }

    /// Every staffed roster the construction built (one per term order that staffed, for the
    /// first way of counting people that gave any; every way for elastic models).
    func constructedRosters(
        _ point: [Double], _ lpModel: BuiltModel, _ pool: [CutSet], _ duals: Duals, early: Bool = false,
        bound L: Double? = nil
    ) throws -> [(built: BuiltModel, values: [Double], objective: Double)] {
        // With more terms, how strictly people are counted decides whether the links can be
        // staffed, and no one way worked on every scenario tried: strictest first.
        let ways: [PeopleCounting] = basis.ctx.terms < 2 ? [.none] : early ? [.hall, .none] : [.strict, .hall, .none]
        let T = basis.ctx.terms
        // Terms first to last; for cycles after the LP rounds, with more terms, also last to
        // first: the first term built takes the cheapest links and the others make do with
        // what is left, so the two orders end on different rosters (cycles 300 × 2: 36 133.87
        // and 36 118.75, and GLPK found neither better in 17 s). Not for rings: GLPK's support
        // MIP mends a two-term ring quickly, and a ring's search costs more (BENCHMARKS.md,
        // "Two terms, eighth round").
        let reorder = T >= 2 && !early && basis.ctx.scenario.rules.structure == .cycles
        var orders = reorder ? [Array(1...T), Array((1...T).reversed())] : [Array(1...T)]
        // Three terms or more, rings too: also the middle term first. Built first, it takes
        // its cheapest links; the outer terms then count their people against it, where term
        // by term the middle term found no staffable links (ring 30 × 3, cycles 50 × 3).
        if T >= 3 && !early { orders += Self.middleFirstOrders(T) }
        var all: [(built: BuiltModel, values: [Double], objective: Double)] = []
        for way in ways {
            var found = false
            for terms in orders {
                // A roster within the support MIP's gap of the LP bound: another order cannot gain.
                if let L, all.contains(where: { Self.withinSupportGap($0.objective, L: L) }) { break }
                guard
                    let roster = try constructedRoster(
                        point, lpModel, pool, duals, counting: way, early: early, terms: terms, converged: L != nil)
                else { continue }
                found = true
                all.append(roster)
                if shouldStop() || secondsLeft().map({ $0 <= 0.01 }) == true { return all }
            }
            // An elastic construction leaves out what its counting cannot staff, and a
            // stricter counting leaves out more: each way is tried, the cheapest wins.
            // Three terms or more: the strict counting's rosters and Hall's, the cheapest wins.
            // Once pins were kept the strict counting staffed where only Hall's had, and its
            // rosters were dearer at 2 s on the sweep's three-term rings and cycles (cycles
            // 26 × 3: 6 003.04 against 5 929.38; docs/FORMULATION.md, "Ring and cycles over
            // three terms: pinned links, fifteenth round").
            if found && !basis.elastic && (T < 3 || way != .strict) { break }
            if shouldStop() || secondsLeft().map({ $0 <= 0.01 }) == true { break }
        }
        return all
    }

    /// How a term's construction counts the people earlier terms' teams take.
    enum PeopleCounting {
        /// The previous term's team is subtracted from this term's placeable people.
        case strict
        /// People placeable in either of two terms in a row must cover both teams.
        case hall
        /// Only this term's own placeable people count.
        case none
    }

    func constructedRoster(
        _ point: [Double], _ lpModel: BuiltModel, _ pool: [CutSet], _ duals: Duals, counting: PeopleCounting,
        early: Bool, terms: [Int], converged: Bool = false
    ) throws -> (built: BuiltModel, values: [Double], objective: Double)? {
        guard let rows = lpModel.teamRows else { return nil }
        // A local copy, so the functions below capture no `self` and can run on two threads.
        let basis = self.basis
        let ctx = basis.ctx
        let rules = basis.ctx.scenario.rules
        let minCycle: Int? = rules.structure == .ring ? nil : rules.minCycle
        let T = basis.ctx.terms
        let n = basis.ents.count
        var chosen: [[Set<Int>]] = Array(repeating: Array(repeating: [], count: n), count: T + 1)
        var used: [[Int]] = Array(repeating: [], count: T + 1)
        // Term by term, the people a team takes are counted (`counting`): nobody serves two
        // terms in a row when handovers overlap or maxConsecutiveTerms is 1, and keepAtHome
        // stays home. Counts only (no person is chosen here), so the staffing MIP may fail.
        let consecutiveBarred = basis.ctx.scenario.calendar.handoverDays > 0 || rules.maxConsecutiveTerms <= 1
        let conflicts = TermConflicts(consecutiveBarred: consecutiveBarred, personCooldown: rules.personCooldown)
        // Pinned links (rule 9): a cover that gives a pinned sender or site another link
        // cannot be staffed (``PinnedLinks``).
        let pinned = PinnedLinks(basis)
        let homeLimit: [Int?] = basis.ents.map { u in
            rules.requireQualified ? ctx.qualifiedCount(u) - rules.keepAtHome : nil
        }
        // People of enterprise `u` who may serve at `v` in term `k` (placeable, not barred).
        @Sendable func free(_ u: Int, _ v: Int, _ k: Int) -> [Int] {
            ctx.index.peopleOfUnit[u].filter { basis.placeable[$0][k] && !basis.personBanned($0, v, k) }
        }
        // `terms`: the order in which terms are built (each one counted against those built).
        for k in terms {
            let earlier = used
            // The built terms the pair cooldown reaches from this one.
            let cooled = (max(1, k - rules.pairCooldown)...min(T, k + rules.pairCooldown)).filter {
                $0 != k && !earlier[$0].isEmpty
            }
            @Sendable func staffable(_ i: Int, _ j: Int) -> Bool {
                let v = basis.ents[j]
                let need = ctx.minStaff(v)
                guard basis.placeableCount[i][k] - (basis.bannedCount[i][k][v] ?? 0) >= need,
                    need <= homeLimit[i] ?? need
                else { return false }
                guard counting != .none else { return true }
                // This enterprise's teams of the built terms (none where an elastic model left
                // it out), and the sets of them that must be disjoint from this team and from
                // each other: the terms next to this one, and one two terms away at this site.
                let built = (1...T).compactMap { m -> (term: Int, site: Int)? in
                    m != k && !earlier[m].isEmpty && earlier[m][i] >= 0 ? (m, basis.ents[earlier[m][i]]) : nil
                }
                let sets = conflicts.cliques(term: k, site: v, built: built)
                guard !sets.isEmpty else { return true }
                // Disjoint teams need that many different people (Hall's condition).
                let u = basis.ents[i]
                let now = free(u, v, k)
                return sets.allSatisfy { set in
                    let before = set.reduce(0) { $0 + ctx.minStaff($1.site) }
                    switch counting {
                    case .strict:
                        return now.count - before >= need
                    case .hall:
                        let union = set.reduce(into: Set(now)) { $0.formUnion(free(u, $1.site, $1.term)) }
                        return union.count >= need + before
                    case .none:
                        return true
                    }
                }
            }
            // What a link adds to a roster's cost, up to terms every cover pays alike (each
            // enterprise sends once and receives once): its own cost plus its team at the
            // LP's price of one more person from the sending enterprise.
            @Sendable func arcWeight(_ i: Int, _ j: Int) -> Double {
                let v = basis.ents[j]
                return basis.cost(basis.ents[i], v) + Double(ctx.minStaff(v)) * duals.team[k][i]
            }
            @Sendable func usable(_ i: Int, _ j: Int) -> Bool {
                i != j && pinned.allows(i, j, term: k) && basis.possible(basis.ents[i], basis.ents[j], k)
                    && staffable(i, j) && !cooled.contains(where: { earlier[$0][i] == j })
            }
            // An elastic model leaves out the enterprises no cover can hold this term (their
            // slacks relax them): the construction covers the others.
            let members = basis.elastic ? Self.coverable(n, usable) : Array(0..<n)
            let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            var arcs: [LinkConstruction.Arc] = []
            for l in rows.links where l.term == k {
                let j = basis.node[l.site]
                if cooled.contains(where: { used[$0][l.node] == j }) || !pinned.allows(l.node, j, term: k) { continue }
                guard staffable(l.node, j), let a = position[l.node], let b = position[j] else { continue }
                arcs.append(
                    LinkConstruction.Arc(
                        from: a, to: b, weight: arcWeight(l.node, j),
                        value: point[l.variable.index]))
            }
            // Two greedy orders, each searched; the lighter wins (which one does is not known
            // before the search: at 300 enterprises the heavier start ended lighter).
            let termArcs = arcs
            @Sendable func construction(byValue: Bool, chains: Bool, kicks: Int) -> LinkConstruction {
                var construction = LinkConstruction(nodes: members.count, minCycle: minCycle, arcs: termArcs)
                construction.byValue = byValue
                construction.chains = chains
                construction.kicks = kicks
                construction.other = { a, b in
                    // Any possible link.
                    let (i, j) = (members[a], members[b])
                    return usable(i, j) ? arcWeight(i, j) : nil
                }
                return construction
            }
            @Sendable func full(_ succ: [Int]) -> [Int] {
                var full = Array(repeating: -1, count: n)
                for (a, b) in succ.enumerated() { full[members[a]] = members[b] }
                return full
            }
            @Sendable func construct(byValue: Bool, chains: Bool, kicks: Int) -> [Int]? {
                construction(byValue: byValue, chains: chains, kicks: kicks).build()
            }
            func weight(_ succ: [Int]) -> Double {
                (0..<n).reduce(0.0) { $0 + (succ[$1] >= 0 ? arcWeight($1, succ[$1]) : 0) }
            }
            let kicks = minCycle == nil ? Self.ringKicks(n, terms: T, converged: converged) : Self.cycleKicks(n)
            // The searches are independent and each deterministic: on two threads the result
            // is the same, in half the wall time (ring 100 × 2: 2 × 0.17 s). A one-term ring is
            // searched with and without Lin–Kernighan-type chains: which ends lighter is not
            // known before (docs/FORMULATION.md, "Rings against LKH-3", sixteenth round), and the
            // searches without them come first, so a tie keeps their ring. Not over two terms:
            // there a lighter ring by these weights staffed dearer (ring 1000 × 2: 115 065.47
            // against 115 020.30).
            let chained = minCycle == nil && T == 1
            let searches = [(true, false), (false, false)] + (chained ? [(true, true), (false, true)] : [])
            let found = Slots<[Int]>(count: searches.count)
            DispatchQueue.concurrentPerform(iterations: searches.count) { i in
                found.set(i, construct(byValue: searches[i].0, chains: searches[i].1, kicks: kicks))
            }
            let rings = found.values.compactMap { $0 }
            var best = rings.map(full).min { weight($0) < weight($1) }
            // A one-term ring: the rings combined by a partition crossover, then one more
            // descent (docs/FORMULATION.md, "Rings against LKH-3", the partition crossover, sixteenth
            // round): never heavier than the lightest ring, which is kept where nothing combines.
            if chained, let lightest = best,
                let child = RingCrossover.combineAll(rings, { arcWeight(members[$0], members[$1]) })
            {
                let descended = full(construction(byValue: true, chains: true, kicks: 0).descendRing(child))
                note("pricing: rings combined for term \(k): \(weight(lightest)) -> \(weight(full(child))), after a descent \(weight(descended))")
                if weight(descended) < weight(lightest) - 1e-9 { best = descended }
            }
            guard let succ = best else {
                note("pricing: no links constructed for term \(k) (people counted \(counting), terms \(terms))")
                return nil
            }
            used[k] = succ
            for i in 0..<n where succ[i] >= 0 { chosen[k][i].insert(basis.ents[succ[i]]) }
        }
        seedSelection(&chosen, nearest: 0)
        let fixed = try TeamFormulation.build(basis, options: options, links: selection(chosen), pool: pool)
        let hooks = SolveHooks(
            separator: fixed.cycleCuts.isEmpty ? nil : { point, _ in fixed.separate(point) },
            shouldStop: options.shouldStop)
        var staffing = SolveOptions(timeLimit: secondsLeft().map { early ? $0 / 2 : $0 / 4 })
        if early { staffing.cuts.mir = false }
        let result = try staff(fixed, links: used, options: staffing, hooks: hooks)
        note("pricing: constructed links (people counted \(counting), terms \(terms)) staffed: \(result.termination), objective \(result.objective ?? .nan), \(seconds(result.seconds)) s")
        try Self.surfaceFailure(result)
        guard let values = result.values, let objective = result.objective else { return nil }
        return (fixed, values, objective)
    }

    /// The nodes a cover of one term can hold: repeatedly drops every node with no usable
    /// arc out to, or in from, the nodes left. Ascending.
    ///
    /// - Complexity: O(n² · rounds), each round one pass over every pair.
    static func coverable(_ n: Int, _ usable: (Int, Int) -> Bool) -> [Int] {
        var alive = Array(repeating: true, count: n)
        var changed = true
        while changed {
            changed = false
            for i in 0..<n where alive[i] {
                let out = (0..<n).contains { alive[$0] && usable(i, $0) }
                let into = out && (0..<n).contains { alive[$0] && usable($0, i) }
                if !into {
                    alive[i] = false
                    changed = true
                }
            }
        }
        return (0..<n).filter { alive[$0] }
    }

    /// The middle term first, then outwards one term at a time, once leaning to the earlier
    /// side and once to the later (for 3 terms: [2, 1, 3] and [2, 3, 1]).
    static func middleFirstOrders(_ T: Int) -> [[Int]] {
        let mid = (T + 1) / 2
        return [-1, 1].map { lean in
            var order = [mid]
            for step in 1..<T {
                for side in [lean, -lean] where (1...T).contains(mid + side * step) { order.append(mid + side * step) }
            }
            return order
        }
    }

    /// Iterated local search for a constructed ring, per greedy order: a kick costs about
    /// 0.2 ms (its 2-opt walks runs of up to 50 nodes), so about 4 s in all at 1000
    /// enterprises and more.
    ///
    /// A quarter of that for a ring of two terms after converged LP rounds: the support MIP
    /// then searches the links of least reduced cost from the ring, and the ring is only its
    /// start. Ring 100 × 2 and 50 × 2 built the same rosters with 5·n kicks as with 20·n
    /// (construction 0.36 → 0.11 s on ring 100 × 2). Not without convergence: ring 300 × 2,
    /// whose rounds stop at half time, built 32 607.91 with 5·n against 32 572.17, and its
    /// support MIP found nothing better (BENCHMARKS.md, "Two-term rings, ninth round").
    /// Nor above ``fewKicksNodes`` enterprises: once ring 300 × 2's rounds converged
    /// (fifteenth round), 5·n kicks built 32 583.02 from the same LP point where 20·n built
    /// 32 572.17, and the support MIP found nothing better in 3.6 s.
    static func ringKicks(_ n: Int, terms: Int = 1, converged: Bool = false) -> Int {
        min((terms == 2 && converged && n <= fewKicksNodes ? 5 : 20) * n, 10_000)
    }

    /// The largest two-term ring measured to build the same roster with 5·n kicks as with 20·n.
    static let fewKicksNodes = 100

    /// Kicks for constructed cycles, cheaper than a ring's (no run is reversed): at 1000
    /// enterprises 3000 kicks took 0.2 s and reached what 100 000 did.
    static func cycleKicks(_ n: Int) -> Int { min(3 * n, 20_000) }
}
