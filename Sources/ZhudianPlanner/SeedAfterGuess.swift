import MIPModel

/// The seeded full people model of free placement, its seed (``PersonSeed``'s dive) found
/// only when the guessed search (``GuessedGap``, always made: no roster is known yet) needs
/// it: when the guess was too low (the seed's roster, or the guessed search's if cheaper, is
/// the one the restarts fix against, ``PersonRestart``), or when the guessed search ends with
/// no roster (the seed's roster is then the answer, or the restarts start from it while time
/// is left), or when the root LP was not solved in its time. The guessed search gives up at
/// ``giveUpShare`` of the time left while it has no roster, so that a short time limit leaves
/// the dive its time, and the dive then takes ``seedShare`` of what is left.
///
/// Why: where the guessed search proves (peer rows 24 and 26, free 30 × 2 and 40 × 1) the
/// seed's dive only decided that a guess was worth making (its roster is far above the
/// guess) and was never used: at row 24 it took 0.44 s of 2.1 s (docs/FORMULATION.md, "Free
/// placement, eleventh round, second wave").
struct SeedAfterGuess {
    /// The guessed search stops at this share of the time left while it has found no roster.
    static let giveUpShare = 0.5
    /// The seed's share of the time left when it is found after the guessed search (or after a
    /// root LP that ran out of time): ``PersonSeed/timeShare`` of it took too little at row 29
    /// (free 50 × 2, cap) with a 4 s limit, where the seed first had found a roster.
    static let seedShare = 0.5
    /// The root LP's share of the time left, first here (``PersonReducedCostFix/timeShare``
    /// after the seed): with that share the LP ran out of time at row 24 (free 30 × 2) with a
    /// 1.5 s limit and at row 29 (free 50 × 2, cap) with 3 s.
    static let rootLPShare = 0.4

    /// Whether the seed waits for the guessed search: free placement, the people model not
    /// priced, a seed wanted (``PersonSeed/worthwhile(_:part:)``), the guessed search and
    /// the fixing on — and not over three terms, where the unit counts (``UnitFlowSeed``) give
    /// the first roster in a fraction of a second and the guessed search's root LP alone took
    /// the first 40 % of a 2 s limit without a roster (the thirteenth round's sweep). Over two
    /// terms the guessed search comes first still: with the counted seed first, the sweep's
    /// free 33 × 2 (046) ended at 2 s on the seed's 4 149.91 instead of the optimum 3 589.53
    /// the guessed search proves in 1.2 s; the seed it asks for when it gives up is the counted one.
    static func applies(_ ctx: PlanContext, options: PlanOptions, part: Set<Int>?, pricePeople: Bool) -> Bool {
        options.seedAfterGuess && !pricePeople && ctx.scenario.rules.structure == .free
            && options.guessedGap && options.reducedCostFixing
            && (options.peopleSeed ?? PersonSeed.worthwhile(ctx, part: part))
            && !(ctx.terms >= 3 && UnitFlowSeed.applies(ctx, options: options, part: part))
    }

    /// `restart`'s searches (``PersonRestart/guessed`` on), `find` called for the seed only
    /// when needed as above. Returns the last search's result, its log lines (the seed's note
    /// among them, in order) and the seed (nil when not needed or none was found).
    static func run(
        _ restart: PersonRestart, deadline: ContinuousClock.Instant?, find: () throws -> PersonSeed?
    ) throws -> (SolveResult, [String], PersonSeed?) {
        let giveUp = secondsLeft(until: deadline).map { ContinuousClock.now + .limit(seconds: $0 * giveUpShare) }
        let guessed = try restart.guess(roster: .infinity, until: deadline, giveUp: giveUp)
        if let (result, log, outcome) = guessed, outcome == .proven || (outcome == .bounded && result.objective != nil) {
            return (result, log, nil)
        }
        let seed = try find()
        let log = (guessed?.1 ?? []) + (seed.map { [$0.note] } ?? [])
        var roster = seed?.objective ?? .infinity
        var point = seed.map { $0.point(for: restart.built.model) }
        if let (result, _, _) = guessed {
            let stopped = restart.options.shouldStop?() ?? false
            if stopped || deadline.map({ ContinuousClock.now >= $0 }) == true { return (result, log, seed) }
            if let r = result.objective, r < roster, let values = result.values {
                roster = r
                point = values
            }
        }
        let (result, lines) = try restart.restarts(roster: roster, point: point, log: log)
        return (result, lines, seed)
    }
}
