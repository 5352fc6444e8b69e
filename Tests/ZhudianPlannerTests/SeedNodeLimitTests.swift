import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The people seed's restricted MIP stops at a node count, not the clock
/// (``PersonSeed/restrictedNodes``): the thirteenth round's differential sweep found ring 34 × 2
/// with people staying on proving two different optimal rosters at the same time limit, as the
/// restricted MIP from the kept-links roster stopped at its time share under load and at its
/// gap when faster, and the proving MIP then started from another roster.
final class SeedNodeLimitTests: XCTestCase {
    /// The sweep's finding (`bench/peer/findings/000-ring34-T2-H2-stay-cap3.yaml`): `zhudian
    /// generate --units 34 --seed 1000 --structure ring --terms 2 --history 2`, people staying
    /// on, the distance cap the sweep set (every unit keeps its 3 nearest sites).
    static func ring34() -> Scenario {
        var c = GeneratorConfig(units: 34)
        c.seed = 1000
        c.structure = .ring
        c.terms = 2
        c.history = 2
        var s = ScenarioGenerator.generate(c)
        s.rules.pairCooldown = 0
        s.rules.maxConsecutiveTerms = 2
        s.rules.maxDistanceKm = 11
        return s
    }

    /// With no deadline the restricted MIP would run to its gap (0.1 %) here, more than
    /// ``PersonSeed/restrictedNodes`` nodes; it stops at the node limit instead, and twice the
    /// same way.
    func testRestrictedMIPStopsAtItsNodeLimitWithoutADeadline() throws {
        let s = Self.ring34()
        let ctx = PlanContext(s)
        let planner = Planner(solver: GLPKSolver())
        var seeds: [PersonSeed] = []
        for _ in 0..<2 {
            let seed = try XCTUnwrap(
                planner.peopleSeed(ctx, options: PlanOptions(), part: nil, deadline: nil, pricePeople: true))
            seeds.append(seed)
        }
        let first = try XCTUnwrap(seeds[0].note.split(separator: "\n").first)
        XCTAssertTrue(first.hasPrefix("people seed: "), String(first))
        XCTAssertTrue(first.hasSuffix("(stopped)"), "the restricted MIP must stop at its node limit: \(first)")
        XCTAssertEqual(seeds[0].objective, seeds[1].objective)
        XCTAssertEqual(seeds[0].placements, seeds[1].placements)
    }
}
