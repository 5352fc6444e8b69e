import MIPModel
import ZhudianCore

/// Stage 2 of visiting mode: the visit days of an assignment, component by component —
/// ``VisitSpreading``'s rule first, ``VisitCalendarModel`` where the rule gets stuck. A
/// component with no calendar at all comes back as a no-good: the smallest set of its sites
/// (a deletion filter: drop a site while the rest still has no calendar) whose assignment can
/// never be part of a plan, so stage 1 is solved again without it.
struct VisitCalendar {
    let days: VisitDays
    let perMonth: Int
    let gap: Int
    let solver: any MIPSolver
    let deadline: ContinuousClock.Instant?

    /// What stage 2 found for a whole assignment.
    enum Outcome {
        /// Every component has a calendar: the visits, as (site, day number, people).
        case visits([(site: Int, day: Int, people: [Int])])
        /// These assignments have no calendar; each must be excluded from stage 1.
        case noGoods([VisitingFormulation.NoGood])
        /// A limit stopped the search before it could decide.
        case stopped
        /// The solver failed, with why.
        case unknown(String)
    }

    init(_ ctx: PlanContext, days: VisitDays, solver: any MIPSolver, deadline: ContinuousClock.Instant?) {
        self.days = days
        perMonth = ctx.scenario.calendar.visitsPerMonth
        gap = ctx.scenario.calendar.minVisitGapDays
        self.solver = solver
        self.deadline = deadline
    }

    /// The calendar of `placements`.
    func run(_ placements: [Placement], ctx: PlanContext) -> Outcome {
        let parts = VisitTeams.components(
            placements, people: ctx.scenario.people.count, units: ctx.scenario.units.count, terms: ctx.terms)
        var visits: [(site: Int, day: Int, people: [Int])] = []
        var noGoods: [VisitingFormulation.NoGood] = []
        for teams in parts {
            switch calendar(teams) {
            case .visits(let found): visits += found
            case .none:
                switch smallestWithout(teams) {
                case .success(let core): noGoods.append(core.placements)
                case .failure(let why): return why.text.isEmpty ? .stopped : .unknown(why.text)
                }
            case .stopped: return .stopped
            case .unknown(let why): return .unknown(why)
            }
        }
        return noGoods.isEmpty ? .visits(visits) : .noGoods(noGoods)
    }

    /// The rule's calendar, or the exact model's answer when the rule is stuck.
    private func calendar(_ teams: VisitTeams) -> VisitCalendarModel.Outcome {
        if let found = VisitSpreading.run(teams, days: days, perMonth: perMonth, gap: gap) { return .visits(found) }
        return VisitCalendarModel.solve(
            teams, days: days, perMonth: perMonth, gap: gap, solver: solver, timeLimit: secondsLeft(until: deadline))
    }

    /// A why-not that is an `Error` only so it can ride in a `Result`; empty text: a limit.
    struct Undecided: Error { let text: String }

    /// Sites of a component without a calendar, reduced while the rest still has none.
    private func smallestWithout(_ teams: VisitTeams) -> Result<VisitTeams, Undecided> {
        var keep = Set(teams.sites)
        for v in teams.sites where keep.count > 1 {
            keep.remove(v)
            switch calendar(teams.restricted(to: keep)) {
            case .visits: keep.insert(v)
            case .none: break
            case .stopped: return .failure(Undecided(text: ""))
            case .unknown(let why): return .failure(Undecided(text: why))
            }
        }
        return .success(teams.restricted(to: keep))
    }
}
