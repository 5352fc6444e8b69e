import MIPModel
import ZhudianCore

/// A formulation's output: the model, how to read a solution back, and the lazy rows it needs.
struct BuiltModel {
    /// The MIP.
    var model: Model
    /// Lazy subtour/short-cycle separation, one per planned term (empty for `free`).
    var cycleCuts: [CycleCuts]
    /// Placements encoded by a solution.
    var decode: ([Double]) -> [Placement]
    /// Elastic models only: slack columns and the rule instance each relaxes.
    var slacks: [(variable: Variable, slack: ElasticSlack)]
    /// Teams models only: where the rows that column pricing reads are.
    var teamRows: TeamRowIndex? = nil
    /// Solve the root LP by the dual simplex from the all-slack basis, without GLPK's
    /// presolve (``PersonFormulation/buildTwoTerms(_:options:part:)``: every cost ≥ 0 makes that
    /// basis dual feasible, so the root needs no phase 1).
    var dualRoot = false
    /// Make GLPK's Gomory cuts at the root only (``CutOptions/gomoryAtRootOnly``). Teams models
    /// over three terms or more (``TeamFormulation``): on peer row 16 (cycles 15 × 3) the bound
    /// after 30 s rose from 3 528–3 529 to 3 556–3 560 (optimum 3 597.14), while Gomory cuts at
    /// every node slowed the small three-term rows 05 and 12 by half or more (docs/FORMULATION.md,
    /// "Gomory cuts at the root (tenth round)").
    var rootGomory = false
    /// The link columns `y` that the search with the root's Gomory cuts branches on first, the
    /// one GLPK's Driebeck–Tomlin estimate ranks best (``SolveOptions/branchFirstByDegradation``);
    /// empty for GLPK's own rule. Teams models with ``rootGomory``: GLPK's rule chooses among
    /// every fractional column, people `z` included, while the gap is in the links. Peer row 28
    /// (cycles 50 × 3) ended its 30 s at 1.15 % instead of 1.33–1.46 %, row 16 (cycles 15 × 3)
    /// with its bound at 3 564.1 instead of 3 557.8 (medians of six pairs; docs/FORMULATION.md,
    /// "Links first in the search with the root's Gomory cuts (eleventh round)").
    var gomoryLinksFirst: [Int] = []
    /// The complete model's search with the root's Gomory cuts takes ``gomoryLinksFirst`` only
    /// above this depth, GLPK's own rule below (``SolveOptions/branchFirstAbove``); nil: at every
    /// depth. Links first decides the links while they are far from whole; deep in the tree
    /// GLPK's rule, people `z` included, finds rosters the links alone did not. Peer row 16
    /// (cycles 15 × 3) at 30 s: roster 3 603.32 → 3 597.44, gap 1.00 → 0.87 % (depth 8;
    /// docs/FORMULATION.md, "Links first above a depth (eleventh round, second wave)"). The
    /// priced MIPs keep links first at every depth (row 28 lost with it).
    var gomoryLinksFirstAbove: Int? = nil
    /// Choose among the `branchFirst` columns by GLPK's degradation estimate
    /// (``SolveOptions/branchFirstByDegradation``; ``PersonBranching/prepareUnseeded(_:_:options:)``).
    var branchFirstByDegradation = false
    /// Let GLPK make its MIR cuts in the search (``CutOptions/mir``). Off for the unseeded people
    /// model of free placement where nobody stays on (``PersonBranching/prepareUnseeded(_:_:options:)``):
    /// there its MIR rows never changed the tree (peer rows 06, 07, 09, 11, 15 and 18: the same
    /// nodes with and without), so making them was pure cost — row 07 (free 9 × 3) 1.00 → 0.96 s
    /// of CPU. With people staying on (the two-term pattern model) they matter: rows 10, 14 and 19
    /// take 65, 73 and 51 nodes without them instead of 7, 23 and 13 (docs/FORMULATION.md, "MIR
    /// cuts in the unseeded free search, thirteenth round").
    var mirCuts = true
    /// Let GLPK tighten bounds at every node of the search (``SolveOptions/nodePreprocessing``);
    /// false: at the root only. Off where ``mirCuts`` is off: in the unseeded free people model
    /// without staying on a node costs 6–18 % less without it (row 07, free 9 × 3: 1.06 → 0.91 s
    /// of CPU, 311 → 293 nodes), and the trees are no longer on average (seven generated scenarios of 9–20
    /// enterprises: five within ±4 nodes, 2 751 → 705 and 755 → 903; docs/FORMULATION.md, "Node
    /// preprocessing in the unseeded free search, fourteenth round"). The guessed search keeps
    /// it (row 24: 469 nodes without it, not 171).
    var nodePreprocessing = true

    /// All lazy rows violated at `point`.
    func separate(_ point: [Double]) -> [LazyRow] {
        cycleCuts.flatMap { $0.separate(point) }
    }
}

extension BuiltModel {
    /// One MIP solve of the model under the run's options: its lazy rows, progress and stop
    /// hooks, the time left before `deadline`, the gap asked for.
    /// `branchFirst`: ``SolveOptions/branchFirst``.
    func solve(
        with solver: any MIPSolver, options: PlanOptions, deadline: ContinuousClock.Instant?, branchFirst: [Int] = []
    ) -> SolveResult {
        var hooks = SolveHooks(
            separator: cycleCuts.isEmpty ? nil : { point, _ in separate(point) },
            progress: options.progress, shouldStop: options.shouldStop)
        var solveOptions = SolveOptions(
            timeLimit: secondsLeft(until: deadline), relativeGap: options.relativeGap, captureLog: options.captureLog)
        solveOptions.branchFirst = branchFirst
        solveOptions.branchFirstByDegradation = branchFirstByDegradation
        solveOptions.cuts.mir = mirCuts
        solveOptions.nodePreprocessing = nodePreprocessing
        if dualRoot {
            solveOptions.presolve = false
            hooks.initialBasis = Basis(
                columns: Array(repeating: .atLower, count: model.variables.count),
                rows: Array(repeating: .basic, count: model.constraints.count))
        }
        guard rootGomory else { return solver.solve(model, options: solveOptions, hooks: hooks) }
        // GLPK's own search proves the small models within a few hundred nodes; their Gomory
        // rows would only make each node's LP dearer. A search that needs more starts again
        // with the root's Gomory cuts, links first (``gomorySearch(_:)``).
        var plainOptions = solveOptions
        plainOptions.nodeLimit = options.plainNodes
        let plain = solver.solve(model, options: plainOptions, hooks: hooks)
        guard plain.nodeLimitReached else { return plain }
        solveOptions.timeLimit = secondsLeft(until: deadline)
        var second = gomorySearch(solveOptions)
        if !second.branchFirst.isEmpty { second.branchFirstAbove = gomoryLinksFirstAbove }
        return Self.better(plain, solver.solve(model, options: second, hooks: hooks), sense: model.sense)
    }

    /// Two searches of one model combined: the cheaper roster, the higher bound (each search's
    /// bound holds for every roster of the model), the second search's ending.
    static func better(_ first: SolveResult, _ second: SolveResult, sense: ObjectiveSense) -> SolveResult {
        if second.termination == .optimal { return second }
        let minimise = sense == .minimize
        func beats(_ a: Double?, _ b: Double?) -> Bool {
            guard let a else { return false }
            guard let b else { return true }
            return minimise ? a < b : a > b
        }
        let kept = beats(first.objective, second.objective) ? first : second
        var bound = [first.bestBound, second.bestBound].compactMap { $0 }.max(by: { minimise ? $0 < $1 : $0 > $1 })
        if let b = bound, let z = kept.objective { bound = minimise ? min(b, z) : max(b, z) }
        var out = SolveResult(
            termination: second.termination, values: kept.values, objective: kept.objective, bestBound: bound,
            seconds: first.seconds + second.seconds, nodes: first.nodes + second.nodes, log: first.log + second.log,
            lazyRowsAdded: first.lazyRowsAdded + second.lazyRowsAdded)
        out.branchedFirst = first.branchedFirst + second.branchedFirst
        return out
    }
}

extension BuiltModel {
    /// The cut options of a MIP over this model: `base`, with Gomory cuts at the root only
    /// where ``rootGomory`` asks for them.
    func cuts(_ base: CutOptions) -> CutOptions {
        guard rootGomory else { return base }
        var out = base
        out.gomory = true
        out.gomoryAtRootOnly = true
        return out
    }

    /// The options of a search with the root's Gomory cuts (``rootGomory``): `base` with those
    /// cuts and, where ``gomoryLinksFirst`` names columns, links first by degradation. `base`
    /// unchanged without ``rootGomory``.
    func gomorySearch(_ base: SolveOptions) -> SolveOptions {
        guard rootGomory else { return base }
        var out = base
        out.cuts = cuts(base.cuts)
        if !gomoryLinksFirst.isEmpty {
            out.branchFirst = gomoryLinksFirst
            out.branchFirstByDegradation = true
        }
        return out
    }
}

/// A small helper to keep row-building code short: builds an expression from (variable, coefficient) pairs.
func expr(_ terms: [(Variable, Double)]) -> LinearExpression { LinearExpression(terms) }
