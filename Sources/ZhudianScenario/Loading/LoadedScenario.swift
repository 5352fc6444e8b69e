import ZhudianCore

/// A scenario that loaded, with what identifies and locates it.
public struct LoadedScenario: Sendable {
    /// The scenario, defaults filled in.
    public let scenario: Scenario
    /// Lower-case hex SHA-256 of the file's bytes exactly as read (BOM included),
    /// as a roster's `scenario.sha256` names it.
    public let sha256: String
    /// The path as the user gave it (or the name passed to ``ScenarioLoader/load(data:file:)``).
    public let file: String
    /// Where each field is written.
    public let sourceMap: SourceMap
    /// Problems that do not stop the scenario from being used, sorted by position.
    public let warnings: [ScenarioDiagnostic]

    /// Creates a loaded scenario (the loader does; tests and tools that build scenarios in memory may too).
    public init(
        scenario: Scenario, sha256: String, file: String, sourceMap: SourceMap = SourceMap(),
        warnings: [ScenarioDiagnostic] = []
    ) {
        self.scenario = scenario
        self.sha256 = sha256
        self.file = file
        self.sourceMap = sourceMap
        self.warnings = warnings
    }
}
