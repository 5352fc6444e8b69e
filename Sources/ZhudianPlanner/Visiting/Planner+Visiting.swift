import MIPModel
import ZhudianCore

extension Planner {
    /// Visiting mode (docs/FORMULATION.md, "Visiting mode"): stage 1 assigns teams
    /// (``VisitingFormulation``), stage 2 dates the visits (``VisitCalendar``); an assignment a
    /// component of which has no calendar is cut off and stage 1 solved again. The cuts only
    /// remove assignments without a calendar, so the first optimal assignment with one is optimal.
    func planVisiting(_ scenario: Scenario, reference: ScenarioReference, options: PlanOptions) -> PlanResult {
        let clock = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - clock).seconds }
        let ctx = PlanContext(scenario)
        let days = VisitDays(ctx)
        let deadline = options.timeLimit.map { ContinuousClock.now + .limit(seconds: $0) }
        let calendar = VisitCalendar(ctx, days: days, solver: solver, deadline: deadline)
        let formulation = "visiting"
        var noGoods: [VisitingFormulation.NoGood] = []
        var log: [String] = []
        while true {
            let built: BuiltModel
            do {
                built = try VisitingFormulation.build(ctx, days: days, options: options, part: nil, noGoods: noGoods)
            } catch {
                return PlanResult(outcome: .failed("model: \(error)"), roster: nil, model: nil, log: log, formulation: formulation)
            }
            let result = built.solve(with: solver, options: options, deadline: deadline)
            log += result.log
            switch result.termination {
            case .infeasible where options.bestEffort:
                let effort = VisitingBestEffort(planner: self, ctx: ctx, days: days, options: options, deadline: deadline)
                var out = effort.plan(reference: reference, seconds: elapsed)
                out.log = log + out.log
                return out
            case .infeasible:
                var out = visitingInfeasible(ctx, days: days, noGoods: noGoods, reference: reference, options: options, seconds: elapsed())
                out.log = log
                out.model = built.model
                return out
            case .optimal, .timeLimit, .gapLimit, .stopped:
                break
            case .failed(let why):
                return PlanResult(outcome: .failed(why), roster: nil, model: built.model, log: log, formulation: formulation)
            default:
                return PlanResult(
                    outcome: .failed("the assignment model ended with \(result.termination) (a bug)"), roster: nil,
                    model: built.model, log: log, formulation: formulation)
            }
            guard let values = result.values, let solverObjective = result.objective else {
                return PlanResult(outcome: .noSolution, roster: nil, model: built.model, log: log, formulation: formulation)
            }
            let placements = built.decode(values)
            switch calendar.run(placements, ctx: ctx) {
            case .noGoods(let more):
                noGoods += more
                log.append("visiting: \(more.count) assignment(s) without a calendar cut off; assigning again")
                // A limit that stopped stage 1 leaves no proof to keep: stop as a search without a roster.
                if result.termination != .optimal || secondsLeft(until: deadline).map({ $0 <= 0 }) == true {
                    return PlanResult(outcome: .noSolution, roster: nil, model: built.model, log: log, formulation: formulation)
                }
                continue
            case .stopped:
                return PlanResult(outcome: .noSolution, roster: nil, model: built.model, log: log, formulation: formulation)
            case .unknown(let why):
                return PlanResult(outcome: .failed(why), roster: nil, model: built.model, log: log, formulation: formulation)
            case .visits(let visits):
                var out = visitingRoster(
                    ctx, placements: placements, visits: visits, result: result, solverObjective: solverObjective,
                    reference: reference, options: options, seconds: elapsed())
                out.log = log
                out.model = built.model
                return out
            }
        }
    }

    /// The roster of an assignment and its visits, after the objective audit.
    private func visitingRoster(
        _ ctx: PlanContext, placements: [Placement], visits: [(site: Int, day: Int, people: [Int])], result: SolveResult,
        solverObjective: Double, reference: ScenarioReference, options: PlanOptions, seconds: Double
    ) -> PlanResult {
        let s = ctx.scenario
        var terms = RosterAssembly.terms(s, ctx, placements)
        for i in terms.indices {
            let range = s.termRange(terms[i].term)
            terms[i].visits = visits.filter { range.contains(CivilDate(dayNumber: $0.day)) }.map { v in
                Visit(
                    date: CivilDate(dayNumber: v.day), site: s.units[v.site].id,
                    people: v.people.map { s.people[$0].id }.sorted())
            }.sorted()
        }
        let objective = RosterAssembly.objective(s, ctx, placements, baseline: options.baseline)
        let proven = result.termination == .optimal
        if let why = ObjectiveAudit.disagreement(solver: solverObjective, recomputed: objective, proven: proven) {
            return PlanResult(outcome: .failed(why), roster: nil, model: nil, log: [], formulation: "visiting")
        }
        var bound: Double? = proven ? objective : nil
        var gap: Double? = proven ? 0 : nil
        if !proven, let b = result.bestBound {
            bound = min(objective, b)
            gap = SolveSummary.gap(objective: objective, bound: min(objective, b))
        }
        let summary = SolveSummary(
            status: proven ? .optimal : .feasible, objective: objective, bound: bound, gap: gap, seconds: seconds,
            engine: solver.engineName)
        return PlanResult(
            outcome: proven ? .optimal : .feasible, roster: Roster(scenario: reference, solve: summary, terms: terms),
            model: nil, log: [], formulation: "visiting")
    }

    /// No assignment with a calendar: the `visits` instances counting proves, else the sites whose
    /// assignments stage 2 kept cutting off.
    private func visitingInfeasible(
        _ ctx: PlanContext, days: VisitDays, noGoods: [VisitingFormulation.NoGood], reference: ScenarioReference,
        options: PlanOptions, seconds: Double
    ) -> PlanResult {
        var items = VisitingExplanation.instances(ctx, days: days)
        var unexplained: Unexplained? = nil
        if items.isEmpty, let last = noGoods.last, let first = last.first {
            let s = ctx.scenario
            let sites = Array(Set(last.map(\.site))).sorted()
            items = sites.map { v in
                ExplainedInstance(
                    rule: .visits, term: first.term, unit: nil, site: s.units[v].id,
                    people: Array(Set(last.filter { $0.site == v }.map { s.people[$0.person].id })).sorted(),
                    message: .visitsUnschedulable(sites: sites.map { s.units[$0].displayName }, term: first.term))
            }
        }
        if items.isEmpty { unexplained = .beyondRelaxedRules }
        // No proof label: `.counted` would say a time limit cut the search short, and the
        // instances are not shown to be the smallest set.
        return Self.infeasible(ctx.scenario, reference, items, unexplained, seconds: seconds, options, "visiting", solver)
    }
}
