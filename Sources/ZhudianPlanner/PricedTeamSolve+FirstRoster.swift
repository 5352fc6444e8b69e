import MIPModel
import ZhudianCore

/// Stage 2 of ``PricedTeamSolve``: a first roster from the LP, and the links that could
/// still take part in a better one (any roster using a link of reduced cost `d` costs at
/// least `L + d`).
extension PricedTeamSolve {
    /// A found roster: its model, its point and its cost.
    typealias Found = (built: BuiltModel, values: [Double], objective: Double)

    /// How the first-roster stage ended.
    enum FirstRosterOutcome {
        /// The part ends here (nil: the full model decides).
        case finished(PartResult?)
        /// Branch and cut goes on over `built`, from `warm` (a roster) when there is one.
        case search(BuiltModel, warm: (model: Model, values: [Double])?)
    }

    /// `early`: a roster found before the LP rounds (stage 0), a candidate like the constructed one.
    func firstRoster(_ r: Relaxed, _ state: inout PricingState, early: Found? = nil) throws -> FirstRosterOutcome {
        let made = try constructedRosters(r.lp.values, r.built, state.pool, r.duals, bound: r.converged ? r.L : nil)
        let constructed = (made + [early].compactMap { $0 }).min { $0.objective < $1.objective }
        if r.converged, let c = constructed, let report = options.progress {
            // A first roster is progress: the caller may have all it needs (ElasticSolve).
            report(SolveProgress(
                incumbent: c.objective, bound: r.L, gap: SolveResult.relativeGap(objective: c.objective, bound: r.L),
                nodes: 0, elapsed: (ContinuousClock.now - began).seconds))
        }
        if r.converged, let c = constructed, let done = Self.provenByBound(c, L: r.L, gap: options.relativeGap) {
            // No roster costs less than the LP bound of the full model: nothing left to search
            // (a what-if's repaired baseline often meets it).
            note("pricing: first roster \(c.objective) meets the LP bound \(r.L): optimal")
            return .finished(done)
        }
        let improved = try improvedRoster(r, state, constructed: constructed, alsoFrom: made)
        guard let first = [constructed, improved].compactMap({ $0 }).min(by: { $0.objective < $1.objective }) else {
            return .search(r.built, warm: nil)
        }
        state.selected = selectionAfter(first, r, state.selected)
        if let b = try keptRootBound(r, first: first, selected: state.selected, pool: state.pool) {
            state.floor = max(state.floor, b)
        }
        let built = try TeamFormulation.build(
            basis, options: options, links: selection(state.selected), pool: mipPool(state.pool))
        return .search(built, warm: (first.built.model, first.values))
    }

    /// The support MIP's roster, unless it could not beat `constructed` (nil then). The links
    /// of every roster in `alsoFrom` (the other term order's) join its columns too.
    private func improvedRoster(_ r: Relaxed, _ state: PricingState, constructed: Found?, alsoFrom: [Found])
        throws -> Found?
    {
        let n = basis.ents.count
        let T = basis.ctx.terms
        // GLPK's branching rarely finds a better one-term ring than the constructed one (none
        // in 20 s at 100, 300 or 1000 enterprises): that time goes to the final search instead.
        // With two terms or more it does: the term-by-term construction left ring 100 × 2 at
        // 0.33 % above the optimum, the short MIP at 0.006 % in 0.3 s (BENCHMARKS.md, "Rings").
        let oneTermRing = basis.ctx.scenario.rules.structure == .ring && T == 1
        // A constructed roster within the support MIP's own gap of L is all it could return.
        let closeEnough = constructed.map { Self.withinSupportGap($0.objective, L: r.L) } ?? false
        if closeEnough { note("pricing: constructed roster within \(Self.supportGap) of the LP bound: no support MIP") }
        if (oneTermRing && constructed != nil) || closeEnough { return nil }
        // With converged duals the links of least reduced cost are where better rosters
        // are (a roster's cost is at least L + the sum of its links' reduced costs).
        // Without a first roster, GLPK needs room to find one: the LP's support and nearest
        // sites (the city example found none in 28 s in the reduced-cost neighbourhood).
        var searched = false
        // Three terms or more: the LP's support and nearest sites from the constructed roster
        // too. Ring 30 × 3's support MIP from its constructed 6 772.16 ended at 6 672–6 689 in
        // the reduced-cost neighbourhood and at 6 629.20 in this one (BENCHMARKS.md, "Teams
        // model: three terms, eighth round").
        if T >= 3, constructed != nil { note("pricing: three terms: support MIP over the LP's support and nearest sites") }
        guard r.converged, let constructed, T < 3 else {
            return try supportRoster(
                r.lp.values, r.built, state.pool, start: constructed, also: alsoFrom, neighbourhood: nil,
                rootStart: r.rootStart, searched: &searched)
        }
        var best: Found? = nil
        for perUnit in Self.neighbourhoodSizes {
            // Each enterprise's and term's cheapest links, not the cheapest overall: among the
            // LP's many optimal dual solutions the one GLPK ends on can make many links of a few
            // enterprises cheapest, and ring 100 × 2's optimum then lay outside the overall
            // cheapest 3·n·T (BENCHMARKS.md "Two terms, seventh round").
            let neighbourhood = price(
                r.duals, PricingState.noLinks(ents: n, terms: T), below: Self.neighbourhoodGap(r.L), perUnit: perUnit)
            let found = try supportRoster(
                r.lp.values, r.built, state.pool, start: constructed, also: alsoFrom, neighbourhood: neighbourhood,
                rootStart: r.rootStart, searched: &searched)
            if let found, found.objective < (best ?? constructed).objective { best = found }
            // None of those links beat the constructed roster, proven: one wider neighbourhood.
            if best != nil || !searched { break }
        }
        return best
    }

    /// The selection the search goes on with once `first` is in hand: with converged duals,
    /// the links whose reduced cost leaves room to beat it (all of them when they are at
    /// most twice the selection, so one MIP proves it; otherwise only the selected ones
    /// among them, and the proof rounds add left-out ones below the optimum); always
    /// `first`'s own links, so that it is a point of the next model.
    private func selectionAfter(_ first: Found, _ r: Relaxed, _ selected: [[Set<Int>]]) -> [[Set<Int>]] {
        let limit = first.objective - r.L + Self.tolerance * max(1, abs(first.objective))
        let noLinks = PricingState.noLinks(ents: basis.ents.count, terms: basis.ctx.terms)
        let kept = r.converged ? price(r.duals, noLinks, below: limit, perUnit: Int.max) : []
        let current = selected.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        note("pricing: first roster \(first.objective) (LP bound \(r.L)); \(kept.count) links could beat it")
        var next: [[Set<Int>]]
        if r.converged {
            let all = kept.count <= 2 * current
            next = noLinks
            for e in kept where all || selected[e.term][e.node].contains(e.site) {
                next[e.term][e.node].insert(e.site)
            }
            seedSelection(&next, nearest: 0)
        } else {
            next = selected
        }
        if let rows = first.built.teamRows {
            for l in rows.links where first.values[l.variable.index] > 0.5 { next[l.term][l.node].insert(l.site) }
        }
        return next
    }
}
