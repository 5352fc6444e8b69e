import MIPModel

/// Names for an LP file, built from `[A-Za-z0-9_(),]` only.
///
/// GLPK's LP writer silently rewrites names it dislikes (' ' → '_',
/// '-' → '~', others to `r_i`/`x_j`), which can make two names collide and
/// the file mean something else. A unique prefix (`x<index>_`, `r<index>_`)
/// keeps every name distinct and never a keyword or a number.
struct LPNames {
    let problem: String
    let columns: [String]
    let rows: [String]

    init(_ model: Model) {
        problem = Self.sanitized(model.name, prefix: "")
        columns = model.variables.enumerated().map { Self.sanitized($0.element.name, prefix: "x\($0.offset)_") }
        rows = model.constraints.enumerated().map { Self.sanitized($0.element.name, prefix: "r\($0.offset)_") }
    }

    /// `prefix` + the name with every other character replaced by '_',
    /// within GLPK's 255-byte limit.
    static func sanitized(_ name: String, prefix: String) -> String {
        var result = prefix
        for scalar in name.unicodeScalars {
            guard result.utf8.count < 255 else { break }
            switch scalar {
            case "[": result.append("(")
            case "]": result.append(")")
            case "a"..."z", "A"..."Z", "0"..."9", "_", "(", ")", ",": result.unicodeScalars.append(scalar)
            default: result.append("_")
            }
        }
        if result.isEmpty { result = "zhudian" }
        return result
    }
}
