import MIPModel
import ZhudianCore

/// A first roster for the people model of free placement over two terms or more: how many
/// people each unit sends to each site in each term, from a small integer model at unit level
/// (``UnitCounts``), then the people themselves from the people model over exactly the links
/// that model uses (and the links pins and history name).
///
/// Why: over three terms nobody serves two terms in a row (handover days), so terms 1 and 2
/// need two disjoint sets of people, and each unit keeps some at home: the people are nearly
/// all needed. The restricted model's dive (``PersonSeed``) fixes the LP's largest columns
/// term by term and runs out of people; the full model's root LP did not even reach a
/// feasible point in 10 s. In the thirteenth round's sweep (25–34 enterprises) free placement
/// over three terms gave no roster at 2 s in 10 of 84 scenarios and at 10 s in 3. The unit
/// model counts people per unit and term pair, so its links leave every term staffable; over
/// its few links the people model is a small problem GLPK solves at once.
///
/// The roster is a point of the people model over its links, costed by that model: its cost
/// is the full model's (the same columns cost the same). The unit model is a restriction
/// (nobody serves two terms in a row except by staying on, people who may serve only by
/// staying on count for none), so its roster may be dearer than the optimum, never wrong; the
/// checker sees it like any other.
enum UnitFlowSeed {
    /// The share of the time left that both solves may take together (node limits decide
    /// which roster comes out; the time is a safeguard). Without a roster nothing else counts:
    /// with half the time left, the sweep's free 34 × 3 (041) had no roster at 2 s under load,
    /// where the two solves took 1.9 s (fairness per unit, ``UnitCounts/addFairness(_:n:)``).
    static let timeShare = 0.9
    /// Branch-and-bound nodes of the unit model and of the people model over its links.
    static let nodes = 200
    /// Sites per sending unit added to the counted links for one more node-limited solve of the
    /// people model: where the people model over them is infeasible (a rule the counts miss),
    /// and over three terms or more always, the cheaper roster kept (over the counted links the
    /// people model takes the unit model's choice of sending units as it is; with each unit's 2
    /// nearest sites as well it found cheaper rosters on 9 of the sweep's 20 free scenarios over
    /// three terms at 2 s, by up to 5.4 %, and none dearer).
    static let widenedNearest = 2
    /// The unit model stops at this gap: its cost (distance, and fairness pooled per unit) is
    /// an estimate, and its first point (about 100–155 nodes at free 28–34 × 3) is as good a
    /// start as the one after 200 nodes at 1 % (the same roster on three of the sweep's
    /// scenarios, 0.1–0.3 s sooner; with fairness, the same first point at a 25 % gap).
    static let unitGap = 0.1
    /// The people model over the unit model's links stops at this gap: the models after it
    /// do the proving.
    static let peopleGap = 0.01

    /// Free placement, two terms or more, as many sending units as make a seed pay. Over two
    /// terms the people are as nearly all needed where handover days part the terms: the
    /// sweep's free 29–33 × 2 had no roster at 0.5 s before, four of four with it (over two
    /// terms the seed still waits for the guessed search, ``SeedAfterGuess``).
    static func applies(_ ctx: PlanContext, options: PlanOptions, part: Set<Int>?) -> Bool {
        options.unitFlowSeed && ctx.scenario.rules.structure == .free && ctx.terms >= 2
            && (options.peopleSeed ?? PersonSeed.worthwhile(ctx, part: part))
    }

    /// The roster, or nil when the unit model has none over the candidate links in its nodes
    /// or the people model none over its links.
    ///
    /// - Throws: ``ModelError`` or ``Failure``: bugs.
    static func find(
        solver: any MIPSolver, ctx: PlanContext, options: PlanOptions, part: Set<Int>?,
        deadline: ContinuousClock.Instant?
    ) throws -> PersonSeed? {
        let began = ContinuousClock.now
        let own = secondsLeft(until: deadline).map { began + .limit(seconds: $0 * timeShare) }
        let candidates = PersonLinks.candidates(ctx, part: part, baseline: options.baseline, nearest: PersonSeed.nearest)
        var counts = UnitCounts(ctx, part: part, candidates: candidates)
        counts.pooledFairness = options.unitFairness
        counts.tighterRows = options.unitTighterRows
        guard let model = try counts.model() else { return nil }
        let unitResult = solver.solve(
            model, options: solveOptions(options, own, gap: unitGap), hooks: SolveHooks(shouldStop: options.shouldStop))
        if case .failed(let why) = unitResult.termination { throw Failure(why: "unit model: \(why)") }
        guard let unitValues = unitResult.values else { return nil }
        var counted = counts.links(unitValues)
        counted.insertNamed(ctx, baseline: options.baseline)
        let (links, built, result, widened) = try people(
            counted: counted, solver: solver, ctx: ctx, options: options, part: part, own: own)
        guard let values = result.values, let objective = result.objective else { return nil }
        var byName: [String: Double] = [:]
        for (i, v) in built.model.variables.enumerated() where values[i] != 0 { byName[v.name] = values[i] }
        var kept = candidates
        for l in links.all { kept.insert(l.unit, l.site, term: l.term) }
        let seconds = String(format: "%.3f", (ContinuousClock.now - began).seconds)
        let note = "people seed: unit counts (\(unitResult.termination), \(unitResult.nodes) nodes) over "
            + "\(links.count) links\(widened), "
            + "people \(objective) (\(result.termination), \(result.nodes) nodes) in \(seconds) s; \(kept.count) candidate links"
        return PersonSeed(
            placements: built.decode(values), objective: objective, valuesByName: byName, note: note, links: kept)
    }

    /// The people model over the counted `links`, node-limited, and where it is infeasible (a
    /// rule the counts miss) or over three terms or more, over those links and each unit's
    /// ``widenedNearest`` sites: the links of the cheaper roster, its model, its result and a
    /// note for the log ("" when not widened).
    ///
    /// Why: the counts are a restriction that misses some rules still (the fifteenth round's
    /// sweep 111, free 33 × 3 with two history terms, with keepAtHome among them, when the
    /// three-term rows were fewer); with no counted roster the planner fell back on the
    /// restricted model's dive, which over three terms often finds none in its time.
    ///
    /// - Throws: ``ModelError`` or ``Failure``: bugs.
    private static func people(
        counted links: PersonLinks, solver: any MIPSolver, ctx: PlanContext, options: PlanOptions, part: Set<Int>?,
        own: ContinuousClock.Instant?
    ) throws -> (PersonLinks, BuiltModel, SolveResult, String) {
        let (built, result) = try people(over: links, solver: solver, ctx: ctx, options: options, part: part, own: own)
        let infeasible = result.termination == .infeasible
        guard options.widenCounted, infeasible || options.widenAlways && ctx.terms >= 3 else { return (links, built, result, "") }
        var wide = PersonLinks.candidates(ctx, part: part, baseline: options.baseline, nearest: widenedNearest)
        for l in links.all { wide.insert(l.unit, l.site, term: l.term) }
        let (again, widened) = try people(over: wide, solver: solver, ctx: ctx, options: options, part: part, own: own)
        if let counted = result.objective, !cheaper(widened.objective, than: counted) {
            return (links, built, result, " (widened to \(widenedNearest) nearest: no cheaper)")
        }
        return (wide, again, widened, " (\(infeasible ? "infeasible; " : "")widened to \(widenedNearest) nearest)")
    }

    /// Whether `objective` (nil: no roster) is below `other` by more than the rounding.
    private static func cheaper(_ objective: Double?, than other: Double) -> Bool {
        guard let objective else { return false }
        return objective < other - 1e-6 * max(1, abs(other))
    }

    /// The people model over `links`, node-limited; its result.
    ///
    /// - Throws: ``ModelError`` or ``Failure``: bugs.
    private static func people(
        over links: PersonLinks, solver: any MIPSolver, ctx: PlanContext, options: PlanOptions, part: Set<Int>?,
        own: ContinuousClock.Instant?
    ) throws -> (BuiltModel, SolveResult) {
        let built = try PersonFormulation.build(ctx, options: options, elastic: false, part: part, links: links)
        let hooks = SolveHooks(
            separator: built.cycleCuts.isEmpty ? nil : { point, _ in built.separate(point) }, shouldStop: options.shouldStop)
        let result = solver.solve(built.model, options: solveOptions(options, own, gap: peopleGap), hooks: hooks)
        if case .failed(let why) = result.termination { throw Failure(why: "people model: \(why)") }
        return (built, result)
    }

    private static func solveOptions(_ options: PlanOptions, _ own: ContinuousClock.Instant?, gap: Double) -> SolveOptions {
        var out = SolveOptions(timeLimit: secondsLeft(until: own), relativeGap: max(options.relativeGap, gap))
        out.nodeLimit = nodes
        return out
    }

    /// A solve that failed: a bug.
    struct Failure: Error, CustomStringConvertible {
        let why: String
        var description: String { "unit flow seed: \(why)" }
    }
}
