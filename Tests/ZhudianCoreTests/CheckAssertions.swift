import XCTest
import ZhudianCore
import ZhudianTestSupport

/// Checks `roster` against `scenario` with the fixtures' hash.
func check(_ roster: Roster, _ scenario: Scenario, sha256: String? = Fixtures.sha256, baseline: Roster? = nil)
    -> CheckReport
{
    RosterChecker(scenario: scenario, scenarioSHA256: sha256, baseline: baseline).check(roster)
}

/// Asserts the report has violations, all of `kind`, and returns them.
@discardableResult
func assertOnly(
    _ report: CheckReport, _ kind: ViolationKind, file: StaticString = #filePath, line: UInt = #line
) -> [Violation] {
    XCTAssertFalse(report.violations.isEmpty, "expected \(kind.name) violations, found none", file: file, line: line)
    let others = report.violations.filter { $0.kind != kind }
    XCTAssertTrue(
        others.isEmpty, "unexpected violations:\n" + others.map { $0.render(.en) }.joined(separator: "\n"),
        file: file, line: line)
    return report.violations.filter { $0.kind == kind }
}

/// Asserts the report has no violations.
func assertPasses(_ report: CheckReport, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(report.passed, report.lines(.en).joined(separator: "\n"), file: file, line: line)
}

/// Asserts exactly one violation with these coordinates and returns it.
@discardableResult
func assertSingle(
    _ violations: [Violation], term: Int?, unit: String? = nil, site: String?, people: [String],
    file: StaticString = #filePath, line: UInt = #line
) -> Violation? {
    XCTAssertEqual(violations.count, 1, violations.map { $0.render(.en) }.joined(separator: "\n"), file: file, line: line)
    guard let v = violations.first else { return nil }
    XCTAssertEqual(v.term, term, "term", file: file, line: line)
    if let unit { XCTAssertEqual(v.unit, unit, "unit", file: file, line: line) }
    XCTAssertEqual(v.site, site, "site", file: file, line: line)
    XCTAssertEqual(v.people, people, "people", file: file, line: line)
    return v
}
