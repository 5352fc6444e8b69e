/// A primal heuristic run at nodes of the search: the node's LP point fixes the integer
/// variables it sets to an integer (once there is an incumbent, only those the incumbent
/// agrees with: RINS), and the rest is solved as a separate MIP stopped after ``subNodes``
/// nodes (no time limit, so the same model gives the same rosters). Its point is offered to
/// the search only after it passes every row, bound and lazy row of the model.
///
/// Every count here is in nodes of the search, never seconds, so that where it runs does
/// not depend on the machine's load.
public struct NodeHeuristic: Sendable, Equatable {
    /// First run once the search's tree holds this many nodes (searches that end sooner
    /// never pay for it).
    public var firstNode: Int
    /// Then again every this many nodes.
    public var every: Int
    /// The separate MIP stops once its tree holds this many nodes.
    public var subNodes: Int
    /// At most this many runs in one search.
    public var runs: Int
    /// Keep running once the search has an incumbent (RINS); false: only until it has one.
    public var withIncumbent: Bool
    /// Tests only: the point offered has every integer variable 0, to show that a wrong
    /// point never becomes the search's incumbent.
    public var offersWrongPoint = false

    public init(firstNode: Int, every: Int, subNodes: Int, runs: Int, withIncumbent: Bool) {
        self.firstNode = firstNode
        self.every = every
        self.subNodes = subNodes
        self.runs = runs
        self.withIncumbent = withIncumbent
    }
}
