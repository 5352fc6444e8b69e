import Foundation
import GLPK
import ZhudianCore
import ZhudianPlanner
import ZhudianScenario

/// Issue 17's speed rows: the city example with one county made infeasible (every person of
/// its first enterprise on leave through term 1), explained and planned best-effort.
func explainRows(timeLimit: Double) -> [Row] {
    let path = "Scenarios/city-300.yaml"
    let loaded: LoadedScenario
    do {
        loaded = try ScenarioLoader.load(path: path)
    } catch {
        return [failedRow("city-300 (cannot load: \(error))")]
    }
    var s = loaded.scenario
    guard let first = s.units.first else { return [failedRow("city-300 (no units)")] }
    let away = Absence(range: DateRange(from: s.termStart(1), to: s.termEnd(1).addingDays(s.calendar.handoverDays)), reason: "bench")
    for i in s.people.indices where s.people[i].unit == first.id { s.people[i].unavailable = [away] }
    let reference = ScenarioReference(name: s.name, sha256: loaded.sha256)
    var rows: [Row] = []
    for bestEffort in [false, true] {
        var options = PlanOptions(timeLimit: timeLimit)
        options.bestEffort = bestEffort
        let started = Date()
        let result = Planner(solver: GLPKSolver()).plan(s, reference: reference, options: options)
        let seconds = Date().timeIntervalSince(started)
        let proof = result.explanationProof.map { "\($0)" } ?? result.unexplained.map { "none: \($0)" } ?? ""
        let what = bestEffort
            ? "city-300, \(first.id) on leave: best-effort, \(result.explanation.count) breaks"
            : "city-300, \(first.id) on leave: explain, \(result.explanation.count) instances (\(proof))"
        rows.append(
            Row(
                name: what, n: s.units.count, structure: s.rules.structure.rawValue, terms: s.calendar.terms,
                status: "\(result.outcome)", objective: result.roster?.solve.objective, bound: nil, gap: nil,
                seconds: seconds, formulation: result.formulation,
                verdict: RosterVerdict.of(result.roster, scenario: s, sha256: loaded.sha256)))
    }
    return rows
}

private func failedRow(_ name: String) -> Row {
    Row(name: name, n: 0, structure: "—", terms: 0, status: "failed", objective: nil, bound: nil, gap: nil, seconds: 0, formulation: "—", verdict: .none)
}
