/// The part of a model an error or violation is about.
public enum ModelEntity: String, Sendable, Equatable {
    /// A column.
    case variable
    /// A row added with ``Model/addConstraint(name:_:lower:upper:)``.
    case constraint
    /// The objective function.
    case objective
    /// A row returned by a separator during a solve.
    case lazyRow = "lazy row"
}
