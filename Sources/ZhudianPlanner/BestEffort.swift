import ZhudianCore

/// `plan --best-effort` (SPEC §4): for each infeasible part, the elastic model's roster that
/// breaks the fewest rule instances, the cheapest of those by the SPEC §3 objective; the
/// feasible parts keep their ordinary optimum. It breaks only coverage, structure,
/// keepAtHome and pins: every other rule stays hard, so it leaves a post empty (空岗)
/// rather than break self, group, overlap, qualification, availability or forbid.
struct BestEffort {
    let planner: Planner
    let ctx: PlanContext
    let options: PlanOptions
    let useTeams: Bool
    let deadline: ContinuousClock.Instant?
    let known: [ExplainedInstance]

    func plan(
        _ results: [PartResult], parts: [Set<Int>?], reference: ScenarioReference, seconds: () -> Double,
        formulation: String
    ) -> PlanResult {
        let s = ctx.scenario
        var placements: [Placement] = []
        var breaks: [ExplainedInstance] = []
        for (i, result) in results.enumerated() {
            if result.termination == .infeasible {
                let elastic = ElasticSolve(
                    solver: planner.solver, ctx: ctx, options: options, useTeams: useTeams, part: parts[i],
                    deadline: deadline)
                switch elastic.run(.bestEffort) {
                case .found(let found):
                    placements += found.placements
                    breaks += found.broken.flatMap { Explanations.breaks($0, ctx) }.map { said in
                        known.first { $0.names(said) } ?? said
                    }
                case .notFound(let why):
                    return Planner.infeasible(s, reference, [], why, seconds: seconds(), options, formulation, planner.solver)
                case .failed(let why):
                    return PlanResult(outcome: .failed(why), roster: nil, model: nil, log: [], formulation: formulation)
                }
            } else if result.values != nil {
                placements += result.placements
            } else {
                return PlanResult(outcome: .noSolution, roster: nil, model: nil, log: [], formulation: formulation)
            }
        }
        placements.sort()
        let items = breaks.sorted(by: ExplainedInstance.ordered)
        let objective = RosterAssembly.objective(s, ctx, placements, baseline: options.baseline)
        // No bound: the fewest breaks come first, so no lower bound on the cost alone applies.
        let summary = SolveSummary(
            status: .bestEffort, objective: objective, bound: nil, gap: nil, seconds: seconds(),
            engine: planner.solver.engineName)
        let roster = Roster(
            scenario: reference, solve: summary, terms: RosterAssembly.terms(s, ctx, placements),
            explanation: items.map { $0.rendered(.zh) })
        var out = PlanResult(outcome: .bestEffort, roster: roster, model: nil, log: [], formulation: formulation + ", elastic")
        out.explanation = items.map { $0.rendered(options.language) }
        return out
    }
}
