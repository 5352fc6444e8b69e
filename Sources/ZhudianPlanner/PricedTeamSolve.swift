import MIPModel
import ZhudianCore

/// Solves the teams model over a small set of links and proves, with LP duals, that no
/// link left out could improve the roster (docs/FORMULATION.md, "Candidate links and
/// pricing").
///
/// 1. **Column generation.** Start from each enterprise's nearest possible sites; solve
///    the LP relaxation; add the subtour rows it violates (ring, short cycles) and every
///    left-out link with a negative reduced cost; repeat until neither exists. The LP value
///    `L` is then the relaxation bound of the *full* model, and each left-out link's reduced
///    cost `d ≥ 0` says any roster using it costs at least `L + d`.
/// 2. **Branch and cut** on the selected links, with the subtour rows found as ordinary rows.
/// 3. **Proof.** With the roster's cost `Z`, every left-out link with `L + d < Z` joins and
///    the MIP is solved again from that roster; when none is left, `Z` is optimal for the
///    full model. A limit that stops the search first leaves the honest bound
///    `min(MIP bound, L + min d)`.
///
/// Why: the full model has a link column per pair of enterprises and term (9 million at
/// 3000 enterprises); the optimum uses near links almost only.
struct PricedTeamSolve {
    let solver: any MIPSolver
    let basis: TeamBasis
    let options: PlanOptions
    let deadline: ContinuousClock.Instant?
    /// Placements whose links every selection starts with (an earlier solve's roster).
    var seed: [Placement] = []

    /// Stage lines for the log (with ``PlanOptions/captureLog``).
    let stages = StageLog()
    /// When the priced solve began: stage lines say how far in they are.
    let began = ContinuousClock.now

    /// Links each enterprise starts with, per term: its nearest possible sites.
    static let initialLinks = 8
    /// At most this many priced links join per enterprise, term and round.
    static let linksPerRound = 4

    /// Every site each enterprise may ever be linked to (unit-level rules), nearest first,
    /// ties by index, with the link's cost; indexed by node.
    let universe: [[(site: Int, cost: Double)]]
    /// For each site (by node), the enterprises that may ever send to it, nearest first.
    let senders: [[Int]]

    init(solver: any MIPSolver, basis: TeamBasis, options: PlanOptions, deadline: ContinuousClock.Instant?) {
        self.solver = solver
        self.basis = basis
        self.options = options
        self.deadline = deadline
        (universe, senders) = Self.candidates(basis)
    }

    /// Every possible link per enterprise, nearest first, and every site's possible senders,
    /// nearest first; ties by index. Each distance is computed once, and the sorts compare
    /// distances only: they are stable and pairs come in index order, so ties keep it (at
    /// 3000 enterprises the tuple sorts and a second distance per pair were 2 s of the 10 s
    /// before stage 0).
    static func candidates(_ basis: TeamBasis) -> (universe: [[(site: Int, cost: Double)]], senders: [[Int]]) {
        let ctx = basis.ctx
        let n = basis.ents.count
        var universe: [[(site: Int, cost: Double)]] = []
        universe.reserveCapacity(n)
        var near = Array(repeating: [(node: Int, km: Double)](), count: n)
        var row: [(site: Int, cost: Double, km: Double)] = []
        for (i, u) in basis.ents.enumerated() {
            row.removeAll(keepingCapacity: true)
            for (j, v) in basis.ents.enumerated() where ctx.linkAllowed(u, v) == nil {
                let km = ctx.km(u, v)
                row.append((v, basis.cost(u, v), km))
                near[j].append((i, km))
            }
            row.sort { $0.km < $1.km }
            universe.append(row.map { ($0.site, $0.cost) })
        }
        let senders = near.map { $0.sorted { $0.km < $1.km }.map(\.node) }
        return (universe, senders)
    }

    /// Whether pricing pays: the full model would have many more links than the selection.
    static func worthwhile(_ basis: TeamBasis) -> Bool {
        basis.ents.count > 3 * initialLinks
    }

    /// The outcome, in the form the planner assembles parts from; nil when the search must
    /// fall back to the full model (the selected links admit no roster).
    /// A model error is a bug: it ends the part as ``TerminationReason/failed(_:)``, never as
    /// a silent fall back to the full model.
    func run() -> PartResult? {
        do {
            guard var result = try stagesRun() else { return nil }
            result.log = stages.lines + result.log
            return result
        } catch {
            return PartResult(termination: .failed("priced model: \(error)"))
        }
    }

    /// The three stages: LP rounds, a first roster, branch and cut with the proof.
    private func stagesRun() throws -> PartResult? {
        var state = PricingState(ents: basis.ents.count, terms: basis.ctx.terms)
        seedSelection(&state.selected, nearest: options.pricedLinks ?? Self.initialLinks)
        note("pricing: candidate links indexed")
        // 0. On large models, a roster and a bound before any simplex LP.
        let early = try earlyStart(state)
        if let early { state.selected = early.selection }
        // 1. Column generation on the LP relaxation.
        let relaxed: Relaxed
        switch try lpRounds(&state, early: early) {
        case .finished(let result): return Self.withEarlyBound(result, early)
        case .rounds(let r): relaxed = r
        }
        // 2. A first roster; the selection shrinks to the links that could beat it.
        switch try firstRoster(relaxed, &state, early: early?.roster) {
        case .finished(let result): return Self.withEarlyBound(result, early)
        case .search(let built, let warm):
            // 3. Branch and cut on the selection, then the proof.
            return Self.withEarlyBound(try proof(relaxed, &state, built: built, warm: warm), early)
        }
    }

    /// Branching looks at this many candidates per node (``SolveOptions/branchingCandidates``):
    /// at 1000 enterprises a node took 0.3 s with all of them and the proof 30 s; with 20,
    /// 13 s (BENCHMARKS.md).
    static let branchingCandidates = 20

    /// Reduced costs below this (relative to the objective) count as negative.
    static let tolerance = 1e-7

    func note(_ line: @autoclosure () -> String) {
        if options.captureLog {
            stages.lines.append("[\(seconds(ContinuousClock.now - began)) s] " + line())
        }
    }

    func seconds(_ x: Double) -> String { String(format: "%.3f", x) }

    func seconds(_ d: Duration) -> String { seconds(d.seconds) }

    func shouldStop() -> Bool { options.shouldStop?() ?? false }

    func secondsLeft() -> Double? { ZhudianPlanner.secondsLeft(until: deadline) }
}

/// Lines collected across a priced solve's stages.
final class StageLog {
    var lines: [String] = []
}
