import MIPModel
import ZhudianCore

/// Stage 2½ of ``PricedTeamSolve``, three terms or more: a bound from the root of the model
/// over every link that could beat the first roster, where the search goes on over fewer.
///
/// With the first roster's cost `Z₀`, a roster that uses a link outside the kept ones (those
/// with `L + d < Z₀`) costs at least `Z₀`; one over kept links only costs at least the root
/// bound `B` of the model over all of them. So `min(B, Z₀)` bounds every roster of the full
/// model, whatever links the search itself holds. Without it a search stopped by the time
/// limit reports `L + min d` over the links it left out, which on ring 30 × 3 (peer row 23)
/// stayed at the LP bound 6 535.67 while the root over the kept links, with its Gomory cuts,
/// stood at ~6 545 (docs/FORMULATION.md, "The root over every kept link (twelfth round)").
/// The root is a search limited by nodes, not time, so the bound does not depend on the load.
extension PricedTeamSolve {
    /// Nodes of the root search: GLPK's tree holds three once the root has branched, after
    /// its cut rounds (``SolveOptions/nodeLimit``).
    static let keptRootNodes = 3

    /// Kept links above which the root does not run. Peer row 23 (ring 30 × 3) keeps 2 530,
    /// whose root takes 1.0–1.7 s and lifts the bound by 10.5; row 28 (cycles 50 × 3) keeps
    /// 7 180, whose root took 4.1–7.9 s of its 30 (load 4–5) for 1.0 (gap 1.15 → 1.14 %).
    static let keptRootMaxLinks = 4_000

    /// `min(B, Z₀)` (above) where the root runs: three terms or more (the models with the
    /// root's Gomory cuts), converged duals, and more kept links than the search holds in
    /// `selected`, up to ``keptRootMaxLinks``; asked for by a test (``PlanOptions/keptRootBound``),
    /// with converged duals alone. Nil where it does not run or gave no bound.
    func keptRootBound(_ r: Relaxed, first: Found, selected: [[Set<Int>]], pool: [CutSet]) throws -> Double? {
        guard r.converged, options.keptRootBound ?? (basis.ctx.terms >= 3) else { return nil }
        let kept = keptLinks(first, r)
        let count = Self.linkCount(kept)
        if options.keptRootBound == nil, count <= Self.linkCount(selected) || count > Self.keptRootMaxLinks { return nil }
        let built = try TeamFormulation.build(basis, options: options, links: selection(kept), pool: mipPool(pool))
        let result = rootSearch(built, r, from: first)
        note("pricing: root over the \(count) kept links: \(result.termination), bound "
            + "\(result.bestBound ?? .nan), \(seconds(result.seconds)) s")
        return result.bestBound.map { min($0, first.objective) }
    }

    /// The search of `built` to ``keptRootNodes`` nodes, from the roster `first` and the LP's
    /// basis, with the priced MIPs' rows, cuts and branching (``BuiltModel/gomorySearch(_:)``).
    private func rootSearch(_ built: BuiltModel, _ r: Relaxed, from first: Found) -> SolveResult {
        var hooks = SolveHooks(
            separator: built.cycleCuts.isEmpty
                ? nil : Self.treeSeparator(built, blossoms: options.treeBlossoms && Self.blossomsInTree(basis.ents.count)),
            progress: nil, shouldStop: options.shouldStop)
        hooks.initialSolution = Self.transfer(first.values, from: first.built.model, to: built.model)
        hooks.initialBasis = r.rootStart(built.model)
        var root = SolveOptions(timeLimit: secondsLeft(), relativeGap: options.relativeGap, captureLog: options.captureLog)
        root.cuts.gomory = false
        root.cuts.mir = false
        root.branchingCandidates = Self.branchingCandidates
        root = built.gomorySearch(root)
        root.nodeLimit = Self.keptRootNodes
        return solver.solve(built.model, options: root, hooks: hooks)
    }

    /// The kept links of `first` (``selectionAfter``'s rule with every kept link) and its own.
    func keptLinks(_ first: Found, _ r: Relaxed) -> [[Set<Int>]] {
        let limit = first.objective - r.L + Self.tolerance * max(1, abs(first.objective))
        let noLinks = PricingState.noLinks(ents: basis.ents.count, terms: basis.ctx.terms)
        var out = noLinks
        for e in price(r.duals, noLinks, below: limit, perUnit: Int.max) { out[e.term][e.node].insert(e.site) }
        seedSelection(&out, nearest: 0)
        if let rows = first.built.teamRows {
            for l in rows.links where first.values[l.variable.index] > 0.5 { out[l.term][l.node].insert(l.site) }
        }
        return out
    }

    static func linkCount(_ selected: [[Set<Int>]]) -> Int {
        selected.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
    }
}
