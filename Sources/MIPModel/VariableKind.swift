/// The domain of a variable.
public enum VariableKind: Sendable, Equatable {
    /// Any real value within the bounds.
    case continuous
    /// Integer values within the bounds (bounds are rounded inwards).
    case integer
    /// 0 or 1; an integer whose bounds are clamped to [0, 1].
    case binary

    /// Whether a solver must treat the column as integral.
    public var isIntegral: Bool {
        self != .continuous
    }
}
