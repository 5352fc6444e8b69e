import ZhudianCore

/// GLPK's clique cuts (``CutOptions/clique``) in the guessed search (``GuessedGap``) of free
/// placement where people stay on.
///
/// Why: there a person's `over` rows and both terms' `place` rows can imply cliques of that
/// person's columns that no single row states, which GLPK's conflict graph can find. On ten
/// generated free 25–30 × 2 scenarios with people staying on (docs/FORMULATION.md, "Free
/// placement with people staying on, fourteenth round: GLPK's per-node options") the four
/// proven in a few seconds took 187 → 171, 247 → 201, 71 → 111 and 801 → 321 nodes, and of
/// the six that took 15 s or more, two that stopped at 30 s are proven (in 9.7 and 14.3 s of
/// CPU), two end cheaper, one nearer its bound, one proven sooner. Peer row 21 (free 29 × 2):
/// 241 → 287 nodes, whole-process CPU 0.95 times (the same cost, another roster). Where nobody
/// stays on, and under ring and cycles, not measured: off.
enum GuessedCliqueCuts {
    static func applies(_ rules: Rules, terms: Int) -> Bool {
        rules.structure == .free && FreeTeamCap.staysOn(rules, terms: terms)
    }
}
