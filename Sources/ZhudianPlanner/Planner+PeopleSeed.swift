import MIPModel

extension Planner {
    /// The people model's first roster, above 24 sending units: the teams model's roster with
    /// everyone rotating (``RotatingSeed``, ring and cycles with staying on), then the
    /// restricted model's (``PersonSeed``) — started from the rotating roster when there is
    /// one, instead of its own dive — and the cheaper of the two is kept; nil when neither
    /// applies or finds one.
    ///
    /// Why both (docs/FORMULATION.md, "A first roster where people stay on"): at 100
    /// enterprises the rotating roster is less than half of what the restricted model's dive
    /// finds; at 26 the restricted model, improving it, finds the optimum 6 % below it.
    ///
    /// - Throws: ``RotatingSeed/Failure``, ``UnitFlowSeed/Failure``, ``PersonDive/Failure`` or ``ModelError``: bugs.
    func peopleSeed(
        _ ctx: PlanContext, options: PlanOptions, part: Set<Int>?, deadline: ContinuousClock.Instant?, pricePeople: Bool,
        share: Double? = nil
    ) throws -> PersonSeed? {
        var seeds: [PersonSeed] = []
        // Below 25 sending units the full model proves fast from no seed (peer rows 10, 14,
        // 19: the teams solve and the fixing it allows cost more than they save).
        if options.rotatingSeed ?? PersonSeed.worthwhile(ctx, part: part), RotatingSeed.applies(ctx.scenario.rules),
            let rotating = try RotatingSeed.find(solver: solver, ctx: ctx, options: options, part: part, deadline: deadline)
        {
            seeds.append(rotating)
            if options.stayingSeed,
                let staying = try StayingSeed.find(
                    solver: solver, ctx: ctx, options: options, part: part, deadline: deadline, from: rotating)
            {
                seeds.append(staying)
            }
        }
        // Free placement over two terms or more: the dive below often finds no roster where the
        // people are nearly all needed (``UnitFlowSeed``); its roster, when found, is the one
        // the restricted model starts from instead of a dive.
        if UnitFlowSeed.applies(ctx, options: options, part: part),
            let counted = try UnitFlowSeed.find(solver: solver, ctx: ctx, options: options, part: part, deadline: deadline)
        {
            seeds.append(counted)
        }
        // Priced next, a free seed's restricted MIP gave nothing the priced MIP does not (rows 33,
        // 39, 44); under ring and cycles it found row 30's best roster, which then filters links.
        // With the full model's restarts next (``PersonRestart``), it gave nothing either: at
        // row 24 (free 30 × 2) its 2.5 s found 3 069.03, and the first search from the dive's
        // 3 316.63 found 3 060.52 after the same 53 nodes as from 3 069.03.
        if options.peopleSeed ?? PersonSeed.worthwhile(ctx, part: part),
            let restricted = try PersonSeed.find(
                solver: solver, ctx: ctx, options: options, part: part, deadline: deadline,
                nearest: options.seedLinks ?? PersonSeed.nearest,
                improve: ctx.scenario.rules.structure != .free || !(pricePeople || Self.restartsFollow(options)),
                from: Self.cheapest(seeds).map { seeds[$0] }, share: share)
        {
            seeds.append(restricted)
        }
        guard let kept = Self.cheapest(seeds) else { return nil }
        let best = seeds[kept]
        let dropped = seeds.indices.filter { $0 != kept }.map { "not kept (no cheaper): " + seeds[$0].note }
        return PersonSeed(
            placements: best.placements, objective: best.objective, valuesByName: best.valuesByName,
            note: ([best.note] + dropped).joined(separator: "\n"), links: best.links)
    }

    /// Whether the full model's search restarts against its own rosters (``PersonRestart``):
    /// it needs the seed's roster only to start.
    static func restartsFollow(_ options: PlanOptions) -> Bool {
        options.restarts && options.reducedCostFixing
    }

    /// The index of the cheapest of `seeds`, the first of equal costs (the rotating roster, found first).
    static func cheapest(_ seeds: [PersonSeed]) -> Int? {
        guard var kept = seeds.indices.first else { return nil }
        for i in seeds.indices.dropFirst() where seeds[i].beats(seeds[kept].objective) { kept = i }
        return kept
    }
}
