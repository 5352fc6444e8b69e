import MIPModel

/// The node heuristic (``NodeHeuristic``) of the seeded full people model's searches: the
/// guessed search (``GuessedGap``) and the restarts (``PersonRestart``).
///
/// Why: there the search's bound reaches the optimum long before its roster does (peer row
/// 24, free 30 × 2: after about 120 of 281 nodes). With it, row 29 (free 50 × 2, cap) takes
/// 131 nodes instead of 369; the unseeded search of the small rows does not get it, as row 07
/// (free 9 × 3) was slower with it (docs/FORMULATION.md, "A roster early in the people
/// model's search, thirteenth round").
enum PersonNodeHeuristic {
    /// From the 10th node, every 20 nodes (fewer after runs that find nothing cheaper), at
    /// most 10 runs of at most 50 sub-MIP nodes. Searches of fewer than 10 nodes never pay.
    static let standard = NodeHeuristic(firstNode: 10, every: 20, subNodes: 50, runs: 10, withIncumbent: true)

    /// The heuristic's settings, nil when ``PlanOptions/nodeHeuristic`` is off.
    static func settings(_ options: PlanOptions) -> NodeHeuristic? {
        guard options.nodeHeuristic else { return nil }
        return options.nodeHeuristicSettings ?? standard
    }
}
