import MIPModel
import ZhudianCore

/// A first roster for the people model, from the same model over candidate links only
/// (``PersonLinks``): kept when the full model ends with no roster of its own or a dearer one
/// (docs/FORMULATION.md, "A first roster for the people model").
///
/// Its cost is a roster's cost, never a bound: the restricted model's bound says nothing
/// about rosters using links it left out, so a part that ends on the seed has the full
/// model's bound, or none.
struct PersonSeed {
    /// The roster's stays.
    let placements: [Placement]
    /// Its cost in the people model's objective (the same columns cost the same in both).
    let objective: Double
    /// Column values by column name, to move onto the full model.
    let valuesByName: [String: Double]
    /// What the restricted solve did, for the log.
    let note: String
    /// The candidate links of the restricted model the roster came from (``PricedPersonSolve``
    /// starts its LP rounds from them).
    let links: PersonLinks

    /// Sites each sending unit starts with, per term.
    static let nearest = 8
    /// The share of the time left that the dive and the restricted model may take.
    static let timeShare = 0.25
    /// The restricted model stops at this gap: the full model does the proving.
    static let seedGap = 0.01
    /// The gap at which it stops when it starts from a given roster (``RotatingSeed``,
    /// ``StayingSeed``): such a roster is often within 1 % already, and the priced solve's
    /// filter keeps fewer links the closer the seed (peer row 20: from the kept links'
    /// 2 999.34 the restricted model stopped at once at 1 %, and the priced MIP then took
    /// 3.6 s over 1 009 links instead of 0.15 s over 282 from the optimum 2 973.58).
    static let givenGap = 0.001
    /// The share of the time left when it starts from a given roster: with no dive to make,
    /// and stopping at ``givenGap``, it would otherwise spend its whole share where it finds
    /// nothing better (peer row 36: 6–7 s of 30 from the kept links' 12 120.77, and the
    /// priced LP rounds, which need about 8 s idle, then stopped unconverged at a load of 5).
    static let givenShare = 0.1
    /// Branch-and-bound nodes the restricted model may take (its time share still caps it): it
    /// stops at the same point on every machine and load, so the roster the proving MIP starts
    /// from, and which of tied optima it proves, do not depend on the clock (the thirteenth
    /// round's differential sweep: ring 34 × 2 with people staying on gave two different optimal
    /// rosters at the same limit, docs/FORMULATION.md, "Determinism").
    static let restrictedNodes = 200

    /// Whether a seed pays: the full model has many more links than the restricted one.
    static func worthwhile(_ ctx: PlanContext, part: Set<Int>?) -> Bool {
        ctx.senders.filter { part?.contains($0) ?? true }.count > 3 * nearest
    }

    /// Dives to a roster of the restricted model (widening its links while they admit none),
    /// then (with `improve`) lets GLPK improve it in the rest of its share of the time; nil when the dive
    /// finds none before that share ends (or even every link admits no roster). With `from`
    /// (``RotatingSeed``'s roster), there is no dive: the restricted model is the one over
    /// that seed's links, and GLPK improves that seed's roster. `share`: of the time left
    /// (``timeShare``, or ``givenShare`` with `from`, when nil).
    ///
    /// - Throws: ``ModelError`` or ``PersonDive/Failure``: bugs.
    static func find(
        solver: any MIPSolver, ctx: PlanContext, options: PlanOptions, part: Set<Int>?,
        deadline: ContinuousClock.Instant?, nearest: Int = nearest, construct: Bool = true, improve: Bool = true,
        from given: PersonSeed? = nil, share: Double? = nil
    ) throws -> PersonSeed? {
        let began = ContinuousClock.now
        let share = share ?? (given == nil ? timeShare : givenShare)
        let own = secondsLeft(until: deadline).map { began + .limit(seconds: $0 * share) }
        let rings = construct && given == nil ? try constructed(solver, ctx, options, part, own, nearest) : nil
        let start = try given.map { try Self.over($0, ctx, options, part, nearest) }
            ?? rings ?? widestNeeded(solver, ctx, options, part, own, nearest)
        guard let (links, width, built, dived, undone) = start else { return nil }
        let diveSeconds = (ContinuousClock.now - began).seconds
        // The restricted bound is no bound of the full model: progress shows the roster only.
        let progress = options.progress.map { report in
            { (p: SolveProgress) in report(SolveProgress(incumbent: p.incumbent, bound: nil, gap: nil, nodes: p.nodes, elapsed: p.elapsed)) }
        }
        let hooks = SolveHooks(
            separator: built.cycleCuts.isEmpty ? nil : { point, _ in built.separate(point) },
            initialSolution: dived, progress: progress, shouldStop: options.shouldStop)
        var solveOptions = SolveOptions(
            timeLimit: secondsLeft(until: own), relativeGap: max(options.relativeGap, given == nil ? seedGap : givenGap),
            captureLog: options.captureLog)
        solveOptions.nodeLimit = restrictedNodes
        // Without `improve` (free placement priced next, ``PricedPersonSolve``) the dive's
        // roster is enough: the priced MIP searches a superset of these links, from a better LP.
        let result = improve ? solver.solve(built.model, options: solveOptions, hooks: hooks) : nil
        if case .failed(let why)? = result?.termination { throw PersonDive.Failure(why: "restricted model: \(why)") }
        let values = result?.values ?? dived
        let objective = result?.objective ?? built.model.objectiveValue(at: dived)
        var byName: [String: Double] = [:]
        for (i, v) in built.model.variables.enumerated() where values[i] != 0 { byName[v.name] = values[i] }
        let how = given != nil ? ", constructed rings and the rotating roster's" : rings == nil ? "" : " and constructed rings"
        let note = "people seed: \(links.count) candidate links (\(width) nearest\(how)), \(built.model.variableCount) columns; dive "
            + "\(built.model.objectiveValue(at: dived)) in \(String(format: "%.3f", diveSeconds)) s, \(undone) batches undone; "
            + (result.map { "restricted MIP \(objective) (\($0.termination))" } ?? "no restricted MIP")
        return PersonSeed(
            placements: built.decode(values), objective: objective, valuesByName: byName, note: note, links: links)
    }

    /// The restricted model over `given`'s links and those of the rings built per term
    /// (``PersonRings``, which prefer the previous term's links, as people staying on need),
    /// and `given`'s roster as its point. Without the rings, peer row 30 (cycles 60 × 2,
    /// staying on) ended at 6 498.74 from the rotating roster's 6 841.91; the dive over them
    /// had found 6 467.85.
    private static func over(
        _ given: PersonSeed, _ ctx: PlanContext, _ options: PlanOptions, _ part: Set<Int>?, _ nearest: Int
    ) throws -> (PersonLinks, Int, BuiltModel, [Double], Int) {
        var links = given.links
        links.insert(rings: PersonRings.build(ctx, part: part) ?? [])
        let built = try PersonFormulation.build(ctx, options: options, elastic: false, part: part, links: links)
        return (links, nearest, built, given.point(for: built.model), 0)
    }

    /// The restricted model over each sender's `nearest` sites and the links of rings built
    /// per term (``PersonRings``), and its point dived with those links fixed to 1 (so the
    /// dive only picks people); nil when no rings are built or the dive finds no roster on
    /// them (``widestNeeded`` then tries the candidate links alone).
    private static func constructed(
        _ solver: any MIPSolver, _ ctx: PlanContext, _ options: PlanOptions, _ part: Set<Int>?,
        _ deadline: ContinuousClock.Instant?, _ nearest: Int
    ) throws -> (PersonLinks, Int, BuiltModel, [Double], Int)? {
        guard let rings = PersonRings.build(ctx, part: part) else { return nil }
        var links = PersonLinks.candidates(ctx, part: part, baseline: options.baseline, nearest: nearest)
        links.insert(rings: rings)
        let built = try PersonFormulation.build(ctx, options: options, elastic: false, part: part, links: links)
        let column = Dictionary(
            uniqueKeysWithValues: built.model.variables.enumerated().filter { $0.element.name.hasPrefix("y_") }
                .map { ($0.element.name, $0.offset) })
        // The fixing is the dive's model only: the restricted MIP may still leave the rings.
        var fixed = built.model
        for (k, ring) in rings.enumerated() {
            for link in ring {
                // A link the model has no column for (nobody may take it) leaves that term to the dive.
                guard let j = column["y_\(link.from)_\(link.to)_\(k)"] else { continue }
                try fixed.addConstraint(
                    name: "ring_\(link.from)_\(link.to)_\(k)", LinearExpression([(Variable(index: j), 1)]), lower: 1)
            }
        }
        var dive = PersonDive(
            solver: solver, deadline: deadline, shouldStop: { options.shouldStop?() ?? false },
            separate: { built.separate($0) })
        dive.first = Set(column.values)
        switch try dive.point(fixed) {
        case .point(let values, let undone): return (links, nearest, built, values, undone)
        case .noRoster, .stopped: return nil
        }
    }

    /// The restricted model and its dived point, over each sender's `nearest` sites, or over
    /// twice as many while the links admit no roster at all (a ring of 100 over each sender's
    /// 8 nearest sites had none), until every site is a candidate; nil when the dive stops.
    private static func widestNeeded(
        _ solver: any MIPSolver, _ ctx: PlanContext, _ options: PlanOptions, _ part: Set<Int>?,
        _ deadline: ContinuousClock.Instant?, _ nearest: Int
    ) throws -> (PersonLinks, Int, BuiltModel, [Double], Int)? {
        let siteCount = ctx.sites.filter { part?.contains($0) ?? true }.count
        var width = nearest
        while true {
            let links = PersonLinks.candidates(ctx, part: part, baseline: options.baseline, nearest: width)
            let built = try PersonFormulation.build(ctx, options: options, elastic: false, part: part, links: links)
            var dive = PersonDive(
                solver: solver, deadline: deadline, shouldStop: { options.shouldStop?() ?? false },
                separate: { built.separate($0) })
            if ctx.scenario.rules.structure != .free {
                dive.first = Set(built.model.variables.indices.filter { built.model.variables[$0].name.hasPrefix("y_") })
            }
            switch try dive.point(built.model) {
            case .point(let values, let undone): return (links, width, built, values, undone)
            case .noRoster where width < siteCount: width *= 2
            case .noRoster, .stopped: return nil
            }
        }
    }

    /// The roster as a point of `full` (the full people model of the same part): columns of
    /// the same name take the seed's values, every other column 0.
    func point(for full: Model) -> [Double] {
        var served: [Int: Int] = [:]
        for placed in placements { served[placed.person, default: 0] += 1 }
        let onDuty = Set(placements.map { "on_\($0.person)_\($0.term)" })
        return full.variables.map { column in
            if let (p, r) = Self.fairnessStep(column.name) { return r <= served[p, default: 0] ? 1 : 0 }
            // `on[p,k]` (RowSink.addOverlap): set from the stays, as the restricted model may have none.
            if column.name.hasPrefix("on_") { return onDuty.contains(column.name) ? 1 : 0 }
            return valuesByName[column.name] ?? 0
        }
    }

    /// `(p, r)` of the fairness column `t_p_r`: set from the stays, because the restricted
    /// model can have fewer of them (a person with one possible term puts the cost on x).
    private static func fairnessStep(_ name: String) -> (Int, Int)? {
        let parts = name.split(separator: "_")
        guard parts.count == 3, parts[0] == "t", let p = Int(parts[1]), let r = Int(parts[2]) else { return nil }
        return (p, r)
    }

    /// Whether the seed is cheaper than the full model's roster (costing `objective`; nil
    /// when it has none).
    func beats(_ other: Double?) -> Bool {
        guard let other else { return true }
        return objective < other - 1e-6 * max(1, abs(other))
    }

    /// `out` (the full model's result) carrying the seed's roster instead. Its bound is the
    /// full model's, or none when that model ended without one: the restricted model's own
    /// bound proves nothing about rosters over the links it left out.
    func fill(_ out: inout PartResult, full: Model) {
        out.values = point(for: full)
        out.placements = placements
        out.objective = objective
        out.seeded = true
    }
}
