import MIPModel
import ZhudianCore

/// Stage 3 of ``PricedTeamSolve``: branch and cut on the selection; with the roster's cost
/// `Z`, every left-out link with `L + d < Z` joins and the MIP is solved again from that
/// roster, until none is left (then `Z` is optimal for the full model) or the time is up.
extension PricedTeamSolve {
    func proof(
        _ r: Relaxed, _ state: inout PricingState, built first: BuiltModel, warm firstWarm: (model: Model, values: [Double])?
    ) throws -> PartResult? {
        var built = first
        var warm = firstWarm
        while true {
            if built.model.variableCount == 0 || built.teamRows == nil { return nil }
            // A roster with a left-out link costs at least `L + d`, and at least what bounds
            // every roster (``PricingState/floor``).
            let excludedFloor = max(
                state.floor,
                r.converged
                    ? Self.floor(price(r.duals, state.selected, below: .infinity, perUnit: 1), r.L) : r.floorWithoutConvergence)
            let start = warm.map { Self.transfer($0.values, from: $0.model, to: built.model) }
            let result = branchAndCut(built, start: start, rootStart: r.rootStart(built.model), excludedFloor: excludedFloor)
            var out = PartResult(termination: result.termination)
            out.priced = true
            out.log = result.log
            out.model = built.model
            guard let values = result.values, let Z = result.objective else {
                // No roster over the selected links: the full model decides (deliberate).
                if result.termination == .infeasible { return nil }
                return Self.withStart(out, built, start, bound: min(result.bestBound ?? r.L, excludedFloor))
            }
            out.values = values
            out.placements = built.decode(values)
            out.objective = Z
            let finished = r.converged && (result.termination == .optimal || result.termination == .gapLimit)
            let threshold = Z - r.L - Self.tolerance * max(1, abs(Z))
            let entering = finished ? price(r.duals, state.selected, below: threshold, perUnit: Int.max) : []
            if finished, entering.isEmpty {
                out.bound = result.termination == .optimal ? Z : min(result.bestBound ?? r.L, excludedFloor)
                return out
            }
            if !finished || shouldStop() || secondsLeft().map({ $0 <= 0.01 }) == true {
                // Without a bound from this search (stopped before its first LP), the LP
                // relaxation's L still bounds every roster over the selected links.
                let b = min(result.bestBound ?? r.L, excludedFloor)
                out.bound = min(b, Z)
                if result.termination == .optimal { out.termination = .timeLimit }
                return out
            }
            for e in entering { state.selected[e.term][e.node].insert(e.site) }
            warm = (built.model, values)
            built = try TeamFormulation.build(
                basis, options: options, links: selection(state.selected), pool: mipPool(state.pool))
        }
    }

    /// One branch and cut over `built`, from the roster `start` and the LP basis `rootStart`;
    /// progress reports cap the bound at `excludedFloor` (what a left-out link would cost).
    private func branchAndCut(_ built: BuiltModel, start: [Double]?, rootStart: Basis?, excludedFloor: Double)
        -> SolveResult
    {
        var hooks = SolveHooks(
            separator: built.cycleCuts.isEmpty
                ? nil : Self.treeSeparator(built, blossoms: options.treeBlossoms && Self.blossomsInTree(basis.ents.count)),
            progress: nil, shouldStop: options.shouldStop)
        hooks.initialSolution = start
        hooks.initialBasis = rootStart
        if let report = options.progress {
            hooks.progress = { p in
                var p = p
                if let b = p.bound { p = Self.capped(p, bound: min(b, excludedFloor)) }
                report(p)
            }
        }
        var mipOptions = SolveOptions(
            timeLimit: secondsLeft(), relativeGap: options.relativeGap, captureLog: options.captureLog)
        // Measured on the selected-links model (BENCHMARKS.md): no MIR cuts; and, since the
        // blossom rows, no Gomory cuts either (GLPK makes them at every node, one simplex
        // tableau row each: 300 enterprises, 2 terms, proven in 26 s instead of 41 s).
        mipOptions.cuts.gomory = false
        mipOptions.cuts.mir = false
        mipOptions.branchingCandidates = Self.branchingCandidates
        // Three terms or more: Gomory cuts at the root only, which no node pays for
        // (``BuiltModel/rootGomory``; rows 23 and 28 found cheaper rosters in 30 s), and links
        // first by degradation (``BuiltModel/gomoryLinksFirst``: row 28 1.46 → 1.15 % at 30 s).
        mipOptions = built.gomorySearch(mipOptions)
        let result = solver.solve(built.model, options: mipOptions, hooks: hooks)
        note("pricing: MIP \(built.model.variableCount) columns: \(result.termination), objective "
            + "\(result.objective ?? .nan), bound \(result.bestBound ?? .nan), \(seconds(result.seconds)) s")
        return result
    }

    /// `out` for a search stopped before GLPK took up the first roster `start`: it is still
    /// a roster, if it keeps every row of `built`, lazy ones included.
    private static func withStart(_ out: PartResult, _ built: BuiltModel, _ start: [Double]?, bound: Double) -> PartResult {
        guard let start, built.model.violations(at: start).isEmpty, built.separate(start).isEmpty else { return out }
        var out = out
        let z = built.model.objectiveValue(at: start)
        out.values = start
        out.placements = built.decode(start)
        out.objective = z
        out.bound = min(z, bound)
        return out
    }

    static func capped(_ p: SolveProgress, bound: Double) -> SolveProgress {
        var gap: Double?
        if let i = p.incumbent { gap = SolveResult.relativeGap(objective: i, bound: bound) }
        return SolveProgress(incumbent: p.incumbent, bound: bound, gap: gap, nodes: p.nodes, elapsed: p.elapsed)
    }

    /// `values` of `from`'s columns, moved to `to`'s columns of the same name (0 elsewhere).
    static func transfer(_ values: [Double], from: Model, to: Model) -> [Double] {
        var column: [String: Int] = [:]
        for (j, v) in to.variables.enumerated() { column[v.name] = j }
        var point = Array(repeating: 0.0, count: to.variableCount)
        for (i, v) in from.variables.enumerated() {
            if let j = column[v.name] { point[j] = values[i] }
        }
        return point
    }
}

extension PricedTeamSolve {
    /// The lazy rows of a search over `built`: subtour rows, and at a fractional point that
    /// breaks none, blossom rows (``Blossoms/lazyRows(_:term:)``) when `blossoms` is on.
    /// Only where subtour rows are lazy already (rings, cycles with `minCycle` above 3): a
    /// separator turns GLPK's presolver and heuristics off.
    /// Whether the search adds blossom rows at its nodes: above the size where the separator
    /// already finds subtour rows by minimum cuts at every fractional node
    /// (``CycleCuts/minCutNodes``). Below it they cost more than they saved: ring 50 × 2 (peer
    /// row 27) searched 1 087 nodes instead of 1 501, but took 32.2 s of CPU instead of 27.1 s;
    /// ring 100 × 2 searched 47 nodes instead of 125 and ring 200 67 instead of 281, each in
    /// less time (BENCHMARKS.md, "Two-term rings, ninth round").
    static func blossomsInTree(_ enterprises: Int) -> Bool {
        enterprises > CycleCuts.minCutNodes
    }

    static func treeSeparator(_ built: BuiltModel, blossoms: Bool) -> ([Double], Bool) -> [LazyRow] {
        let terms = blossoms ? built.teamRows?.blossoms ?? [] : []
        return { [built] point, integral in
            let rows = built.separate(point)
            guard rows.isEmpty, !integral else { return rows }
            return terms.enumerated().flatMap { t, b in b.lazyRows(point, term: t + 1) }
        }
    }
}
