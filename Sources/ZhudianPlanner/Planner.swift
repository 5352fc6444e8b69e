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
        func elapsed() -> Double { (ContinuousClock.now - clock).seconds }
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

        let deadline = options.timeLimit.map { ContinuousClock.now + .limit(seconds: $0) }
        let parts: [Set<Int>?]
        if options.decompose, case let found = Decomposition.parts(ctx), found.count > 1 {
            parts = found.map { Set($0) }
        } else {
            parts = [nil]
        }
        let outcomes = PartResults(count: parts.count)
        let solveOne: @Sendable (Int) -> Void = { i in
            outcomes.set(i, self.solvePart(ctx, options: options, useTeams: useTeams, part: parts[i], deadline: deadline))
        }
        if parts.count > 1 {
            DispatchQueue.concurrentPerform(iterations: parts.count, execute: solveOne)
        } else {
            solveOne(0)
        }
        let results = outcomes.all
        let log = results.flatMap(\.log)
        let model = parts.count == 1 ? results.first?.model : nil

        if let failure = results.first(where: { if case .failed = $0.termination { return true }; return $0.termination == .unbounded }) {
            let why: String
            if case .failed(let w) = failure.termination { why = w } else { why = "the model is unbounded (a bug)" }
            return PlanResult(outcome: .failed(why), roster: nil, model: model, log: log, formulation: formulation)
        }
        if results.contains(where: { $0.termination == .infeasible }) {
            let explanation = results.flatMap(\.explanation)
            let roster = Self.infeasibleRoster(scenario, reference, explanation, seconds: elapsed(), engine: solver.engineName)
            return PlanResult(outcome: .infeasible, roster: roster, model: model, log: log, formulation: formulation)
        }
        if results.contains(where: { $0.values == nil }) {
            return PlanResult(outcome: .noSolution, roster: nil, model: model, log: log, formulation: formulation)
        }
        let placements = results.flatMap(\.placements).sorted()
        let terms = RosterAssembly.terms(scenario, ctx, placements)
        let objective = RosterAssembly.objective(scenario, ctx, placements, baseline: options.baseline)
        let proven = results.allSatisfy { $0.termination == .optimal }
        var bound: Double? = nil
        var gap: Double? = nil
        if proven {
            bound = objective
            gap = 0
        } else if results.allSatisfy({ $0.bound != nil && $0.objective != nil }) {
            // Each part's bound is on its own solver objective; the roster's objective is
            // recomputed from the rule text, so carry the difference over. A bound above the
            // objective can only be rounding: clamp it.
            let partObjectives = results.reduce(0.0) { $0 + ($1.objective ?? 0) }
            let partBounds = results.reduce(0.0) { $0 + ($1.bound ?? 0) }
            let b = min(objective, partBounds + (objective - partObjectives))
            bound = b
            gap = SolveSummary.gap(objective: objective, bound: b)
        }
        let summary = SolveSummary(
            status: proven ? .optimal : .feasible, objective: objective, bound: bound, gap: gap,
            seconds: elapsed(), engine: solver.engineName)
        let roster = Roster(scenario: reference, solve: summary, terms: terms)
        var label = results.contains(where: \.priced) ? formulation + ", priced" : formulation
        if parts.count > 1 { label += ", \(parts.count) parts" }
        return PlanResult(outcome: proven ? .optimal : .feasible, roster: roster, model: model, log: log, formulation: label)
    }

    /// One part's solve: build, solve before the deadline, explain when infeasible.
    func solvePart(
        _ ctx: PlanContext, options: PlanOptions, useTeams: Bool, part: Set<Int>?, deadline: ContinuousClock.Instant?
    ) -> PartResult {
        if useTeams {
            let basis = TeamBasis(ctx, elastic: false, part: part)
            if options.pricing ?? PricedTeamSolve.worthwhile(basis) {
                let priced = PricedTeamSolve(solver: solver, basis: basis, options: options, deadline: deadline)
                if let result = priced.run() { return result }
            }
        }
        let built: BuiltModel
        do {
            built = useTeams
                ? try TeamFormulation.build(ctx, options: options, elastic: false, part: part)
                : try PersonFormulation.build(ctx, options: options, elastic: false, part: part)
        } catch {
            return PartResult(termination: .failed("model: \(error)"))
        }
        let hooks = SolveHooks(
            separator: built.cycleCuts.isEmpty ? nil : { point, _ in built.separate(point) },
            progress: options.progress, shouldStop: options.shouldStop)
        let solveOptions = SolveOptions(
            timeLimit: secondsLeft(until: deadline), relativeGap: options.relativeGap, captureLog: options.captureLog)
        let result = solver.solve(built.model, options: solveOptions, hooks: hooks)
        var out = PartResult(termination: result.termination)
        out.log = result.log
        out.model = built.model
        switch result.termination {
        case .infeasible:
            out.explanation = explain(ctx, options: options, useTeams: useTeams, part: part)
        case .optimal, .timeLimit, .gapLimit, .stopped:
            if let values = result.values {
                out.values = values
                out.placements = built.decode(values)
                out.objective = result.objective
                out.bound = result.termination == .optimal ? result.objective : result.bestBound
            }
        default:
            break
        }
        return out
    }

    /// Solves the elastic model: every coverage, sending, home-staffing and pin row may be
    /// broken at unit cost; the broken ones are the explanation.
    func explain(_ ctx: PlanContext, options: PlanOptions, useTeams: Bool, part: Set<Int>?) -> [RuleInstance] {
        let built: BuiltModel
        do {
            built = useTeams
                ? try TeamFormulation.build(ctx, options: options, elastic: true, part: part)
                : try PersonFormulation.build(ctx, options: options, elastic: true, part: part)
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

/// What one part's solve produced.
struct PartResult: Sendable {
    var termination: TerminationReason
    var values: [Double]? = nil
    var placements: [Placement] = []
    var objective: Double? = nil
    var bound: Double? = nil
    var log: [String] = []
    var model: Model? = nil
    var explanation: [RuleInstance] = []
    /// Solved over priced candidate links (``PricedTeamSolve``).
    var priced = false
}

/// Results filled in by parallel part solves.
final class PartResults: @unchecked Sendable {
    // @unchecked: `slots` is only touched under `lock`.
    private let lock = NSLock()
    private var slots: [PartResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: PartResult) { lock.withLock { slots[i] = r } }

    var all: [PartResult] {
        lock.withLock { slots.map { $0 ?? PartResult(termination: .failed("a part was not solved")) } }
    }
}
