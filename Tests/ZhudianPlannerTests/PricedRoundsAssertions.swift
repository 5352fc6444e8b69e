import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// What a change to the priced teams model's LP rounds must keep (``OddCutTailTests``,
/// ``CrossingLinksTests``): the last LP at or below the optimum of the model with every link,
/// the planner's proof of that optimum, a roster the checker passes, and the same roster again.
enum PricedRoundsAssertions {
    /// The objective of the last LP round in a captured log, or nil when there was none.
    static func lastLPValue(_ log: [String]) -> Double? {
        guard let line = log.last(where: { $0.contains("pricing: LP ") }),
            let range = line.range(of: "objective ")
        else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "," })
    }

    /// `result`'s last LP bounds the full model's `optimum` from below, its roster is that
    /// optimum and passes the checker, and `again` (the same plan) gives the same roster.
    static func assertBoundProvesAndRepeats(
        _ result: PlanResult, optimum: Double, scenario s: Scenario, again: () -> PlanResult,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let value = try XCTUnwrap(lastLPValue(result.log), file: file, line: line)
        XCTAssertLessThanOrEqual(value, optimum + 1e-6 * optimum, file: file, line: line)
        XCTAssertEqual(result.outcome, .optimal, file: file, line: line)
        var a = try XCTUnwrap(result.roster, file: file, line: line)
        XCTAssertEqual(a.solve.objective ?? .nan, optimum, accuracy: 1e-6 * optimum, file: file, line: line)
        let report = RosterChecker(scenario: s, scenarioSHA256: Fixtures.sha256).check(a)
        XCTAssertTrue(report.passed, "\(report.lines(.en))", file: file, line: line)
        var b = try XCTUnwrap(again().roster, file: file, line: line)
        a.solve.seconds = 0
        b.solve.seconds = 0
        XCTAssertEqual(a, b, file: file, line: line)
    }
}
