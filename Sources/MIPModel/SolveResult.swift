/// The outcome of one solve.
public struct SolveResult: Sendable {
    /// Why the solve ended.
    public let termination: TerminationReason
    /// The best point found, indexed by ``Variable/index``; nil when no
    /// primal solution exists. Integer columns are rounded.
    public let values: [Double]?
    /// Objective at ``values``; nil when there are no values.
    public let objective: Double?
    /// Proven bound on the optimum; equals ``objective`` when optimal; nil if none was seen.
    public let bestBound: Double?
    /// Wall-clock seconds spent in the solve.
    public let seconds: Double
    /// Branch-and-bound nodes created.
    public let nodes: Int
    /// Solver text, when ``SolveOptions/captureLog`` was set; one entry per line.
    public let log: [String]
    /// Lazy rows added to the solver's problem during the search.
    public let lazyRowsAdded: Int
    /// Nodes where the search branched on a column of ``SolveOptions/branchFirst``.
    public var branchedFirst = 0
    /// The search stopped at ``SolveOptions/nodeLimit``.
    public var nodeLimitReached = false
    /// Runs of ``SolveOptions/nodeHeuristic`` and the points the search took from it.
    public var nodeHeuristicRuns = 0
    public var nodeHeuristicFound = 0

    /// Creates a result; backends fill it in.
    public init(
        termination: TerminationReason, values: [Double]?, objective: Double?, bestBound: Double?,
        seconds: Double, nodes: Int, log: [String], lazyRowsAdded: Int
    ) {
        self.termination = termination
        self.values = values
        self.objective = objective
        self.bestBound = bestBound
        self.seconds = seconds
        self.nodes = nodes
        self.log = log
        self.lazyRowsAdded = lazyRowsAdded
    }

    /// `|objective - bound| / max(|objective|, 1e-9)`; 0 when optimal; nil
    /// when either is missing.
    public var relativeGap: Double? {
        if termination == .optimal, objective != nil { return 0 }
        guard let objective, let bestBound else { return nil }
        return Self.relativeGap(objective: objective, bound: bestBound)
    }

    /// Whether a primal solution is available.
    public var hasSolution: Bool { values != nil }

    /// The value of `v` in the solution; nil when there is none or `v` is out of range.
    public func value(_ v: Variable) -> Double? {
        guard let values, values.indices.contains(v.index) else { return nil }
        return values[v.index]
    }

    /// The gap formula shared by results and progress snapshots.
    public static func relativeGap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / max(abs(objective), 1e-9)
    }
}
