import MIPModel

/// The seeded full people model's MIP, restarted when it finds a much cheaper roster: the
/// search stops, the columns are fixed again by reduced cost against the new roster (the
/// same root LP, ``PersonReducedCostFix``), and the smaller model is solved from that roster
/// and from the root LP's basis.
///
/// Each restart keeps the optimum by ``PersonReducedCostFix``'s argument: with `r` the
/// cheapest roster found so far, every column fixed prices above `r − z`, so every roster
/// the fixing leaves out costs more than `r`, and the roster itself is offered to the
/// restarted search. The last search runs to the end (or the limit), and its bound bounds
/// the whole model.
///
/// Why: the seed's roster (its restricted model stops at 1 %) leaves a gap of tens of times
/// the root's to the optimum, so the first fixing keeps half the columns (peer row 24, free
/// 30 × 2: 5 833 of 11 390 against a gap of 14.35); the search finds a roster within 2.3 of
/// the root LP in its first few dozen nodes, and fixing against that one keeps far fewer
/// (docs/FORMULATION.md, "Free placement with people, eighth round").
struct PersonRestart {
    /// A restart when the search's roster closes this share of the gap between the root LP
    /// and the roster the fixing used.
    static let shrink = 0.5
    /// At most this many restarts: each one solves the root of a new search.
    static let limit = 4

    let solver: any MIPSolver
    /// The whole model (nothing fixed) and its lazy rows.
    let built: BuiltModel
    /// The whole model's root LP.
    let lp: RelaxationResult
    let options: PlanOptions
    let deadline: ContinuousClock.Instant?
    /// ``SolveOptions/branchFirst``.
    let branchFirst: [Int]
    /// The first search fixes against a guessed gap (``GuessedGap``) when the seed's roster is
    /// further from the root LP.
    var guessed = false
    /// How the guessed search branches.
    var guessedRule = GuessedGap.Rule.pseudoCosts
    /// GLPK's clique cuts in the guessed search (``GuessedCliqueCuts``).
    var guessedCliqueCuts = false

    /// Solves the model fixed against `roster` (a roster's cost, `point` its values, or nil),
    /// restarting as above. Returns the last search's result and a log line per search.
    func run(roster: Double, point: [Double]?) throws(ModelError) -> (SolveResult, [String]) {
        var roster = roster
        var point = point
        var log: [String] = []
        if guessed, let (result, lines, outcome) = try guess(roster: roster, until: deadline) {
            log = lines
            guard outcome == .tooLow, !(options.shouldStop?() ?? false) else { return (result, log) }
            if let r = result.objective, r < roster, let values = result.values {
                roster = r
                point = values
            }
        }
        return try restarts(roster: roster, point: point, log: log)
    }

    /// The guessed search (``GuessedGap``) when `roster` (the cheapest roster known, or
    /// infinity) is further from the root LP than the guess, ending by `until` (or at
    /// `giveUp` with no roster, ``GuessedGap/search(_:lp:solver:options:deadline:rule:branchFirst:giveUp:)``): its result
    /// (its bound the whole model's), its log lines and what it means; nil when no guess is made.
    func guess(roster: Double, until: ContinuousClock.Instant?, giveUp: ContinuousClock.Instant? = nil) throws(ModelError)
        -> (SolveResult, [String], GuessedGap.Outcome)?
    {
        guard let z = lp.objective, let guess = GuessedGap(z: z, roster: roster, share: options.guessedShare),
            let (result, fixed, droppedRows) = try guess.search(
                built, lp: lp, solver: solver, options: options, deadline: until, rule: guessedRule,
                branchFirst: branchFirst, cliqueCuts: guessedCliqueCuts, giveUp: giveUp)
        else { return nil }
        let log = [
            PersonReducedCostFix.note(lp, roster: guess.limit, fixed: fixed, of: built.model.variableCount)
                + " (a guess: no roster known that cheap), \(droppedRows) rows implied by the bounds left out",
            "guessed search: \(result.termination), roster \(result.objective.map { "\($0)" } ?? "none") after \(result.nodes) nodes in \(String(format: "%.3f", result.seconds)) s",
        ]
        return (result, log, guess.outcome(result))
    }

    /// The searches fixed against `roster` (and restarted against cheaper ones), after the
    /// lines of `log`.
    func restarts(roster: Double, point: [Double]?, log: [String]) throws(ModelError) -> (SolveResult, [String]) {
        var roster = roster
        var point = point
        var log = log
        var restarts = 0
        while true {
            var model = built.model
            let fixed = try PersonReducedCostFix.fix(&model, lp: lp, roster: roster)
            log.append(PersonReducedCostFix.note(lp, roster: roster, fixed: fixed, of: model.variableCount))
            let z = lp.objective ?? -.infinity
            let target = options.restarts && restarts < Self.limit && z.isFinite ? z + Self.shrink * (roster - z) : -.infinity
            let hit = Flag()
            let result = try solve(model, from: point, target: target, hit: hit)
            let userStop = options.shouldStop?() ?? false
            let seconds = String(format: "%.3f", result.seconds)
            log.append("search: \(result.termination), roster \(result.objective.map { "\($0)" } ?? "none") after \(result.nodes) nodes in \(seconds) s")
            guard hit.isSet, result.termination == .stopped, !userStop, let values = result.values,
                let objective = result.objective
            else { return (result, log) }
            roster = objective
            point = values
            restarts += 1
        }
    }

    /// One search of `model` from `point` and the root LP's basis; sets `hit` and stops when
    /// its roster costs less than `target`. The search runs over the columns not fixed
    /// (``FixedColumnsDropped``) when ``PlanOptions/dropFixedColumns`` is on.
    private func solve(_ model: Model, from point: [Double]?, target: Double, hit: Flag) throws(ModelError) -> SolveResult {
        let progress = options.progress
        let stop = options.shouldStop
        let kept =
            options.dropFixedColumns
            ? try FixedColumnsDropped(model, dropRows: options.dropRedundantRows, basis: lp.basis) : nil
        let separate = built.separate
        var hooks = SolveHooks(
            progress: { p in
                progress?(p)
                if let incumbent = p.incumbent, incumbent < target { hit.set() }
            },
            shouldStop: { hit.isSet || (stop?() ?? false) })
        if !built.cycleCuts.isEmpty {
            hooks.separator = { p, _ in kept.map { $0.separate(p, with: separate) } ?? separate(p) }
        }
        hooks.initialSolution = point.map { kept?.keptPoint($0) ?? $0 }
        hooks.initialBasis = lp.basis.map { kept?.kept($0) ?? $0 }
        var solveOptions = SolveOptions(
            timeLimit: secondsLeft(until: deadline), relativeGap: options.relativeGap, captureLog: options.captureLog)
        solveOptions.branchFirst = kept?.kept(branchFirst) ?? branchFirst
        solveOptions.nodeHeuristic = PersonNodeHeuristic.settings(options)
        // Peer row 24 (free 30 × 2): 5.8 → 4.2 s of CPU; row 29 (free 50 × 2) proven in 14 s
        // where it stopped at 0.09 % after 30 s (``PersonBranching``).
        solveOptions.branchFirstByDegradation = options.seededLinksByDegradation
        let result = solver.solve(kept?.model ?? model, options: solveOptions, hooks: hooks)
        return kept?.fullResult(result) ?? result
    }

    /// Set once from the search's progress hook, read by its stop hook (same thread).
    private final class Flag {
        private(set) var isSet = false
        func set() { isSet = true }
    }
}
