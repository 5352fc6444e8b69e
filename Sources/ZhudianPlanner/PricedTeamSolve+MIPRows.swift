/// The pool rows of ``PricedTeamSolve``'s proof MIPs.
extension PricedTeamSolve {
    /// `pool` with every set of more than ``CutSet/crossingFrom`` enterprises written over its
    /// border (``CutSet+Crossing``): equal rows where every enterprise sends and receives one
    /// team, so not in elastic models, and only with ``PlanOptions/crossingRows``. Ring 200's
    /// proof MIP: 245 000 non-zeros → 119 000, 24.2 s → 11.8 s of CPU. Rings only: on cycles
    /// (150 × 2, the city) the proof MIPs took longer with them (BENCHMARKS.md, "Two-term
    /// rings, ninth round").
    func mipPool(_ pool: [CutSet]) -> [CutSet] {
        guard options.crossingRows, !basis.elastic, basis.ctx.scenario.rules.structure == .ring else { return pool }
        return pool.map {
            var cut = $0
            cut.crossing = cut.members.count > CutSet.crossingFrom
            return cut
        }
    }
}
