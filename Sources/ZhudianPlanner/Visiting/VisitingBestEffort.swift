import MIPModel
import ZhudianCore

/// `plan --best-effort` in visiting mode (SPEC §4): stage 1 with slack on coverage, sending,
/// keepAtHome and pins (fewest slacks first, then the cheapest assignment among those), stage 2
/// by the spreading rule leaving out every visit it finds no day for. The breaks listed are the
/// slacks used, and one `visits` instance per site and month that lacks a visit (an empty site
/// lacks all its months). Every other rule stays hard.
///
/// The fewest coverage, sending, keepAtHome and pin breaks is proven by the first solve; the
/// visits left out are the spreading rule's, not proven the fewest.
struct VisitingBestEffort {
    let planner: Planner
    let ctx: PlanContext
    let days: VisitDays
    let options: PlanOptions
    let deadline: ContinuousClock.Instant?

    func plan(reference: ScenarioReference, seconds: () -> Double) -> PlanResult {
        let s = ctx.scenario
        let built: BuiltModel
        do {
            built = try VisitingFormulation.build(ctx, days: days, options: options, part: nil, noGoods: [], elastic: true)
        } catch {
            return failed("model: \(error)")
        }
        guard let values = solveLexicographically(built) else {
            return PlanResult(outcome: .noSolution, roster: nil, model: built.model, log: [], formulation: "visiting, elastic")
        }
        let placements = built.decode(values)
        var breaks = built.slacks.filter { values[$0.variable.index] > 0.5 }.flatMap { Explanations.breaks($0.slack, ctx) }
        let parts = VisitTeams.components(placements, people: s.people.count, units: s.units.count, terms: ctx.terms)
        var visits: [(site: Int, day: Int, people: [Int])] = []
        var missing: [(site: Int, term: Int, month: CivilDate)] = []
        for teams in parts {
            let found = VisitSpreading.skipping(
                teams, days: days, perMonth: s.calendar.visitsPerMonth, gap: s.calendar.minVisitGapDays)
            visits += found.visits
            missing += found.skipped
        }
        let staffed = Set(placements.map { [$0.term, $0.site] })
        for k in 1...ctx.terms {
            for v in ctx.sites where ctx.minStaff(v) > 0 && !staffed.contains([k, v]) {
                missing += days.months[k].map { (v, k, $0.first) }
            }
        }
        for m in missing {
            let team = placements.filter { $0.term == m.term && $0.site == m.site }.map(\.person)
            breaks.append(
                ExplainedInstance(
                    rule: .visits, term: m.term, unit: nil, site: s.units[m.site].id, people: team.map { s.people[$0].id },
                    message: .visitsImpossible(
                        site: s.units[m.site].displayName, term: m.term, month: m.month.monthKey, team: ctx.minStaff(m.site),
                        visits: s.calendar.visitsPerMonth, people: team.map { s.people[$0].name })))
        }
        let items = breaks.sorted(by: ExplainedInstance.ordered)
        var terms = RosterAssembly.terms(s, ctx, placements)
        for i in terms.indices {
            let range = s.termRange(terms[i].term)
            terms[i].visits = visits.filter { range.contains(CivilDate(dayNumber: $0.day)) }.map { v in
                Visit(date: CivilDate(dayNumber: v.day), site: s.units[v.site].id, people: v.people.map { s.people[$0].id }.sorted())
            }.sorted()
        }
        let summary = SolveSummary(
            status: .bestEffort, objective: RosterAssembly.objective(s, ctx, placements, baseline: options.baseline),
            bound: nil, gap: nil, seconds: seconds(), engine: planner.solver.engineName)
        let roster = Roster(scenario: reference, solve: summary, terms: terms, explanation: items.map { $0.rendered(.zh) })
        var out = PlanResult(outcome: .bestEffort, roster: roster, model: built.model, log: [], formulation: "visiting, elastic")
        out.explanation = items.map { $0.rendered(options.language) }
        return out
    }

    /// Fewest slacks first, then the cheapest stays among rosters with that many.
    private func solveLexicographically(_ built: BuiltModel) -> [Double]? {
        let slackColumns = Set(built.slacks.map(\.variable.index))
        var first = built
        do {
            for (i, v) in built.model.variables.enumerated() where !slackColumns.contains(i) && v.objective != 0 {
                try first.model.setObjectiveCoefficient(Variable(index: i), 0)
            }
            first.model.objectiveConstant = 0
        } catch {
            return nil
        }
        let least = first.solve(with: planner.solver, options: options, deadline: deadline)
        guard least.termination == .optimal, let fewest = least.objective else { return nil }
        var second = built
        do {
            for s in built.slacks { try second.model.setObjectiveCoefficient(s.variable, 0) }
            try second.model.addConstraint(
                name: "fewest_breaks", LinearExpression(built.slacks.map { ($0.variable, 1) }), upper: fewest.rounded() + 0.5)
        } catch {
            return nil
        }
        let cheapest = second.solve(with: planner.solver, options: options, deadline: deadline)
        return cheapest.values
    }

    private func failed(_ why: String) -> PlanResult {
        PlanResult(outcome: .failed(why), roster: nil, model: nil, log: [], formulation: "visiting, elastic")
    }
}
