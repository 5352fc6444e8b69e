import ZhudianCore

/// How bad a problem is.
public enum Severity: String, Sendable, Equatable, CaseIterable {
    /// The scenario is refused (exit code 2).
    case error
    /// The scenario loads; the planner should know.
    case warning
}

/// One problem in a scenario file, at a place in it.
///
///     diagnostic.render(.en)
///     // error: s.yaml:12:15: `units[2].minStaff` must be a whole number of at least 1, found `0`; …
public struct ScenarioDiagnostic: Sendable, Equatable {
    /// Error or warning.
    public let severity: Severity
    /// The file as the user named it.
    public let file: String
    /// Line, from 1.
    public let line: Int
    /// Column, from 1.
    public let column: Int
    /// What is wrong and how to fix it.
    public let message: ScenarioMessage

    /// Creates a diagnostic.
    public init(
        severity: Severity, file: String, line: Int, column: Int, message: ScenarioMessage
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Creates a diagnostic at a position.
    public init(
        severity: Severity, file: String, at position: SourcePosition, message: ScenarioMessage
    ) {
        self.init(
            severity: severity, file: file, line: position.line, column: position.column,
            message: message)
    }

    /// Where it is.
    public var position: SourcePosition { SourcePosition(line: line, column: column) }

    /// `error: FILE:LINE:COLUMN: message` (or `warning: …`), one line.
    ///
    /// The `error:`/`warning:` prefix stays English in both languages: scripts
    /// and editors match on it, as they do for compilers.
    public func render(_ language: Language) -> String {
        "\(severity.rawValue): \(file):\(line):\(column): \(message.render(language))"
    }
}
