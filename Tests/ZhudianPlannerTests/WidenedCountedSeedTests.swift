import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The counted seed's widening (``UnitFlowSeed/widenedNearest``): where the people model over
/// the unit counts' links is infeasible — a rule the counts miss, here the per-site and three-term
/// rows taken out (``PlanOptions/unitTighterRows``), as the sweep's 111 showed one still missing —
/// the people model is solved once more over those links and each unit's nearest sites, node-limited,
/// and its roster keeps every rule and is a point of the full people model.
final class WidenedCountedSeedTests: XCTestCase {
    private func counted(_ s: Scenario, widen: Bool) throws -> PersonSeed? {
        try countedSeed(s) {
            $0.unitTighterRows = false
            $0.widenCounted = widen
        }
    }

    /// ``UnitCountsTighterRowsTests``'s scenarios 3, 4 and 6 (9–12 enterprises, history,
    /// nobody staying on; of 3..<9, 5 has no roster over the 2 nearest sites either): without the
    /// rows and the widening none has a counted roster; with the widening each has one, and it
    /// keeps every rule and is a point of the full people model.
    func testWideningGivesARosterWhereThePeopleCouldNotFillTheCounts() throws {
        for i in [3, 4, 6] {
            let s = UnitCountsTighterRowsTests.scenario(i)
            XCTAssertNil(try counted(s, widen: false), "scenario \(i): a counted roster without the widening")
            let seed = try XCTUnwrap(try counted(s, widen: true), "scenario \(i): no counted roster with the widening")
            XCTAssertTrue(seed.note.contains("widened"), seed.note)
            var options = PlanOptions()
            options.forcedFormulation = .people
            try assertSeedIsAPointOfTheFullModel(seed, s, PlanContext(s), options, "scenario \(i)")
        }
    }

    /// Over three terms the people model is also solved over the counted links and each unit's
    /// nearest sites, and the cheaper roster kept (``PlanOptions/widenAlways``): on generated free
    /// scenarios over three terms (with all the rows, people staying on in 1) never dearer, cheaper
    /// on some (0 by 6.4 %; 1 the same), and every
    /// roster keeps every rule and is a point of the full people model.
    func testWideningOverThreeTermsIsNeverDearerAndSometimesCheaper() throws {
        var cheaper: [Int] = []
        var compared = 0
        for i in 0..<2 {
            let s = UnitFlowSeedTests.scenario(i, units: 9 + i % 4)
            let wide = try countedSeed(s) { _ in }
            let alone = try countedSeed(s) { $0.widenAlways = false }
            guard let wide, let alone else { continue }
            compared += 1
            var options = PlanOptions()
            options.forcedFormulation = .people
            try assertSeedIsAPointOfTheFullModel(wide, s, PlanContext(s), options, "scenario \(i)")
            XCTAssertFalse(alone.beats(wide.objective), "scenario \(i): \(wide.objective) dearer than \(alone.objective)")
            if wide.beats(alone.objective) { cheaper.append(i) }
        }
        XCTAssertEqual(compared, 2, "a scenario without a counted roster")
        XCTAssertFalse(cheaper.isEmpty, "the widening made nothing cheaper: the test proves nothing")
    }
}
