import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The people model's first roster from the unit model's counts (``UnitFlowSeed``): it keeps
/// every rule and is a point of the full people model at the rule text's cost, it never
/// changes the optimum, and it finds a roster, within its node limits and without a clock, on
/// a county-size free scenario over three terms where the restricted model's dive found none
/// in 10 s.
final class UnitFlowSeedTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Free placement over three terms (or `terms`): people staying on or not, with history, pins and forbids.
    static func scenario(_ i: Int, units: Int, terms: Int = 3) -> Scenario {
        var c = GeneratorConfig(units: units)
        c.seed = UInt64(8100 + i)
        c.structure = .free
        c.terms = terms
        c.history = i % 3
        c.peoplePerUnit = 3...7
        c.pinCount = i % 4 == 1 ? 1 : 0
        c.forbidCount = i % 3
        var s = ScenarioGenerator.generate(c)
        if i % 2 == 1 {
            s.rules.pairCooldown = 0
            s.rules.maxConsecutiveTerms = 2
        }
        return s
    }

    private func seed(_ ctx: PlanContext, _ options: PlanOptions = PlanOptions()) throws -> PersonSeed? {
        try UnitFlowSeed.find(solver: GLPKSolver(), ctx: ctx, options: options, part: nil, deadline: nil)
    }

    func testCountedRosterKeepsEveryRuleAndIsAPointOfThePeopleModel() throws {
        let (found, staying) = try checkCountedRosters(terms: 3, count: 10, label: "scenario", notes: true)
        XCTAssertGreaterThanOrEqual(found, 7)
        XCTAssertGreaterThanOrEqual(staying, 3, "staying on must be among the rosters checked")
    }

    /// Over two terms as over three: the counted roster keeps every rule and is a point of
    /// the full people model, with and without people staying on.
    func testCountedRosterOverTwoTermsKeepsEveryRule() throws {
        let (found, staying) = try checkCountedRosters(terms: 2, count: 6, label: "two terms, scenario", notes: false)
        XCTAssertGreaterThanOrEqual(found, 4)
        XCTAssertGreaterThanOrEqual(staying, 2, "staying on must be among the rosters checked")
    }

    /// The counted rosters of generated scenarios 0..<count, each checked against every rule
    /// and the full people model: how many were found, and how many with people staying on.
    private func checkCountedRosters(terms: Int, count: Int, label: String, notes: Bool) throws -> (found: Int, staying: Int) {
        var found = 0
        var staying = 0
        for i in 0..<count {
            let s = Self.scenario(i, units: 8 + i % 5, terms: terms)
            let ctx = PlanContext(s)
            var options = PlanOptions()
            options.forcedFormulation = .people
            guard let seed = try seed(ctx, options) else { continue }
            found += 1
            if s.rules.pairCooldown == 0 { staying += 1 }
            try assertSeedIsAPointOfTheFullModel(seed, s, ctx, options, "\(label) \(i)")
            if notes { XCTAssertTrue(seed.note.contains("unit counts"), seed.note) }
        }
        return (found, staying)
    }

    /// Over two terms the optimum is the same with and without the counted seed (asked for
    /// before the search), on tiny free scenarios staying on or not, and the seed is there to
    /// change something.
    func testOptimumOverTwoTermsWithTheCountedSeedEqualsTheOneWithout() throws {
        var seeded = 0
        var checked = 0
        for (j, stay) in [true, false].enumerated() {
            let config = TinyScenario(
                terms: 2, pairCooldown: stay ? 0 : 1, maxConsecutiveTerms: stay ? 2 : 1, handoverDays: [0, 3],
                unitRange: 4...5, historyTerms: 0, peoplePerUnit: 3...5, peopleCap: 24, keepAtHome: [0, 1], minStaff: [1, 2])
            // The seed first, not after the guessed search (which proves these at once).
            let (c, s) = try compareOptima(config, seeds: UInt64(451 + 10 * j)...UInt64(455 + 10 * j), stay: stay, seedAfterGuess: false)
            checked += c
            seeded += s
        }
        XCTAssertGreaterThanOrEqual(checked, 4, "too few feasible scenarios")
        XCTAssertGreaterThanOrEqual(seeded, 3, "the counted seed must have been there to change something (checked \(checked))")
    }

    /// The planner's optimum is the same with and without the counted seed (the seed forced on
    /// at this size), on tiny free scenarios over three terms with people staying on, and
    /// the seed is there to change something.
    func testOptimumWithTheCountedSeedEqualsTheOneWithout() throws {
        // Without staying on these tiny units have no roster over three terms (the first test
        // covers that case on larger ones).
        let config = TinyScenario(
            terms: 3, pairCooldown: 0, maxConsecutiveTerms: 2, handoverDays: [3],
            unitRange: 4...5, historyTerms: 0, peoplePerUnit: 3...5, peopleCap: 24, keepAtHome: [0, 1], minStaff: [1, 2])
        let (checked, seeded) = try compareOptima(config, seeds: 431...434, stay: true, seedAfterGuess: nil)
        XCTAssertGreaterThanOrEqual(checked, 3, "too few feasible scenarios")
        XCTAssertGreaterThanOrEqual(seeded, 2, "the counted seed must have been there to change something")
    }

    /// Plans each of `config`'s scenarios with and without the counted seed (the people
    /// model, the seed forced on; `seedAfterGuess` when given): the same outcome and
    /// optimum. How many had a roster, and of those how many the counted seed reached.
    private func compareOptima(
        _ config: TinyScenario, seeds: ClosedRange<UInt64>, stay: Bool, seedAfterGuess: Bool?
    ) throws -> (checked: Int, seeded: Int) {
        var checked = 0
        var seeded = 0
        for seed in seeds {
            let s = config.make(seed: seed)
            var with = PlanOptions()
            with.forcedFormulation = .people
            with.peopleSeed = true
            if let seedAfterGuess { with.seedAfterGuess = seedAfterGuess }
            var without = with
            without.unitFlowSeed = false
            let ref = ScenarioReference(name: s.name, sha256: Fixtures.sha256)
            let a = planner.plan(s, reference: ref, options: with)
            let b = planner.plan(s, reference: ref, options: without)
            XCTAssertEqual("\(a.outcome)", "\(b.outcome)", "seed \(seed), stay \(stay)")
            guard let x = a.roster?.solve.objective, let y = b.roster?.solve.objective else { continue }
            checked += 1
            XCTAssertEqual(x, y, accuracy: 1e-6 * max(1, y), "seed \(seed), stay \(stay)")
            if try self.seed(PlanContext(s), with) != nil { seeded += 1 }
        }
        return (checked, seeded)
    }

    /// The thirteenth round's sweep scenario 016 (free 28 × 3, people staying on): the planner
    /// found no roster at 2 s, the restricted model's dive none in 10 s. The unit model and the
    /// people model over its links find one within their node limits, with no deadline, and the
    /// planner's seed is that roster.
    func testCountyScenarioOverThreeTermsGetsARosterWithinTheNodeLimits() throws {
        var c = GeneratorConfig(units: 28)
        c.seed = 1016
        c.structure = .free
        c.terms = 3
        c.history = 0
        c.counties = 2
        var s = ScenarioGenerator.generate(c)
        s.rules.pairCooldown = 0
        s.rules.maxConsecutiveTerms = 2
        let ctx = PlanContext(s)
        XCTAssertTrue(UnitFlowSeed.applies(ctx, options: PlanOptions(), part: nil))
        let counted = try XCTUnwrap(seed(ctx), "no roster from the unit counts")
        assertSeedKeepsEveryRule(counted, s, ctx, "free 28 × 3")
        let kept = try XCTUnwrap(planner.peopleSeed(ctx, options: PlanOptions(), part: nil, deadline: nil, pricePeople: true))
        XCTAssertLessThanOrEqual(kept.objective, counted.objective + 1e-6 * counted.objective)
        XCTAssertTrue(kept.note.contains("unit counts"), kept.note)
    }
}
