import Foundation
import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The people model priced over left-out links (``PersonPricing``, ``PricedPersonSolve``):
/// its reduced costs are GLPK's own, its converged LP bound is the full model's, and its
/// optimum is the brute force's and the full model's.
final class PersonPricingTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Free placement and ring or cycles with staying on, with history, pins, forbid entries
    /// and leave (the generator's leave rate), one or two terms.
    static func scenario(_ i: Int) -> Scenario {
        var c = GeneratorConfig(units: 6 + i % 4)
        c.seed = UInt64(9100 + i)
        c.structure = [Structure.free, .ring, .free, .cycles][i % 4]
        c.terms = 1 + (i / 2) % 2
        c.history = i % 3
        c.peoplePerUnit = 2...5
        c.pinCount = i % 5 == 0 ? 1 : 0
        c.forbidCount = i % 3
        c.leaveRate = 0.2
        var s = ScenarioGenerator.generate(c)
        if c.structure != .free {
            s.rules.pairCooldown = 0
            s.rules.maxConsecutiveTerms = 2
        }
        return s
    }

    /// The priced solve of `s` from one nearest link per unit and term, without a seed.
    static func pricedFromOneLink(_ s: Scenario) -> PricedPersonSolve {
        var options = PlanOptions()
        options.seedLinks = 1
        return PricedPersonSolve(solver: GLPKSolver(), ctx: PlanContext(s), options: options, part: nil, deadline: nil, seed: nil)
    }

    /// Options that plan the full people model: no seed, no pricing.
    static var fullPeopleModel: PlanOptions {
        var plain = PlanOptions(timeLimit: 30)
        plain.forcedFormulation = .people
        plain.peopleSeed = false
        plain.personPricing = false
        return plain
    }

    /// The full model of `s`, indexed.
    func index(_ s: Scenario) throws -> PersonColumns {
        let ctx = PlanContext(s)
        return try PersonColumns(try PersonFormulation.build(ctx, options: PlanOptions(), elastic: false), ctx: ctx)
    }

    /// `model` with `restriction`'s cut rows added as rows (over the full model's columns).
    func withCuts(_ model: Model, _ restriction: PersonRestriction) throws -> Model {
        var out = model
        for (c, cut) in restriction.cuts.enumerated() {
            try out.addConstraint(name: "cut_\(c)", cut.expression, lower: cut.lower, upper: cut.upper)
        }
        return out
    }

    /// GLPK's row duals of the full model's LP (with the cycle rows its point breaks, found
    /// until none is left) give, through the model's rows, GLPK's reduced cost of every
    /// column: a row the pricing read wrongly or not at all shows here.
    func testPricedReducedCostsAreGLPKsForEveryColumn() throws {
        var columns = 0
        var withCutRows = 0
        for i in 0..<16 {
            let s = Self.scenario(i)
            let index = try index(s)
            var restriction = PersonRestriction(index)
            for l in index.links.indices { restriction.choose(l) }
            var lp = GLPKSolver().solveRelaxation(index.full.model)
            guard lp.status == .optimal else { continue }
            while true {
                let cuts = index.full.separate(lp.values)
                if cuts.isEmpty { break }
                for cut in cuts { try restriction.add(cut: cut) }
                lp = GLPKSolver().solveRelaxation(try withCuts(index.full.model, restriction))
                XCTAssertEqual(lp.status, .optimal, "scenario \(i)")
                guard lp.status == .optimal else { break }
            }
            if !restriction.cuts.isEmpty { withCutRows += 1 }
            let priced = PersonPricing(restriction, fullDuals: lp.rowDuals)
            for j in index.full.model.variables.indices {
                XCTAssertEqual(
                    priced.reducedCosts[j], lp.reducedCosts[j], accuracy: 1e-6,
                    "scenario \(i): \(index.full.model.variables[j].name)")
            }
            columns += index.full.model.variableCount
        }
        XCTAssertGreaterThan(columns, 1000)
        XCTAssertGreaterThan(withCutRows, 0, "no scenario needed cycle rows: the cut duals went untested")
    }

    /// Over two nearest links per unit, the restricted LP's duals (0 on the rows it lacks)
    /// price its own columns as GLPK does: the restricted rows are read back onto the right
    /// full rows.
    func testRestrictedDualsPriceTheKeptColumnsAsGLPKDoes() throws {
        var compared = 0
        for i in 0..<16 {
            let s = Self.scenario(i)
            let ctx = PlanContext(s)
            let index = try index(s)
            var restriction = PersonRestriction(index)
            for l in PersonLinks.candidates(ctx, part: nil, baseline: nil, nearest: 2).all {
                if let n = index.linkNumber[PersonColumns.Link(unit: l.unit, site: l.site, term: l.term)] {
                    restriction.choose(n)
                }
            }
            let model = try restriction.model()
            let lp = GLPKSolver().solveRelaxation(model)
            guard lp.status == .optimal else { continue }
            let priced = PersonPricing(restriction, rowDuals: lp.rowDuals)
            for (r, j) in restriction.columns.enumerated() {
                XCTAssertEqual(priced.reducedCosts[j], lp.reducedCosts[r], accuracy: 1e-6, "scenario \(i): \(model.variables[r].name)")
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 4)
    }

    /// From one nearest link per unit, the LP rounds converge to the full model's LP value
    /// (with the same cycle rows), and the restricted model then leaves links out.
    func testConvergedPricedBoundIsTheFullModelsLPBound() throws {
        var compared = 0
        var leftOut = 0
        for i in 0..<16 {
            let s = Self.scenario(i)
            let priced = Self.pricedFromOneLink(s)
            let index = try index(s)
            guard let rounds = try priced.lpRounds(index) else { continue }
            XCTAssertTrue(rounds.converged, "scenario \(i)")
            let full = GLPKSolver().solveRelaxation(try withCuts(index.full.model, rounds.restriction))
            XCTAssertEqual(full.status, .optimal, "scenario \(i)")
            let L = try XCTUnwrap(rounds.lp.objective)
            let exact = try XCTUnwrap(full.objective)
            XCTAssertEqual(L, exact, accuracy: 1e-6 * max(1, abs(exact)), "scenario \(i)")
            if rounds.restriction.chosenCount < index.links.count { leftOut += 1 }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 10)
        XCTAssertGreaterThan(leftOut, 5, "pricing brought in every link: the bound was not tested on a restriction")
    }

    /// Every left-out link's floor is a true floor: the full model with that link forced in,
    /// someone sent over it, costs at least the LP bound plus the floor.
    func testALinksFloorBoundsEveryRosterThatUsesIt() throws {
        var checked = 0
        for i in 0..<8 {
            let s = Self.scenario(i)
            let priced = Self.pricedFromOneLink(s)
            let index = try index(s)
            guard let rounds = try priced.lpRounds(index), let L = rounds.lp.objective else { continue }
            let floors = PersonPricing(rounds.restriction, rowDuals: rounds.lp.rowDuals).floors()
            // The cheapest few floors: those are the links a proof keeps or drops.
            for f in floors.sorted(by: { $0.value < $1.value }).prefix(3) where f.value.isFinite {
                var model = try withCuts(index.full.model, rounds.restriction)
                // The link is used, and (free placement) someone goes over it: a link without
                // people is dropped from a roster at no cost, so its floor assumes someone.
                let columns = index.columnsOfLink[f.link]
                try model.addConstraint(name: "forced", LinearExpression([(Variable(index: columns[0]), 1)]), lower: 1)
                try model.addConstraint(
                    name: "someone", LinearExpression(columns.dropFirst().map { (Variable(index: $0), 1) }), lower: 1)
                let forced = GLPKSolver().solve(model, options: SolveOptions(timeLimit: 20), hooks: SolveHooks(
                    separator: { point, _ in index.full.separate(point) }))
                guard let z = forced.objective, forced.termination == .optimal else { continue }
                XCTAssertGreaterThanOrEqual(z, L + f.value - 1e-6 * max(1, abs(z)), "scenario \(i), link \(index.links[f.link])")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 8)
    }

    /// LP rounds stopped after their first LP (as when the time runs out) still bound every
    /// roster: the bound is at most the full model's optimum, and the roster costs no less.
    func testUnconvergedRoundsStillBoundEveryRoster() throws {
        var bounded = 0
        var belowTheLP = 0
        for i in 0..<12 {
            let s = Self.scenario(i)
            let ctx = PlanContext(s)
            let plain = Self.fullPeopleModel
            let exact = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: plain)
            guard exact.outcome == .optimal, let optimum = exact.roster?.solve.objective else { continue }
            var options = PlanOptions(timeLimit: 30)
            options.seedLinks = 1
            var priced = PricedPersonSolve(solver: GLPKSolver(), ctx: ctx, options: options, part: nil, deadline: nil, seed: nil)
            priced.roundsLimit = 1
            guard let result = priced.run(), let bound = result.bound, let z = result.objective else { continue }
            XCTAssertLessThanOrEqual(bound, optimum + 1e-6 * max(1, optimum), "scenario \(i)")
            XCTAssertGreaterThanOrEqual(z, optimum - 1e-6 * max(1, optimum), "scenario \(i)")
            if let lp = try priced.lpRounds(try index(s))?.lp.objective, bound < lp - 1e-6 { belowTheLP += 1 }
            bounded += 1
        }
        XCTAssertGreaterThan(bounded, 6)
        XCTAssertGreaterThan(belowTheLP, 2, "no unconverged round left a column to charge: the floor went untested")
    }

    /// Under ring and cycles with people staying on, rounds stopped after one, two or three LPs
    /// keep a floor that bounds every roster (at most the full model's optimum), is never below
    /// the last round's column-by-column floor, and is above it somewhere: charging each
    /// left-out link with its team once per unit (or site) and term, and keeping the best
    /// round, is what makes the difference (both reverted, this fails).
    func testUnconvergedRingFloorIsValidAndBeatsTheColumnFloor() throws {
        var checked = 0
        var better = 0
        var tighter = 0
        for i in 0..<12 where Self.scenario(i).rules.structure != .free {
            let s = Self.scenario(i)
            let exact = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: Self.fullPeopleModel)
            guard exact.outcome == .optimal, let optimum = exact.roster?.solve.objective else { continue }
            let tolerance = 1e-6 * max(1, optimum)
            let index = try index(s)
            var earlier = -Double.infinity
            for limit in 1...3 {
                var priced = Self.pricedFromOneLink(s)
                priced.roundsLimit = limit
                guard let rounds = try priced.lpRounds(index), !rounds.converged, let L = rounds.lp.objective else { continue }
                XCTAssertLessThanOrEqual(rounds.floor, optimum + tolerance, "scenario \(i), limit \(limit)")
                // The same rounds, one more: the best floor so far is kept.
                XCTAssertGreaterThanOrEqual(rounds.floor, earlier - tolerance, "scenario \(i), limit \(limit)")
                earlier = rounds.floor
                let pricing = PersonPricing(rounds.restriction, rowDuals: rounds.lp.rowDuals)
                let leftOut = index.links.indices.filter { !rounds.restriction.chosen[$0] }
                let columnFloor = L + pricing.columnFloor(leftOut, oneLinkPerUnitAndTerm: true)
                XCTAssertGreaterThanOrEqual(rounds.floor, columnFloor - tolerance, "scenario \(i), limit \(limit)")
                if rounds.floor > columnFloor + tolerance { better += 1 }
                // The same duals, charged link by link with its team.
                let linkFloor = L + pricing.unconvergedFloor(oneLinkPerUnitAndTerm: true)
                XCTAssertGreaterThanOrEqual(rounds.floor, linkFloor - tolerance, "scenario \(i), limit \(limit)")
                XCTAssertGreaterThanOrEqual(linkFloor, columnFloor - tolerance, "scenario \(i), limit \(limit)")
                if linkFloor > columnFloor + tolerance { tighter += 1 }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 4)
        XCTAssertGreaterThan(better, 0, "the kept floor is never above the last round's column floor")
        XCTAssertGreaterThan(tighter, 0, "charging a link with its team never beats charging its columns one by one")
    }

    /// Priced from one nearest link (with and without the seed), the planner proves the
    /// optimum of the full model, on the people model's two uses; the checker passes it.
    func testPricedOptimumEqualsTheFullModel() {
        var compared = 0
        var priced = 0
        for i in 0..<12 {
            let s = Self.scenario(i)
            let ref = ScenarioReference(name: s.name, sha256: "")
            let plain = Self.fullPeopleModel
            let expected = planner.plan(s, reference: ref, options: plain)
            for seeded in [false, true] {
                var options = plain
                options.personPricing = true
                options.peopleSeed = seeded
                options.seedLinks = 1
                options.captureLog = true
                let got = planner.plan(s, reference: ref, options: options)
                if got.formulation.contains("priced") { priced += 1 }
                guard expected.outcome == .optimal else {
                    XCTAssertEqual(got.outcome, expected.outcome, "scenario \(i), seeded \(seeded)")
                    continue
                }
                XCTAssertEqual(got.outcome, .optimal, "scenario \(i), seeded \(seeded): \(got.log.joined(separator: "\n"))")
                let x = expected.roster?.solve.objective ?? .nan
                XCTAssertEqual(got.roster?.solve.objective ?? .nan, x, accuracy: 1e-6 * max(1, abs(x)), "scenario \(i)")
                if let roster = got.roster {
                    let report = RosterChecker(scenario: s, scenarioSHA256: "").check(roster)
                    XCTAssertTrue(report.passed, "scenario \(i): \(report.lines(.en))")
                }
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 16)
        XCTAssertGreaterThan(priced, 16)
    }

    /// The search's progress never reports a bound above the optimum: the MIP over the
    /// chosen links bounds only rosters over them, so its bound is capped by what rosters
    /// over the links left out cost at least.
    func testProgressNeverReportsABoundAboveTheOptimum() {
        let bounds = BoundLog()
        var checked = 0
        for i in 0..<12 {
            let s = Self.scenario(i)
            let ref = ScenarioReference(name: s.name, sha256: "")
            var options = PlanOptions(timeLimit: 30)
            options.forcedFormulation = .people
            options.personPricing = true
            options.peopleSeed = true
            options.seedLinks = 1
            options.progress = { p in if let b = p.bound { bounds.add(b) } }
            bounds.reset()
            let got = planner.plan(s, reference: ref, options: options)
            guard got.outcome == .optimal, let optimum = got.roster?.solve.objective else { continue }
            for b in bounds.all { XCTAssertLessThanOrEqual(b, optimum + 1e-6 * max(1, optimum), "scenario \(i)") }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 6)
    }

    /// On tiny scenarios the enumeration knows, the priced people model proves its optimum
    /// (or infeasibility): free placement, and staying on under ring and cycles.
    func testPricedPeopleModelMatchesTheBruteForce() {
        var options = PlanOptions()
        options.forcedFormulation = .people
        options.personPricing = true
        options.seedLinks = 1
        var feasible = 0
        let free = TinyScenario(terms: 2, historyPerUnit: 1)
        let ring = TinyScenario(
            structure: .ring, minCycle: 2, unitRange: 4...4, historyPerUnit: 1, peoplePerUnit: 3...3, peopleCap: 12,
            minStaff: [1], leaveRate: 0.1)
        let cycles = TinyScenario(
            structure: .cycles, minCycle: 2, peoplePerUnit: 3...4, peopleCap: 14, minStaff: [1, 2], leaveRate: 0.08)
        for (config, seeds) in [(free, UInt64(21)...32), (ring, 451...462), (cycles, 101...112)] {
            for seed in seeds {
                let s = config.make(seed: seed)
                let expected = PeopleBruteForce.optimum(s)
                if assertPlanAgrees(planner, s, optimum: expected?.objective, options: options, label: "seed \(seed)") {
                    feasible += 1
                }
            }
        }
        XCTAssertGreaterThan(feasible, 12)
    }
}

/// Bounds reported by a plan's progress hook (called on the solving thread).
final class BoundLog: @unchecked Sendable {
    // @unchecked: `bounds` is only touched under `lock`.
    private let lock = NSLock()
    private var bounds: [Double] = []

    func add(_ b: Double) { lock.withLock { bounds.append(b) } }
    func reset() { lock.withLock { bounds = [] } }
    var all: [Double] { lock.withLock { bounds } }
}
