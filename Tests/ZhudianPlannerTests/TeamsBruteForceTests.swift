import GLPK
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The teams model against ``TeamsBruteForce`` on the shapes the peer benchmark found slow
/// (issue 21): cycles with minCycle 4 and rings over three terms, with history, the person
/// cooldown, one term in a row and handover days. Where the enumeration finds a roster, the
/// planner proves the same optimum, built with every link and priced; where it finds none,
/// the planner proves the scenario infeasible. The oracle's roster goes through the checker.
final class TeamsBruteForceTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Six enterprises, three terms, no staying on, teams of one from 3–4 people (so that a unit at one site in terms 1 and 3 often runs out of people).
    static func config(_ structure: Structure, minCycle: Int = 2) -> TinyScenario {
        TinyScenario(
            structure: structure, minCycle: minCycle, terms: 3, pairCooldown: 1, personCooldown: 2,
            maxConsecutiveTerms: 1, unitRange: 6...6, historyTerms: 2, historyPerUnit: 1, peoplePerUnit: 3...4,
            peopleCap: 40, minStaff: [1], leaveRate: 0.05)
    }

    /// What the seeds of one comparison turned out to be.
    struct Tally {
        var feasible = 0
        var infeasible = 0
        /// Seeds whose teams model has `rnot` rows (``UnitRepeatCliques``).
        var cliques = 0
    }

    func compare(
        _ config: TinyScenario, seeds: ClosedRange<UInt64>, file: StaticString = #filePath, line: UInt = #line
    ) -> Tally {
        var tally = Tally()
        for seed in seeds {
            let s = config.make(seed: seed)
            let expected = TeamsBruteForce.optimum(s)
            if let expected {
                tally.feasible += 1
                assertOracleRosterPasses(expected, s, label: "seed \(seed)", file: file, line: line)
            } else {
                tally.infeasible += 1
            }
            do {
                let built = try TeamFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false)
                if built.model.constraints.contains(where: { $0.name.hasPrefix("rnot_") }) { tally.cliques += 1 }
            } catch {
                XCTFail("seed \(seed): \(error)", file: file, line: line)
            }
            // The unit-repeat rows off once, their `rnot` cliques off once, and the root's Gomory
            // cuts (``BuiltModel/rootGomory``) off once and, after 1 or 8 nodes without them, on
            // twice with links first (``BuiltModel/gomoryLinksFirst``) and once without: the
            // optimum must not depend on them.
            let variants: [(Bool, Bool, Bool, Int?, Bool)] = [
                (false, true, true, 300, true), (true, true, true, 300, true), (false, false, false, 300, true),
                (false, true, false, 300, true), (false, true, true, nil, true), (false, true, true, 1, true),
                (false, true, true, 8, true), (false, true, true, 1, false), (true, true, true, 300, false),
            ]
            for (pricing, repeatRows, cliques, gomory, linksFirst) in variants {
                var options = PlanOptions()
                options.forcedFormulation = .teams
                options.pricing = pricing
                options.unitRepeatRows = repeatRows
                options.unitRepeatCliques = cliques
                options.rootGomory = gomory != nil
                options.plainNodes = gomory ?? 300
                options.gomoryLinksFirst = linksFirst
                assertPlanAgrees(
                    planner, s, optimum: expected?.objective, options: options,
                    label: "seed \(seed), pricing \(pricing), repeat rows \(repeatRows), cliques \(cliques), "
                        + "gomory \(String(describing: gomory)), links first \(linksFirst)",
                    file: file, line: line)
            }
        }
        return tally
    }

    func testCyclesOfAtLeastFourOverThreeTermsMatchTheBruteForce() {
        let tally = compare(Self.config(.cycles, minCycle: 4), seeds: 1...8)
        XCTAssertGreaterThanOrEqual(tally.feasible, 6, "\(tally)")
        XCTAssertGreaterThanOrEqual(tally.infeasible, 1, "\(tally)")
    }

    func testCyclesOfAtLeastThreeOverThreeTermsMatchTheBruteForce() {
        let tally = compare(Self.config(.cycles, minCycle: 3), seeds: 21...28)
        XCTAssertGreaterThanOrEqual(tally.feasible, 5, "\(tally)")
    }

    func testRingsOverThreeTermsMatchTheBruteForce() {
        let tally = compare(Self.config(.ring), seeds: 44...51)
        XCTAssertGreaterThanOrEqual(tally.feasible, 6, "\(tally)")
        // The cliques are in play on this shape, so the comparisons above test them.
        XCTAssertGreaterThanOrEqual(tally.cliques, 3, "\(tally)")
        XCTAssertGreaterThanOrEqual(tally.infeasible, 1, "\(tally)")
    }
}
