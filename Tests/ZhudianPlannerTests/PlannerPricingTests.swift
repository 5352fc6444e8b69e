import Foundation
import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianScenario
@testable import ZhudianPlanner

/// Candidate links with LP pricing (``PricedTeamSolve``) must give exactly the optimum of
/// the model with every link, and blossom rows must hold for every roster.
final class PlannerPricingTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    static func config(_ i: Int) -> GeneratorConfig {
        // Three-term rings are slow for GLPK with or without pricing (seconds to minutes at
        // 11 enterprises), so the terms stay at one or two here.
        var c = GeneratorConfig(units: 6 + i % 7)
        c.seed = UInt64(5000 + i)
        c.structure = i % 2 == 0 ? .cycles : .ring
        c.minCycle = i % 4 == 0 ? 4 : 3
        c.terms = 1 + i % 2
        c.history = i % 2
        c.peoplePerUnit = 3...7
        c.forbidCount = i % 4
        c.pinCount = i % 5 == 0 ? 1 : 0
        c.highRiskRate = i % 3 == 0 ? 0.2 : 0
        return c
    }

    /// Starting from two links per enterprise forces pricing to bring in most of the optimum's
    /// links and the proof to bring in the rest; a wrong reduced cost (sign, a missed row)
    /// shows as a different optimum here.
    func testPricedOptimumEqualsTheFullModel() {
        var compared = 0
        var priced = 0
        for i in 0..<40 {
            let s = ScenarioGenerator.generate(Self.config(i))
            let ref = ScenarioReference(name: s.name, sha256: "")
            var full = PlanOptions(timeLimit: 20)
            full.pricing = false
            var sparse = PlanOptions(timeLimit: 20)
            sparse.pricing = true
            sparse.pricedLinks = 2
            let a = planner.plan(s, reference: ref, options: full)
            let b = planner.plan(s, reference: ref, options: sparse)
            if b.formulation.contains("priced") { priced += 1 }
            if a.outcome == .infeasible || b.outcome == .infeasible {
                XCTAssertEqual(a.outcome, b.outcome, "scenario \(i)")
                continue
            }
            guard let x = a.roster?.solve, let y = b.roster?.solve, let roster = b.roster,
                let ox = x.objective, let oy = y.objective
            else {
                XCTFail("scenario \(i): \(a.outcome) / \(b.outcome)")
                continue
            }
            let report = RosterChecker(scenario: s, scenarioSHA256: "").check(roster)
            XCTAssertTrue(report.passed, "scenario \(i): \(report.violations.map { $0.render(.en) })")
            let tol = 1e-6 * max(1, abs(ox))
            if a.outcome == .optimal && b.outcome == .optimal {
                XCTAssertEqual(ox, oy, accuracy: tol, "scenario \(i)")
                compared += 1
            } else {
                // A limit stopped one of them: each bound must still be below the other's roster.
                XCTAssertLessThanOrEqual(x.bound ?? -.infinity, oy + tol, "scenario \(i)")
                XCTAssertLessThanOrEqual(y.bound ?? -.infinity, ox + tol, "scenario \(i)")
            }
        }
        XCTAssertGreaterThan(compared, 25)
        // Most runs must really go through pricing, not fall back to the full model.
        XCTAssertGreaterThan(priced, 25)
    }

    /// Large enough that the planner prices on its own; the answer matches the full model.
    func testAutomaticPricingAtThirtyEnterprises() {
        var c = GeneratorConfig(units: 30)
        c.seed = 30
        c.terms = 2
        c.structure = .cycles
        let s = ScenarioGenerator.generate(c)
        let ref = ScenarioReference(name: s.name, sha256: "")
        var full = PlanOptions(timeLimit: 60)
        full.pricing = false
        let auto = planner.plan(s, reference: ref, options: PlanOptions(timeLimit: 60))
        let dense = planner.plan(s, reference: ref, options: full)
        XCTAssertTrue(auto.formulation.contains("priced"), auto.formulation)
        XCTAssertEqual(auto.outcome, .optimal)
        XCTAssertEqual(dense.outcome, .optimal)
        XCTAssertEqual(
            auto.roster?.solve.objective ?? -1, dense.roster?.solve.objective ?? -2, accuracy: 1e-6)
    }

    /// A ring of two terms gets the short MIP over the links of least reduced cost after its
    /// constructed roster (a one-term ring does not: GLPK never improved one there), and the
    /// answer is still the full model's optimum.
    func testTwoTermRingSearchesTheNeighbourhoodAndKeepsTheOptimum() throws {
        var searched = 0
        for seed in 30..<33 {
            var c = GeneratorConfig(units: 26)
            c.seed = UInt64(seed)
            c.terms = 2
            c.history = 2
            c.structure = .ring
            let s = ScenarioGenerator.generate(c)
            let priced = try assertPricedAgreesWithFull(planner, s, timeLimit: 120, label: "seed \(seed)")
            if priced.log.contains(where: { $0.contains("pricing: support MIP") }) { searched += 1 }
        }
        // Where the constructed roster does not meet the LP bound, the short MIP runs.
        XCTAssertGreaterThan(searched, 0, "no two-term ring reached the neighbourhood search")
    }

    /// Stopped anywhere (LP rounds, construction, the MIP, a proof round), a priced solve
    /// reports a bound no roster beats and calls a roster optimal only when it is; a run
    /// stopped before any roster says so (`noSolution`) rather than failing.
    ///
    /// The stops are counted polls of `shouldStop`, not seconds, so that every machine stops
    /// at the same places; time limits as fractions of the exact solve's time add the
    /// deadline's own paths.
    func testBoundsStayHonestWhenStoppedAtAnyStage() {
        var unproven = 0
        var rosterless = 0
        // Polls at which these two stop before the first roster, with one not yet proven, and
        // proven (in the constructions, the first MIP and the proof rounds).
        let pollsFor: [Structure: [Int]] = [.cycles: [2, 8, 16, 64], .ring: [8, 32]]
        for (i, structure) in [Structure.cycles, .ring].enumerated() {
            var c = GeneratorConfig(units: 30)
            c.seed = UInt64(70 + i)
            c.structure = structure
            c.terms = 2
            let s = ScenarioGenerator.generate(c)
            let ref = ScenarioReference(name: s.name, sha256: "")
            let exact = planner.plan(s, reference: ref, options: PlanOptions(timeLimit: 60))
            guard exact.outcome == .optimal, let optimum = exact.roster?.solve.objective else {
                XCTFail("scenario \(i): \(exact.outcome)")
                continue
            }
            let tol = 1e-6 * max(1, abs(optimum))
            var stops: [(label: String, options: PlanOptions)] = []
            for polls in pollsFor[structure] ?? [] {
                let counter = PollCounter()
                stops.append(("after \(polls) polls", PlanOptions(shouldStop: { counter.next() > polls })))
            }
            let half = exact.roster!.solve.seconds / 2
            stops.append(("\(half) s", PlanOptions(timeLimit: half)))
            for (label, options) in stops {
                let stopped = planner.plan(s, reference: ref, options: options)
                guard let solve = stopped.roster?.solve else {
                    XCTAssertEqual(stopped.outcome, .noSolution, "scenario \(i), \(label)")
                    rosterless += 1
                    continue
                }
                XCTAssertLessThanOrEqual(solve.bound ?? -.infinity, optimum + tol, "scenario \(i), \(label)")
                switch stopped.outcome {
                case .optimal:
                    XCTAssertEqual(solve.objective ?? .nan, optimum, accuracy: tol, "scenario \(i), \(label)")
                case .feasible:
                    unproven += 1
                    XCTAssertGreaterThanOrEqual(solve.objective ?? -.infinity, optimum - tol, "scenario \(i), \(label)")
                    let report = RosterChecker(scenario: s, scenarioSHA256: "").check(stopped.roster!)
                    XCTAssertTrue(report.passed, "scenario \(i), \(label): \(report.lines(.en))")
                default:
                    XCTFail("scenario \(i), \(label): \(stopped.outcome)")
                }
            }
        }
        // Both kinds of stop must occur, or the assertions above were checked on nothing.
        XCTAssertGreaterThan(unproven, 0, "no stop left an unproven roster")
        XCTAssertGreaterThan(rosterless, 0, "no stop came before the first roster")
    }

    /// Cut rows, pricing and the constructed roster must not depend on dictionary order.
    func testPricedRosterIsByteIdenticalAcrossRuns() {
        var c = GeneratorConfig(units: 30)
        c.seed = 41
        c.structure = .ring
        c.terms = 2
        let s = ScenarioGenerator.generate(c)
        let ref = ScenarioReference(name: s.name, sha256: "")
        var o = PlanOptions(timeLimit: 60)
        o.pricedLinks = 3
        var a = planner.plan(s, reference: ref, options: o).roster
        var b = planner.plan(s, reference: ref, options: o).roster
        a?.solve.seconds = 0
        b?.solve.seconds = 0
        XCTAssertNotNil(a)
        XCTAssertEqual(a.map(RosterFile.encode), b.map(RosterFile.encode))
    }

    /// The fractional point seen at 300 enterprises: a triangle of half links (0→1→2→0) whose
    /// corners each hold a whole pair to the outside (0↔3, 1↔4, 2↔5 at ½ each way).
    func testBlossomCutsOffTheHalfTriangleAndHoldsForEveryRoster() throws {
        let n = 7
        let (model, arcs) = try TreeBlossomsTests.everyLink(n)
        var point = Array(repeating: 0.0, count: model.variableCount)
        for a in arcs { point[a.variable.index] = TreeBlossomsTests.halfTriangle(a.from, a.to) }
        let found = Blossoms(nodes: n, arcs: arcs).violated(point)
        XCTAssertEqual(found.count, 1)
        let cut = try XCTUnwrap(found.first)
        XCTAssertEqual(cut.handle, [0, 1, 2])
        XCTAssertEqual(cut.teeth.count, 3)
        let row = CutSet(term: 1, members: cut.handle, teeth: cut.teeth)
        // Every cycle cover without 2-cycles (every roster's links) keeps the row.
        var checked = 0
        func lhs(_ next: [Int]) -> Double {
            var total = 0.0
            for a in 0..<n {
                let b = next[a]
                if cut.handle.contains(a) && cut.handle.contains(b) { total += 1 }
                if cut.teeth.contains(CutSet.Pair(a, b)) { total += 1 }
            }
            return total
        }
        forEachPermutation(of: n) { next in
            for a in 0..<n where next[a] == a || next[next[a]] == a { return }
            XCTAssertLessThanOrEqual(lhs(next), row.bound + 1e-9, "\(next)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }
}

/// Counts calls from any thread (parts are solved in parallel).
final class PollCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The number of calls so far, this one included.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }

    /// The number of calls so far, without counting this one.
    func peek() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
