import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The team-cap rows of free placement (``FreeTeamCap``) keep an optimal roster: the
/// planner still proves the brute-force optimum where they are added, they are added only
/// where dropping a surplus person can break no row, and pins above minStaff raise the cap.
final class FreeTeamCapTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Plans `s` and compares it with the enumeration; returns whether it was feasible.
    @discardableResult
    func agrees(_ s: Scenario, _ label: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        assertPlanAgrees(
            planner, s, optimum: PeopleBruteForce.optimum(s)?.objective, label: label, file: file, line: line)
    }

    /// The notices' rotation under free placement over two terms — the rows are added — on
    /// tiny scenarios with history, leave, forbids and pins.
    func testTwoTermRotationMatchesTheBruteForce() {
        // Nobody serves two terms in a row and history's people sit out term 1: three units
        // of three people and sites of one keep rotations possible.
        let config = TinyScenario(
            terms: 2, pairCooldown: 1, maxConsecutiveTerms: 1, unitRange: 3...3, historyPerUnit: 1, peoplePerUnit: 3...3,
            keepAtHome: [0], minStaff: [1], leaveRate: 0.1)
        var feasible = 0
        for seed in UInt64(301)...345 {
            let s = config.make(seed: seed)
            XCTAssertTrue(FreeTeamCap.applies(s.rules, terms: 2, elastic: false, bonus: false))
            if agrees(s, "seed \(seed)") { feasible += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 10, "too few feasible scenarios to compare")
    }

    /// Three people of one unit pinned at a site of minStaff 2: the cap is the pins' count,
    /// or the model would call a feasible scenario infeasible.
    func testPinsAboveMinStaffRaiseTheCap() {
        var s = TinyScenario(terms: 1, historyTerms: 0, peoplePerUnit: 3...3, keepAtHome: [0], leaveRate: 0, pins: false)
            .make(seed: 7)
        s.forbid = []
        s.rules.sameGroup = .allow
        for i in s.units.indices { s.units[i].minStaff = 2 }
        let site = s.units[1].id
        for i in s.people.indices { s.people[i].qualified = true }
        let mine = s.people.filter { $0.unit == s.units[0].id }.map(\.id)
        guard mine.count == 3 else { return XCTFail("the first unit must have three people: \(mine)") }
        s.pins = mine.prefix(3).map { Pin(term: 1, subject: .person($0), site: site) }
        let ctx = PlanContext(s)
        XCTAssertEqual(FreeTeamCap.cap(ctx, unit: 0, site: 1, term: 1), 3)
        XCTAssertEqual(FreeTeamCap.cap(ctx, unit: 0, site: 2, term: 1), 2)
        XCTAssertTrue(agrees(s, "three pinned"), "the pinned scenario must be feasible")
    }

    /// Where someone may serve three terms in a row at a site, dropping the middle stay can
    /// break a `ccool` row, so no cap; nor in the elastic model, nor with the baseline bonus
    /// (a negative cost). Staying on two terms at most keeps it (``FreeTeamCap/staysOn(_:terms:)``).
    func testTheRowsAreLeftOutWhereTheyCouldCutTheOptimum() {
        var rules = Rules()
        rules.structure = .free
        rules.pairCooldown = 0
        rules.maxConsecutiveTerms = 3
        XCTAssertFalse(FreeTeamCap.applies(rules, terms: 3, elastic: false, bonus: false))
        rules.maxConsecutiveTerms = 2
        XCTAssertTrue(FreeTeamCap.applies(rules, terms: 2, elastic: false, bonus: false))
        XCTAssertTrue(FreeTeamCap.staysOn(rules, terms: 2))
        XCTAssertTrue(FreeTeamCap.applies(rules, terms: 1, elastic: false, bonus: false))
        XCTAssertFalse(FreeTeamCap.staysOn(rules, terms: 1))
        rules.maxConsecutiveTerms = 1
        XCTAssertTrue(FreeTeamCap.applies(rules, terms: 3, elastic: false, bonus: false))
        XCTAssertFalse(FreeTeamCap.applies(rules, terms: 3, elastic: true, bonus: false))
        XCTAssertFalse(FreeTeamCap.applies(rules, terms: 3, elastic: false, bonus: true))
        rules.structure = .cycles
        XCTAssertFalse(FreeTeamCap.applies(rules, terms: 1, elastic: false, bonus: false))
    }

    /// The rows are in the model the planner solves (so the tests above exercise them).
    func testTheModelHoldsTheRows() throws {
        let s = TinyScenario(terms: 2, pairCooldown: 1, maxConsecutiveTerms: 1, historyPerUnit: 1, peoplePerUnit: 3...4)
            .make(seed: 302)
        let built = try PersonFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false)
        XCTAssertTrue(built.model.constraints.contains { $0.name.hasPrefix("cap_") })
        let elastic = try PersonFormulation.build(PlanContext(s), options: PlanOptions(), elastic: true)
        XCTAssertFalse(elastic.model.constraints.contains { $0.name.hasPrefix("cap_") })
    }

    /// Staying on (pairCooldown 0, maxConsecutiveTerms 2) under free placement, with history,
    /// leave in the handover days (`hand` rows) and history sites (`hcool` rows): the cap
    /// without the stays those rows hold keeps the optimum, and the planner agrees with the
    /// enumeration with the rows and without them.
    func testStayingOnMatchesTheBruteForceWithAndWithoutTheCap() throws {
        let config = TinyScenario(
            terms: 2, pairCooldown: 0, maxConsecutiveTerms: 2, handoverDays: [3], unitRange: 3...3, historyPerUnit: 2,
            peoplePerUnit: 3...3, keepAtHome: [0], minStaff: [1, 2], leaveRate: 0.15, oneStaffRate: 0.3)
        var feasible = 0
        var held = 0
        for seed in UInt64(701)...730 {
            let s = config.make(seed: seed)
            let optimum = PeopleBruteForce.optimum(s)?.objective
            var off = PlanOptions()
            off.stayingOnTeamCap = false
            assertPlanAgrees(planner, s, optimum: optimum, options: off, label: "seed \(seed), no cap")
            if assertPlanAgrees(planner, s, optimum: optimum, label: "seed \(seed), cap") { feasible += 1 }
            let rows = try PersonFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false).model.constraints
            if rows.contains(where: { $0.name.hasPrefix("hand_") || $0.name.hasPrefix("hcool_") }) { held += 1 }
        }
        XCTAssertGreaterThanOrEqual(feasible, 10, "too few feasible scenarios to compare")
        XCTAssertGreaterThanOrEqual(held, 5, "too few scenarios with stays the cap must leave out")
    }

    /// The staying-on cap binds: on some small cases the LP bound rises with it, and it never falls.
    func testTheStayingOnCapRaisesTheLPBound() throws {
        let config = TinyScenario(
            terms: 2, pairCooldown: 0, maxConsecutiveTerms: 2, handoverDays: [0, 3], unitRange: 3...3,
            historyPerUnit: 1, peoplePerUnit: 3...3, keepAtHome: [0], minStaff: [1], leaveRate: 0.05, oneStaffRate: 1)
        var raised = 0
        for seed in UInt64(701)...730 {
            let s = config.make(seed: seed)
            var off = PlanOptions()
            off.stayingOnTeamCap = false
            let with = try PersonFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false).model
            let without = try PersonFormulation.build(PlanContext(s), options: off, elastic: false).model
            let a = GLPKSolver().solveRelaxation(with)
            let b = GLPKSolver().solveRelaxation(without)
            if a.status == .infeasible {
                // The rows keep an optimal roster: with none, they may close the LP too.
                XCTAssertNil(PeopleBruteForce.optimum(s), "seed \(seed): the cap made a feasible scenario's LP infeasible")
            }
            guard let x = a.objective, let y = b.objective else { continue }
            XCTAssertGreaterThanOrEqual(x, y - 1e-6, "seed \(seed): the cap lowered the bound")
            if x > y + 1e-6 { raised += 1 }
        }
        XCTAssertGreaterThanOrEqual(raised, 1, "the staying-on cap never raised the LP bound: it binds nowhere here")
    }
}
