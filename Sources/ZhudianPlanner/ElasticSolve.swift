import MIPModel
import ZhudianCore

/// The elastic model solved for an explanation or a best-effort roster.
///
/// Every coverage, sending, home-staffing and pin row has a binary slack that relaxes it
/// whole, so a solution names the rule instances it breaks (docs/FORMULATION.md,
/// "Explanations and best effort"). Two phases:
///
/// 1. **Fewest instances.** Only the slacks cost: each its number of SPEC §4 rule instances
///    (``breaks(of:purpose:)``). A proven optimum is the smallest explanation over these
///    kinds; a search stopped by the limit leaves a set that a deletion filter makes
///    irreducible, or nothing at all.
/// 2. **Which of the smallest.** The count is capped at the phase-1 optimum and, for an
///    explanation, the natural order decides (``naturalRank(_:)``); for a best-effort
///    roster, the SPEC §3 cost of its stays.
struct ElasticSolve {
    let solver: any MIPSolver
    let ctx: PlanContext
    let options: PlanOptions
    let useTeams: Bool
    let part: Set<Int>?
    let deadline: ContinuousClock.Instant?

    /// What the elastic model is asked for.
    enum Purpose {
        /// The fewest rule instances to relax, in the natural order among equals.
        case explain
        /// The cheapest roster among those breaking the fewest rule instances.
        case bestEffort
    }

    /// The broken slacks, the placements of the solution that breaks them, and the proof.
    struct Found {
        var broken: [ElasticSlack]
        var placements: [Placement]
        var proof: ExplanationProof
    }

    enum Outcome {
        case found(Found)
        case notFound(Unexplained)
        case failed(String)
    }

    func run(_ purpose: Purpose) -> Outcome {
        do {
            return try solve(purpose)
        } catch {
            return .failed("elastic model: \(error)")
        }
    }

    private func solve(_ purpose: Purpose) throws -> Outcome {
        if let priced = try pricedSolve(purpose) { return priced }
        var first = try build()
        try Self.zeroObjective(&first.model)
        for s in first.slacks {
            try first.model.setObjectiveCoefficient(s.variable, Double(Self.breaks(of: s.slack, purpose: purpose)))
        }
        let result = solver.solve(first.model, options: SolveOptions(timeLimit: secondsLeft(until: deadline)), hooks: hooks(first))
        switch result.termination {
        case .optimal, .timeLimit, .gapLimit, .stopped: break
        case .infeasible: return .notFound(.beyondRelaxedRules)
        case .failed(let why): return .failed("elastic model: \(why)")
        case .unbounded: return .failed("elastic model: unbounded (a bug)")
        }
        guard let values = result.values else {
            return .notFound(result.termination == .stopped ? .stopped : .timeLimit)
        }
        let chosen = first.slacks.filter { values[$0.variable.index] > 0.5 }
        // The main model was infeasible, so an elastic solution that breaks nothing means
        // the two models disagree: a bug, not an explanation.
        if chosen.isEmpty { return .failed("the elastic model breaks no rule, but the model was infeasible") }
        if result.termination == .stopped { return .notFound(.stopped) }
        guard result.termination == .optimal else {
            do {
                return try irreducible(chosen.map(\.slack))
            } catch is ElasticTimeout {
                return .notFound(.timeLimit)
            }
        }
        let count = Int(result.objective?.rounded() ?? 0)
        if let refined = try secondPhase(purpose, count: count) { return .found(refined) }
        return .found(Found(broken: chosen.map(\.slack), placements: first.decode(values), proof: .smallest))
    }

    /// Phase 2: the same count at most, the natural order or the stays' cost deciding. Nil
    /// when the limit leaves no solution (phase 1's then stands).
    private func secondPhase(_ purpose: Purpose, count: Int) throws -> Found? {
        var second = try build()
        var cap = LinearExpression()
        if purpose == .explain { try Self.zeroObjective(&second.model) }
        for s in second.slacks {
            cap.add(s.variable, Double(Self.breaks(of: s.slack, purpose: purpose)))
            let cost = purpose == .explain ? Double(1 + naturalRank(s.slack)) : 0
            try second.model.setObjectiveCoefficient(s.variable, cost)
        }
        try second.model.addConstraint(name: "fewest_breaks", cap, upper: Double(count))
        let result = solver.solve(second.model, options: SolveOptions(timeLimit: secondsLeft(until: deadline)), hooks: hooks(second))
        if case .failed(let why) = result.termination { throw ElasticFailure(detail: why) }
        guard let values = result.values else { return nil }
        let broken = second.slacks.filter { values[$0.variable.index] > 0.5 }.map(\.slack)
        return Found(broken: broken, placements: second.decode(values), proof: .smallest)
    }

    /// A deletion filter over `set`: drops each instance whose relaxation is not needed,
    /// last in the natural order first, so the set left is irreducible.
    func irreducible(_ set: [ElasticSlack]) throws -> Outcome {
        var kept = set.sorted { naturalRank($0) < naturalRank($1) }
        var placements: [Placement] = []
        for candidate in kept.reversed() {
            let trial = kept.filter { !Self.same($0, candidate) }
            switch try feasible(relaxing: trial) {
            case .some(let found): kept = trial; placements = found
            case .none: break
            }
        }
        if placements.isEmpty, let found = try feasible(relaxing: kept) { placements = found }
        return .found(Found(broken: kept, placements: placements, proof: .irreducible))
    }

    /// The placements of a solution that relaxes only `allowed`, or nil when none exists.
    func feasible(relaxing allowed: [ElasticSlack]) throws -> [Placement]? {
        var model = try build()
        try Self.zeroObjective(&model.model)
        for s in model.slacks where !allowed.contains(where: { Self.same($0, s.slack) }) {
            try model.model.addConstraint(name: "keep_\(s.variable.index)", LinearExpression([(s.variable, 1)]), upper: 0)
        }
        let result = solver.solve(model.model, options: SolveOptions(timeLimit: secondsLeft(until: deadline)), hooks: hooks(model))
        switch result.termination {
        case .infeasible: return nil
        case .failed(let why): throw ElasticFailure(detail: why)
        default: break
        }
        // No answer within the limit: the set cannot be shown irreducible.
        guard let values = result.values else { throw ElasticTimeout() }
        return model.decode(values)
    }

    func build() throws -> BuiltModel {
        useTeams
            ? try TeamFormulation.build(ctx, options: options, elastic: true, part: part)
            : try PersonFormulation.build(ctx, options: options, elastic: true, part: part)
    }

    private func hooks(_ built: BuiltModel) -> SolveHooks {
        SolveHooks(
            separator: built.cycleCuts.isEmpty ? nil : { point, _ in built.separate(point) },
            shouldStop: options.shouldStop)
    }

    /// SPEC §4 rule instances a slack stands for. For an explanation, each slack is one
    /// instance: the one to relax. In a best-effort roster under ring/cycles a site left
    /// without a team breaks both its coverage and the term's structure there.
    static func breaks(of slack: ElasticSlack, purpose: Purpose) -> Int {
        if purpose == .bestEffort, slack.teamReceipt {
            return 2
        }
        return 1
    }

    /// The order a planner reads an explanation in, among equally small ones: a site short
    /// of people first (what she sees), then home staffing, pins, and a unit that cannot
    /// send; earlier terms first; then file order.
    func naturalRank(_ s: ElasticSlack) -> Int {
        Self.naturalRank(s, units: ctx.scenario.units.count, terms: ctx.terms)
    }

    /// ``naturalRank(_:)`` for a scenario of `units` units and `terms` terms.
    static func naturalRank(_ s: ElasticSlack, units: Int, terms: Int) -> Int {
        let kinds: [RuleKind] = [.coverage, .keepAtHome, .pin, .structure]
        let kind = kinds.firstIndex(of: s.rule) ?? kinds.count
        let place = s.site ?? s.unit ?? 0
        return ((kind * (terms + 1)) + (s.term ?? 0)) * (units + 1) + place
    }

    private static func same(_ a: ElasticSlack, _ b: ElasticSlack) -> Bool {
        a.rule == b.rule && a.term == b.term && a.unit == b.unit && a.site == b.site && a.people == b.people
    }

    private static func zeroObjective(_ model: inout Model) throws {
        for i in 0..<model.variableCount { try model.setObjectiveCoefficient(Variable(index: i), 0) }
        model.objectiveConstant = 0
    }
}

/// The engine failed inside an elastic solve.
struct ElasticFailure: Error, CustomStringConvertible {
    let detail: String
    var description: String { detail }
}

/// The limit ran out inside the deletion filter.
struct ElasticTimeout: Error {}
