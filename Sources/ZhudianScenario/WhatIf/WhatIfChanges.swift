import ZhudianCore

/// The changes of one `zhudian whatif`, as given on the command line (combinable; each list
/// in the order written). ``WhatIfScenario`` turns them into the effective scenario.
///
///     var changes = WhatIfChanges()
///     changes.dropPeople = ["SDS-01"]
///     changes.settings = [try ScenarioSetting(parsing: "rules.minStaff=3")]
public struct WhatIfChanges: Sendable {
    /// `--drop-person ID`: the person leaves (`active: false`, or from `from` on an absence).
    public var dropPeople: [String] = []
    /// `--drop-site ID`: the unit closes (`active: false`).
    public var dropSites: [String] = []
    /// `--absent ID:FROM..TO` texts (a single date `ID:DAY` is one day).
    public var absences: [String] = []
    /// `--add-person FILE`: one person mapping, or a list of them.
    public var addPeople: [ScenarioOverlay.File] = []
    /// `--overlay FILE`: a partial scenario merged over the base (see ``ScenarioOverlay``).
    public var overlays: [ScenarioOverlay.File] = []
    /// `--set PATH=VALUE`.
    public var settings: [ScenarioSetting] = []
    /// `--pin-…`/`--forbid-…`.
    public var rules = CommandLineRules()
    /// `--from TERM`: terms before it are frozen as the baseline published them.
    public var from: Int?
    /// `--change-weight W`: `objective.change` to use instead of the scenario's or ``ChangeWeight``'s.
    public var changeWeight: Double?

    /// No changes.
    public init() {}
}
