/// Which families of cutting planes the solver may generate.
///
/// MIR cuts are on by default because they matter most for assignment-like
/// 0-1 models with capacity rows (see GLPK.md §5).
public struct CutOptions: Sendable, Equatable {
    /// Mixed-integer rounding cuts.
    public var mir: Bool
    /// Gomory mixed-integer cuts.
    public var gomory: Bool
    /// Knapsack cover cuts.
    public var cover: Bool
    /// Clique cuts (useful with set-packing rows such as "at most one shift per day").
    public var clique: Bool
    /// With ``gomory``: make Gomory cuts at the root only, not at every node. The root's
    /// cuts stay for the whole search; below it each node saves the tableau rows they cost.
    public var gomoryAtRootOnly = false

    /// Cut settings; the defaults enable MIR only.
    public init(mir: Bool = true, gomory: Bool = false, cover: Bool = false, clique: Bool = false) {
        self.mir = mir
        self.gomory = gomory
        self.cover = cover
        self.clique = clique
    }
}
