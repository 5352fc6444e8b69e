import MIPModel
import ZhudianCore

/// Solves the people model over a small set of links and bounds, then proves, the full
/// model with LP duals (docs/FORMULATION.md, "The people model at county size: a bound by
/// pricing") — what ``PricedTeamSolve`` does for the teams model.
///
/// 1. **LP rounds** over the seed's candidate links (``PersonRestriction``): add the cycle
///    rows the LP point breaks, else the left-out links whose columns can lower the LP
///    (``PersonPricing/entering(tolerance:perUnit:)``), until neither exists. The LP value
///    `L` is then the LP bound of the full model (with those cycle rows).
/// 2. **Reduced-cost filter.** A roster using a left-out link costs at least `L` plus the
///    link's floor (``PersonPricing/floors()``): with the seed's cost `Z₀`, only links with
///    `L + floor < Z₀` can be in a better roster.
/// 3. **MIP** over the chosen links and those (when those are too many, the LP's links and
///    the links that could beat a guessed roster, ``guessedLinks(_:L:below:)``), from the
///    seed; then every left-out link with `L + floor` below the optimum `Z` joins and the MIP
///    runs again, until none is left:
///    `Z` is optimal for the full model. A limit first leaves the bound
///    `min(MIP bound, L + least floor left out)`.
///
/// Why: at 100 enterprises over two terms the full model's root LP (108 735 columns) does
/// not finish in minutes in GLPK; the LP over the links that matter solves in seconds.
struct PricedPersonSolve {
    let solver: any MIPSolver
    let ctx: PlanContext
    let options: PlanOptions
    let part: Set<Int>?
    let deadline: ContinuousClock.Instant?
    /// The first roster (``PersonSeed``), whose links the rounds start from.
    let seed: PersonSeed?
    /// Tests only: LP solves after which the rounds stop as if the time were up.
    var roundsLimit: Int? = nil

    /// Links each sending unit starts with per term when there is no seed.
    static let initialLinks = PersonSeed.nearest
    /// At most this many priced links join per sending unit, term and round.
    static let linksPerRound = 4
    /// Reduced costs below minus this count as negative.
    static let tolerance = 1e-7
    /// The MIP takes every link that could beat the seed when they are at most this many
    /// times the chosen ones; otherwise the chosen ones among them, and the proof rounds
    /// bring in the rest.
    static let growth = 2

    /// Stage lines for the log.
    private let stages = StageLog()
    private let began = ContinuousClock.now

    /// The outcome, or nil when the full model must decide (no LP over the chosen links
    /// finished, or the links admit no roster).
    func run() -> PartResult? {
        do {
            guard var result = try stagesRun() else { return nil }
            result.log = stages.lines + (seed.map { [$0.note] } ?? []) + result.log
            return result
        } catch {
            return PartResult(termination: .failed("priced people model: \(error)"))
        }
    }

    /// What the LP rounds ended with.
    struct Rounds {
        var restriction: PersonRestriction
        var lp: RelaxationResult
        var model: Model
        var converged: Bool
        /// Without convergence, what every roster costs at least (``PersonPricing/unconvergedFloor(oneLinkPerUnitAndTerm:)``).
        var floor: Double = -.infinity
    }

    private func stagesRun() throws -> PartResult? {
        let built = try PersonFormulation.build(ctx, options: options, elastic: false, part: part)
        let index = try PersonColumns(built, ctx: ctx)
        note("people pricing: full model \(built.model.variableCount) columns, \(built.model.constraintCount) rows, "
            + "\(index.links.count) links")
        guard let rounds = try lpRounds(index), let L = rounds.lp.objective else { return nil }
        let pricing = PersonPricing(rounds.restriction, rowDuals: rounds.lp.rowDuals)
        let floors = rounds.converged ? pricing.floors(lpPoint: rounds.restriction.fullPoint(rounds.lp.values)) : []
        let start = seed.map { $0.point(for: built.model) }
        let incumbent = seed?.objective ?? .infinity
        let selected = rounds.restriction.chosenCount
        // Links the filter would add to the LP's selection.
        func added(_ kept: [Int]) -> Int { kept.count(where: { !rounds.restriction.chosen[$0] }) }
        var chosen = rounds.restriction
        if rounds.converged {
            let kept = keep(floors, index, L: L, below: incumbent, start: start)
            note("people pricing: LP bound \(L); \(kept.count) of \(floors.count) links could beat \(incumbent)")
            var filtered = PersonRestriction(index)
            for c in rounds.restriction.cuts {
                try filtered.add(cut: LazyRow(name: c.name, c.expression, lower: c.lower, upper: c.upper))
            }
            // All of them when few enough (one MIP then proves it); else the selected ones
            // among them, and the proof rounds bring in the rest.
            let growth = options.pricedGrowth ?? Self.growth
            let all = added(kept) <= growth * selected
            for i in kept where all || rounds.restriction.chosen[i] { filtered.choose(i) }
            // Else the links that could beat a guessed roster, when few enough as well.
            if !all {
                for i in joiningForGuess(floors, L: L, below: incumbent, lp: rounds.restriction) { filtered.choose(i) }
            }
            choose(&filtered, roster: start)
            chosen = filtered
        }
        let reducedCosts = rounds.converged ? pricing.reducedCosts : nil
        return try search(chosen, rounds: rounds, floors: floors, L: L, start: start, reducedCosts: reducedCosts)
    }

    /// Links whose floor lets them beat `z` (the LP's own links always), and the links of
    /// the roster `start` (a full point).
    private func keep(
        _ floors: [PersonPricing.Priced], _ index: PersonColumns, L: Double, below z: Double, start: [Double]?
    ) -> [Int] {
        // Without a roster (z = ∞), every link some roster could use.
        let limit = z < .infinity ? z - Self.slack(z) : .infinity
        var kept = Set(floors.filter { L + $0.value < limit }.map(\.link))
        if let start { kept.formUnion(index.links.indices.filter { index.columnsOfLink[$0].contains { start[$0] > 0.5 } }) }
        return kept.sorted()
    }

    /// The MIP over `restriction`'s links, then proof rounds adding every left-out link that
    /// could beat its optimum. With converged `reducedCosts` (every full column's), each MIP
    /// fixes the columns that price above the gap to its best roster so far
    /// (``fixByReducedCost(_:_:reducedCosts:L:roster:)``).
    private func search(
        _ restriction: PersonRestriction, rounds: Rounds, floors: [PersonPricing.Priced], L: Double, start: [Double]?,
        reducedCosts: [Double]?
    ) throws -> PartResult? {
        var restriction = restriction
        var warm = start
        var best = seed?.objective ?? .infinity
        while true {
            let unfixed = try restriction.model()
            var model = unfixed
            if let reducedCosts, options.reducedCostFixing, best.isFinite {
                let fixed = try Self.fixByReducedCost(&model, restriction, reducedCosts: reducedCosts, L: L, roster: best)
                note("people pricing: \(fixed) of \(model.variableCount) columns priced above \(best) − \(L): fixed to 0")
            }
            let leftOut = floors.filter { !restriction.chosen[$0.link] }
            // Without converged duals a left-out link's own floor is unknown: the rounds' floor instead.
            let floorLeft = rounds.converged ? L + (leftOut.map(\.value).min() ?? .infinity) : rounds.floor
            let result = solveMIP(
                model, restriction, rounds: rounds, start: warm.map { restriction.restrictedPoint($0) }, floor: floorLeft)
            var out = PartResult(termination: result.termination)
            out.priced = true
            out.model = unfixed
            out.log = result.log
            note("people pricing: MIP \(model.variableCount) columns, \(model.constraintCount) rows: \(result.termination), "
                + "objective \(result.objective ?? .nan), bound \(result.bestBound ?? .nan), \(Self.format(result.seconds)) s, "
                + "\(result.nodes) nodes, \(result.branchedFirst) branched on a link")
            guard let values = result.values ?? Self.kept(warm, restriction, model), let Z = result.objective ?? warm.map({
                restriction.index.full.model.objectiveValue(at: $0)
            }) else {
                guard result.termination == .infeasible else { return out }
                // No roster over these links: every link some roster could use joins (the
                // full model decides only when none is left, or without converged floors).
                let more = leftOut.filter { $0.value < .infinity }
                if more.isEmpty || !rounds.converged { return nil }
                note("people pricing: no roster over these links: \(more.count) more join")
                for p in more { restriction.choose(p.link) }
                continue
            }
            out.values = values
            out.placements = restriction.index.full.decode(restriction.fullPoint(values))
            out.objective = Z
            let solved = result.termination == .optimal || result.termination == .gapLimit
            let entering = leftOut.filter { L + $0.value < Z - Self.slack(Z) }
            if rounds.converged, solved, entering.isEmpty {
                // Every left-out link now has L + floor ≥ Z: no roster over it is cheaper.
                out.bound = result.termination == .optimal ? Z : min(Z, min(result.bestBound ?? L, floorLeft))
                return out
            }
            if !rounds.converged || !solved || expired || shouldStop() {
                out.bound = min(Z, min(result.bestBound ?? L, floorLeft))
                if result.termination == .optimal { out.termination = .timeLimit }
                return out
            }
            note("people pricing: \(entering.count) left-out links could beat \(Z): another MIP")
            for p in entering { restriction.choose(p.link) }
            warm = restriction.fullPoint(values)
            best = min(best, Z)
        }
    }

    /// `start` (a full point) when it keeps every row of `model`, restricted to it.
    private static func kept(_ start: [Double]?, _ restriction: PersonRestriction, _ model: Model) -> [Double]? {
        guard let start else { return nil }
        let point = restriction.restrictedPoint(start)
        guard model.violations(at: point).isEmpty, restriction.separate(point).isEmpty else { return nil }
        return point
    }

    /// The MIP over `restriction` from `start`; its progress reports bounds no higher than
    /// `floor`, what rosters over the links left out cost at least (the MIP's own bound
    /// covers only its links).
    private func solveMIP(
        _ model: Model, _ restriction: PersonRestriction, rounds: Rounds, start: [Double]?, floor: Double
    ) -> SolveResult {
        let progress = options.progress.map { report in
            { (p: SolveProgress) in
                // Before GLPK has a bound of its own, the LP's (or, unconverged, the rounds' floor).
                let bound = min(p.bound ?? (rounds.converged ? rounds.lp.objective ?? -.infinity : rounds.floor), floor)
                report(bound.isFinite
                    ? PricedTeamSolve.capped(p, bound: bound)
                    : SolveProgress(incumbent: p.incumbent, bound: nil, gap: nil, nodes: p.nodes, elapsed: p.elapsed))
            }
        }
        var hooks = SolveHooks(
            separator: restriction.index.full.cycleCuts.isEmpty ? nil : { point, _ in restriction.separate(point) },
            initialSolution: start, progress: progress, shouldStop: options.shouldStop)
        hooks.initialBasis = rounds.lp.basis.map { $0.restricted(from: rounds.model, to: model) }
        var mipOptions = SolveOptions(
            timeLimit: secondsLeft(until: deadline), relativeGap: options.relativeGap, captureLog: options.captureLog)
        // GLPK's branching evaluates every fractional column (a tableau row each): at row 33
        // about 100 nodes in 46 s; over 20 candidates, 1 400 nodes and a better roster.
        mipOptions.branchingCandidates = PricedTeamSolve.branchingCandidates
        mipOptions.branchFirst = PersonBranching.columns(model, options: options)
        // Peer row 21 (free 29 × 2, staying on) proven in 8 s where it stopped at 0.17 % after
        // 30 s; rows 20, 33 and 36 as before (docs/FORMULATION.md, "Free placement, small rows,
        // tenth round").
        mipOptions.branchFirstByDegradation = options.pricedLinksByDegradation
        return solver.solve(model, options: mipOptions, hooks: hooks)
    }

    /// LP rounds until nothing prices out or half the time left is gone; nil when the LP
    /// did not finish, or the links admit no LP point even when every one is chosen.
    func lpRounds(_ index: PersonColumns) throws -> Rounds? {
        var restriction = PersonRestriction(index)
        var width = options.seedLinks ?? Self.initialLinks
        choose(&restriction, PersonLinks.candidates(ctx, part: part, baseline: options.baseline, nearest: width))
        if let seed {
            choose(&restriction, seed.links)
            for placed in seed.placements { choose(&restriction, ctx.home(placed.person), placed.site, placed.term) }
        }
        let lpDeadline = deadline.map { ContinuousClock.now + ContinuousClock.now.duration(to: $0) / 2 }
        return try solver.withRelaxations { relaxations throws -> Rounds? in
            var round = 0
            // The best of every round's floors so far (``PersonPricing/unconvergedFloor(oneLinkPerUnitAndTerm:)``).
            var floor = -Double.infinity
            while true {
                round += 1
                let model = try restriction.model()
                let lp = relaxations.solve(model, options: SolveOptions(timeLimit: secondsLeft(until: deadline)))
                switch lp.status {
                case .optimal: break
                case .infeasible:
                    // Too few links for any LP point: widen, until every link is in.
                    guard restriction.chosenCount < index.links.count else { return nil }
                    width *= 2
                    choose(&restriction, PersonLinks.candidates(ctx, part: part, baseline: options.baseline, nearest: width))
                    continue
                case .timeLimit: return nil
                case .unbounded: throw PersonColumns.Failure(why: "the LP is unbounded (costs are never negative below)")
                case .failed(let why): throw PersonColumns.Failure(why: why)
                }
                note("people pricing: round \(round): \(model.variableCount) columns, \(model.constraintCount) rows, "
                    + "LP \(lp.objective ?? .nan), \(Self.format(lp.seconds)) s")
                if shouldStop() { return nil }
                // Every round's LP duals, 0 on the rows it lacks, price every left-out column, so
                // each round's floor bounds every roster on its own (cycle rows cut off no roster):
                // the best of them is kept, since a later round's duals can price worse.
                let priced = PersonPricing(restriction, rowDuals: lp.rowDuals)
                let roundFloor = (lp.objective ?? -.infinity)
                    + priced.unconvergedFloor(oneLinkPerUnitAndTerm: ctx.scenario.rules.structure != .free)
                floor = max(floor, roundFloor)
                let stop = roundsLimit.map { round >= $0 } ?? false
                if stop || (lpDeadline.map { ContinuousClock.now >= $0 } ?? false) {
                    note("people pricing: LP rounds stopped unconverged: every roster costs at least \(floor) "
                        + "(this round's duals: \(roundFloor))")
                    return Rounds(restriction: restriction, lp: lp, model: model, converged: false, floor: floor)
                }
                let cuts = index.full.separate(restriction.fullPoint(lp.values))
                for cut in cuts { try restriction.add(cut: cut) }
                if !cuts.isEmpty { continue }
                let entering = priced.entering(tolerance: Self.tolerance, perUnit: Self.linksPerRound)
                if entering.isEmpty { return Rounds(restriction: restriction, lp: lp, model: model, converged: true) }
                for p in entering { restriction.choose(p.link) }
            }
        }
    }

    /// Chooses the links the roster `point` (a full point) uses, so that it is a point of the restriction.
    private func choose(_ restriction: inout PersonRestriction, roster point: [Double]?) {
        guard let point else { return }
        let index = restriction.index
        for i in index.links.indices where index.columnsOfLink[i].contains(where: { point[$0] > 0.5 }) {
            restriction.choose(i)
        }
    }

    private func choose(_ restriction: inout PersonRestriction, _ links: PersonLinks) {
        for l in links.all { choose(&restriction, l.unit, l.site, l.term) }
    }

    private func choose(_ restriction: inout PersonRestriction, _ u: Int, _ v: Int, _ k: Int) {
        // A candidate link the full model has no column for (nobody may take it) is no link.
        if let i = restriction.index.linkNumber[PersonColumns.Link(unit: u, site: v, term: k)] { restriction.choose(i) }
    }

    /// Whether the people model of this part is priced: as many sending units as make the seed
    /// pay and, under free placement, more than ``freeUnits`` — or, where people stay on, a
    /// time limit under ``guessedSeconds``. Measured (BENCHMARKS.md, "Where issue 21 stands (end
    /// of the fifth round)"): free 40 × 1 is proven in 1 s by the full model with reduced-cost
    /// fixing and stops at 0.12 % priced; free 30 × 2 stops at 0.02 % and 0.41 %; under ring and
    /// cycles with people staying on (ring 26 × 2: 3.3 s → 1.0 s) and at 100 enterprises and
    /// more, pricing is ahead. Free placement with people staying on (free 29 × 2): priced it
    /// stopped at 0.12–0.17 % in 30 s in the ninth round and proves in ~3.8 s of CPU since the
    /// twelfth; the full model's guessed search (``GuessedGap``) proved it in 25–28 s at load
    /// 3–5 then (BENCHMARKS.md, "The priced people model, ninth round") and in ~3 s now.
    static func worthwhile(_ ctx: PlanContext, part: Set<Int>?, timeLimit: Double?) -> Bool {
        guard PersonSeed.worthwhile(ctx, part: part) else { return false }
        let rules = ctx.scenario.rules
        if rules.structure != .free { return true }
        if FreeTeamCap.staysOn(rules, terms: ctx.terms), let timeLimit, timeLimit < guessedSeconds { return true }
        return ctx.senders.filter { part?.contains($0) ?? true }.count > freeUnits
    }

    /// The shortest time limit under which free placement with people staying on goes to the
    /// full model's guessed search rather than the priced model. Set at 60 s when that search
    /// took 25–30 s on peer row 21; since the search leaves out the rows its fixing implies
    /// (``RedundantRows``) it proves row 21 in ~3 s of CPU against ~3.8 s priced. Measured at
    /// load 7–9 on row 21 and four generated free 35 × 2 and 45 × 2 scenarios with people
    /// staying on (BENCHMARKS.md, "Where issue 21 stands (end of the twelfth round)"): at 30 s
    /// the full model's roster was as cheap or cheaper on all five; at 10 s it was dearer on
    /// one and found no roster on another, where the priced model had one.
    static let guessedSeconds = 30.0

    /// Sending units above which free placement without staying on is priced.
    static let freeUnits = 50

    /// What a cost may exceed another by and still count as equal.
    static func slack(_ z: Double) -> Double { tolerance * max(1, abs(z)) }

    private var expired: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }

    private func shouldStop() -> Bool { options.shouldStop?() ?? false }

    func note(_ line: @autoclosure () -> String) {
        if options.captureLog {
            stages.lines.append("[\(Self.format((ContinuousClock.now - began).seconds)) s] " + line())
        }
    }

    private static func format(_ x: Double) -> String { String(format: "%.3f", x) }
}
