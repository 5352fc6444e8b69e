import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

extension XCTestCase {
    /// Plans `s` with `options` and asserts an enumeration's verdict on it: infeasible when the
    /// enumeration found no roster (`optimum == nil`), else proven optimal at `optimum` with a
    /// roster the independent checker passes. Returns whether the enumeration found a roster.
    ///
    /// Shared by every comparison with a brute force (``PeopleBruteForce``, ``TeamsBruteForce``),
    /// so that they all hold the planner to the same three things.
    @discardableResult
    func assertPlanAgrees(
        _ planner: Planner, _ s: Scenario, optimum: Double?, options: PlanOptions = PlanOptions(), label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Bool {
        let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: Fixtures.sha256), options: options)
        guard let optimum else {
            XCTAssertEqual(result.outcome, .infeasible, label, file: file, line: line)
            return false
        }
        XCTAssertEqual(result.outcome, .optimal, "\(label): \(result.explanation.map(\.message))", file: file, line: line)
        XCTAssertEqual(
            result.roster?.solve.objective ?? .nan, optimum, accuracy: 1e-6 * max(1, optimum), label, file: file, line: line)
        if let roster = result.roster {
            let report = RosterChecker(scenario: s, scenarioSHA256: Fixtures.sha256).check(roster)
            XCTAssertTrue(report.passed, "\(label): \(report.lines(.en))", file: file, line: line)
        }
        return true
    }

    /// The enumeration's own roster passes the independent checker at the enumeration's cost,
    /// so that a mistake in the oracle cannot pass as agreement.
    func assertOracleRosterPasses(
        _ optimum: PeopleBruteForce.Optimum, _ s: Scenario, label: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let own = RosterBuilder.roster(s, placements: optimum.placements)
        let report = RosterChecker(scenario: s, scenarioSHA256: Fixtures.sha256).check(own)
        XCTAssertTrue(report.passed, "\(label): the oracle's roster: \(report.lines(.en))", file: file, line: line)
        XCTAssertEqual(report.objective ?? .nan, optimum.objective, accuracy: 1e-6, label, file: file, line: line)
    }

    /// Plans `s` priced (the log captured) and with every link (`pricing` off), and asserts
    /// that both prove the same optimum and that the priced roster passes the independent
    /// checker; returns the priced result, whose log tells which steps ran.
    func assertPricedAgreesWithFull(
        _ planner: Planner, _ s: Scenario, timeLimit: Double, label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> PlanResult {
        let ref = ScenarioReference(name: s.name, sha256: "")
        var options = PlanOptions(timeLimit: timeLimit)
        options.captureLog = true
        options.pricing = true
        var full = PlanOptions(timeLimit: timeLimit)
        full.pricing = false
        let priced = planner.plan(s, reference: ref, options: options)
        let dense = planner.plan(s, reference: ref, options: full)
        XCTAssertTrue(priced.formulation.contains("priced"), "\(label): \(priced.formulation)", file: file, line: line)
        XCTAssertEqual(priced.outcome, .optimal, label, file: file, line: line)
        XCTAssertEqual(dense.outcome, .optimal, label, file: file, line: line)
        let roster = try XCTUnwrap(priced.roster, label, file: file, line: line)
        let report = RosterChecker(scenario: s, scenarioSHA256: "").check(roster)
        XCTAssertTrue(report.passed, "\(label): \(report.violations.map { $0.render(.en) })", file: file, line: line)
        XCTAssertEqual(
            roster.solve.objective ?? -1, dense.roster?.solve.objective ?? -2, accuracy: 1e-6, label, file: file, line: line)
        return priced
    }

    /// Plans `s` with `off` and with `on` and asserts the same outcome and, where both prove
    /// an optimum, the same one, with `on`'s roster passing the independent checker (against
    /// `baseline` where the options plan against one). Returns both results and whether their
    /// optima were compared.
    func assertSameOptimum(
        _ planner: Planner, _ s: Scenario, off: PlanOptions, on: PlanOptions, label: String, baseline: Roster? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) -> (off: PlanResult, on: PlanResult, compared: Bool) {
        let ref = ScenarioReference(name: s.name, sha256: "")
        let a = planner.plan(s, reference: ref, options: off)
        let b = planner.plan(s, reference: ref, options: on)
        XCTAssertEqual(a.outcome, b.outcome, label, file: file, line: line)
        guard a.outcome == .optimal, b.outcome == .optimal else { return (a, b, false) }
        let x = a.roster?.solve.objective ?? .nan
        XCTAssertEqual(
            x, b.roster?.solve.objective ?? .nan, accuracy: 1e-6 * max(1, abs(x)), label, file: file, line: line)
        if let roster = b.roster {
            let report = RosterChecker(scenario: s, scenarioSHA256: "", baseline: baseline).check(roster)
            XCTAssertTrue(report.passed, "\(label): \(report.violations.map { $0.render(.en) })", file: file, line: line)
        }
        return (a, b, true)
    }

    /// A two-term ring of 70 enterprises with history 2 — above ``CycleCuts/minCutNodes``, and
    /// its pool holds sets above ``CutSet/crossingFrom`` — planned priced with a switch turned
    /// off by `switchOff` and with everything on: the same optimum, the roster checked.
    func assertTwoTermRing70KeepsItsOptimum(
        _ planner: Planner, switchOff: (inout PlanOptions) -> Void, file: StaticString = #filePath, line: UInt = #line
    ) {
        var c = GeneratorConfig(units: 70)
        c.seed = 30
        c.terms = 2
        c.history = 2
        c.structure = .ring
        let s = ScenarioGenerator.generate(c)
        var off = PlanOptions(timeLimit: 300)
        switchOff(&off)
        let run = assertSameOptimum(
            planner, s, off: off, on: PlanOptions(timeLimit: 300), label: "ring 70 × 2", file: file, line: line)
        XCTAssertTrue(run.on.formulation.contains("priced"), run.on.formulation, file: file, line: line)
        XCTAssertTrue(run.compared, "\(run.off.outcome) / \(run.on.outcome)", file: file, line: line)
    }
}
