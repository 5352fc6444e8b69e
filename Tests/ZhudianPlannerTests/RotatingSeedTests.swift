import Foundation
import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The people model's first roster from the teams model with everyone rotating
/// (``RotatingSeed``): it keeps every rule of the scenario with staying on, it is a point of
/// the people model at the rule text's cost, it never changes the optimum, the planner keeps
/// the cheaper of it and the restricted model's roster, and the teams model's bound never
/// reaches the user as the people model's.
final class RotatingSeedTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Ring and cycles with staying on (PersonSeedTests' scenarios of those structures).
    static func stayingOn(_ i: Int) -> Scenario {
        PersonSeedTests.scenario(2 + 4 * (i / 2) + i % 2)
    }

    func testRotatingRosterKeepsEveryRuleAndIsAPointOfThePeopleModel() throws {
        var found = 0
        for i in 0..<12 {
            let s = Self.stayingOn(i)
            XCTAssertTrue(RotatingSeed.applies(s.rules), "scenario \(i)")
            let ctx = PlanContext(s)
            var options = PlanOptions()
            options.forcedFormulation = .people
            guard let seed = try RotatingSeed.find(solver: GLPKSolver(), ctx: ctx, options: options, part: nil, deadline: nil)
            else { continue }
            found += 1
            try assertSeedIsAPointOfTheFullModel(seed, s, ctx, options, "scenario \(i)")
            // Everyone rotates: no unit sends to the same site in two terms in a row.
            var previous: Set<String> = []
            for k in 1...s.calendar.terms {
                let links = Set(seed.placements.filter { $0.term == k }.map { "\(ctx.home($0.person))>\($0.site)" })
                XCTAssertTrue(previous.isDisjoint(with: links), "scenario \(i), term \(k)")
                previous = links
            }
        }
        XCTAssertGreaterThanOrEqual(found, 10)
    }

    /// Free placement has no teams model, and rotation rules leave ring and cycles to it.
    func testAppliesOnlyToRingAndCyclesWithStayingOn() {
        var rules = Rules()
        for structure in [Structure.ring, .cycles, .free] {
            rules.structure = structure
            rules.pairCooldown = 0
            XCTAssertEqual(RotatingSeed.applies(rules), structure != .free, "\(structure)")
            rules.pairCooldown = 1
            XCTAssertFalse(RotatingSeed.applies(rules), "\(structure), pairCooldown 1")
        }
    }

    /// The optimum with the seed is the enumeration's, and the one without it.
    func testOptimumWithTheSeedEqualsTheBruteForce() throws {
        var config = TinyScenario(
            structure: .cycles, minCycle: 2, peoplePerUnit: 3...4, peopleCap: 14, minStaff: [1, 2], leaveRate: 0.08)
        var seeded = 0
        for structure in [Structure.cycles, .ring] {
            config.structure = structure
            for seed in UInt64(301)...310 {
                let s = config.make(seed: seed)
                let expected = PeopleBruteForce.optimum(s)?.objective
                for on in [true, false] {
                    var options = PlanOptions()
                    options.forcedFormulation = .people
                    options.rotatingSeed = on
                    assertPlanAgrees(planner, s, optimum: expected, options: options, label: "\(structure) \(seed) \(on)")
                }
                let rotating = try RotatingSeed.find(
                    solver: GLPKSolver(), ctx: PlanContext(s), options: PlanOptions(), part: nil, deadline: nil)
                if rotating != nil { seeded += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(seeded, 5, "the rotating seed must have been there to change something")
    }

    /// The restricted model improves the rotating roster (never makes it dearer), and the
    /// planner starts from the cheaper of the two.
    func testThePlannerKeepsTheCheaperSeed() throws {
        var both = 0
        var improved = 0
        for i in 0..<12 {
            let s = Self.stayingOn(i)
            let ctx = PlanContext(s)
            var options = PlanOptions()
            options.forcedFormulation = .people
            options.peopleSeed = true
            options.rotatingSeed = true
            // The seed of the rotating links kept in every term has its own test (StayingSeedTests).
            options.stayingSeed = false
            options.seedLinks = 2
            let solver = GLPKSolver()
            let rotating = try RotatingSeed.find(solver: solver, ctx: ctx, options: options, part: nil, deadline: nil)
            let restricted = try PersonSeed.find(
                solver: solver, ctx: ctx, options: options, part: nil, deadline: nil, nearest: 2, from: rotating)
            let kept = try planner.peopleSeed(ctx, options: options, part: nil, deadline: nil, pricePeople: true)
            let cheapest = [rotating?.objective, restricted?.objective].compactMap { $0 }.min()
            XCTAssertEqual(kept?.objective, cheapest, "scenario \(i)")
            guard let rotating, let restricted, let kept else { continue }
            both += 1
            XCTAssertTrue(restricted.note.contains("the rotating roster's"), "scenario \(i): \(restricted.note)")
            XCTAssertLessThanOrEqual(restricted.objective, rotating.objective + 1e-6 * max(1, rotating.objective))
            if restricted.objective < rotating.objective - 1e-6 { improved += 1 }
            XCTAssertTrue(kept.note.contains("not kept (no cheaper)"), "scenario \(i): \(kept.note)")
            assertSeedKeepsEveryRule(kept, s, ctx, "scenario \(i)")
        }
        XCTAssertGreaterThanOrEqual(both, 6)
        XCTAssertGreaterThan(improved, 0, "staying on pays in some of these: the restricted model finds it there")
    }

    /// Progress never shows a bound above the optimum: the teams model's bound (everyone
    /// rotating) is no bound of the scenario where staying on pays.
    func testNoTeamsBoundReachesProgress() {
        var stayingPays = 0
        var compared = 0
        for i in 0..<12 {
            let s = Self.stayingOn(i)
            let bounds = Bounds()
            var options = PlanOptions(timeLimit: 20)
            options.forcedFormulation = .people
            options.rotatingSeed = true
            options.progress = { bounds.add($0.bound) }
            let result = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: options)
            guard result.outcome == .optimal, let optimum = result.roster?.solve.objective else { continue }
            var rotating = s
            rotating.rules.pairCooldown = 1
            compared += 1
            let strict = PlanOptions(timeLimit: 20)
            if let dearer = planner.plan(rotating, reference: ScenarioReference(name: s.name, sha256: ""), options: strict)
                .roster?.solve.objective, dearer > optimum + 1e-6
            {
                stayingPays += 1
            }
            for b in bounds.all { XCTAssertLessThanOrEqual(b, optimum + 1e-6 * max(1, optimum), "scenario \(i)") }
        }
        XCTAssertGreaterThanOrEqual(compared, 8)
        XCTAssertGreaterThan(stayingPays, 0)
    }
}

/// Bounds reported through `PlanOptions.progress`, from any thread.
private final class Bounds: @unchecked Sendable {
    // @unchecked: `values` is only touched under `lock`.
    private let lock = NSLock()
    private var values: [Double] = []

    func add(_ b: Double?) { if let b { lock.withLock { values.append(b) } } }

    var all: [Double] { lock.withLock { values } }
}
