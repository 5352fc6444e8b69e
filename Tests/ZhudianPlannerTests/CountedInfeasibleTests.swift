import GLPK
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// A part that counting proves infeasible (a pin the distance cap forbids, a unit with too
/// few qualified people) is explained without a search first; parts without such a cause
/// are still solved as before.
final class CountedInfeasibleTests: XCTestCase {
    let ref = ScenarioReference(name: "counted", sha256: String(repeating: "0", count: 64))
    let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)

    /// Units 0.05° of longitude apart (about 4.5 km) from `lon`, `people` people each.
    func units(_ ids: [String], lon: Double) -> [ZhudianCore.Unit] {
        ids.enumerated().map { i, id in
            Unit(id: id, name: id + "矿业有限公司", short: id + "矿", location: Location(lat: 35, lon: lon + 0.05 * Double(i)))
        }
    }

    func scenario(_ units: [ZhudianCore.Unit], people: (String) -> Int, _ tweak: (inout Rules) -> Void) -> Scenario {
        var rules = Rules()
        rules.keepAtHome = 0
        tweak(&rules)
        let ps = units.flatMap { u in (1...people(u.id)).map { Person(id: "\(u.id)-\($0)", name: "\(u.id)人\($0)", unit: u.id) } }
        return Scenario(
            name: "counted", calendar: CalendarSettings(start: start, termMonths: 6, terms: 1, handoverDays: 3),
            rules: rules, units: units, people: ps)
    }

    func testAPinTheDistanceCapForbidsIsExplainedWithoutASearch() {
        var s = scenario(units(["A", "B", "C", "D"], lon: 117), people: { _ in 3 }) {
            $0.structure = .free
            $0.minStaff = 1
            $0.mutualPairs = .allow
            $0.maxDistanceKm = 10
        }
        s.pins = [Pin(term: 1, subject: .person("A-1"), site: "D")]  // about 13.5 km
        let options = PlanOptions(timeLimit: 30, captureLog: true, language: .en)
        let result = Planner(solver: GLPKSolver()).plan(s, reference: ref, options: options)
        XCTAssertEqual(result.outcome, .infeasible)
        XCTAssertTrue(result.log.contains { $0.hasPrefix("counting proves this part infeasible") }, "\(result.log)")
        XCTAssertEqual(result.explanation.map(\.rule), [.pin])
        XCTAssertEqual(result.explanation.first?.site, "D")
        XCTAssertTrue(result.explanation.first?.message.contains("which rule distance forbids") ?? false, "\(result.explanation)")
        XCTAssertNotNil(result.model, "--dump-model still gets the model")
    }

    /// Two clusters 90 km apart under a 30 km cap split into two parts; A keeps 1 of its 2
    /// qualified people and cannot also send a team of 2. Only A's part skips the search.
    func testOnlyThePartWithTheCauseSkipsTheSearch() throws {
        let both = units(["A", "B", "C"], lon: 117) + units(["D", "E", "F"], lon: 118)
        let s = scenario(both, people: { $0 == "A" ? 2 : 4 }) {
            $0.structure = .cycles
            $0.minCycle = 3
            $0.keepAtHome = 1
            $0.maxDistanceKm = 30
        }
        let ctx = PlanContext(s)
        let known = Precheck.run(ctx)
        XCTAssertEqual(known.map(\.unit), ["A"])
        let parts = Decomposition.parts(ctx).map { Set($0) }
        XCTAssertEqual(parts.count, 2)
        let flagged = parts.map { Planner.countedInfeasible(known, part: $0, ctx) }
        XCTAssertEqual(flagged, parts.map { $0.contains(0) }, "only the part holding A (unit 0)")
        XCTAssertTrue(Planner.countedInfeasible(known, part: nil, ctx))
        XCTAssertFalse(Planner.countedInfeasible([], part: nil, ctx))

        var options = PlanOptions(captureLog: true, language: .en)
        options.bestEffort = true
        let result = Planner(solver: GLPKSolver()).plan(s, reference: ref, options: options)
        XCTAssertEqual(result.outcome, .bestEffort)
        XCTAssertEqual(result.log.filter { $0.hasPrefix("counting proves") }.count, 1, "\(result.log)")
        let sites = Set(try XCTUnwrap(result.roster).terms.flatMap(\.stays).map(\.site))
        XCTAssertTrue(Set(["D", "E", "F"]).isSubset(of: sites), "the other part keeps its roster: \(sites)")
    }
}
