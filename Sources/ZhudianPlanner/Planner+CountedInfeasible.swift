import ZhudianCore

/// A part that counting already proved infeasible (``Precheck``): a pin the rules forbid, a
/// unit with too few qualified people, a pin naming someone inactive. No search can find a
/// roster there, so none runs: the elastic model gets the whole time limit to name the
/// smallest set of rule instances (or, with `--best-effort`, ``BestEffort`` to break the
/// fewest). Before, the search spent the limit first, and a short limit ended in "no roster
/// before the time limit" (exit 3) on a scenario known to have none (sweep 078 at 2 s).
extension Planner {
    /// Whether a cause in `known` lies in `part` (every cause does when `part` is nil).
    static func countedInfeasible(_ known: [ExplainedInstance], part: Set<Int>?, _ ctx: PlanContext) -> Bool {
        guard let part else { return !known.isEmpty }
        return known.contains { cause in
            [cause.unit, cause.site].contains { id in id.flatMap { ctx.index.unit[$0] }.map(part.contains) ?? false }
        }
    }

    /// The part's result without a search: infeasible, explained unless best effort replaces
    /// the explanation. The model is built all the same, so `--dump-model` still writes it.
    func countedInfeasiblePart(
        _ ctx: PlanContext, options: PlanOptions, useTeams: Bool, part: Set<Int>?, deadline: ContinuousClock.Instant?,
        known: [ExplainedInstance]
    ) -> PartResult {
        var out = PartResult(termination: .infeasible)
        do {
            out.model = useTeams
                ? try TeamFormulation.build(ctx, options: options, elastic: false, part: part).model
                : try PersonFormulation.build(ctx, options: options, elastic: false, part: part, twoTerms: false).model
        } catch {
            return PartResult(termination: .failed("model: \(error)"))
        }
        out.log = ["counting proves this part infeasible: no search, the elastic model names the causes"]
        if !options.bestEffort {
            explainInfeasible(&out, ctx, options: options, useTeams: useTeams, part: part, deadline: deadline, known: known)
        }
        return out
    }

    /// Fills an infeasible part's explanation from the elastic model (``explain``).
    func explainInfeasible(
        _ out: inout PartResult, _ ctx: PlanContext, options: PlanOptions, useTeams: Bool, part: Set<Int>?,
        deadline: ContinuousClock.Instant?, known: [ExplainedInstance]
    ) {
        switch explain(ctx, options: options, useTeams: useTeams, part: part, deadline: deadline, known: known) {
        case .found(let items, let proof):
            out.explanation = items
            out.explanationProof = proof
        case .notFound(let why): out.unexplained = why
        case .failed(let why): out.termination = .failed(why)
        }
    }
}
