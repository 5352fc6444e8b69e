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
        if scenario.mode == .visiting { return planVisiting(scenario, reference: reference, options: options) }
        let ctx = PlanContext(scenario)
        let useTeams: Bool
        switch options.forcedFormulation {
        case .teams?: useTeams = true
        case .people?: useTeams = false
        case nil: useTeams = scenario.rules.structure != .free && scenario.rules.pairCooldown >= 1
        }
        let formulation = useTeams ? "teams" : "people"

        // Shortages a count can prove say best why; the elastic model still decides which
        // instances the explanation holds (another cause may stand beside them).
        let known = Precheck.run(ctx)

        let deadline = options.timeLimit.map { ContinuousClock.now + .limit(seconds: $0) }
        let parts: [Set<Int>?]
        if options.decompose, case let found = Decomposition.parts(ctx), found.count > 1 {
            parts = found.map { Set($0) }
        } else {
            parts = [nil]
        }
        let outcomes = Slots<PartResult>(count: parts.count)
        let solveOne: @Sendable (Int) -> Void = { i in
            outcomes.set(
                i, self.solvePart(ctx, options: options, useTeams: useTeams, part: parts[i], deadline: deadline, known: known))
        }
        if parts.count > 1 {
            DispatchQueue.concurrentPerform(iterations: parts.count, execute: solveOne)
        } else {
            solveOne(0)
        }
        let results = outcomes.values.map { $0 ?? PartResult(termination: .failed("a part was not solved")) }
        let log = results.flatMap(\.log)
        let model = parts.count == 1 ? results.first?.model : nil

        if let failure = results.first(where: { if case .failed = $0.termination { return true }; return $0.termination == .unbounded }) {
            let why: String
            if case .failed(let w) = failure.termination { why = w } else { why = "the model is unbounded (a bug)" }
            return PlanResult(outcome: .failed(why), roster: nil, model: model, log: log, formulation: formulation)
        }
        if results.contains(where: { $0.termination == .infeasible }) {
            var out: PlanResult
            if options.bestEffort {
                let effort = BestEffort(
                    planner: self, ctx: ctx, options: options, useTeams: useTeams, deadline: deadline, known: known)
                out = effort.plan(results, parts: parts, reference: reference, seconds: elapsed, formulation: formulation)
            } else {
                var explanation = results.flatMap(\.explanation)
                var unexplained = results.compactMap(\.unexplained).first
                var proof: ExplanationProof = results.contains { $0.explanationProof == .irreducible } ? .irreducible : .smallest
                // The limit (or Ctrl-C) came before the elastic model named anything, but
                // counting alone proved some causes: say those, as causes certain to stand.
                if unexplained == .timeLimit || unexplained == .stopped, !known.isEmpty {
                    explanation += known.filter { k in !explanation.contains { $0.names(k) } }
                    unexplained = nil
                    proof = .counted
                }
                out = Self.infeasible(scenario, reference, explanation, unexplained, seconds: elapsed(), options, formulation, solver)
                if out.unexplained == nil { out.explanationProof = proof }
            }
            out.log = log
            out.model = model
            return out
        }
        if results.contains(where: { $0.values == nil }) {
            return PlanResult(outcome: .noSolution, roster: nil, model: model, log: log, formulation: formulation)
        }
        let placements = results.flatMap(\.placements).sorted()
        let terms = RosterAssembly.terms(scenario, ctx, placements)
        let objective = RosterAssembly.objective(scenario, ctx, placements, baseline: options.baseline)
        let proven = results.allSatisfy { $0.termination == .optimal }
        let outside = BaselineOutsideParts.cost(ctx, parts: parts, baseline: options.baseline)
        let solverObjective = results.reduce(outside) { $0 + ($1.objective ?? .nan) }
        if let why = ObjectiveAudit.disagreement(solver: solverObjective, recomputed: objective, proven: proven) {
            return PlanResult(outcome: .failed(why), roster: nil, model: model, log: log, formulation: formulation)
        }
        var bound: Double? = nil
        var gap: Double? = nil
        if proven {
            bound = objective
            gap = 0
        } else if results.allSatisfy({ $0.bound != nil }) {
            // Each part's bound is on its model's objective, which is the rule text's cost
            // (the audit above); a bound above the roster's cost can only be rounding.
            let b = min(objective, results.reduce(outside) { $0 + ($1.bound ?? 0) })
            bound = b
            gap = SolveSummary.gap(objective: objective, bound: b)
        }
        let summary = SolveSummary(
            status: proven ? .optimal : .feasible, objective: objective, bound: bound, gap: gap,
            seconds: elapsed(), engine: solver.engineName)
        let roster = Roster(scenario: reference, solve: summary, terms: terms)
        var label = results.contains(where: \.priced) ? formulation + ", priced" : formulation
        if results.contains(where: \.seeded) { label += ", seeded" }
        if parts.count > 1 { label += ", \(parts.count) parts" }
        return PlanResult(outcome: proven ? .optimal : .feasible, roster: roster, model: model, log: log, formulation: label)
    }

    /// One part's solve: build, solve before the deadline, explain when infeasible.
    func solvePart(
        _ ctx: PlanContext, options: PlanOptions, useTeams: Bool, part: Set<Int>?, deadline: ContinuousClock.Instant?,
        known: [ExplainedInstance] = []
    ) -> PartResult {
        if Self.countedInfeasible(known, part: part, ctx) {
            return countedInfeasiblePart(ctx, options: options, useTeams: useTeams, part: part, deadline: deadline, known: known)
        }
        if useTeams {
            let basis = TeamBasis(ctx, elastic: false, part: part)
            if options.pricing ?? PricedTeamSolve.worthwhile(basis) {
                let priced = PricedTeamSolve(solver: solver, basis: basis, options: options, deadline: deadline)
                if let result = priced.run() { return result }
            }
        }
        var seed: PersonSeed?
        let pricePeople = !useTeams && (options.personPricing ?? PricedPersonSolve.worthwhile(ctx, part: part, timeLimit: options.timeLimit))
        // Free placement: the seed waits for the guessed search (``SeedAfterGuess``).
        let seedLater = !useTeams && SeedAfterGuess.applies(ctx, options: options, part: part, pricePeople: pricePeople)
        if !useTeams, !seedLater {
            do {
                seed = try peopleSeed(ctx, options: options, part: part, deadline: deadline, pricePeople: pricePeople)
            } catch {
                return PartResult(termination: .failed("seed model: \(error)"))
            }
        }
        if pricePeople {
            let priced = PricedPersonSolve(
                solver: solver, ctx: ctx, options: options, part: part, deadline: deadline, seed: seed)
            if let result = priced.run() { return result }
        }
        var built: BuiltModel
        // `--dump-model` writes the whole model, not the one fixed against the seed.
        let whole: Model
        var fixing: [String] = []
        let result: SolveResult
        var first: [Int] = []
        do {
            built = useTeams
                ? try TeamFormulation.build(ctx, options: options, elastic: false, part: part)
                : try PersonFormulation.build(ctx, options: options, elastic: false, part: part, twoTerms: seed == nil && !seedLater)
            whole = built.model
            first = useTeams || !PersonBranching.appliesToFullModel(ctx, seeded: seed != nil || seedLater)
                ? [] : PersonBranching.columns(built.model, options: options)
            if !useTeams, seed == nil, !seedLater {
                first = PersonBranching.prepareUnseeded(&built, ctx, options: options)
            }
            if seed != nil || seedLater { built.branchFirstByDegradation = options.seededLinksByDegradation }
            if seedLater {
                let lp = PersonReducedCostFix.rootLP(
                    built.model, solver: solver, deadline: deadline, share: SeedAfterGuess.rootLPShare)
                var restart = PersonRestart(
                    solver: solver, built: built, lp: lp,
                    options: options, deadline: deadline, branchFirst: first)
                restart.guessedRule = .linksFromRoot
                restart.guessedCliqueCuts = GuessedCliqueCuts.applies(ctx.scenario.rules, terms: ctx.terms)
                (result, fixing, seed) = try SeedAfterGuess.run(restart, deadline: deadline) {
                    try peopleSeed(ctx, options: options, part: part, deadline: deadline, pricePeople: pricePeople,
                        share: SeedAfterGuess.seedShare)
                }
            } else if let seed, options.reducedCostFixing {
                var restart = PersonRestart(
                    solver: solver, built: built,
                    lp: PersonReducedCostFix.rootLP(built.model, solver: solver, deadline: deadline),
                    options: options, deadline: deadline, branchFirst: first)
                // Where people stay on, and under free placement everywhere (``GuessedGap/Rule``):
                // rows 24, 26 and 29 (nobody stays on) 3.4–3.6 → 2.1–2.2 s, 0.8 → 0.5 s, 6.6 →
                // 6.0 s; row 21 (staying on, a 60 s limit) 35 → 11 s. Ring and
                // cycles with people staying on keep pseudo-costs (not measured otherwise).
                let free = ctx.scenario.rules.structure == .free
                restart.guessed = options.guessedGap && (free || FreeTeamCap.staysOn(ctx.scenario.rules, terms: ctx.terms))
                restart.guessedRule = free ? .linksFromRoot : .pseudoCosts
                restart.guessedCliqueCuts = GuessedCliqueCuts.applies(ctx.scenario.rules, terms: ctx.terms)
                (result, fixing) = try restart.run(roster: seed.objective, point: seed.point(for: built.model))
            } else {
                result = built.solve(with: solver, options: options, deadline: deadline, branchFirst: first)
            }
        } catch {
            return PartResult(termination: .failed("model: \(error)"))
        }
        var out = PartResult(termination: result.termination)
        let branched = first.isEmpty || !options.captureLog
            ? [] : ["links first: \(result.branchedFirst) of \(result.nodes) nodes branched on a link"]
        out.log = (seedLater ? [] : seed.map { [$0.note] } ?? []) + fixing + branched + result.log
        out.model = whole
        switch result.termination {
        case .infeasible where options.bestEffort:
            // The best-effort roster replaces the explanation (Planner.plan).
            break
        case .infeasible:
            explainInfeasible(&out, ctx, options: options, useTeams: useTeams, part: part, deadline: deadline, known: known)
        case .optimal, .timeLimit, .gapLimit, .stopped:
            out.take(result, decode: built.decode, seedCost: seed?.objective)
            if let seed, seed.beats(out.objective) {
                // The full model's bound stays: it bounds every roster, the seed's too.
                seed.fill(&out, full: built.model)
            }
        default:
            break
        }
        return out
    }

    /// The explanation of an infeasible part: the elastic model's smallest set (or an
    /// irreducible one when the limit comes first), never a made-up cause.
    func explain(
        _ ctx: PlanContext, options: PlanOptions, useTeams: Bool, part: Set<Int>?, deadline: ContinuousClock.Instant?,
        known: [ExplainedInstance]
    ) -> ExplanationOutcome {
        let elastic = ElasticSolve(
            solver: solver, ctx: ctx, options: options, useTeams: useTeams, part: part, deadline: deadline)
        switch elastic.run(.explain) {
        case .found(let found):
            let items = found.broken.map { slack in
                let said = Explanations.describe(slack, ctx)
                return known.first { $0.names(said) } ?? said
            }
            return .found(items, found.proof)
        case .notFound(let why): return .notFound(why)
        case .failed(let why): return .failed(why)
        }
    }

    static func infeasible(
        _ scenario: Scenario, _ reference: ScenarioReference, _ explanation: [ExplainedInstance],
        _ unexplained: Unexplained?, seconds: Double, _ options: PlanOptions, _ formulation: String,
        _ solver: any MIPSolver
    ) -> PlanResult {
        let items = explanation.sorted(by: ExplainedInstance.ordered)
        // The file is the same for everyone (SPEC §4): Chinese; the terminal follows the caller.
        let roster = Roster(
            scenario: reference,
            solve: SolveSummary(status: .infeasible, objective: nil, bound: nil, gap: nil, seconds: seconds, engine: solver.engineName),
            terms: [], explanation: items.map { $0.rendered(.zh) })
        var out = PlanResult(outcome: .infeasible, roster: roster, model: nil, log: [], formulation: formulation)
        out.explanation = items.map { $0.rendered(options.language) }
        out.unexplained = unexplained
        return out
    }
}

/// What the explanation's elastic solve found.
enum ExplanationOutcome {
    /// The rule instances to relax, and how sure the set is.
    case found([ExplainedInstance], ExplanationProof)
    /// None could be named, and why.
    case notFound(Unexplained)
    /// A model error: a bug.
    case failed(String)
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
        /// No roster keeps every rule; the roster breaks the fewest rule instances and lists them.
        case bestEffort
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
    /// The model that was solved, for `--dump-model` (whole: without the columns
    /// ``PersonReducedCostFix`` fixed against the seed's roster).
    public internal(set) var model: Model?
    /// Solver log lines (when asked for).
    public internal(set) var log: [String]
    /// "teams" or "people": which formulation ran.
    public let formulation: String
    /// For an infeasible scenario: the explanation with its messages in
    /// ``PlanOptions/language`` (the roster's own copy is in Chinese, SPEC §4).
    public var explanation: [RuleInstance] = []
    /// For an infeasible scenario without an explanation: why none was found.
    public var unexplained: Unexplained?
    /// For an infeasible scenario with an explanation: whether it is the smallest.
    public var explanationProof: ExplanationProof?

    init(outcome: Outcome, roster: Roster?, model: Model?, log: [String], formulation: String) {
        self.outcome = outcome
        self.roster = roster
        self.model = model
        self.log = log
        self.formulation = formulation
    }
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
    var explanation: [ExplainedInstance] = []
    /// Infeasible without an explanation: why.
    var unexplained: Unexplained?
    /// How sure the explanation is.
    var explanationProof: ExplanationProof?
    /// Solved over priced candidate links (``PricedTeamSolve``).
    var priced = false
    /// The roster is ``PersonSeed``'s: the full model ended without one.
    var seeded = false
}
