import MIPModel
import ZhudianCore

/// Solves the teams model over a small set of links and proves, with LP duals, that no
/// link left out could improve the roster (docs/FORMULATION.md, "Candidate links and
/// pricing").
///
/// 1. **Column generation.** Start from each enterprise's nearest possible sites; solve
///    the LP relaxation; add the subtour rows it violates (ring, short cycles) and every
///    left-out link with a negative reduced cost; repeat until neither exists. The LP value
///    `L` is then the relaxation bound of the *full* model, and each left-out link's reduced
///    cost `d ≥ 0` says any roster using it costs at least `L + d`.
/// 2. **Branch and cut** on the selected links, with the subtour rows found as ordinary rows.
/// 3. **Proof.** With the roster's cost `Z`, every left-out link with `L + d < Z` joins and
///    the MIP is solved again from that roster; when none is left, `Z` is optimal for the
///    full model. A limit that stops the search first leaves the honest bound
///    `min(MIP bound, L + min d)`.
///
/// Why: the full model has a link column per pair of enterprises and term (9 million at
/// 3000 enterprises); the optimum uses near links almost only.
struct PricedTeamSolve {
    let solver: any MIPSolver
    let basis: TeamBasis
    let options: PlanOptions
    let deadline: ContinuousClock.Instant?
    /// Placements whose links every selection starts with (an earlier solve's roster).
    var seed: [Placement] = []

    /// Stage lines for the log (with ``PlanOptions/captureLog``).
    private let stages = StageLog()
    /// When the priced solve began: stage lines say how far in they are.
    private let began = ContinuousClock.now

    /// Links each enterprise starts with, per term: its nearest possible sites.
    static let initialLinks = 8
    /// At most this many priced links join per enterprise, term and round.
    static let linksPerRound = 4

    /// Every site each enterprise may ever be linked to (unit-level rules), nearest first,
    /// ties by index, with the link's cost; indexed by node.
    private let universe: [[(site: Int, cost: Double)]]
    /// For each site (by node), the enterprises that may ever send to it, nearest first.
    private let senders: [[Int]]

    init(solver: any MIPSolver, basis: TeamBasis, options: PlanOptions, deadline: ContinuousClock.Instant?) {
        self.solver = solver
        self.basis = basis
        self.options = options
        self.deadline = deadline
        let ctx = basis.ctx
        universe = basis.ents.map { u in
            basis.ents.compactMap { v -> (site: Int, cost: Double, km: Double)? in
                guard ctx.linkAllowed(u, v) == nil else { return nil }
                return (v, basis.cost(u, v), ctx.km(u, v))
            }
            .sorted { ($0.km, $0.site) < ($1.km, $1.site) }
            .map { ($0.site, $0.cost) }
        }
        var near = Array(repeating: [(node: Int, km: Double)](), count: basis.ents.count)
        for (i, u) in basis.ents.enumerated() {
            for l in universe[i] { near[basis.node[l.site]].append((i, ctx.km(u, l.site))) }
        }
        senders = near.map { $0.sorted { ($0.km, $0.node) < ($1.km, $1.node) }.map(\.node) }
    }

    /// Whether pricing pays: the full model would have many more links than the selection.
    static func worthwhile(_ basis: TeamBasis) -> Bool {
        basis.ents.count > 3 * initialLinks
    }

    /// The outcome, in the form the planner assembles parts from; nil when the search must
    /// fall back to the full model (the selected links admit no roster).
    /// A model error is a bug: it ends the part as ``TerminationReason/failed(_:)``, never as
    /// a silent fall back to the full model.
    func run() -> PartResult? {
        do {
            guard var result = try stagesRun() else { return nil }
            result.log = stages.lines + result.log
            return result
        } catch {
            return PartResult(termination: .failed("priced model: \(error)"))
        }
    }

    /// How the LP rounds ended.
    private enum RoundsOutcome {
        /// The rounds are over: the last LP and its model.
        case rounds(RelaxationResult, BuiltModel)
        /// The part ends here (nil: the full model decides).
        case finished(PartResult?)
    }

    private func stagesRun() throws -> PartResult? {
        let T = basis.ctx.terms
        let n = basis.ents.count
        // No link in any term, for each enterprise: the start of every selection.
        let noLinks: [[Set<Int>]] = Array(repeating: Array(repeating: [], count: n), count: T + 1)
        var selected = noLinks
        seedSelection(&selected, nearest: options.pricedLinks ?? Self.initialLinks)
        var pool: [CutSet] = []
        var poolSeen = Set<CutSet>()

        // 1. Column generation on the LP relaxation.
        var converged = true
        var grow = options.pricedLinks ?? Self.initialLinks
        // One LP problem for every round, grown in place between them; freed before the MIPs.
        let outcome = try solver.withRelaxations { relaxations throws -> RoundsOutcome in
            var lp: RelaxationResult
            var built: BuiltModel
            // Half the time left at most: a roster must still be found. Stopping early leaves
            // duals that do not price every left-out link above zero; the bound then charges
            // each enterprise and term its most negative reduced cost.
            let lpDeadline = deadline.map { ContinuousClock.now + (ContinuousClock.now.duration(to: $0)) / 2 }
            while true {
                let b = try TeamFormulation.build(basis, options: options, links: selection(selected), pool: pool)
                built = b
                note("pricing: model built, \(built.model.variableCount) columns")
                lp = relaxations.solve(built.model, options: SolveOptions(timeLimit: secondsLeft()))
                switch lp.status {
                case .optimal:
                    break
                case .infeasible:
                    // Too few links for any assignment: widen every enterprise's neighbourhood,
                    // or hand over to the full model once nothing is left out.
                    grow *= 2
                    if grow > n { return .finished(nil) }
                    seedSelection(&selected, nearest: grow)
                    continue
                case .timeLimit:
                    return .finished(PartResult(termination: .timeLimit))
                case .unbounded:
                    return .finished(PartResult(termination: .unbounded))
                case .failed(let why):
                    return .finished(PartResult(termination: .failed(why)))
                }
                note("pricing: LP \(built.model.variableCount) columns, \(built.model.constraintCount) rows, "
                    + "objective \(lp.objective ?? .nan), \(pool.count) cut rows, \(seconds(lp.seconds)) s")
                if shouldStop() { return .finished(PartResult(termination: .stopped)) }
                if let lpDeadline, ContinuousClock.now >= lpDeadline {
                    converged = false
                    note("pricing: LP rounds stopped at half the time left")
                    break
                }
                // Subtour rows the LP point breaks.
                var added = 0
                for (t, cuts) in built.cycleCuts.enumerated() {
                    for members in cuts.violatedSets(lp.values, minCuts: n <= Self.minCutNodes) {
                        let cut = CutSet(term: t + 1, members: members.sorted())
                        if poolSeen.insert(cut).inserted {
                            pool.append(cut)
                            added += 1
                        }
                    }
                }
                if let rows = built.teamRows {
                    for (t, b) in rows.blossoms.enumerated() {
                        for found in b.violated(lp.values) {
                            let cut = CutSet(term: t + 1, members: found.handle, teeth: found.teeth)
                            if poolSeen.insert(cut).inserted {
                                pool.append(cut)
                                added += 1
                            }
                        }
                    }
                }
                if added > 0 { continue }
                // Left-out links with negative reduced cost.
                // TeamFormulation.build always indexes its team rows.
                guard let rows = built.teamRows else { return .finished(nil) }
                let entering = price(
                    Duals(lp, rows: rows, pool: pool), selected, below: -Self.tolerance, perUnit: Self.linksPerRound)
                if entering.isEmpty { break }
                for e in entering { selected[e.term][e.node].insert(e.site) }
            }
            return .rounds(lp, built)
        }
        let lp: RelaxationResult
        var built: BuiltModel
        switch outcome {
        case .finished(let result): return result
        case .rounds(let l, let b): (lp, built) = (l, b)
        }
        guard let L = lp.objective, let rows = built.teamRows else { return nil }
        let duals = Duals(lp, rows: rows, pool: pool)
        // The last LP's optimal basis starts each MIP's root LP (moved by names): over a
        // selection that keeps its basic links it is optimal at once, before new rows.
        let lpStart = lp.basis.map { (model: built.model, basis: $0) }
        func rootStart(_ model: Model) -> Basis? { lpStart.map { $0.basis.restricted(from: $0.model, to: model) } }
        // Without convergence: every roster costs at least L plus, per enterprise and term,
        // the most negative reduced cost among its left-out links (it sends one team).
        let unconvergedFloor = converged
            ? -Double.infinity
            : L + price(duals, selected, below: 0, perUnit: 1).reduce(0) { $0 + $1.reducedCost }

        // A first roster from the links the LP uses; then only links that could take part in
        // a better roster stay: any roster using a link of reduced cost d costs ≥ L + d.
        var warm: (model: Model, values: [Double])?
        let constructed = try constructedRoster(lp, built, pool, duals)
        if converged, let c = constructed, let report = options.progress {
            // A first roster is progress: the caller may have all it needs (ElasticSolve).
            report(SolveProgress(
                incumbent: c.objective, bound: L, gap: SolveResult.relativeGap(objective: c.objective, bound: L),
                nodes: 0, elapsed: (ContinuousClock.now - began).seconds))
        }
        if converged, let c = constructed, let done = Self.provenByBound(c, L: L, gap: options.relativeGap) {
            // No roster costs less than the LP bound of the full model: nothing left to search
            // (a what-if's repaired baseline often meets it).
            note("pricing: first roster \(c.objective) meets the LP bound \(L): optimal")
            return done
        }
        // With converged duals the links of least reduced cost are where better rosters
        // are (a roster's cost is at least L + the sum of its links' reduced costs).
        // Without a first roster, GLPK needs room to find one: the LP's support and nearest
        // sites (the city example found none in 28 s in the reduced-cost neighbourhood).
        let neighbourhood = converged && constructed != nil
            ? Self.cheapest(
                price(duals, noLinks, below: Self.neighbourhoodGap(L), perUnit: Int.max),
                count: Self.neighbourhoodLinks * n * T)
            : nil
        // GLPK's branching rarely finds a better one-term ring than the constructed one (none
        // in 20 s at 100, 300 or 1000 enterprises): that time goes to the final search instead.
        // With two terms or more it does: the term-by-term construction left ring 100 × 2 at
        // 0.33 % above the optimum, the short MIP at 0.006 % in 0.3 s (BENCHMARKS.md, "Rings").
        let oneTermRing = basis.ctx.scenario.rules.structure == .ring && basis.ctx.terms == 1
        // A constructed roster within the support MIP's own gap of L is all it could return.
        let closeEnough = constructed.map { Self.withinSupportGap($0.objective, L: L) } ?? false
        if closeEnough { note("pricing: constructed roster within \(Self.supportGap) of the LP bound: no support MIP") }
        let improved = (oneTermRing && constructed != nil) || closeEnough
            ? nil
            : try supportRoster(lp.values, built, pool, start: constructed, neighbourhood: neighbourhood, rootStart: rootStart)
        if let first = [constructed, improved].compactMap({ $0 }).min(by: { $0.objective < $1.objective }) {
            let limit = first.objective - L + Self.tolerance * max(1, abs(first.objective))
            let kept = converged ? price(duals, noLinks, below: limit, perUnit: Int.max) : []
            let current = selected.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
            note("pricing: first roster \(first.objective) (LP bound \(L)); \(kept.count) links could beat it")
            var next: [[Set<Int>]]
            if converged {
                // Every link that could take part in a better roster, when they are at most
                // twice the selection (one MIP then proves it); otherwise only the selected
                // ones among them, and the proof rounds add left-out ones below the optimum.
                let all = kept.count <= 2 * current
                next = noLinks
                for e in kept where all || selected[e.term][e.node].contains(e.site) {
                    next[e.term][e.node].insert(e.site)
                }
                seedSelection(&next, nearest: 0)
            } else {
                next = selected
            }
            // The first roster's links, so that it is a point of the next model.
            if let rows = first.built.teamRows {
                for l in rows.links where first.values[l.variable.index] > 0.5 { next[l.term][l.node].insert(l.site) }
            }
            selected = next
            warm = (first.built.model, first.values)
            let b = try TeamFormulation.build(basis, options: options, links: selection(selected), pool: pool)
            built = b
        }

        // Branch and cut on the selection, then the proof.
        while true {
            if built.model.variableCount == 0 || built.teamRows == nil { return nil }
            var hooks = SolveHooks(
                separator: built.cycleCuts.isEmpty ? nil : { [built] point, _ in built.separate(point) },
                progress: nil, shouldStop: options.shouldStop)
            if let warm { hooks.initialSolution = Self.transfer(warm.values, from: warm.model, to: built.model) }
            hooks.initialBasis = rootStart(built.model)
            let excludedFloor = converged
                ? Self.floor(price(duals, selected, below: .infinity, perUnit: 1), L) : unconvergedFloor
            if let report = options.progress {
                hooks.progress = { p in
                    var p = p
                    if let b = p.bound { p = Self.capped(p, bound: min(b, excludedFloor)) }
                    report(p)
                }
            }
            var mipOptions = SolveOptions(
                timeLimit: secondsLeft(), relativeGap: options.relativeGap, captureLog: options.captureLog)
            // Measured on the selected-links model (BENCHMARKS.md): no MIR cuts; and, since the
            // blossom rows, no Gomory cuts either (GLPK makes them at every node, one simplex
            // tableau row each: 300 enterprises, 2 terms, proven in 26 s instead of 41 s).
            mipOptions.cuts.gomory = false
            mipOptions.cuts.mir = false
            mipOptions.branchingCandidates = Self.branchingCandidates
            let result = solver.solve(built.model, options: mipOptions, hooks: hooks)
            var out = PartResult(termination: result.termination)
            out.priced = true
            note("pricing: MIP \(built.model.variableCount) columns: \(result.termination), objective "
                + "\(result.objective ?? .nan), bound \(result.bestBound ?? .nan), \(seconds(result.seconds)) s")
            out.log = result.log
            out.model = built.model
            guard let values = result.values, let Z = result.objective else {
                // No roster over the selected links: the full model decides (deliberate).
                if result.termination == .infeasible { return nil }
                // Stopped before GLPK took up the first roster: it is still a roster, if it
                // keeps every row of this model, lazy ones included.
                if let start = hooks.initialSolution, built.model.violations(at: start).isEmpty,
                    built.separate(start).isEmpty
                {
                    let z = built.model.objectiveValue(at: start)
                    out.values = start
                    out.placements = built.decode(start)
                    out.objective = z
                    out.bound = min(z, min(result.bestBound ?? L, excludedFloor))
                }
                return out
            }
            out.values = values
            out.placements = built.decode(values)
            out.objective = Z
            let finished = converged && (result.termination == .optimal || result.termination == .gapLimit)
            let threshold = Z - L - Self.tolerance * max(1, abs(Z))
            let entering = finished ? price(duals, selected, below: threshold, perUnit: Int.max) : []
            if finished, entering.isEmpty {
                out.bound = result.termination == .optimal ? Z : min(result.bestBound ?? L, excludedFloor)
                return out
            }
            if !finished || shouldStop() || secondsLeft().map({ $0 <= 0.01 }) == true {
                // Without a bound from this search (stopped before its first LP), the LP
                // relaxation's L still bounds every roster over the selected links.
                let b = min(result.bestBound ?? L, excludedFloor)
                out.bound = min(b, Z)
                if result.termination == .optimal { out.termination = .timeLimit }
                return out
            }
            for e in entering { selected[e.term][e.node].insert(e.site) }
            warm = (built.model, values)
            let b = try TeamFormulation.build(basis, options: options, links: selection(selected), pool: pool)
            built = b
        }
    }

    /// A roster from ``LinkConstruction`` (term by term, keeping the pair cooldown), staffed
    /// by a MIP over exactly those links; nil when either step fails.
    private func constructedRoster(
        _ lp: RelaxationResult, _ lpModel: BuiltModel, _ pool: [CutSet], _ duals: Duals
    ) throws -> (built: BuiltModel, values: [Double], objective: Double)? {
        // With more terms, how strictly people are counted decides whether the links can be
        // staffed, and no one way worked on every scenario tried: strictest first.
        let ways: [PeopleCounting] = basis.ctx.terms >= 2 ? [.strict, .hall, .none] : [.none]
        var best: (built: BuiltModel, values: [Double], objective: Double)?
        for way in ways {
            if let found = try constructedRoster(lp, lpModel, pool, duals, counting: way),
                found.objective < best?.objective ?? .infinity
            {
                best = found
                // An elastic construction leaves out what its counting cannot staff, and a
                // stricter counting leaves out more: each way is tried, the cheapest wins.
                if !basis.elastic { break }
            }
            if shouldStop() || secondsLeft().map({ $0 <= 0.01 }) == true { break }
        }
        return best
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

    private func constructedRoster(
        _ lp: RelaxationResult, _ lpModel: BuiltModel, _ pool: [CutSet], _ duals: Duals, counting: PeopleCounting
    ) throws -> (built: BuiltModel, values: [Double], objective: Double)? {
        guard let rows = lpModel.teamRows else { return nil }
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
        let homeLimit: [Int?] = basis.ents.map { u in
            rules.requireQualified ? ctx.qualifiedCount(u) - rules.keepAtHome : nil
        }
        // People of enterprise `u` who may serve at `v` in term `k` (placeable, not barred).
        func free(_ u: Int, _ v: Int, _ k: Int) -> [Int] {
            ctx.index.peopleOfUnit[u].filter { basis.placeable[$0][k] && !basis.personBanned($0, v, k) }
        }
        for k in 1...T {
            func staffable(_ i: Int, _ j: Int) -> Bool {
                let v = basis.ents[j]
                let need = ctx.minStaff(v)
                guard basis.placeableCount[i][k] - (basis.bannedCount[i][k][v] ?? 0) >= need,
                    need <= homeLimit[i] ?? need
                else { return false }
                guard consecutiveBarred, k >= 2, counting != .none else { return true }
                // Two teams in a row need that many different people (Hall's condition).
                let u = basis.ents[i]
                // Left out of the previous term (elastic models): no team to count.
                guard used[k - 1][i] >= 0 else { return true }
                let previous = basis.ents[used[k - 1][i]]
                let before = ctx.minStaff(previous)
                let now = free(u, v, k)
                switch counting {
                case .strict:
                    return now.count - before >= need
                case .hall:
                    return Set(now).union(free(u, previous, k - 1)).count >= need + before
                case .none:
                    return true
                }
            }
            // What a link adds to a roster's cost, up to terms every cover pays alike (each
            // enterprise sends once and receives once): its own cost plus its team at the
            // LP's price of one more person from the sending enterprise.
            func arcWeight(_ i: Int, _ j: Int) -> Double {
                let v = basis.ents[j]
                return basis.cost(basis.ents[i], v) + Double(ctx.minStaff(v)) * duals.team[k][i]
            }
            let earlier = used
            func usable(_ i: Int, _ j: Int) -> Bool {
                i != j && basis.possible(basis.ents[i], basis.ents[j], k) && staffable(i, j)
                    && !(max(1, k - rules.pairCooldown)..<k).contains(where: { earlier[$0][i] == j })
            }
            // An elastic model leaves out the enterprises no cover can hold this term (their
            // slacks relax them): the construction covers the others.
            let members = basis.elastic ? Self.coverable(n, usable) : Array(0..<n)
            let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            var arcs: [LinkConstruction.Arc] = []
            for l in rows.links where l.term == k {
                let j = basis.node[l.site]
                if (max(1, k - rules.pairCooldown)..<k).contains(where: { used[$0][l.node] == j }) { continue }
                guard staffable(l.node, j), let a = position[l.node], let b = position[j] else { continue }
                arcs.append(
                    LinkConstruction.Arc(
                        from: a, to: b, weight: arcWeight(l.node, j),
                        value: lp.values[l.variable.index]))
            }
            // Two greedy orders, each searched; the lighter wins (which one does is not known
            // before the search: at 300 enterprises the heavier start ended lighter).
            func construct(byValue: Bool, kicks: Int) -> [Int]? {
                var construction = LinkConstruction(nodes: members.count, minCycle: minCycle, arcs: arcs)
                construction.byValue = byValue
                construction.kicks = kicks
                construction.other = { a, b in
                    // Any possible link.
                    let (i, j) = (members[a], members[b])
                    return usable(i, j) ? arcWeight(i, j) : nil
                }
                guard let succ = construction.build() else { return nil }
                var full = Array(repeating: -1, count: n)
                for (a, b) in succ.enumerated() { full[members[a]] = members[b] }
                return full
            }
            func weight(_ succ: [Int]) -> Double {
                (0..<n).reduce(0.0) { $0 + (succ[$1] >= 0 ? arcWeight($1, succ[$1]) : 0) }
            }
            let kicks = minCycle == nil ? Self.ringKicks(n) : Self.cycleKicks(n)
            let best = [true, false].compactMap { construct(byValue: $0, kicks: kicks) }.min { weight($0) < weight($1) }
            guard let succ = best else {
                note("pricing: no links constructed for term \(k) (people counted \(counting))")
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
        let result = solver.solve(fixed.model, options: SolveOptions(timeLimit: secondsLeft().map { $0 / 4 }), hooks: hooks)
        note("pricing: constructed links (people counted \(counting)) staffed: \(result.termination), objective \(result.objective ?? .nan), \(seconds(result.seconds)) s")
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

    /// A roster found quickly: branch and cut over the links the LP solution uses plus
    /// `neighbourhood` (the links of least reduced cost) or, without one, each enterprise's
    /// nearest few; and `start`'s links, `start` offered as the incumbent. Stopped at a
    /// 0.01 % gap or a quarter of the time left (at most 20 s with a start).
    private func supportRoster(
        _ point: [Double], _ lpModel: BuiltModel, _ pool: [CutSet],
        start: (built: BuiltModel, values: [Double], objective: Double)?, neighbourhood: [Priced]?,
        rootStart: (Model) -> Basis?
    ) throws -> (built: BuiltModel, values: [Double], objective: Double)? {
        guard let rows = lpModel.teamRows else { return nil }
        let T = basis.ctx.terms
        var chosen: [[Set<Int>]] = Array(repeating: Array(repeating: [], count: basis.ents.count), count: T + 1)
        if let neighbourhood {
            for e in neighbourhood { chosen[e.term][e.node].insert(e.site) }
            seedSelection(&chosen, nearest: 0)
        } else {
            seedSelection(&chosen, nearest: Self.supportNearest)
        }
        for l in rows.links where point[l.variable.index] > 1e-6 { chosen[l.term][l.node].insert(l.site) }
        if let start, let startRows = start.built.teamRows {
            for l in startRows.links where start.values[l.variable.index] > 0.5 { chosen[l.term][l.node].insert(l.site) }
        }
        let small = try TeamFormulation.build(basis, options: options, links: selection(chosen), pool: pool)
        var hooks = SolveHooks(
            separator: small.cycleCuts.isEmpty ? nil : { point, _ in small.separate(point) },
            shouldStop: options.shouldStop)
        if let start { hooks.initialSolution = Self.transfer(start.values, from: start.built.model, to: small.model) }
        hooks.initialBasis = rootStart(small.model)
        // With a roster in hand this only improves it: a shorter budget.
        let budget = secondsLeft().map { start == nil ? $0 / 4 : min($0 / 4, 20) }
        var o = SolveOptions(timeLimit: budget, relativeGap: Self.supportGap)
        o.cuts.gomory = true
        o.cuts.mir = false
        o.branchingCandidates = Self.branchingCandidates
        // GLPK's own search is slow to find any roster on large models; the pump and
        // proximity search find one (backends ignore both when lazy rows are in use).
        o.feasibilityPump = true
        o.proximitySearch = (budget ?? 60) / 3
        let result = solver.solve(small.model, options: o, hooks: hooks)
        note("pricing: support MIP \(small.model.variableCount) columns: \(result.termination), objective \(result.objective ?? .nan), \(seconds(result.seconds)) s")
        try Self.surfaceFailure(result)
        guard let values = result.values, let objective = result.objective else { return nil }
        return (small, values, objective)
    }

    /// A heuristic solve that finds no roster is no error; one the engine failed is a bug.
    private static func surfaceFailure(_ result: SolveResult) throws {
        if case .failed(let why) = result.termination { throw HeuristicSolveFailure(detail: why) }
    }

    /// The engine failed inside one of the first-roster heuristics.
    struct HeuristicSolveFailure: Error, CustomStringConvertible {
        let detail: String
        var description: String { "a first-roster solve failed: \(detail)" }
    }

    /// Min-cut subtour separation in the LP rounds up to this many enterprises (n − 1
    /// max-flows per round cost more than they give beyond).
    static let minCutNodes = 400

    /// Iterated local search for a constructed ring, per greedy order: a kick costs about
    /// 0.2 ms (its 2-opt walks runs of up to 50 nodes), so about 4 s in all at 1000
    /// enterprises and more.
    static func ringKicks(_ n: Int) -> Int { min(20 * n, 10_000) }

    /// Kicks for constructed cycles, cheaper than a ring's (no run is reversed): at 1000
    /// enterprises 3000 kicks took 0.2 s and reached what 100 000 did.
    static func cycleKicks(_ n: Int) -> Int { min(3 * n, 20_000) }

    /// The support MIP stops this close (relative) to its bound.
    static let supportGap = 1e-4

    /// Whether a roster costing `z` is within the support MIP's gap of `L`, a bound on every
    /// roster: that MIP would stop at once with it (after re-solving its root LP).
    static func withinSupportGap(_ z: Double, L: Double) -> Bool {
        z - L <= supportGap * max(1, abs(z))
    }

    /// Nearest sites per enterprise added to the LP's support for the first roster when the
    /// duals have not converged.
    static let supportNearest = 6

    /// With converged duals, the first roster's MIP takes about this many links per
    /// enterprise and term, those of least reduced cost (measured at 1000 enterprises: the
    /// links within 1 of the optimum's gap were 4 per enterprise).
    static let neighbourhoodLinks = 3

    /// Reduced costs considered for that neighbourhood at most (relative to the bound).
    static func neighbourhoodGap(_ L: Double) -> Double { 0.01 * max(1, abs(L)) }

    /// The `count` links of least reduced cost (ties by term, node, site).
    static func cheapest(_ links: [Priced], count: Int) -> [Priced] {
        Array(links.sorted { ($0.reducedCost, $0.term, $0.node, $0.site) < ($1.reducedCost, $1.term, $1.node, $1.site) }
            .prefix(count))
    }

    /// Branching looks at this many candidates per node (``SolveOptions/branchingCandidates``):
    /// at 1000 enterprises a node took 0.3 s with all of them and the proof 30 s; with 20,
    /// 13 s (BENCHMARKS.md).
    static let branchingCandidates = 20

    /// Reduced costs below this (relative to the objective) count as negative.
    static let tolerance = 1e-7

    private func note(_ line: @autoclosure () -> String) {
        if options.captureLog {
            stages.lines.append("[\(seconds(ContinuousClock.now - began)) s] " + line())
        }
    }

    private func seconds(_ x: Double) -> String { String(format: "%.3f", x) }

    private func seconds(_ d: Duration) -> String { seconds(d.seconds) }

    private func shouldStop() -> Bool { options.shouldStop?() ?? false }

    private func secondsLeft() -> Double? { ZhudianPlanner.secondsLeft(until: deadline) }

    /// Adds each enterprise's `nearest` possible sites per term, its pinned links and the
    /// baseline's links (the rows for kept stays and pins need their columns).
    private func seedSelection(_ selected: inout [[Set<Int>]], nearest: Int = initialLinks) {
        let ctx = basis.ctx
        let T = ctx.terms
        for k in 1...T {
            for (i, u) in basis.ents.enumerated() {
                var taken = 0
                for l in universe[i] where taken < nearest {
                    if basis.possible(u, l.site, k) {
                        selected[k][i].insert(l.site)
                        taken += 1
                    }
                }
            }
            // And each site its nearest senders: a remote site that is nobody's near one
            // made the first LP infeasible (the city example, 30 km at most).
            for (j, v) in basis.ents.enumerated() {
                var taken = 0
                for i in senders[j] where taken < nearest / 2 {
                    if basis.possible(basis.ents[i], v, k) {
                        selected[k][i].insert(v)
                        taken += 1
                    }
                }
            }
        }
        let s = ctx.scenario
        for pin in s.pins where pin.term >= 1 && pin.term <= T {
            guard let v = ctx.index.unit[pin.site] else { continue }
            var home: Int?
            switch pin.subject {
            case .unit(let id): home = ctx.index.unit[id]
            case .person(let id): home = ctx.index.person[id].map { ctx.home($0) }
            }
            if let u = home, basis.node[u] >= 0, basis.node[v] >= 0 { selected[pin.term][basis.node[u]].insert(v) }
        }
        for placed in seed where placed.term >= 1 && placed.term <= T {
            let u = ctx.home(placed.person)
            if basis.node[u] >= 0, basis.node[placed.site] >= 0 { selected[placed.term][basis.node[u]].insert(placed.site) }
        }
        if let base = options.baseline {
            for term in base.terms where term.term >= 1 && term.term <= T {
                for st in term.stays {
                    guard let p = ctx.index.person[st.person], let v = ctx.index.unit[st.site] else { continue }
                    let u = ctx.home(p)
                    if basis.node[u] >= 0, basis.node[v] >= 0 { selected[term.term][basis.node[u]].insert(v) }
                }
            }
        }
    }

    private func selection(_ selected: [[Set<Int>]]) -> LinkSelection {
        LinkSelection(sites: selected.map { $0.map { $0.sorted() } })
    }

    /// A left-out link and its reduced cost.
    struct Priced {
        let term: Int
        let node: Int
        let site: Int
        let reducedCost: Double
    }

    /// Row duals of one LP solve, by term and node; pool rows with a non-zero dual.
    struct Duals {
        var send: [[Double]]
        var recv: [[Double]]
        var team: [[Double]]
        var pool: [(cut: CutSet, dual: Double)] = []

        init(_ lp: RelaxationResult, rows: TeamRowIndex, pool cuts: [CutSet]) {
            func read(_ index: [[Int]]) -> [[Double]] {
                index.map { $0.map { $0 >= 0 ? lp.rowDuals[$0] : 0 } }
            }
            send = read(rows.send)
            recv = read(rows.recv)
            team = read(rows.team)
            for (c, row) in rows.pool.enumerated() where lp.rowDuals[row] != 0 {
                pool.append((cuts[c], lp.rowDuals[row]))
            }
        }
    }

    /// Left-out possible links whose reduced cost under `duals` is below `limit`, at most
    /// `perUnit` (the most negative) per enterprise and term, in a fixed order.
    ///
    /// Reduced cost of y[u,v,k]: `cost − π(send u) − π(recv v) + need(v)·π(team u)
    /// − Σ π(pool rows whose set holds u and v) − Σ π(blossom rows with tooth {u, v})`. Rows that would only exist once the link
    /// does (pair2, ban, pcool, ccool) have dual 0.
    ///
    /// - Complexity: O(T · (E² + E · pool rows)) for E enterprises.
    private func price(_ duals: Duals, _ selected: [[Set<Int>]], below limit: Double, perUnit: Int) -> [Priced] {
        let ctx = basis.ctx
        let n = basis.ents.count
        let need = basis.ents.map { Double(ctx.minStaff($0)) }
        var found: [Priced] = []
        for k in 1...ctx.terms {
            let cuts = duals.pool.filter { $0.cut.term == k }
            var member = Array(repeating: [Bool](), count: cuts.count)
            var cutsOf = Array(repeating: [Int](), count: n)
            var teethOf = Array(repeating: [Int: Double](), count: n)
            for (c, cut) in cuts.enumerated() {
                member[c] = Array(repeating: false, count: n)
                for i in cut.cut.members {
                    member[c][i] = true
                    cutsOf[i].append(c)
                }
                for t in cut.cut.teeth {
                    teethOf[t.a][t.b, default: 0] += cut.dual
                    teethOf[t.b][t.a, default: 0] += cut.dual
                }
            }
            for (i, u) in basis.ents.enumerated() {
                let ps = duals.send[k][i]
                let pt = duals.team[k][i]
                var best: [Priced] = []
                for l in universe[i] {
                    let j = basis.node[l.site]
                    var d = l.cost - ps - duals.recv[k][j] + need[j] * pt
                    for c in cutsOf[i] where member[c][j] { d -= cuts[c].dual }
                    if !teethOf[i].isEmpty, let t = teethOf[i][j] { d -= t }
                    guard d < limit, !selected[k][i].contains(l.site), basis.possible(u, l.site, k) else { continue }
                    best.append(Priced(term: k, node: i, site: l.site, reducedCost: d))
                    if best.count > perUnit {
                        best.sort { ($0.reducedCost, $0.site) < ($1.reducedCost, $1.site) }
                        best.removeLast()
                    }
                }
                found += best
            }
        }
        return found
    }

    /// The least `L + d` over left-out links (∞ when none is left out).
    static func floor(_ priced: [Priced], _ L: Double) -> Double {
        guard let d = priced.map(\.reducedCost).min() else { return .infinity }
        return L + max(0, d)
    }

    static func capped(_ p: SolveProgress, bound: Double) -> SolveProgress {
        var gap: Double?
        if let i = p.incumbent { gap = SolveResult.relativeGap(objective: i, bound: bound) }
        return SolveProgress(incumbent: p.incumbent, bound: bound, gap: gap, nodes: p.nodes, elapsed: p.elapsed)
    }

    /// `values` of `from`'s columns, moved to `to`'s columns of the same name (0 elsewhere).
    static func transfer(_ values: [Double], from: Model, to: Model) -> [Double] {
        var column: [String: Int] = [:]
        for (j, v) in to.variables.enumerated() { column[v.name] = j }
        var point = Array(repeating: 0.0, count: to.variableCount)
        for (i, v) in from.variables.enumerated() {
            if let j = column[v.name] { point[j] = values[i] }
        }
        return point
    }
}


/// Lines collected across a priced solve's stages.
final class StageLog {
    var lines: [String] = []
}
