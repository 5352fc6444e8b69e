/// Why a model refused a variable, constraint, objective coefficient or lazy row.
///
/// Thrown before anything is stored, so a model that accepted every call is
/// always safe to hand to a solver.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A name is empty.
    case emptyName(ModelEntity)
    /// A name is longer than 255 UTF-8 bytes, the limit of GLPK and of LP files.
    case nameTooLong(ModelEntity, name: String, bytes: Int)
    /// A name contains a control character (newline, tab, ...), which breaks logs and LP files.
    case controlCharacterInName(ModelEntity, name: String)
    /// A coefficient is NaN or infinite; `name` is the row's (or, for the objective, the variable's) name.
    case nonFiniteCoefficient(ModelEntity, name: String, variable: Variable)
    /// An expression's constant term is NaN or infinite.
    case nonFiniteConstant(ModelEntity, name: String)
    /// A lower bound is NaN or `+infinity`.
    case invalidLowerBound(ModelEntity, name: String)
    /// An upper bound is NaN or `-infinity`.
    case invalidUpperBound(ModelEntity, name: String)
    /// The lower bound exceeds the upper bound.
    case lowerAboveUpper(ModelEntity, name: String, lower: Double, upper: Double)
    /// A handle does not belong to this model (its index is out of range).
    case unknownVariable(ModelEntity, name: String, variable: Variable, variableCount: Int)
    /// An integer or binary variable's bounds contain no integer once rounded inwards.
    case emptyIntegerDomain(name: String, lower: Double, upper: Double)

    /// A lower-case sentence saying what is wrong and how to fix it.
    public var description: String {
        switch self {
        case .emptyName(let entity):
            return "\(entity.rawValue) name is empty; give every \(entity.rawValue) a non-empty name"
        case .nameTooLong(let entity, let name, let bytes):
            return "\(entity.rawValue) name '\(Self.shorten(name))' is \(bytes) bytes long; "
                + "names must be at most 255 UTF-8 bytes"
        case .controlCharacterInName(let entity, let name):
            return "\(entity.rawValue) name '\(Self.shorten(name))' contains a control character; "
                + "use printable characters only"
        case .nonFiniteCoefficient(.objective, let name, let variable):
            return "objective coefficient of variable '\(name)' (#\(variable.index)) is not finite; "
                + "use a finite number"
        case .nonFiniteCoefficient(let entity, let name, let variable):
            return "\(entity.rawValue) '\(name)' has a non-finite coefficient for variable #\(variable.index); "
                + "use finite numbers"
        case .nonFiniteConstant(let entity, let name):
            return "\(entity.rawValue) '\(name)' has a non-finite constant term; use a finite number"
        case .invalidLowerBound(let entity, let name):
            return "\(entity.rawValue) '\(name)' has a lower bound that is NaN or +infinity; "
                + "use a finite number, or -infinity for none"
        case .invalidUpperBound(let entity, let name):
            return "\(entity.rawValue) '\(name)' has an upper bound that is NaN or -infinity; "
                + "use a finite number, or +infinity for none"
        case .lowerAboveUpper(let entity, let name, let lower, let upper):
            return "\(entity.rawValue) '\(name)' has lower bound \(lower) above upper bound \(upper); "
                + "swap or widen the bounds"
        case .unknownVariable(let entity, let name, let variable, let count):
            return "\(entity.rawValue) '\(name)' refers to unknown variable #\(variable.index) "
                + "(the model has \(count) variables); use handles returned by this model's addVariable"
        case .emptyIntegerDomain(let name, let lower, let upper):
            return "integer variable '\(name)' has bounds [\(lower), \(upper)] that contain no integer; "
                + "widen the bounds or make it continuous"
        }
    }

    /// Keeps messages readable when a name is huge or multi-line.
    private static func shorten(_ name: String) -> String {
        let escaped = name.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }.joined()
        return escaped.count > 60 ? String(escaped.prefix(57)) + "..." : escaped
    }
}
