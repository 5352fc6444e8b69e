import Foundation
import GLPK
import ZhudianCore
import ZhudianPlanner
import ZhudianScenario

/// What-if rows: each example is planned once as the baseline (not timed), then re-planned
/// with one change — a placed person leaves, a placed person is away for a month, a site's
/// minStaff rises to 3 — from the effective scenario `zhudian whatif` would write. The time
/// is the re-plan's (the effective scenario is built in a few milliseconds). Every re-planned
/// roster goes through the independent checker against the effective scenario and the
/// baseline; returns how many it rejected.
func whatIfRows(timeLimit: Double) -> Int {
    print("")
    print("| what-if | change | status | objective | dropped stays | seconds | check |")
    print("| --- | --- | --- | ---: | ---: | ---: | --- |")
    var rejected = 0
    for file in ["county-30.yaml", "city-300.yaml"] {
        let path = "Scenarios/" + file
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(path: path)
        } catch {
            print("| \(file) | — | cannot load: \(error.diagnostics.first?.render(.en) ?? "?") | — | — | — | — |")
            continue
        }
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        let planner = Planner(solver: GLPKSolver())
        let ref = ScenarioReference(name: loaded.scenario.name, sha256: loaded.sha256)
        guard let base = planner.plan(loaded.scenario, reference: ref, options: PlanOptions(timeLimit: timeLimit)).roster,
            let first = base.terms.first, first.stays.count >= 2
        else {
            print("| \(file) | — | no baseline | — | — | — | — |")
            continue
        }
        let stays = first.stays.sorted { ($0.person, $0.site) < ($1.person, $1.site) }
        let away = loaded.scenario.termStart(1).addingDays(30)
        var leaves = WhatIfChanges()
        leaves.dropPeople = [stays[0].person]
        var absent = WhatIfChanges()
        absent.absences = ["\(stays[1].person):\(away)..\(away.addingDays(30))"]
        var raised = WhatIfChanges()
        do {
            raised.settings = [try ScenarioSetting(parsing: "units.\(stays[0].site).minStaff=3")]
        } catch {
            print("| \(file) | — | \(error.render(.en)) | — | — | — | — |")
            continue
        }
        let changes = [
            ("--drop-person \(stays[0].person)", leaves), ("--absent \(absent.absences[0])", absent),
            ("--set units.\(stays[0].site).minStaff=3", raised),
        ]
        for (label, change) in changes {
            let (line, verdict) = whatIfRow(file, label, change, data: [UInt8](data), loaded: loaded, base: base, timeLimit: timeLimit)
            print(line)
            if verdict.isFailure { rejected += 1 }
        }
    }
    return rejected
}

private func whatIfRow(
    _ file: String, _ label: String, _ changes: WhatIfChanges, data: [UInt8], loaded: LoadedScenario, base: Roster,
    timeLimit: Double
) -> (String, RosterVerdict) {
    let effective: WhatIfScenario.Output
    do {
        effective = try WhatIfScenario.make(bytes: data, loaded: loaded, baseline: base, baselineFile: "baseline", changes: changes)
    } catch {
        return ("| \(file) | `\(label)` | refused: \(error.render(.en)) | — | — | — | — |", .none)
    }
    let s = effective.loaded.scenario
    let started = Date()
    let result = Planner(solver: GLPKSolver()).plan(
        s, reference: ScenarioReference(name: s.name, sha256: effective.loaded.sha256),
        options: PlanOptions(timeLimit: timeLimit, baseline: base))
    let seconds = Date().timeIntervalSince(started)
    guard let roster = result.roster, !roster.terms.isEmpty else {
        return ("| \(file) | `\(label)` | \(result.outcome) | — | — | \(format(seconds, 3)) | — |", .none)
    }
    func keys(_ r: Roster) -> Set<String> { Set(r.terms.flatMap { t in t.stays.map { "\(t.term) \($0.person) \($0.site)" } }) }
    let dropped = keys(base).subtracting(keys(roster)).count
    let verdict = RosterVerdict.of(roster, scenario: s, sha256: effective.loaded.sha256, baseline: base)
    return (
        "| \(file) | `\(label)` | \(roster.solve.status.rawValue) | \(format(roster.solve.objective)) | \(dropped) | \(format(seconds, 3)) | \(verdict.cell) |",
        verdict
    )
}
