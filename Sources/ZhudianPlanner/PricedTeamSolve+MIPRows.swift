/// The pool rows of ``PricedTeamSolve``'s proof MIPs.
extension PricedTeamSolve {
    /// `pool` with every set of more than ``CutSet/crossingFrom`` enterprises written over its
    /// border (``CutSet+Crossing``): equal rows where every enterprise sends and receives one
    /// team, so not in elastic models, and only with ``PlanOptions/crossingRows``. Ring 200's
    /// proof MIP: 245 000 non-zeros → 119 000, 24.2 s → 11.8 s of CPU. Rings only: on cycles
    /// (150 × 2, the city) the proof MIPs took longer with them (BENCHMARKS.md, "Two-term
    /// rings, ninth round"). Not under a gap limit (the people seeds' rotating roster,
    /// ``RotatingSeed``): there the MIP stops at the first roster within it, and the border form
    /// only changed which roster — at peer row 20 (ring 26 × 2, staying on) one that made the
    /// people seed's restricted MIP slower: 1.6 s against 1.0 s for the plan.
    func mipPool(_ pool: [CutSet]) -> [CutSet] {
        guard options.crossingRows, options.relativeGap == 0, !basis.elastic, basis.ctx.scenario.rules.structure == .ring
        else { return pool }
        return pool.map {
            var cut = $0
            cut.crossing = cut.members.count > CutSet.crossingFrom
            return cut
        }
    }
}
