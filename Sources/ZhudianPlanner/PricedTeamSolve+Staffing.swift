import MIPModel
import ZhudianCore

/// Staffing constructed links enterprise by enterprise (``ModelBlocks``).
///
/// Why: with one link per enterprise and term the links are forced, and who serves when is a
/// separate small problem per enterprise. As one MIP, GLPK's branch and bound must make all
/// of them integral in the same node: at 3000 enterprises × 2 terms it found no staffing in
/// 20 s (BENCHMARKS.md, "Two terms, sixth round"); part by part each is solved at its root.
extension PricedTeamSolve {
    /// The staffing MIP `fixed` over the constructed links `succ` (`succ[k][i]`: the node
    /// enterprise node `i` sends to in term `k`, −1 for none), solved part by part when those
    /// links are all the model has (then every link column is forced by its `send` row, and
    /// fixing them changes nothing); as one MIP otherwise (pinned or baseline links beside
    /// them, or an elastic model, whose slacks leave links free).
    func staff(_ fixed: BuiltModel, links succ: [[Int]], options: SolveOptions, hooks: SolveHooks) throws -> SolveResult {
        guard !basis.elastic, let rows = fixed.teamRows, let fixing = forcedLinks(rows, succ) else {
            return solver.solve(fixed.model, options: options, hooks: hooks)
        }
        let started = ContinuousClock.now
        guard let parts = try ModelBlocks(fixed.model, fixing: fixing) else {
            // The links alone break a row (a pin elsewhere): no staffing exists.
            return Self.staffingResult(.infeasible, values: nil, started)
        }
        let until = options.timeLimit.map { started + .seconds($0) }
        var points: [[Double]] = []
        var termination = TerminationReason.optimal
        for block in parts.blocks {
            var o = options
            o.timeLimit = ZhudianPlanner.secondsLeft(until: until)
            let r = solver.solve(block.model, options: o, hooks: SolveHooks(shouldStop: hooks.shouldStop))
            guard let values = r.values, r.termination == .optimal || r.termination == .gapLimit else {
                // Infeasible, stopped or out of time: no staffing, as the whole MIP would end.
                return Self.staffingResult(r.termination == .optimal ? .failed("a part ended without values") : r.termination,
                    values: nil, started)
            }
            if r.termination == .gapLimit { termination = .gapLimit }
            points.append(values)
        }
        let whole = parts.assemble(points)
        let broken = fixed.model.violations(at: whole)
        guard broken.isEmpty, fixed.separate(whole).isEmpty else {
            throw HeuristicSolveFailure(detail: "staffing by enterprise broke \(broken.first.map(\.name) ?? "a lazy row")")
        }
        return Self.staffingResult(termination, values: whole, objective: fixed.model.objectiveValue(at: whole), started)
    }

    /// Every link column of `rows` at 1 when it is the constructed link `succ`, else nil:
    /// the model then has exactly one link per enterprise and term, the constructed one.
    func forcedLinks(_ rows: TeamRowIndex, _ succ: [[Int]]) -> [Int: Double]? {
        var fixing: [Int: Double] = [:]
        for l in rows.links {
            guard succ.indices.contains(l.term), succ[l.term].indices.contains(l.node),
                succ[l.term][l.node] == basis.node[l.site]
            else { return nil }
            fixing[l.variable.index] = 1
        }
        return fixing
    }

    private static func staffingResult(
        _ termination: TerminationReason, values: [Double]?, objective: Double? = nil, _ started: ContinuousClock.Instant
    ) -> SolveResult {
        let bound = termination == .optimal ? objective : nil
        return SolveResult(
            termination: termination, values: values, objective: objective, bestBound: bound,
            seconds: (ContinuousClock.now - started).seconds, nodes: 0, log: [], lazyRowsAdded: 0)
    }
}
