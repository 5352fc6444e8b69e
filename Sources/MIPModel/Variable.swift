/// A handle to one column of a ``Model``.
///
/// Handles are cheap, ordered by creation, and only meaningful for the model
/// that created them; a model rejects handles beyond its variable count.
public struct Variable: Hashable, Comparable, Sendable {
    /// Zero-based position of the variable in ``Model/variables`` and in solution points.
    public let index: Int

    /// Wraps a raw index; prefer the handles ``Model/addVariable(name:lower:upper:kind:objective:)`` returns.
    public init(index: Int) {
        self.index = index
    }

    /// Orders handles by index, which is creation order.
    public static func < (lhs: Variable, rhs: Variable) -> Bool {
        lhs.index < rhs.index
    }
}
