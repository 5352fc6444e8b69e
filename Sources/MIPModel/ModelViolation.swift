/// One way a point fails a model: a row or bound missed, a non-integral
/// integer column, a non-finite value or a point of the wrong length.
public struct ModelViolation: Sendable, Equatable, CustomStringConvertible {
    /// What the violation is about.
    public enum Subject: Sendable, Hashable {
        /// A column's bound, integrality or finiteness.
        case variable(Variable)
        /// A row's bounds.
        case constraint(ConstraintRef)
        /// The point as a whole (wrong length).
        case point
    }

    /// How the subject is violated.
    public enum Kind: Sendable, Equatable {
        /// The value lies below `bound`.
        case belowLower(bound: Double)
        /// The value lies above `bound`.
        case aboveUpper(bound: Double)
        /// An integer or binary column has a fractional value.
        case notIntegral
        /// The value (or a row's activity) is NaN or infinite.
        case notFinite
        /// The point has `count` values but the model has `expected` variables.
        case wrongDimension(count: Int, expected: Int)
    }

    /// The row or column (or the whole point).
    public let subject: Subject
    /// The row's or column's name; empty for ``Subject/point``.
    public let name: String
    /// How it is violated.
    public let kind: Kind
    /// The column's value or the row's activity at the point.
    public let value: Double
    /// How far outside the allowed set the value lies (distance to the
    /// bound or to the nearest integer; infinity when not finite).
    public let amount: Double

    /// Creates a violation record; ``Model/violations(at:tolerance:)`` produces these.
    public init(subject: Subject, name: String, kind: Kind, value: Double, amount: Double) {
        self.subject = subject
        self.name = name
        self.kind = kind
        self.value = value
        self.amount = amount
    }

    /// A lower-case sentence naming the row or column and the amount.
    public var description: String {
        let what: String
        switch subject {
        case .variable(let variable): what = "variable '\(name)' (#\(variable.index))"
        case .constraint(let row): what = "constraint '\(name)' (#\(row.index))"
        case .point: what = "point"
        }
        switch kind {
        case .belowLower(let bound):
            return "\(what) is \(value), \(amount) below its lower bound \(bound)"
        case .aboveUpper(let bound):
            return "\(what) is \(value), \(amount) above its upper bound \(bound)"
        case .notIntegral:
            return "\(what) is \(value), \(amount) away from the nearest integer"
        case .notFinite:
            return "\(what) is \(value), not a finite number"
        case .wrongDimension(let count, let expected):
            return "\(what) has \(count) values but the model has \(expected) variables"
        }
    }
}
