import XCTest
import ZhudianCore
import ZhudianTestSupport

/// SPEC §4: the roster file's own form, reported as `format` violations.
final class FormatCheckTests: XCTestCase {
    private let scenario = Fixtures.smallResident()
    private let good = Fixtures.smallResidentRoster()

    private func codes(_ report: CheckReport) -> [String] { report.violations.map(\.message.code) }

    func testScenarioHashAndName() {
        XCTAssertEqual(codes(check(good, scenario, sha256: "00ff")), ["scenarioHash"])
        assertPasses(check(good, scenario, sha256: Fixtures.sha256.uppercased()))
        var upper = good
        upper.scenario.sha256 = Fixtures.sha256.uppercased()
        XCTAssertEqual(codes(check(upper, scenario)), ["scenarioHash"])
        assertPasses(check(good, scenario, sha256: nil))
        var renamed = good
        renamed.scenario.name = "另一个方案"
        let v = assertOnly(check(renamed, scenario), .format)
        XCTAssertEqual(v.map(\.message.code), ["scenarioName"])
        XCTAssertNil(v.first?.term)
    }

    func testFormatAndVersion() {
        var r = good
        r.version = 2
        XCTAssertEqual(codes(check(r, scenario)), ["rosterFormat"])
    }

    func testSorting() {
        var r = good
        r.terms[0].stays.reverse()
        r.terms[1].links.reverse()
        let v = assertOnly(check(r, scenario), .format)
        XCTAssertEqual(v.map(\.message.code), ["staysUnsorted", "linksUnsorted"])
        XCTAssertEqual(v.map(\.term), [1, 2])

        var terms = good
        terms.terms.reverse()
        XCTAssertEqual(codes(check(terms, scenario)), ["termsUnsorted"])
    }

    func testTermDates() {
        var r = good
        r.terms[1].start = Fixtures.day("2023-02-21")
        let v = assertOnly(check(r, scenario), .format)
        XCTAssertEqual(v.map(\.message.code), ["termDates"])
        XCTAssertEqual(v.first?.term, 2)
    }

    func testStayDatesFollowSection2() {
        var r = good
        // Leaving on E_1 is only right for someone who stays on; A-3 moves away.
        if let i = r.terms[0].stays.firstIndex(where: { $0.person == "A-3" }) {
            r.terms[0].stays[i].leave = Fixtures.day("2023-02-19")
        }
        let v = assertOnly(check(r, scenario), .format)
        XCTAssertEqual(assertSingle(v, term: 1, site: "D", people: ["A-3"])?.message.code, "stayDates")
    }

    func testTermsMissingRepeatedAndOutOfRange() {
        var missing = good
        missing.terms.removeLast()
        let report = check(missing, scenario)
        // The stays of term 2 are gone, so the stated objective no longer matches either.
        XCTAssertEqual(report.violations(of: .format).map(\.message.code), ["objectiveMismatch", "termMissing"])
        XCTAssertFalse(report.violations(of: .rule(.coverage)).isEmpty)

        var extra = good
        var t3 = good.terms[1]
        t3.term = 3
        extra.terms.append(t3)
        XCTAssertEqual(codes(check(extra, scenario)), ["termUnexpected"])

        var twice = good
        twice.terms.append(good.terms[1])
        XCTAssertEqual(codes(check(twice, scenario)), ["termDuplicate"])
    }

    func testLinksMustFollowFromTheStays() {
        var r = good
        r.terms[0].links.removeFirst()
        r.terms[0].links.append(Link(from: "Z", to: "Z"))
        r.terms[1].links.append(r.terms[1].links[0])
        r.terms[1].links.sort()
        let v = assertOnly(check(r, scenario), .format)
        XCTAssertEqual(v.map(\.message.code), ["linkMissing", "linkExtra", "linkDuplicate"])
    }

    func testUnknownIdsAndRepeatedStays() {
        let r = RosterBuilder.editing(good, scenario: scenario, term: 1) {
            $0.stays.append(RosterBuilder.stay("ZZ-9", at: "A", term: 1, in: scenario))
            $0.stays.append(RosterBuilder.stay("A-5", at: "NOPE", term: 1, in: scenario))
            $0.stays.append($0.stays[0])
        }
        let v = assertOnly(check(r, scenario), .format)
        XCTAssertEqual(Set(v.map(\.message.code)), ["unknownPerson", "unknownSite", "stayDuplicate"])
        XCTAssertEqual(v.count, 3)
    }

    func testVisitsOnlyInVisitingMode() {
        var r = good
        r.terms[0].visits = []
        XCTAssertEqual(codes(check(r, scenario)), ["visitsUnexpected"])
    }

    func testObjectiveMustBeRecomputable() {
        var r = good
        r.solve.objective = (r.solve.objective ?? 0) + 1
        r.solve.bound = r.solve.objective
        XCTAssertEqual(codes(check(r, scenario)), ["objectiveMismatch"])

        var close = good
        close.solve.objective = (close.solve.objective ?? 0) * (1 + 1e-8)
        close.solve.bound = close.solve.objective
        assertPasses(check(close, scenario))
    }

    func testOptimalMeansProven() {
        var r = good
        r.solve.gap = 0.1
        XCTAssertEqual(codes(check(r, scenario)), ["notProven"])
        r.solve.gap = 0
        r.solve.bound = nil
        XCTAssertEqual(codes(check(r, scenario)), ["notProven"])
        r.solve.objective = nil
        XCTAssertEqual(codes(check(r, scenario)), ["objectiveMissing"])
    }

    func testFeasibleBoundAndGap() {
        let objective = good.solve.objective ?? 0
        var r = good
        r.solve.status = .feasible
        r.solve.bound = nil
        r.solve.gap = nil
        assertPasses(check(r, scenario))

        r.solve.bound = objective - 10
        r.solve.gap = SolveSummary.gap(objective: objective, bound: objective - 10)
        assertPasses(check(r, scenario))

        r.solve.gap = 0.5
        XCTAssertEqual(codes(check(r, scenario)), ["gapMismatch"])

        r.solve.bound = objective + 10
        r.solve.gap = SolveSummary.gap(objective: objective, bound: objective + 10)
        XCTAssertEqual(codes(check(r, scenario)), ["boundAboveObjective"])

        r.solve.gap = nil
        XCTAssertEqual(codes(check(r, scenario)), ["halfBound"])

        r.solve.gap = 0
        r.solve.bound = objective
        r.explanation = []
        XCTAssertEqual(codes(check(r, scenario)), ["explanationUnexpected"])
    }

    func testInfeasible() {
        let explanation = [
            RuleInstance(rule: .coverage, term: 1, unit: nil, site: "A", people: [], message: "无人可派")
        ]
        let infeasible = Roster(
            scenario: good.scenario,
            solve: SolveSummary(status: .infeasible, objective: nil, bound: nil, gap: nil, seconds: 0.1, engine: "test"),
            terms: [], explanation: explanation)
        let report = check(infeasible, scenario)
        assertPasses(report)
        XCTAssertNil(report.objective)
        XCTAssertEqual(report.rulesChecked, [])

        var wrong = infeasible
        wrong.terms = good.terms
        wrong.solve.objective = 1
        wrong.explanation = []
        XCTAssertEqual(
            Set(codes(check(wrong, scenario))), ["infeasibleWithTerms", "infeasibleFigures", "explanationMissing"])
    }

    func testBestEffortExplanationListsExactlyTheBreaks() {
        var s = scenario
        s.rules.structure = .free
        var r = RosterBuilder.editing(good, scenario: s, term: 2) { $0.stays.removeAll { $0.person == "D-2" } }
        r.solve = SolveSummary(
            status: .bestEffort, objective: RosterBuilder.objective(r, scenario: s), bound: nil, gap: nil, seconds: 1,
            engine: "test")
        let coverage = RuleInstance(rule: .coverage, term: 2, unit: nil, site: "A", people: [], message: "空岗")
        r.explanation = [coverage]
        // The break it names is its explanation, not a violation (issue 17, item 4).
        let report = check(r, s)
        XCTAssertEqual(report.violations, [])

        r.explanation = []
        XCTAssertEqual(check(r, s).violations(of: .format).map(\.message.code), ["explanationOmits"])

        r.explanation = [coverage, RuleInstance(rule: .pin, term: 1, unit: "A", site: "E", people: [], message: "")]
        let extra = check(r, s).violations(of: .format)
        XCTAssertEqual(extra.map(\.message.code), ["explanationExtra"])
        XCTAssertEqual(extra.first?.term, 1)

        // Entries match on rule, term, unit and site: a null site is no wildcard.
        r.explanation = [RuleInstance(rule: .coverage, term: 2, unit: nil, site: nil, people: [], message: "")]
        XCTAssertEqual(Set(check(r, s).violations(of: .format).map(\.message.code)), ["explanationOmits", "explanationExtra"])

        r.explanation = nil
        XCTAssertEqual(check(r, s).violations(of: .format).map(\.message.code), ["explanationMissing"])
    }

    /// A best-effort roster leaves posts empty; it never breaks forbid, qualification and the
    /// like, even when its explanation owns up to it.
    func testBestEffortMayNeverBreakTheHardKinds() {
        var s = scenario
        s.rules.structure = .free
        var r = good
        guard let stay = r.terms.first?.stays.first, let p = s.people.firstIndex(where: { $0.id == stay.person }) else {
            return XCTFail("no stay")
        }
        s.people[p].qualified = false
        r.solve = SolveSummary(
            status: .bestEffort, objective: RosterBuilder.objective(r, scenario: s), bound: nil, gap: nil, seconds: 1,
            engine: "test")
        r.explanation = [
            RuleInstance(rule: .qualified, term: 1, unit: s.people[p].unit, site: stay.site, people: [stay.person], message: "")
        ]
        let report = check(r, s)
        XCTAssertEqual(report.violations.map(\.kind), [.format, .rule(.qualified)], "\(report.lines(.en))")
        XCTAssertEqual(report.violations(of: .format).map(\.message.code), ["bestEffortMayNotBreak"])
    }

    func testChangeCostsEveryDroppedBaselineStay() {
        var s = scenario
        s.objective.change = 7
        let baseline = good
        var r = RosterBuilder.normalized(good, scenario: s)
        let moved = RosterBuilder.editing(r, scenario: s, term: 2) { $0.stays.removeAll { $0.person == "D-2" } }
        let checker = RosterChecker(scenario: s, scenarioSHA256: nil, baseline: baseline)
        XCTAssertEqual(checker.objective(of: r), RosterBuilder.objective(r, scenario: s, baseline: baseline), accuracy: 1e-9)
        let dropped = checker.objective(of: moved) - RosterBuilder.objective(moved, scenario: s)
        XCTAssertEqual(dropped, 7, accuracy: 1e-9)
        r.solve.objective = RosterBuilder.objective(r, scenario: s, baseline: baseline)
        r.solve.bound = r.solve.objective
        assertPasses(check(r, s, baseline: baseline))
    }

    func testViolationsAreSorted() {
        var s = scenario
        s.rules.keepAtHome = 3
        s.pins = [Pin(term: 1, subject: .unit("A"), site: "E")]
        var r = good
        r.terms[1].stays.reverse()
        r.version = 9
        let report = check(r, s)
        XCTAssertEqual(
            report.violations.map { "\($0.term.map(String.init) ?? "-") \($0.kind.name)" },
            ["- format", "1 keepAtHome", "1 pin", "2 format", "2 keepAtHome"])
    }
}
