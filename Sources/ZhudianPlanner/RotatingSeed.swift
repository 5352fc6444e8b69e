import MIPModel
import ZhudianCore

/// A first roster for a part where people may stay on (ring or cycles with `pairCooldown: 0`):
/// the teams model's roster of the same part with everyone rotating (`pairCooldown: 1`), as a
/// ``PersonSeed`` of the people model.
///
/// Why: staying on sends ring and cycles to the people model, whose own first roster at county
/// size is a dive over near links — on the peer benchmark's ring 100 × 2 with staying on
/// (row 36) 28 372.25, more than twice the 12 963.16 the teams model proves for the same
/// scenario with everyone rotating, in a few seconds. Rule 7 of SPEC §3 only grows stricter
/// with `pairCooldown`, so a roster where everyone rotates keeps the rules of the part; the
/// teams model's bound is no bound here (staying on may be cheaper), so only the roster is kept.
///
/// The roster is costed by the people model itself, as a point of the restricted model over
/// its links: its cost is then the people model's, and a roster that is not a point of that
/// model (a row of one of the two models is wrong) is a bug, reported as such.
enum RotatingSeed {
    /// The share of the time left that the teams solve may take.
    static let timeShare = 0.3
    /// The teams solve stops at this gap: the people model does the rest.
    static let seedGap = 0.005

    /// Whether the part's rules let people stay on where the teams model would otherwise plan.
    static func applies(_ rules: Rules) -> Bool {
        rules.structure != .free && rules.pairCooldown == 0
    }

    /// Why the rotating roster cannot seed the people model: a bug in one of the two models.
    struct Failure: Error, CustomStringConvertible {
        let why: String
        var description: String { "rotating seed: \(why)" }
    }

    /// The rotating roster of `part` as a seed, or nil when the teams model finds none in its
    /// share of the time (or everyone rotating admits no roster).
    ///
    /// - Throws: ``Failure`` or ``ModelError``: bugs.
    static func find(
        solver: any MIPSolver, ctx: PlanContext, options: PlanOptions, part: Set<Int>?,
        deadline: ContinuousClock.Instant?
    ) throws -> PersonSeed? {
        let began = ContinuousClock.now
        guard let placements = try rotatingRoster(solver, ctx, options, part, deadline) else { return nil }
        var links = PersonLinks.candidates(ctx, part: part, baseline: options.baseline, nearest: PersonSeed.nearest)
        var byName: [String: Double] = [:]
        for placed in placements {
            let home = ctx.home(placed.person)
            links.insert(home, placed.site, term: placed.term)
            byName["x_\(placed.person)_\(placed.site)_\(placed.term)"] = 1
            byName["y_\(home)_\(placed.site)_\(placed.term)"] = 1
        }
        let built = try PersonFormulation.build(ctx, options: options, elastic: false, part: part, links: links)
        let unpriced = PersonSeed(placements: placements, objective: 0, valuesByName: byName, note: "", links: links)
        let point = unpriced.point(for: built.model)
        if let first = built.model.violations(at: point).first {
            throw Failure(why: "the teams model's rotating roster is not a point of the people model (\(first))")
        }
        let objective = built.model.objectiveValue(at: point)
        let seconds = String(format: "%.3f", (ContinuousClock.now - began).seconds)
        let note = "people seed: the teams model's roster with everyone rotating, \(objective) in \(seconds) s; "
            + "\(links.count) candidate links"
        return PersonSeed(placements: placements, objective: objective, valuesByName: byName, note: note, links: links)
    }

    /// The teams model's roster of `part` under the same rules with `pairCooldown: 1`, within
    /// the seed's share of the time; nil when it finds none.
    private static func rotatingRoster(
        _ solver: any MIPSolver, _ ctx: PlanContext, _ options: PlanOptions, _ part: Set<Int>?,
        _ deadline: ContinuousClock.Instant?
    ) throws -> [Placement]? {
        var rotating = ctx.scenario
        rotating.rules.pairCooldown = 1
        let basis = TeamBasis(PlanContext(rotating), elastic: false, part: part)
        let own = secondsLeft(until: deadline).map { ContinuousClock.now + .limit(seconds: $0 * timeShare) }
        var teamOptions = options
        // The teams model's bound is not the people model's: no progress from it reaches the user.
        teamOptions.progress = nil
        teamOptions.relativeGap = max(options.relativeGap, seedGap)
        // `options.pricing` (tests only) asks for the priced solve on small parts too.
        if options.pricing ?? PricedTeamSolve.worthwhile(basis),
            let result = PricedTeamSolve(solver: solver, basis: basis, options: teamOptions, deadline: own).run()
        {
            if case .failed(let why) = result.termination { throw Failure(why: "teams model: \(why)") }
            return result.placements.isEmpty ? nil : result.placements
        }
        let built = try TeamFormulation.build(basis, options: teamOptions)
        let result = built.solve(with: solver, options: teamOptions, deadline: own)
        if case .failed(let why) = result.termination { throw Failure(why: "teams model: \(why)") }
        return result.values.map(built.decode)
    }
}
