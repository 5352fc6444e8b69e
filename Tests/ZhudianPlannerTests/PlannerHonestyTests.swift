import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// A backend that solves a model whose objective is off by `offset` (a wrong cost row),
/// to see that the planner notices instead of writing a roster with a wrong cost.
struct MiscostingSolver: MIPSolver {
    let base = GLPKSolver()
    let offset: Double
    var engineName: String { base.engineName }

    func solve(_ model: Model, options: SolveOptions, hooks: SolveHooks) -> SolveResult {
        var wrong = model
        wrong.objectiveConstant += offset
        return base.solve(wrong, options: options, hooks: hooks)
    }

    func solveRelaxation(_ model: Model, options: SolveOptions, start: Basis?) -> RelaxationResult {
        base.solveRelaxation(model, options: options, start: start)
    }
}

/// The planner never claims more than it knows: the objective is computed twice, and an
/// explanation is never invented (hardening issue, items 3 and 4).
final class PlannerHonestyTests: XCTestCase {
    let ref = ScenarioReference(name: "honest", sha256: String(repeating: "0", count: 64))

    func testAWrongCostRowIsAnInternalErrorNamingBothNumbers() {
        for formulation in [PlanOptions.Formulation.teams, .people] {
            var options = PlanOptions()
            options.forcedFormulation = formulation
            let s = SmallScenario(units: 5, minCycle: 2, withHistory: false).make(seed: 3)
            let honest = Planner(solver: GLPKSolver()).plan(s, reference: ref, options: options)
            guard honest.outcome == .optimal, let objective = honest.roster?.solve.objective else {
                return XCTFail("\(formulation): the scenario should plan: \(honest.outcome)")
            }
            let result = Planner(solver: MiscostingSolver(offset: 7)).plan(s, reference: ref, options: options)
            guard case .failed(let why) = result.outcome else {
                return XCTFail("\(formulation): a wrong cost must fail the plan, got \(result.outcome)")
            }
            XCTAssertNil(result.roster)
            XCTAssertTrue(why.contains(String(objective + 7)) && why.contains(String(objective)), why)
        }
    }

    func testAuditIsTwoSidedForProvenOptimaAndOneSidedOtherwise() {
        XCTAssertNil(ObjectiveAudit.disagreement(solver: 100, recomputed: 100 + 5e-5, proven: true))
        XCTAssertNotNil(ObjectiveAudit.disagreement(solver: 100, recomputed: 100.01, proven: true))
        XCTAssertNotNil(ObjectiveAudit.disagreement(solver: 100.01, recomputed: 100, proven: true))
        // A heuristic roster may state more than its cost (helper columns off their least
        // values), never less.
        XCTAssertNil(ObjectiveAudit.disagreement(solver: 100.01, recomputed: 100, proven: false))
        XCTAssertNotNil(ObjectiveAudit.disagreement(solver: 99.99, recomputed: 100, proven: false))
        XCTAssertNotNil(ObjectiveAudit.disagreement(solver: .nan, recomputed: 100, proven: false))
        // Near zero the tolerance is absolute.
        XCTAssertNil(ObjectiveAudit.disagreement(solver: 1e-9, recomputed: 0, proven: true))
    }

    /// Four mines in a ring; D can send only one person, so the ring cannot close. No count
    /// in the precheck sees it (D has enough qualified people), so the elastic solve runs.
    func leaveScenario() -> Scenario {
        let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)
        var rules = Rules()
        rules.structure = .ring
        let units = ["A", "B", "C", "D"].enumerated().map { i, id in
            Unit(id: id, name: "矿" + id, location: Location(lat: 35, lon: 117 + 0.1 * Double(i)))
        }
        var people: [Person] = []
        for u in units {
            for j in 1...3 {
                var away: [Absence] = []
                if u.id == "D" && j >= 2 {
                    away = [Absence(range: DateRange(from: start.addingDays(30), to: start.addingDays(60)))]
                }
                people.append(Person(id: "\(u.id)-\(j)", name: "\(u.id)人\(j)", unit: u.id, unavailable: away))
            }
        }
        return Scenario(
            name: "leave", calendar: CalendarSettings(start: start, termMonths: 6, terms: 1, handoverDays: 3),
            rules: rules, units: units, people: people)
    }

    func testTheRosterFileExplainsInChineseWhateverTheTerminalLanguage() {
        let result = Planner(solver: GLPKSolver()).plan(leaveScenario(), reference: ref, options: PlanOptions(language: .en))
        XCTAssertEqual(result.outcome, .infeasible)
        let file = result.roster?.explanation ?? []
        XCTAssertFalse(file.isEmpty)
        XCTAssertEqual(file.map(\.rule), result.explanation.map(\.rule))
        for (zh, en) in zip(file, result.explanation) {
            XCTAssertTrue(zh.message.contains("第1轮"), zh.message)
            XCTAssertTrue(en.message.hasPrefix("term 1"), en.message)
        }
        XCTAssertNil(result.unexplained)
    }

    func testAnExplanationStoppedBeforeItsProofIsMissingNotInvented() {
        // The scenario is found infeasible before any search; the explanation's search is
        // then stopped at once: no cause may be named.
        let stopAfterFirstSolve = StopSwitch()
        var options = PlanOptions(language: .en)
        options.forcedFormulation = .teams
        options.shouldStop = { stopAfterFirstSolve.isOn }
        let solver = SwitchingSolver(onSecondSolve: stopAfterFirstSolve)
        let result = Planner(solver: solver).plan(leaveScenario(), reference: ref, options: options)
        XCTAssertEqual(result.outcome, .infeasible)
        XCTAssertEqual(result.explanation.count, 0, "\(result.explanation.map(\.message))")
        XCTAssertEqual(result.roster?.explanation?.count, 0)
        XCTAssertEqual(result.unexplained, .stopped)
    }
}

/// When the elastic search is cut short, causes proven by counting are still named, and
/// said to be counted, not the smallest set.
final class CountedCausesTests: XCTestCase {
    func testAShortageProvenByCountingIsNamedWhenTheSearchIsCutShort() {
        let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)
        var rules = Rules()
        rules.structure = .ring
        rules.keepAtHome = 2
        let units = ["A", "B", "C", "D"].map { Unit(id: $0, name: "矿" + $0) }
        var people: [Person] = []
        for u in units { for j in 1...(u.id == "D" ? 3 : 4) { people.append(Person(id: "\(u.id)-\(j)", name: "\(u.id)\(j)", unit: u.id)) } }
        let s = Scenario(
            name: "counted", calendar: CalendarSettings(start: start, termMonths: 6, terms: 1, handoverDays: 3),
            rules: rules, units: units, people: people)
        // Counting proves it infeasible, so no search runs and the elastic model's first
        // solve is stopped at once.
        var options = PlanOptions(language: .en)
        options.shouldStop = { true }
        let result = Planner(solver: GLPKSolver()).plan(
            s, reference: ScenarioReference(name: "counted", sha256: String(repeating: "0", count: 64)), options: options)
        XCTAssertEqual(result.outcome, .infeasible)
        XCTAssertEqual(result.explanationProof, .counted)
        XCTAssertNil(result.unexplained)
        XCTAssertEqual(result.explanation.map(\.rule), [.keepAtHome])
        XCTAssertEqual(result.explanation.first?.unit, "D")
        XCTAssertTrue(result.explanation.first?.message.contains("must keep 2 at home and send 2") ?? false, "\(result.explanation)")
    }
}

/// A flag set from one solve and read by the next one's stop hook.
final class StopSwitch: @unchecked Sendable {
    // @unchecked: `on` is only touched under `lock`.
    private let lock = NSLock()
    private var on = false
    var isOn: Bool { lock.withLock { on } }
    func set() { lock.withLock { on = true } }
}

/// GLPK, with the stop switch turned on once the first solve (the plan's) is done.
struct SwitchingSolver: MIPSolver {
    let base = GLPKSolver()
    let onSecondSolve: StopSwitch
    var engineName: String { base.engineName }

    func solve(_ model: Model, options: SolveOptions, hooks: SolveHooks) -> SolveResult {
        let result = base.solve(model, options: options, hooks: hooks)
        onSecondSolve.set()
        return result
    }

    func solveRelaxation(_ model: Model, options: SolveOptions, start: Basis?) -> RelaxationResult {
        base.solveRelaxation(model, options: options, start: start)
    }
}
