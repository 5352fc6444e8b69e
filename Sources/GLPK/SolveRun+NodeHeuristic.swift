import CGLPKGuard
import MIPModel

extension SolveRun {
    /// The log's line on the node heuristic (with ``SolveOptions/captureLog`` and the
    /// heuristic on only), read by the planner's tests through the searches' logs.
    static func heuristicLine(_ heuristic: NodeHeuristic?, _ counts: (runs: Int, found: Int), captureLog: Bool) -> [String] {
        guard captureLog, heuristic != nil else { return [] }
        return ["node heuristic: \(counts.runs) runs, \(counts.found) rosters taken"]
    }

    /// Sets the session's fields for ``SolveOptions/nodeHeuristic`` (all 0, off, without it).
    static func install(_ heuristic: NodeHeuristic?, in session: UnsafeMutablePointer<zd_session>) {
        guard let heuristic, heuristic.every > 0, heuristic.subNodes > 0, heuristic.runs > 0 else {
            session.pointee.heur_every = 0
            return
        }
        session.pointee.heur_every = Int32(clamping: heuristic.every)
        session.pointee.heur_next = Int32(clamping: max(0, heuristic.firstNode))
        session.pointee.heur_sub_nodes = Int32(clamping: heuristic.subNodes)
        session.pointee.heur_runs_max = Int32(clamping: heuristic.runs)
        session.pointee.heur_with_incumbent = heuristic.withIncumbent ? 1 : 0
        session.pointee.heur_mutate = heuristic.offersWrongPoint ? 1 : 0
    }
}
