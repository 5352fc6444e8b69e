/// A handle to one row of a ``Model``.
public struct ConstraintRef: Hashable, Comparable, Sendable {
    /// Zero-based position of the constraint in ``Model/constraints``.
    public let index: Int

    /// Wraps a raw index; prefer the handles ``Model/addConstraint(name:_:lower:upper:)`` returns.
    public init(index: Int) {
        self.index = index
    }

    /// Orders handles by index, which is creation order.
    public static func < (lhs: ConstraintRef, rhs: ConstraintRef) -> Bool {
        lhs.index < rhs.index
    }
}
