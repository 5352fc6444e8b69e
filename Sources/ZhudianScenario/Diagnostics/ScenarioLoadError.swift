/// A scenario that cannot be used, with every problem found.
///
/// `zhudian` maps this to exit code 2 (bad scenario) or, when
/// ``isFileSystemError`` is true, to exit code 4; ``isInternalError`` (the package's own
/// data is broken) to exit code 70.
public struct ScenarioLoadError: Error, Sendable, Equatable {
    /// All problems, sorted by line, then column; errors and any warnings found with them.
    public let diagnostics: [ScenarioDiagnostic]
    /// True when the file could not be read at all (missing, unreadable, a directory).
    public let isFileSystemError: Bool
    /// True when the scenario could not be read for a fault of the installation, not of the
    /// file (the official calendar data is missing or malformed).
    public let isInternalError: Bool

    /// Creates the error; `diagnostics` are sorted by position (stable, so
    /// problems at one place keep the order they were found in).
    public init(diagnostics: [ScenarioDiagnostic], isFileSystemError: Bool = false, isInternalError: Bool = false) {
        self.diagnostics = diagnostics.sortedByPosition()
        self.isFileSystemError = isFileSystemError
        self.isInternalError = isInternalError
    }

    /// The errors only.
    public var errors: [ScenarioDiagnostic] { diagnostics.filter { $0.severity == .error } }
}

extension Array where Element == ScenarioDiagnostic {
    /// Stable sort by line, then column.
    func sortedByPosition() -> [ScenarioDiagnostic] {
        enumerated().sorted { a, b in
            if a.element.position != b.element.position { return a.element.position < b.element.position }
            return a.offset < b.offset
        }.map(\.element)
    }
}
