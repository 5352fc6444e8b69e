import MIPModel
import ZhudianCore

/// Stage 2b of ``PricedTeamSolve``: a short MIP around the LP's support for a first roster.
extension PricedTeamSolve {
    /// A roster found quickly: branch and cut over the links the LP solution uses plus
    /// `neighbourhood` (the links of least reduced cost) or, without one, each enterprise's
    /// nearest few; and `start`'s links, `start` offered as the incumbent. Stopped at a
    /// 0.01 % gap or a quarter of the time left (at most 20 s with a start). `searched`: the
    /// MIP proved its roster optimal over its links (not stopped at its gap or time limit).
    func supportRoster(
        _ point: [Double], _ lpModel: BuiltModel, _ pool: [CutSet],
        start: (built: BuiltModel, values: [Double], objective: Double)?,
        also: [(built: BuiltModel, values: [Double], objective: Double)] = [], neighbourhood: [Priced]?,
        rootStart: (Model) -> Basis?, searched: inout Bool
    ) throws -> (built: BuiltModel, values: [Double], objective: Double)? {
        guard let rows = lpModel.teamRows else { return nil }
        let T = basis.ctx.terms
        var chosen: [[Set<Int>]] = Array(repeating: Array(repeating: [], count: basis.ents.count), count: T + 1)
        if let neighbourhood {
            for e in neighbourhood { chosen[e.term][e.node].insert(e.site) }
            seedSelection(&chosen, nearest: 0)
        } else {
            seedSelection(&chosen, nearest: Self.supportNearest)
        }
        for l in rows.links where point[l.variable.index] > 1e-6 { chosen[l.term][l.node].insert(l.site) }
        // The start's links, and those of the other constructed rosters: with a gap stop the
        // MIP's roster is then within its gap of each (cycles 150 × 2: with only the cheaper
        // start's links it stopped at 10 026.21, the other order's roster held 10 022.30's links).
        for roster in [start].compactMap({ $0 }) + also {
            guard let rows = roster.built.teamRows else { continue }
            for l in rows.links where roster.values[l.variable.index] > 0.5 { chosen[l.term][l.node].insert(l.site) }
        }
        let small = try TeamFormulation.build(basis, options: options, links: selection(chosen), pool: pool)
        var hooks = SolveHooks(
            separator: small.cycleCuts.isEmpty ? nil : { point, _ in small.separate(point) },
            shouldStop: options.shouldStop)
        if let start { hooks.initialSolution = Self.transfer(start.values, from: start.built.model, to: small.model) }
        hooks.initialBasis = rootStart(small.model)
        // With a roster in hand this only improves it: a shorter budget.
        let budget = secondsLeft().map { start == nil ? $0 / 4 : min($0 / 4, 20) }
        var o = SolveOptions(timeLimit: budget, relativeGap: Self.supportGap)
        o.cuts.gomory = true
        o.cuts.mir = false
        o.branchingCandidates = Self.branchingCandidates
        // GLPK's own search is slow to find any roster on large models; the pump and
        // proximity search find one (backends ignore both when lazy rows are in use).
        o.feasibilityPump = true
        o.proximitySearch = (budget ?? 60) / 3
        let result = solver.solve(small.model, options: o, hooks: hooks)
        note("pricing: support MIP \(small.model.variableCount) columns: \(result.termination), objective \(result.objective ?? .nan), \(seconds(result.seconds)) s")
        try Self.surfaceFailure(result)
        searched = result.termination == .optimal
        guard let values = result.values, let objective = result.objective else { return nil }
        return (small, values, objective)
    }

    /// A heuristic solve that finds no roster is no error; one the engine failed is a bug.
    static func surfaceFailure(_ result: SolveResult) throws {
        if case .failed(let why) = result.termination { throw HeuristicSolveFailure(detail: why) }
    }

    /// The engine failed inside one of the first-roster heuristics.
    struct HeuristicSolveFailure: Error, CustomStringConvertible {
        let detail: String
        var description: String { "a first-roster solve failed: \(detail)" }
    }

    /// The support MIP stops this close (relative) to its bound.
    static let supportGap = 1e-4

    /// Whether a roster costing `z` is within the support MIP's gap of `L`, a bound on every
    /// roster: that MIP would stop at once with it (after re-solving its root LP).
    static func withinSupportGap(_ z: Double, L: Double) -> Bool {
        z - L <= supportGap * max(1, abs(z))
    }

    /// Nearest sites per enterprise added to the LP's support for the first roster when the
    /// duals have not converged.
    static let supportNearest = 6

    /// With converged duals, the first roster's MIP takes about this many links per
    /// enterprise and term, those of least reduced cost (measured at 1000 enterprises: the
    /// links within 1 of the optimum's gap were 4 per enterprise).
    static let neighbourhoodLinks = 3

    /// Links per enterprise and term of the support MIP's neighbourhoods, tried in turn while
    /// none holds a roster better than the constructed one.
    static let neighbourhoodSizes = [neighbourhoodLinks, neighbourhoodLinks + 1]

    /// Reduced costs considered for that neighbourhood at most (relative to the bound).
    static func neighbourhoodGap(_ L: Double) -> Double { 0.01 * max(1, abs(L)) }

    /// The `count` links of least reduced cost (ties by term, node, site).
    static func cheapest(_ links: [Priced], count: Int) -> [Priced] {
        Array(links.sorted { ($0.reducedCost, $0.term, $0.node, $0.site) < ($1.reducedCost, $1.term, $1.node, $1.site) }
            .prefix(count))
    }
}
