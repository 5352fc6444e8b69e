import MIPModel
import ZhudianCore

/// What ``PricedTeamSolve``'s stages share: the links selected per term and enterprise
/// (by node), and the subtour and blossom rows found so far.
struct PricingState {
    /// `selected[k][i]`: the sites enterprise node `i` may be linked to in term `k`.
    var selected: [[Set<Int>]]
    /// A bound on every roster of the full model found along the way (``PricedTeamSolve/keptRootBound(_:first:selected:pool:)``);
    /// −∞ without one.
    var floor = -Double.infinity
    /// Cut rows every model of the solve carries, in the order found.
    private(set) var pool: [CutSet] = []
    private var poolSeen = Set<CutSet>()

    /// No link in any term, for each of `ents` enterprises: the start of every selection.
    static func noLinks(ents: Int, terms: Int) -> [[Set<Int>]] {
        Array(repeating: Array(repeating: [], count: ents), count: terms + 1)
    }

    init(ents: Int, terms: Int) {
        selected = Self.noLinks(ents: ents, terms: terms)
    }

    /// Adds `cut` to the pool; false when it is there already.
    mutating func add(_ cut: CutSet) -> Bool {
        guard poolSeen.insert(cut).inserted else { return false }
        pool.append(cut)
        return true
    }
}

/// The LP rounds' end: the last LP, its model and its duals.
struct Relaxed {
    let lp: RelaxationResult
    /// The model the last LP was solved on.
    let built: BuiltModel
    /// The LP value: with `converged`, a bound on every roster of the full model.
    let L: Double
    let duals: PricedTeamSolve.Duals
    /// Whether no left-out link priced out at the last round.
    let converged: Bool
    /// Without convergence, what every roster costs at least: `L` plus, per enterprise and
    /// term, the most negative reduced cost among its left-out links (it sends one team);
    /// −∞ with convergence (the bound is then `L` plus the least reduced cost left out).
    let floorWithoutConvergence: Double

    /// The last LP's optimal basis, moved to `model` by column and row names: it starts a
    /// MIP's root LP (over a selection that keeps its basic links it is optimal at once,
    /// before new rows).
    func rootStart(_ model: Model) -> Basis? {
        lp.basis.map { $0.restricted(from: built.model, to: model) }
    }
}

extension PricedTeamSolve {
    /// How the LP rounds ended.
    enum RoundsOutcome {
        /// The rounds are over.
        case rounds(Relaxed)
        /// The part ends here (nil: the full model decides).
        case finished(PartResult?)
    }

    /// Column generation: solve the LP over the selection, add the cut rows it breaks, else
    /// the left-out links of negative reduced cost; until neither exists or half the time
    /// left is spent. One GLPK problem serves every round, grown in place between them.
    /// With a roster from stage 0 (`early`), an LP that does not end by half the time left
    /// ends the part with that roster instead.
    func lpRounds(_ state: inout PricingState, early: EarlyStart? = nil) throws -> RoundsOutcome {
        let n = basis.ents.count
        var grow = options.pricedLinks ?? Self.initialLinks
        var current = state
        let outcome = try solver.withRelaxations { relaxations throws -> RoundsOutcome in
            // Half the time left at most: a roster must still be found. Stopping early leaves
            // duals that do not price every left-out link above zero; the bound then charges
            // each enterprise and term its most negative reduced cost.
            let lpDeadline = deadline.map { ContinuousClock.now + (ContinuousClock.now.duration(to: $0)) / 2 }
            var first = true
            // The pool's size at the last feasible LP, and the crossing rounds since it.
            var feasiblePool = 0
            var crossingTries = 0
            // Started once nothing priced out: from then on every cut round also looks for odd
            // cuts (ring 300: 52 LP rounds instead of 64, the same converged bound), until they
            // tail off.
            var odd = OddCutRounds(tail: options.oddCutTail ?? (Self.oddCutWindow, Self.oddCutGain))
            while true {
                let built = try TeamFormulation.build(basis, options: options, links: selection(current.selected), pool: current.pool)
                note("pricing: model built, \(built.model.variableCount) columns")
                // With a roster in hand, the first LP may take until half the time left, no more.
                let lpLimit = early?.roster == nil || !first ? secondsLeft() : ZhudianPlanner.secondsLeft(until: lpDeadline)
                first = false
                let lp = relaxations.solve(built.model, options: SolveOptions(timeLimit: lpLimit))
                switch lp.status {
                case .optimal:
                    feasiblePool = current.pool.count
                    crossingTries = 0
                case .infeasible:
                    // Cut rows added since the last feasible LP with no selected link across
                    // their borders: add such links (``addCrossingLinks(_:_:)``).
                    if options.crossingLinks ?? (n > Self.crossingLinksAbove),
                        current.pool.count > feasiblePool, crossingTries < Self.crossingTries
                    {
                        crossingTries += 1
                        let added = addCrossingLinks(current.pool[feasiblePool...], &current.selected)
                        note("pricing: LP infeasible after \(current.pool.count - feasiblePool) cut rows, \(added) links across them")
                        if added > 0 { continue }
                    }
                    // Too few links for any assignment: widen every enterprise's neighbourhood,
                    // or hand over to the full model once nothing is left out.
                    note("pricing: LP infeasible, \(grow * 2) nearest links per enterprise")
                    grow *= 2
                    if grow > n { return .finished(nil) }
                    seedSelection(&current.selected, nearest: grow)
                    continue
                case .timeLimit:
                    note("pricing: simplex LP stopped by the time limit")
                    // A later round's LP is only stopped by the whole limit: stage 0's roster, if any.
                    return .finished(earlyResult(early, .timeLimit) ?? PartResult(termination: .timeLimit))
                case .unbounded:
                    return .finished(PartResult(termination: .unbounded))
                case .failed(let why):
                    return .finished(PartResult(termination: .failed(why)))
                }
                note("pricing: LP \(built.model.variableCount) columns, \(built.model.constraintCount) rows, "
                    + "objective \(lp.objective ?? .nan), \(current.pool.count) cut rows, \(lp.iterations) iterations, "
                    + "\(seconds(lp.seconds)) s")
                // A stop (Ctrl-C) keeps stage 0's roster, as a time limit does.
                if shouldStop() { return .finished(earlyResult(early, .stopped) ?? PartResult(termination: .stopped)) }
                if let lpDeadline, ContinuousClock.now >= lpDeadline {
                    note("pricing: LP rounds stopped at half the time left")
                    return relaxed(lp, built, current, converged: false)
                }
                // Cycles have no odd cuts (``Blossoms/oddCuts``): nothing to tail off there.
                if built.teamRows?.blossoms.contains(where: \.oddCuts) == true, let value = lp.objective,
                    odd.record(value)
                {
                    note("pricing: odd cuts tailed off after \(odd.rounds) rounds")
                }
                if addViolatedCuts(lp, built, &current) > 0 {
                    if odd.active { _ = addOddCutBlossoms(lp, built, &current) }
                    continue
                }
                // Left-out links with negative reduced cost.
                // TeamFormulation.build always indexes its team rows.
                guard let rows = built.teamRows else { return .finished(nil) }
                let entering = price(
                    Duals(lp, rows: rows, pool: current.pool), current.selected,
                    below: -Self.tolerance, perUnit: Self.linksPerRound)
                if entering.isEmpty {
                    // Odd-cut blossoms once nothing prices out: over the first selection they
                    // lifted ring 300's LP above its optimum, to fall back as links entered,
                    // and the rounds took 20 s instead of 6.9 s.
                    if let value = lp.objective { odd.start(value) }
                    if odd.active && addOddCutBlossoms(lp, built, &current) > 0 { continue }
                    return relaxed(lp, built, current, converged: true)
                }
                for e in entering { current.selected[e.term][e.node].insert(e.site) }
            }
        }
        state = current
        return outcome
    }

    /// The rounds' end as a ``Relaxed``; nil (the full model decides) without an LP value.
    private func relaxed(_ lp: RelaxationResult, _ built: BuiltModel, _ state: PricingState, converged: Bool)
        -> RoundsOutcome
    {
        guard let L = lp.objective, let rows = built.teamRows else { return .finished(nil) }
        let duals = Duals(lp, rows: rows, pool: state.pool)
        let floor = converged
            ? -Double.infinity
            : L + price(duals, state.selected, below: 0, perUnit: 1).reduce(0) { $0 + $1.reducedCost }
        return .rounds(
            Relaxed(lp: lp, built: built, L: L, duals: duals, converged: converged, floorWithoutConvergence: floor))
    }

    /// Adds to the pool the subtour and blossom rows the LP point breaks; how many were new.
    private func addViolatedCuts(_ lp: RelaxationResult, _ built: BuiltModel, _ state: inout PricingState) -> Int {
        let n = basis.ents.count
        var added = 0
        for (t, cuts) in built.cycleCuts.enumerated() {
            for members in cuts.violatedSets(lp.values, minCuts: n <= Self.minCutNodes) {
                if state.add(CutSet(term: t + 1, members: members.sorted())) { added += 1 }
            }
        }
        if let rows = built.teamRows {
            for (t, b) in rows.blossoms.enumerated() {
                for found in b.violated(lp.values) {
                    if state.add(CutSet(term: t + 1, members: found.handle, teeth: found.teeth)) { added += 1 }
                }
            }
        }
        return added
    }

    /// Adds to the pool the blossom rows minimum odd cuts find at the LP point (rings only,
    /// see ``Blossoms/violatedByOddCuts(_:)``); how many were new.
    private func addOddCutBlossoms(_ lp: RelaxationResult, _ built: BuiltModel, _ state: inout PricingState) -> Int {
        guard let rows = built.teamRows else { return 0 }
        var added = 0
        for (t, b) in rows.blossoms.enumerated() {
            for found in b.violatedByOddCuts(lp.values) {
                if state.add(CutSet(term: t + 1, members: found.handle, teeth: found.teeth)) { added += 1 }
            }
        }
        return added
    }

    /// Min-cut subtour separation in the LP rounds up to this many enterprises (n − 1
    /// max-flows per round). Over flat arc arrays (``SupportFlow``) a round of them costs
    /// about 0.6 s at 1000 enterprises, and there they lift the LP point the ring is built
    /// from (BENCHMARKS.md, "Rings, sixth round").
    static let minCutNodes = 1200

    /// Rounds of links across new cut rows (``addCrossingLinks(_:_:)``) an infeasible LP
    /// gets before every neighbourhood doubles.
    static let crossingTries = 3

    /// Enterprises above which an infeasible LP gets crossing links rather than doubled
    /// neighbourhoods. At 300 (ring 300 × 2) doubling added 4 862 links that every later LP
    /// paid for; at 100 it adds a few hundred, and the crossing links' LP point built dearer
    /// rosters there: ring 100 × 2 took 1.11× the CPU to its proof (peer row 34) and, with
    /// people staying on, its rotating seed went 12 120.77 → 12 164.69 and the 30 s roster
    /// 0.56 % → 0.92 % (row 36; BENCHMARKS.md, "Where issue 21 stands (end of the fifteenth
    /// round)").
    static let crossingLinksAbove = 100
}
