import MIPModel

/// The seeded full people model's first search (``PersonRestart``) over the columns a
/// guessed gap leaves: every binary column whose root reduced cost exceeds ``share`` of the
/// root LP's value is fixed to 0, as if a roster that close to the root LP were known.
///
/// What it proves. Let `z` be the root LP's value and `g = z + share·|z|` the guess (the
/// ``limit``). A roster that sets a column priced above `g − z` costs more than `g`
/// (``PersonReducedCostFix``'s argument). So when the search over the columns left ends
/// optimal at `r ≤ g`, `r` is the whole model's optimum; when it stops at a limit with
/// bound `B`, every roster costs at least `min(B, g)`. Only when it ends above `g`, or finds
/// no roster, was the guess too low, and the whole model is fixed against the best roster
/// known instead, as before.
///
/// The search has no incumbent (the seed's roster mostly uses columns the guess fixed). How it
/// branches is its ``Rule``.
///
/// Why: the seed's dive is far above the optimum where people stay on (peer row 21, free
/// 29 × 2: 3 223.21 against the optimum 2 889.00 and the root LP's 2 885.36), so fixing
/// against it fixes nothing, and the search over every column, links first, found no roster
/// within 0.4 % in 30 s (docs/FORMULATION.md, "The priced people model, ninth round"). Where
/// nobody stays on the dive is as far (peer row 24, free 30 × 2: 3 316.63 against 3 054.93),
/// and three searches restarted against ever cheaper rosters found the optimum before the
/// last one proved it (docs/FORMULATION.md, "Free placement, eleventh round").
struct GuessedGap {
    /// How the guessed search branches.
    enum Rule {
        /// GLPK's presolve, then pseudo-costs (``SolveOptions/pseudoCostBranching``): ring and
        /// cycles with people staying on (measured only under free placement, ninth round: row
        /// 21 proven in about 1 100 nodes, where links first, most fractional, from the seed's
        /// point found 2 900.02 in 30 s).
        case pseudoCosts
        /// The links first, chosen by degradation (``SolveOptions/branchFirstByDegradation``),
        /// the root LP solved again from the whole model's root basis: free placement (row 24:
        /// proven in 169 nodes and 1.6–1.8 s, by pseudo-costs 0.02 % after 30 s, links first
        /// from the slack basis 1 217 nodes and 17 s; row 21 with a 60 s limit proven in 785
        /// nodes and 9.4 s, by pseudo-costs 1 115 nodes and 34 s).
        case linksFromRoot
    }

    /// The guessed gap, as a share of the root LP's value.
    static let share = 0.002

    /// The guess `g`: the fixing acts as if a roster of this cost were known.
    let limit: Double

    /// The guess over the root LP's value `z` (`share` of it: ``share`` unless a test says);
    /// nil when the roster known is as close already.
    init?(z: Double, roster: Double, share: Double? = nil) {
        let limit = Self.limit(z, share: share)
        guard limit < roster else { return nil }
        self.limit = limit
    }

    /// `z + share·|z|` (``share`` when nil), the guess over an LP bound `z`; the priced people
    /// model guesses the same way (``PricedPersonSolve/guessedLinks(_:L:below:)``).
    static func limit(_ z: Double, share: Double?) -> Double {
        z + (share ?? Self.share) * max(1, abs(z))
    }

    /// What the guessed search's result means for the whole model.
    enum Outcome: Equatable {
        /// Its optimum is at most the guess: the whole model's optimum.
        case proven
        /// It stopped before the end: its roster (if any) stands, with the bound of ``wholeResult(_:)``.
        case bounded
        /// The guess was too low: its roster (if any) is the one to fix the whole model against.
        case tooLow
    }

    /// How `result` (the guessed search's) reads for the whole model.
    func outcome(_ result: SolveResult) -> Outcome {
        switch result.termination {
        case .optimal:
            guard let r = result.objective else { return .tooLow }
            return r <= limit + 1e-9 * max(1, abs(limit)) ? .proven : .tooLow
        case .infeasible:
            return .tooLow
        default:
            return .bounded
        }
    }

    /// `result` with a bound of the whole model: the search's own bound covers only the
    /// rosters without a fixed column; the others cost more than ``limit``.
    func wholeResult(_ result: SolveResult) -> SolveResult {
        let bound = outcome(result) == .proven ? result.objective : result.bestBound.map { min($0, limit) }
        var out = SolveResult(
            termination: result.termination, values: result.values, objective: result.objective, bestBound: bound,
            seconds: result.seconds, nodes: result.nodes, log: result.log, lazyRowsAdded: result.lazyRowsAdded)
        out.branchedFirst = result.branchedFirst
        return out
    }

    /// The search over the columns of `built` (the whole model) that `lp` (its root LP) does
    /// not price above the guess; nil when the LP is not optimal. With `giveUp`, the search
    /// also stops there while it has found no roster (``SeedAfterGuess``: the seed's dive
    /// then needs the time left). `cliqueCuts`: ``GuessedCliqueCuts``.
    func search(
        _ built: BuiltModel, lp: RelaxationResult, solver: any MIPSolver, options: PlanOptions,
        deadline: ContinuousClock.Instant?, rule: Rule, branchFirst: [Int], cliqueCuts: Bool,
        giveUp: ContinuousClock.Instant? = nil
    ) throws(ModelError) -> (result: SolveResult, fixed: Int, droppedRows: Int)? {
        guard lp.status == .optimal else { return nil }
        var model = built.model
        let fixed = try PersonReducedCostFix.fix(&model, lp: lp, roster: limit)
        let kept = try FixedColumnsDropped(model, dropRows: options.dropRedundantRows, basis: lp.basis)
        let separate = built.separate
        let limit = self.limit
        let margin = StepMargin(deadline: deadline)
        let report = options.progress
        let stop = options.shouldStop
        var hooks = SolveHooks(
            progress: { p in
                margin.nodes = p.nodes
                if p.incumbent != nil { margin.found = true }
                // Rosters with a fixed column cost more than the guess: no bound above it.
                report?(p.bound.map { PricedTeamSolve.capped(p, bound: min($0, limit)) } ?? p)
            },
            shouldStop: { (stop?() ?? false) || margin.nextStepOverruns() || margin.givesUp(at: giveUp) })
        if !built.cycleCuts.isEmpty { hooks.separator = { p, _ in kept.separate(p, with: separate) } }
        var solveOptions = SolveOptions(
            timeLimit: secondsLeft(until: deadline), relativeGap: options.relativeGap, captureLog: options.captureLog)
        solveOptions.nodeHeuristic = PersonNodeHeuristic.settings(options)
        solveOptions.cuts.clique = cliqueCuts
        switch rule {
        case .pseudoCosts:
            solveOptions.pseudoCostBranching = options.pseudoCosts
        case .linksFromRoot:
            solveOptions.branchFirst = kept.kept(branchFirst)
            solveOptions.branchFirstByDegradation = options.seededLinksByDegradation
            // A fixed column is non-basic at 0 in the root basis, so the basis fits the columns left.
            hooks.initialBasis = lp.basis.map { kept.kept($0) }
        }
        let result = kept.fullResult(solver.solve(kept.model, options: solveOptions, hooks: hooks))
        return (wholeResult(result), fixed, kept.droppedRows)
    }
}

/// Whether the search's next step would end after the deadline: GLPK polls the stop hook
/// between steps, and a step may be long — pseudo-cost branching sizes up every fractional
/// column it has no pseudo-costs for, on a copy of the node's LP, without looking at the
/// time limit (peer row 21 under a load of 7: the plan ended 6.4 s after its 30 s). So the
/// search stops once less time is left than the longest of the last ``window`` steps (the
/// first branchings, with no pseudo-costs yet, are the longest: up to 4 s at row 21).
private final class StepMargin {
    /// Steps remembered.
    static let window = 32
    // Read and written only from the search's own thread (its hooks).
    private let deadline: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?
    private var recent: [Duration] = []
    /// Nodes so far (from the progress hook): the steps measured are the branching ones, not
    /// the presolve and root LP before the first node.
    var nodes = 0
    /// Whether the search has a roster (from the progress hook).
    var found = false

    init(deadline: ContinuousClock.Instant?) { self.deadline = deadline }

    func nextStepOverruns() -> Bool {
        let now = ContinuousClock.now
        if nodes > 1, let last {
            recent.append(now - last)
            if recent.count > Self.window { recent.removeFirst() }
        }
        last = now
        guard let deadline else { return false }
        return now + (recent.max() ?? .zero) >= deadline
    }

    /// Whether `giveUp` has passed and the search has found no roster.
    func givesUp(at giveUp: ContinuousClock.Instant?) -> Bool {
        guard let giveUp, !found else { return false }
        return ContinuousClock.now >= giveUp
    }
}
