/// Hooks called synchronously on the solving thread, during the solve only.
///
/// The closures must not start another solve and must not block for long:
/// the search waits for them.
public struct SolveHooks {
    /// Lazy constraints: given the current LP/integer point (indexed by
    /// ``Variable/index``) and whether it is integral, return rows it
    /// violates (or `[]` when it satisfies every lazy constraint). MUST
    /// return a violated row for every integral point that breaks a lazy
    /// constraint. When `integral` is true, integer columns are rounded.
    /// Rows the point does not violate are ignored, so the search cannot loop.
    public var separator: ((_ point: [Double], _ integral: Bool) -> [LazyRow])?
    /// An incumbent offered to the solver (full point, integral). The
    /// backend checks it against every model row and bound (and the
    /// separator: offered only if the separator returns no rows for it)
    /// before offering; silently ignored if it does not pass.
    public var initialSolution: [Double]?
    /// A simplex start for the root LP relaxation (e.g. an earlier relaxation's optimal
    /// basis, moved by ``Basis/transferred(from:to:)``). Used when it fits the model (same
    /// counts, as many basic entries as rows) and the backend solves the root LP itself
    /// (no presolve); ignored otherwise.
    public var initialBasis: Basis?
    /// Receives snapshots when the incumbent or bound changes, and at least
    /// every half second otherwise.
    public var progress: ((SolveProgress) -> Void)?
    /// Polled often; returning true stops the search (termination
    /// `.stopped`, best incumbent kept).
    public var shouldStop: (() -> Bool)?

    /// Hooks; all absent by default.
    public init(
        separator: ((_ point: [Double], _ integral: Bool) -> [LazyRow])? = nil,
        initialSolution: [Double]? = nil,
        progress: ((SolveProgress) -> Void)? = nil,
        shouldStop: (() -> Bool)? = nil
    ) {
        self.separator = separator
        self.initialSolution = initialSolution
        self.progress = progress
        self.shouldStop = shouldStop
    }
}
