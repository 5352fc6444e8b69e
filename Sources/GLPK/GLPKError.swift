import MIPModel

/// Why ``GLPKSolver/writeLP(_:to:)`` failed.
public enum GLPKError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model failed the checks made before GLPK sees it.
    case invalidModel(String)
    /// GLPK could not write the file (missing directory, no permission, ...).
    case writeFailed(path: String, reason: String)
    /// GLPK raised an internal error, caught before it could abort the process.
    case internalError(String)

    /// A lower-case sentence saying what failed and where.
    public var description: String {
        switch self {
        case .invalidModel(let reason):
            return "the model cannot be written: \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write LP file '\(path)': \(reason); check that the directory exists and is writable"
        case .internalError(let message):
            return message
        }
    }
}
