import Foundation
import MIPModel
import ZhudianCore

/// Plans resident rosters: builds the MIP of a validated scenario, solves it with the given
/// solver and turns the solution into a ``Roster``.
///
///     let planner = Planner(solver: GLPKSolver())
///     let result = planner.plan(scenario, reference: ref, options: PlanOptions(timeLimit: 60))
///     result.roster.solve.status   // .optimal
///
/// The planner never knows which solver runs. It picks one of two exact formulations
/// (see ``TeamFormulation`` and ``PersonFormulation`` and docs/FORMULATION.md).
public struct Planner: Sendable {
    /// The MIP backend.
    public let solver: any MIPSolver

    /// Creates a planner over `solver`.
    public init(solver: any MIPSolver) { self.solver = solver }

    /// Plans `scenario`. Never throws: every outcome is a ``PlanResult``.
    ///
    /// - Complexity: one MIP solve; when it is infeasible, a second (elastic) solve to explain why.
    public func plan(_ scenario: Scenario, reference: ScenarioReference, options: PlanOptions = PlanOptions())
        -> PlanResult
    {
        let clock = ContinuousClock.now
        func elapsed() -> Double {
            let d = ContinuousClock.now - clock
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        guard scenario.mode == .resident else {
            return PlanResult(outcome: .unsupported(PlannerMessage.visitingNotSupported.render(options.language)), roster: nil, model: nil, log: [], formulation: "")
        }
        let ctx = PlanContext(scenario)
        let useTeams: Bool
        switch options.forcedFormulation {
        case .teams?: useTeams = true
        case .people?: useTeams = false
        case nil: useTeams = scenario.rules.structure != .free && scenario.rules.pairCooldown >= 1
        }
        let formulation = useTeams ? "teams" : "people"

        // Shortages a count can prove need no solver.
        let obvious = Precheck.run(ctx, language: options.language)
        if !obvious.isEmpty {
            let roster = Self.infeasibleRoster(scenario, reference, obvious, seconds: elapsed(), engine: solver.engineName)
            return PlanResult(outcome: .infeasible, roster: roster, model: nil, log: [], formulation: formulation)
        }

        let built: BuiltModel
        do {
            built = useTeams
                ? try TeamFormulation.build(ctx, options: options, elastic: false)
                : try PersonFormulation.build(ctx, options: options, elastic: false)
        } catch {
            return PlanResult(outcome: .failed("model: \(error)"), roster: nil, model: nil, log: [], formulation: formulation)
        }
        let solveOptions = SolveOptions(
            timeLimit: options.timeLimit, relativeGap: options.relativeGap,
            captureLog: options.captureLog)
        let hooks = SolveHooks(
            separator: built.cycleCuts.isEmpty ? nil : { point, _ in built.separate(point) },
            progress: options.progress, shouldStop: options.shouldStop)
        let result = solver.solve(built.model, options: solveOptions, hooks: hooks)

        switch result.termination {
        case .infeasible:
            let explanation = explain(ctx, options: options, useTeams: useTeams)
            let roster = Self.infeasibleRoster(scenario, reference, explanation, seconds: elapsed(), engine: solver.engineName)
            return PlanResult(outcome: .infeasible, roster: roster, model: built.model, log: result.log, formulation: formulation)
        case .failed(let why):
            return PlanResult(outcome: .failed(why), roster: nil, model: built.model, log: result.log, formulation: formulation)
        case .unbounded:
            return PlanResult(outcome: .failed("the model is unbounded (a bug)"), roster: nil, model: built.model, log: result.log, formulation: formulation)
        case .optimal, .timeLimit, .gapLimit, .stopped:
            guard let values = result.values else {
                return PlanResult(outcome: .noSolution, roster: nil, model: built.model, log: result.log, formulation: formulation)
            }
            let placements = built.decode(values)
            var terms = RosterAssembly.terms(scenario, ctx, placements)
            terms.sort { $0.term < $1.term }
            let objective = RosterAssembly.objective(scenario, ctx, placements, baseline: options.baseline)
            let proven = result.termination == .optimal
            var bound: Double? = nil
            var gap: Double? = nil
            if proven {
                bound = objective
                gap = 0
            } else if let b = result.bestBound {
                // A bound above the objective can only be rounding: clamp it.
                let clamped = min(b, objective)
                bound = clamped
                gap = SolveSummary.gap(objective: objective, bound: clamped)
            }
            let summary = SolveSummary(
                status: proven ? .optimal : .feasible, objective: objective, bound: bound, gap: gap,
                seconds: elapsed(), engine: solver.engineName)
            let roster = Roster(scenario: reference, solve: summary, terms: terms)
            return PlanResult(outcome: proven ? .optimal : .feasible, roster: roster, model: built.model, log: result.log, formulation: formulation)
        }
    }

    /// Solves the elastic model: every coverage, sending, home-staffing and pin row may be
    /// broken at unit cost; the broken ones are the explanation.
    func explain(_ ctx: PlanContext, options: PlanOptions, useTeams: Bool) -> [RuleInstance] {
        let built: BuiltModel
        do {
            built = useTeams
                ? try TeamFormulation.build(ctx, options: options, elastic: true)
                : try PersonFormulation.build(ctx, options: options, elastic: true)
        } catch {
            return [Explanations.unexplained(ctx, language: options.language)]
        }
        let hooks = SolveHooks(separator: built.cycleCuts.isEmpty ? nil : { point, _ in built.separate(point) })
        let result = solver.solve(built.model, options: SolveOptions(timeLimit: options.timeLimit ?? 120), hooks: hooks)
        guard let values = result.values else { return [Explanations.unexplained(ctx, language: options.language)] }
        let broken = built.slacks.filter { values[$0.variable.index] > 1e-6 }.map(\.slack)
        if broken.isEmpty { return [Explanations.unexplained(ctx, language: options.language)] }
        return broken.map { Explanations.describe($0, ctx, language: options.language) }
    }

    static func infeasibleRoster(
        _ scenario: Scenario, _ reference: ScenarioReference, _ explanation: [RuleInstance],
        seconds: Double, engine: String
    ) -> Roster {
        let items = explanation.sorted { a, b in
            (a.rule, a.term ?? 0, a.site ?? "", a.unit ?? "") < (b.rule, b.term ?? 0, b.site ?? "", b.unit ?? "")
        }
        return Roster(
            scenario: reference,
            solve: SolveSummary(status: .infeasible, objective: nil, bound: nil, gap: nil, seconds: seconds, engine: engine),
            terms: [], explanation: items)
    }
}

/// What a planning run ended with.
public struct PlanResult: Sendable {
    /// How it ended.
    public enum Outcome: Sendable, Equatable {
        /// Proven optimal roster.
        case optimal
        /// A roster, not proven optimal (limit reached).
        case feasible
        /// No roster exists; the roster carries the explanation.
        case infeasible
        /// A limit stopped the search before any roster was found.
        case noSolution
        /// The scenario asks for something this planner does not do.
        case unsupported(String)
        /// The solver failed (a bug or an internal solver error).
        case failed(String)
    }
    /// How it ended.
    public let outcome: Outcome
    /// The roster (or the infeasible roster with its explanation); nil for noSolution/unsupported/failed.
    public let roster: Roster?
    /// The model that was solved, for `--dump-model`.
    public let model: Model?
    /// Solver log lines (when asked for).
    public let log: [String]
    /// "teams" or "people": which formulation ran.
    public let formulation: String
}
