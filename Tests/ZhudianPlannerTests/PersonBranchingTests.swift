import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Branching on the people model's links first (``PersonBranching``): the planner proves the
/// brute force's optimum with it on and off, on the full model (seeded or not) and the priced
/// one, and the MIPs do branch on links.
final class PersonBranchingTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    static let free = TinyScenario(terms: 2, historyPerUnit: 1)
    static let freeThree = TinyScenario(
        terms: 3, pairCooldown: 1, maxConsecutiveTerms: 1, unitRange: 3...3, historyPerUnit: 1, peoplePerUnit: 3...3,
        keepAtHome: [0], minStaff: [1], leaveRate: 0.1)
    static let ring = TinyScenario(
        structure: .ring, minCycle: 2, unitRange: 4...4, historyPerUnit: 1, peoplePerUnit: 3...3, peopleCap: 12,
        minStaff: [1], leaveRate: 0.1)

    /// The people model, priced or not, seeded or not (links first applies to the seeded
    /// full model and to the priced one).
    static func options(linksFirst: Bool, priced: Bool, seeded: Bool = true) -> PlanOptions {
        var options = PlanOptions()
        options.forcedFormulation = .people
        options.personPricing = priced
        options.peopleSeed = seeded
        options.seedLinks = 1
        options.linksFirst = linksFirst
        options.captureLog = true
        return options
    }

    /// Free placement over two and three terms, staying on under a ring: the enumeration's
    /// optimum with links first and without, the full model and the priced one.
    func testLinksFirstKeepsTheBruteForceOptimum() {
        var feasible = 0
        for (config, seeds) in [(Self.free, UInt64(21)...28), (Self.freeThree, 801...806), (Self.ring, 451...456)] {
            for seed in seeds {
                let s = config.make(seed: seed)
                let expected = PeopleBruteForce.optimum(s)?.objective
                for (priced, seeded) in [(false, false), (false, true), (true, true)] {
                    for linksFirst in [true, false] {
                        let label = "seed \(seed), priced \(priced), seeded \(seeded), links first \(linksFirst)"
                        let options = Self.options(linksFirst: linksFirst, priced: priced, seeded: seeded)
                        if assertPlanAgrees(planner, s, optimum: expected, options: options, label: label), linksFirst {
                            feasible += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(feasible, 18, "too few feasible scenarios to compare")
    }

    /// The full people model, solved with its link columns first: the same optimum as GLPK's
    /// own rule, and on several scenarios the search branches on links (with the option off,
    /// or the columns wrong, it never does).
    func testTheFullModelBranchesOnItsLinks() throws {
        var branched = 0
        for (config, seeds) in [(Self.free, UInt64(21)...28), (Self.freeThree, 801...806)] {
            for seed in seeds {
                let s = config.make(seed: seed)
                let built = try PersonFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false)
                let links = PersonBranching.columns(built.model, options: PlanOptions())
                XCTAssertEqual(
                    Set(links.map { built.model.variables[$0].name }),
                    Set(built.model.variables.map(\.name).filter { $0.hasPrefix("y_") }), "seed \(seed)")
                var off = PlanOptions()
                off.linksFirst = false
                XCTAssertEqual(PersonBranching.columns(built.model, options: off), [])
                var first = SolveOptions()
                first.branchFirst = links
                let plain = GLPKSolver().solve(built.model, options: SolveOptions())
                let result = GLPKSolver().solve(built.model, options: first)
                XCTAssertEqual(result.termination, plain.termination, "seed \(seed)")
                if let a = plain.objective {
                    XCTAssertEqual(result.objective ?? .nan, a, accuracy: 1e-6 * max(1, abs(a)), "seed \(seed)")
                }
                branched += result.branchedFirst
            }
        }
        XCTAssertGreaterThan(branched, 0, "no MIP branched on a link: the rule went untested")
    }

    /// The unseeded full model of free placement without staying on (one and three terms),
    /// whose search preprocesses at the root only: the planner proves the brute force's optimum.
    func testNodePreprocessingAtTheRootKeepsTheBruteForceOptimum() throws {
        let one = TinyScenario(terms: 1, historyPerUnit: 1)
        let options = Self.options(linksFirst: true, priced: false, seeded: false)
        var compared = 0
        for (config, seeds) in [(one, UInt64(901)...916), (Self.freeThree, 801...816)] {
            for seed in seeds {
                let s = config.make(seed: seed)
                guard !FreeTeamCap.staysOn(s.rules, terms: PlanContext(s).terms) else { continue }
                var built = try PersonFormulation.build(PlanContext(s), options: options, elastic: false)
                _ = PersonBranching.prepareUnseeded(&built, PlanContext(s), options: options)
                XCTAssertFalse(built.nodePreprocessing, "seed \(seed): node preprocessing at every node")
                let expected = PeopleBruteForce.optimum(s)?.objective
                if assertPlanAgrees(planner, s, optimum: expected, options: options, label: "seed \(seed)") {
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 6, "too few feasible scenarios to compare")
    }

    /// The priced MIP branches on links too (its log line counts the nodes), and not with the
    /// option off.
    func testThePricedMIPBranchesOnLinks() {
        let (on, off) = linkBranches(priced: true)
        XCTAssertGreaterThan(on, 0, "no priced MIP branched on a link")
        XCTAssertEqual(off, 0)
    }

    /// The seeded full model branches on links (its log line counts the nodes), and not
    /// with the option off.
    func testTheSeededFullModelBranchesOnLinks() {
        let (on, off) = linkBranches(priced: false)
        XCTAssertGreaterThan(on, 0, "no seeded full model branched on a link")
        XCTAssertEqual(off, 0)
    }

    /// The full model branches on links first only seeded and over more than one term.
    func testTheFullModelRuleNeedsASeedAndTwoTerms() {
        let one = PlanContext(TinyScenario(terms: 1).make(seed: 21))
        let two = PlanContext(Self.free.make(seed: 21))
        XCTAssertFalse(PersonBranching.appliesToFullModel(one, seeded: true))
        XCTAssertFalse(PersonBranching.appliesToFullModel(two, seeded: false))
        XCTAssertTrue(PersonBranching.appliesToFullModel(two, seeded: true))
    }

    /// The unseeded full model of free placement (two and three terms, one term, tight team
    /// caps) and of a ring with people staying on: the brute force's optimum with its links
    /// first by degradation and without, and with it on the search does branch on links (the
    /// log counts them; never with it off).
    func testUnseededLinksFirstKeepsTheBruteForceOptimum() {
        let one = TinyScenario(terms: 1, historyPerUnit: 1)
        let configs = [
            (Self.free, UInt64(21)...44), (Self.freeThree, 801...812), (one, 901...912), (Self.ring, 451...462),
        ]
        let branched = compareWithBruteForce(
            configs, base: Self.options(linksFirst: true, priced: false, seeded: false), rule: "unseeded links first",
            countsOff: true, set: { $0.unseededLinksFirst = $1 }, count: Self.fullModelLinkBranches)
        let compared = branched.compared
        XCTAssertGreaterThanOrEqual(compared, 24, "too few feasible scenarios to compare")
        XCTAssertGreaterThan(branched.on, 0, "no unseeded model branched on a link: the rule went untested")
        XCTAssertEqual(branched.off, 0)
    }

    /// The seeded full model (its restarts against the seed) with the link chosen by
    /// degradation and by fractionality: the brute force's optimum either way, and it
    /// branches on links.
    func testSeededLinksByDegradationKeepsTheBruteForceOptimum() {
        let (compared, branched, _) = compareWithBruteForce(
            [(Self.free, UInt64(21)...44), (Self.freeThree, 801...812)],
            base: Self.options(linksFirst: true, priced: false, seeded: true), rule: "seeded links by degradation",
            set: { $0.seededLinksByDegradation = $1 }, count: Self.fullModelLinkBranches)
        XCTAssertGreaterThanOrEqual(compared, 16, "too few feasible scenarios to compare")
        XCTAssertGreaterThan(branched, 0, "no seeded model branched on a link: the rule went untested")
    }

    /// The priced MIPs with the link chosen by degradation and by fractionality: the brute
    /// force's optimum either way (free placement and a ring with staying on), and they
    /// branch on links.
    func testPricedLinksByDegradationKeepsTheBruteForceOptimum() {
        let (compared, branched, _) = compareWithBruteForce(
            [(Self.free, UInt64(21)...36), (Self.ring, 451...458)],
            base: Self.options(linksFirst: true, priced: true), rule: "priced links by degradation",
            set: { $0.pricedLinksByDegradation = $1 }, count: Self.linkBranches)
        XCTAssertGreaterThanOrEqual(compared, 16, "too few feasible scenarios to compare")
        XCTAssertGreaterThan(branched, 0, "no priced MIP branched on a link: the rule went untested")
    }

    /// Where the unseeded rule applies: free placement and a ring with people staying on, the
    /// links by degradation, the dual root only while every cost is ≥ 0 (a baseline's kept
    /// stays earn −change).
    func testTheUnseededRuleAppliesToEveryStructureWithItsDualRoot() throws {
        let ref = ScenarioReference(name: "", sha256: "")
        var s = try XCTUnwrap((UInt64(21)...40).lazy.map { Self.free.make(seed: $0) }.first {
            self.planner.plan($0, reference: ref, options: PlanOptions()).outcome == .optimal
        })
        func prepared(_ s: Scenario, _ options: PlanOptions) throws -> (BuiltModel, [Int]) {
            var built = try PersonFormulation.build(PlanContext(s), options: options, elastic: false)
            let first = PersonBranching.prepareUnseeded(&built, PlanContext(s), options: options)
            return (built, first)
        }
        let (built, first) = try prepared(s, PlanOptions())
        XCTAssertEqual(Set(first), Set(PersonBranching.columns(built.model, options: PlanOptions())))
        XCTAssertFalse(first.isEmpty)
        XCTAssertTrue(built.branchFirstByDegradation)
        XCTAssertTrue(built.dualRoot)
        var off = PlanOptions()
        off.unseededLinksFirst = false
        let (plain, none) = try prepared(s, off)
        XCTAssertEqual(none, [])
        XCTAssertFalse(plain.branchFirstByDegradation || plain.dualRoot)
        let ring = Self.ring.make(seed: 451)
        let (ringBuilt, ringFirst) = try prepared(ring, PlanOptions())
        XCTAssertEqual(Set(ringFirst), Set(PersonBranching.columns(ringBuilt.model, options: PlanOptions())))
        XCTAssertFalse(ringFirst.isEmpty, "the staying-on ring's links are not branched on first")
        XCTAssertTrue(ringBuilt.branchFirstByDegradation)
        // GLPK's MIR cuts: off under free placement where nobody stays on, on where people
        // stay on (the ring's pattern model, free placement with staying on).
        XCTAssertTrue(ringBuilt.mirCuts, "the staying-on ring's search lost its MIR cuts")
        let (rotating, rotatingFirst) = try prepared(Self.freeThree.make(seed: 21), PlanOptions())
        XCTAssertFalse(rotatingFirst.isEmpty)
        XCTAssertFalse(rotating.mirCuts, "free placement without staying on kept its MIR cuts")
        // GLPK's node preprocessing: at the root only exactly where the MIR cuts are off.
        XCTAssertFalse(rotating.nodePreprocessing, "free placement without staying on kept node preprocessing")
        XCTAssertTrue(ringBuilt.nodePreprocessing, "the staying-on ring's search lost node preprocessing")
        var staying = s
        staying.rules.pairCooldown = 0
        staying.rules.maxConsecutiveTerms = 2
        XCTAssertTrue(FreeTeamCap.staysOn(staying.rules, terms: PlanContext(staying).terms))
        XCTAssertTrue(try prepared(staying, PlanOptions()).0.mirCuts, "free placement with staying on lost its MIR cuts")
        XCTAssertTrue(try prepared(staying, PlanOptions()).0.nodePreprocessing, "free placement with staying on lost node preprocessing")
        let baseline = try XCTUnwrap(planner.plan(s, reference: ref, options: PlanOptions()).roster)
        s.objective.change = 25
        let (kept, links) = try prepared(s, PlanOptions(baseline: baseline))
        XCTAssertTrue(kept.model.variables.contains { $0.objective < 0 }, "the baseline gave no negative cost")
        XCTAssertFalse(links.isEmpty)
        XCTAssertFalse(kept.dualRoot)
    }

    /// A baseline (negative costs, no dual root): the unseeded rule keeps the optimum of the
    /// model without it, and the checker passes the roster against the baseline.
    func testUnseededLinksFirstUnderABaselineKeepsTheOptimum() throws {
        var compared = 0
        for seed in UInt64(21)...40 {
            var s = Self.free.make(seed: seed)
            s.objective.fairness = 0
            let ref = ScenarioReference(name: s.name, sha256: "")
            guard let baseline = planner.plan(s, reference: ref, options: PlanOptions()).roster,
                  !baseline.terms.isEmpty else { continue }
            s.objective.fairness = 40
            s.objective.change = 25
            var on = PlanOptions(baseline: baseline)
            on.forcedFormulation = .people
            on.peopleSeed = false
            var off = on
            off.unseededLinksFirst = false
            let run = assertSameOptimum(planner, s, off: off, on: on, label: "seed \(seed)", baseline: baseline)
            XCTAssertEqual(run.on.outcome, .optimal, "seed \(seed)")
            XCTAssertTrue(run.compared, "seed \(seed)")
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 8, "too few baselines")
    }

    /// The nodes branched on a link over free scenarios 21–32, with links first on and off:
    /// priced, or the full model (seeded where it applies), each counted from its own log line.
    func linkBranches(priced: Bool) -> (on: Int, off: Int) {
        var on = 0
        var off = 0
        for seed in UInt64(21)...32 {
            let s = Self.free.make(seed: seed)
            let ref = ScenarioReference(name: s.name, sha256: "")
            for linksFirst in [true, false] {
                let log = planner.plan(s, reference: ref, options: Self.options(linksFirst: linksFirst, priced: priced)).log
                let count = priced ? Self.linkBranches(log) : Self.fullModelLinkBranches(log)
                if linksFirst { on += count } else { off += count }
            }
        }
        return (on, off)
    }

    /// Over `configs`, the brute force's optimum with a rule of `base` turned on and off by
    /// `set`: how many plans agreed, and the link branches `count` reads from the logs of the
    /// plans with the rule on (and, when `countsOff`, off; otherwise 0 for them).
    func compareWithBruteForce(
        _ configs: [(TinyScenario, ClosedRange<UInt64>)], base: PlanOptions, rule: String, countsOff: Bool = false,
        set: (inout PlanOptions, Bool) -> Void, count: ([String]) -> Int
    ) -> (compared: Int, on: Int, off: Int) {
        var result = (compared: 0, on: 0, off: 0)
        for (config, seeds) in configs {
            for seed in seeds {
                let s = config.make(seed: seed)
                let expected = PeopleBruteForce.optimum(s)?.objective
                for on in [true, false] {
                    var options = base
                    set(&options, on)
                    let label = "seed \(seed), \(s.rules.structure), terms \(s.calendar.terms), \(rule) \(on)"
                    guard assertPlanAgrees(planner, s, optimum: expected, options: options, label: label) else { continue }
                    result.compared += 1
                    guard on || countsOff else { continue }
                    let log = planner.plan(s, reference: ScenarioReference(name: s.name, sha256: ""), options: options).log
                    if on { result.on += count(log) } else { result.off += count(log) }
                }
            }
        }
        return result
    }


    /// The full model's count, from its line "links first: N of M nodes branched on a link".
    static func fullModelLinkBranches(_ log: [String]) -> Int {
        log.compactMap { line -> Int? in
            guard line.hasPrefix("links first: ") else { return nil }
            return Int(line.dropFirst("links first: ".count).split(separator: " ").first ?? "")
        }.reduce(0, +)
    }

    /// The priced MIPs' count, from their "people pricing: MIP … N branched on a link" lines.
    static func linkBranches(_ log: [String]) -> Int {
        log.filter { $0.contains("people pricing: MIP") }.compactMap { line -> Int? in
            guard let range = line.range(of: " branched on a link") else { return nil }
            return Int(line[..<range.lowerBound].split(separator: " ").last ?? "")
        }.reduce(0, +)
    }
}
