/// A snapshot of a running search, passed to ``SolveHooks/progress``.
public struct SolveProgress: Sendable, Equatable {
    /// Objective of the best solution found so far, if any.
    public let incumbent: Double?
    /// Best proven bound on the optimum so far, if any.
    public let bound: Double?
    /// `|incumbent - bound| / max(|incumbent|, 1e-9)` when both exist.
    public let gap: Double?
    /// Branch-and-bound nodes created so far.
    public let nodes: Int
    /// Seconds since the solve started.
    public let elapsed: Double

    /// Creates a snapshot; backends compute `gap` with ``SolveResult/relativeGap(objective:bound:)``.
    public init(incumbent: Double?, bound: Double?, gap: Double?, nodes: Int, elapsed: Double) {
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.nodes = nodes
        self.elapsed = elapsed
    }
}
