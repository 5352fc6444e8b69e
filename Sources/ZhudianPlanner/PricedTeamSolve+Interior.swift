import MIPModel
import ZhudianCore

/// Stage 0 of ``PricedTeamSolve`` on large models of two terms or more: an interior-point
/// solve of the first LP gives a roster and a bound before any simplex LP
/// (docs/FORMULATION.md, "A roster and a bound before the first simplex LP").
///
/// Why: the dual simplex took 20–38 s on the first LP of 1000 enterprises × 2 terms and did
/// not finish in 120 s at 3000; GLPK's interior-point method reaches the same value to eight
/// digits in a few seconds (BENCHMARKS.md). It gives no basis, so the simplex rounds still
/// follow when there is time; but the roster built from its point and the bound from its
/// duals stand whatever the simplex does.
extension PricedTeamSolve {
    /// A roster and a bound found before the simplex rounds.
    struct EarlyStart {
        /// A constructed roster, staffed (nil when the construction found none).
        let roster: Found?
        /// A bound on every roster of the full model (``LagrangianBound``).
        let bound: Double?
        /// The selection the simplex rounds start from: the links the interior point uses,
        /// each enterprise's few of least reduced cost, and the roster's.
        let selection: [[Set<Int>]]
    }

    /// Links of least interior reduced cost kept per enterprise and term in the simplex
    /// rounds' first selection (besides those the interior point uses).
    static let interiorKeptLinks = 3

    /// Whether stage 0 runs: two terms or more and at least ``interiorFromEnterprises``
    /// enterprises (tests may force it either way), an exact model, and an engine with an
    /// interior-point method.
    func interiorFirst() -> Bool {
        guard !basis.elastic, solver is any InteriorPointSolver else { return false }
        return options.interiorStart ?? (basis.ctx.terms >= 2 && basis.ents.count >= Self.interiorFromEnterprises)
    }

    /// Enterprises from which stage 0 runs by default: at 1000 × 2 terms the simplex's first
    /// LP takes 20–38 s; at 300 × 2 about 2.7 s, less than stage 0 would cost.
    static let interiorFromEnterprises = 600

    /// The interior-point solve of the first selection, its bound, and a roster constructed
    /// from its point and staffed; nil when the method gives no point.
    func earlyStart(_ state: PricingState) throws -> EarlyStart? {
        guard interiorFirst(), let engine = solver as? any InteriorPointSolver else { return nil }
        let built = try TeamFormulation.build(basis, options: options, links: selection(state.selected), pool: state.pool)
        guard let point = try engine.interiorPoint(built.model), let rows = built.teamRows else { return nil }
        let bound = earlyBound(point, built, rows, state)
        note("pricing: interior point \(point.objective) (converged: \(point.converged)), bound \(bound ?? .nan), "
            + "\(seconds(point.seconds)) s")
        guard let lagrangian = LagrangianBound(built.model, rowDuals: point.rowDuals) else { return nil }
        let duals = Duals(rowDuals: lagrangian.rowDuals, rows: rows, pool: state.pool)
        let roster = try constructedRoster(point.values, built, state.pool, duals, early: true)
        note("pricing: roster before the simplex LP: \(roster.map { "\($0.objective)" } ?? "none")")
        if let roster, let report = options.progress {
            report(SolveProgress(
                incumbent: roster.objective, bound: bound,
                gap: bound.map { SolveResult.relativeGap(objective: roster.objective, bound: $0) },
                nodes: 0, elapsed: (ContinuousClock.now - began).seconds))
        }
        return EarlyStart(
            roster: roster, bound: bound,
            selection: interiorSelection(point, lagrangian, rows, roster: roster))
    }

    /// The simplex rounds' first selection after stage 0: fewer links than the nearest ones,
    /// and fewer `pair2` and `pcool` rows with them (the rows that slowed the dual simplex
    /// most); pricing brings back any link left out that the LP wants, so the optimum and
    /// the bound are those of the full model as before. The roster's links keep the first
    /// LP feasible.
    private func interiorSelection(
        _ point: InteriorPoint, _ lagrangian: LagrangianBound, _ rows: TeamRowIndex, roster: Found?
    ) -> [[Set<Int>]] {
        var chosen = PricingState.noLinks(ents: basis.ents.count, terms: basis.ctx.terms)
        var ranked = Array(repeating: Array(repeating: [(d: Double, site: Int)](), count: basis.ents.count),
            count: basis.ctx.terms + 1)
        for l in rows.links {
            if point.values[l.variable.index] > 1e-6 { chosen[l.term][l.node].insert(l.site) }
            ranked[l.term][l.node].append((lagrangian.reducedCosts[l.variable.index], l.site))
        }
        for k in ranked.indices {
            for i in ranked[k].indices {
                for e in ranked[k][i].sorted(by: { ($0.d, $0.site) < ($1.d, $1.site) }).prefix(Self.interiorKeptLinks) {
                    chosen[k][i].insert(e.site)
                }
            }
        }
        if let roster, let own = roster.built.teamRows {
            for l in own.links where roster.values[l.variable.index] > 0.5 { chosen[l.term][l.node].insert(l.site) }
        }
        seedSelection(&chosen, nearest: 0)
        return chosen
    }

    /// A bound on every roster of the full model from `point`'s duals, whatever their
    /// accuracy (``LagrangianBound``): every row dualised, each column at its cheapest bound,
    /// except that each enterprise sends exactly one team per term, so its links add the
    /// least reduced cost among all its possible links, selected or left out (rows of the
    /// full model absent here have dual 0). Nil when some enterprise has no possible link.
    func earlyBound(_ point: InteriorPoint, _ built: BuiltModel, _ rows: TeamRowIndex, _ state: PricingState) -> Double? {
        guard let lagrangian = LagrangianBound(built.model, rowDuals: point.rowDuals) else { return nil }
        let T = basis.ctx.terms
        let n = basis.ents.count
        var isLink = Array(repeating: false, count: built.model.variableCount)
        var least = Array(repeating: Array(repeating: Double.infinity, count: n), count: T + 1)
        for l in rows.links {
            isLink[l.variable.index] = true
            least[l.term][l.node] = min(least[l.term][l.node], lagrangian.reducedCosts[l.variable.index])
        }
        let duals = Duals(rowDuals: lagrangian.rowDuals, rows: rows, pool: state.pool)
        for e in price(duals, state.selected, below: .infinity, perUnit: 1) {
            least[e.term][e.node] = min(least[e.term][e.node], e.reducedCost)
        }
        var bound = lagrangian.rowPart
        for j in 0..<built.model.variableCount where !isLink[j] { bound += lagrangian.columnFloor(built.model, j) }
        for k in 1...T {
            for i in 0..<n {
                guard least[k][i].isFinite else { return nil }
                bound += least[k][i]
            }
        }
        return bound.isFinite ? bound : nil
    }

    /// The part's result from stage 0 alone (the simplex LP did not finish): its roster,
    /// with its bound when it has one; nil without a roster.
    func earlyResult(_ early: EarlyStart?, _ termination: TerminationReason) -> PartResult? {
        guard let early, let r = early.roster else { return nil }
        var out = PartResult(termination: termination)
        out.priced = true
        out.values = r.values
        out.placements = r.built.decode(r.values)
        out.objective = r.objective
        out.bound = early.bound.map { min($0, r.objective) }
        out.model = r.built.model
        return out
    }

    /// `result` with its bound raised to stage 0's when that is higher (never above the
    /// roster's cost).
    static func withEarlyBound(_ result: PartResult?, _ early: EarlyStart?) -> PartResult? {
        guard var result, let b = early?.bound, let z = result.objective else { return result }
        if let current = result.bound, current >= b { return result }
        result.bound = min(b, z)
        return result
    }
}
