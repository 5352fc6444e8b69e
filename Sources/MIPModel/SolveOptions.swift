/// Limits and tuning for one solve.
public struct SolveOptions: Sendable, Equatable {
    /// Wall-clock limit in seconds for the whole solve; nil for none.
    public var timeLimit: Double?
    /// Stop once the relative gap between incumbent and bound is at most
    /// this (0 = prove optimality).
    public var relativeGap: Double
    /// Let the solver simplify the model first. Backends turn it off when a
    /// separator or initial solution needs the original columns.
    public var presolve: Bool
    /// Cutting planes to generate.
    public var cuts: CutOptions
    /// Keep the solver's text output in ``SolveResult/log`` (it is never printed).
    public var captureLog: Bool
    /// Search for a first solution with the feasibility pump (helps large models whose
    /// branching finds no integer point; backends ignore it when lazy rows are used).
    public var feasibilityPump: Bool = false
    /// Seconds of proximity search to improve a first solution; nil for none (backends ignore
    /// it when lazy rows are used).
    public var proximitySearch: Double? = nil
    /// Evaluate the backend's branching rule on at most this many fractional variables per
    /// node, those of largest fractionality × |cost|; nil for every one (the default).
    ///
    /// GLPK's default rule (Driebeck–Tomlin) computes one simplex tableau row per fractional
    /// variable and node; on models of thousands of columns that is most of the search time.
    public var branchingCandidates: Int? = nil
    /// Integer columns (``Variable/index``) the search branches on first: at each node the
    /// fractional one among them of largest fractionality × (1 + |cost|), its up branch first;
    /// only when none is fractional does the backend's rule (or ``branchingCandidates``) choose.
    /// Empty for none (the default). A column out of range or not integer fails the solve
    /// before the backend sees it. Backends that support it solve without presolve, so the
    /// columns stay the model's.
    public var branchFirst: [Int] = []
    /// Choose among the fractional ``branchFirst`` columns by the backend's degradation
    /// estimate (Driebeck–Tomlin: the product of the down and up branches' bound changes, the
    /// smaller branch first) instead of the most fractional one, up first.
    public var branchFirstByDegradation = false
    /// ``branchFirst`` only at nodes above this depth (the root is depth 0): with `k`, the
    /// nodes of depth `0..<k`; deeper, the other rules choose. nil: at every depth.
    public var branchFirstAbove: Int? = nil
    /// Branch by pseudo-costs (the bound each column's branchings raised so far) where
    /// neither ``branchFirst`` nor ``branchingCandidates`` chooses; false: the backend's
    /// default rule.
    public var pseudoCostBranching = false
    /// Stop once the search tree holds this many nodes; nil for no such limit. Unlike the time
    /// limit it does not depend on the machine's load. The result says so in
    /// ``SolveResult/nodeLimitReached`` (its termination is ``TerminationReason/stopped``).
    public var nodeLimit: Int? = nil
    /// Tighten bounds by the rows at every node of the search (GLPK's node preprocessing);
    /// false: at the root only.
    public var nodePreprocessing = true
    /// A neighbourhood search at nodes (``NodeHeuristic``); nil for none. Backends run it only
    /// on the model's own columns (not after presolve).
    public var nodeHeuristic: NodeHeuristic? = nil
    /// Options; the defaults mean no limits, presolve on, MIR cuts, no log.
    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true,
        cuts: CutOptions = .init(), captureLog: Bool = false
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.captureLog = captureLog
    }
}
