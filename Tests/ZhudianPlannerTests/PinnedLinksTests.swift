import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// The link construction of the priced teams model keeps pinned links (``PinnedLinks``):
/// over three terms with pins it staffs a roster where it staffed none before, the priced
/// optimum stays the full model's, and the rotating roster built from it keeps every rule
/// where people stay on.
final class PinnedLinksTests: XCTestCase {
    /// Ring or cycles over three terms with two pins (the generator's: unit pins on its
    /// witness roster, so the scenario has a roster).
    static func scenario(_ seed: Int, _ structure: Structure, stayingOn: Bool = false) -> Scenario {
        var c = GeneratorConfig(units: 9 + seed % 3)
        c.seed = UInt64(seed)
        c.terms = 3
        c.history = seed % 2
        c.structure = structure
        c.pinCount = 2
        var s = ScenarioGenerator.generate(c)
        if stayingOn {
            s.rules.pairCooldown = 0
            s.rules.maxConsecutiveTerms = 2
        }
        return s
    }

    /// A pin fixes its link in its term and bars it in the terms the pair cooldown reaches;
    /// two pins on one site in one term leave every link to the model, which has no roster.
    func testAllowsOnlyThePinnedLinks() {
        var s = Self.scenario(1, .ring)
        let basis = { TeamBasis(PlanContext(s), elastic: false, part: nil) }
        let ids = s.units.map(\.id)
        s.pins = [Pin(term: 2, subject: .unit(ids[0]), site: ids[1])]
        let pinned = PinnedLinks(basis())
        let (a, b, c) = (basis().node[0], basis().node[1], basis().node[2])
        XCTAssertTrue(pinned.allows(a, b, term: 2))
        XCTAssertFalse(pinned.allows(a, c, term: 2), "the pinned sender elsewhere")
        XCTAssertFalse(pinned.allows(c, b, term: 2), "another sender at the pinned site")
        XCTAssertFalse(pinned.allows(a, b, term: 1), "the pair cooldown before the pinned term")
        XCTAssertFalse(pinned.allows(a, b, term: 3), "the pair cooldown after it")
        XCTAssertTrue(pinned.allows(a, c, term: 1))
        XCTAssertTrue(PinnedLinks(TeamBasis(PlanContext(s), elastic: true, part: nil)).allows(a, c, term: 2), "elastic")
        s.pins.append(Pin(term: 2, subject: .unit(ids[2]), site: ids[1]))
        let both = PinnedLinks(basis())
        XCTAssertTrue(both.conflicting)
        XCTAssertTrue(both.allows(a, c, term: 2))
    }

    /// The construction over the LP's point staffs a roster with the pins kept on every
    /// scenario whose LP rounds leave something to build. Fails without ``PinnedLinks``: the
    /// construction gave pinned senders and sites other links, and no staffing existed.
    func testTheConstructionStaffsPinnedScenarios() throws {
        var built = 0
        for (seed, structure) in [(11, Structure.ring), (12, .ring), (13, .cycles), (14, .cycles), (15, .ring), (16, .cycles)] {
            let s = Self.scenario(seed, structure)
            XCTAssertFalse(s.pins.isEmpty, "seed \(seed)")
            guard let c = try ConstructedRosters(s) else { continue }
            XCTAssertFalse(c.rosters.isEmpty, "seed \(seed): \(c.solve.stages.lines.joined(separator: "\n"))")
            for roster in c.rosters {
                XCTAssertEqual(roster.built.model.violations(at: roster.values), [], "seed \(seed)")
                let placed = roster.built.decode(roster.values)
                for pin in s.pins {
                    guard case .unit(let id) = pin.subject else { continue }
                    let kept = placed.contains {
                        $0.term == pin.term && s.units[c.basis.ctx.home($0.person)].id == id && s.units[$0.site].id == pin.site
                    }
                    XCTAssertTrue(kept, "seed \(seed): \(pin)")
                }
            }
            built += 1
        }
        XCTAssertGreaterThanOrEqual(built, 4, "too few LP rounds left anything to build")
    }

    /// The priced solve (construction first) proves the full model's optimum with pins, and
    /// its roster passes the checker.
    func testThePricedOptimumWithPinsIsTheFullModels() throws {
        let planner = Planner(solver: GLPKSolver())
        var proven = 0
        for (seed, structure) in [(21, Structure.ring), (23, .cycles)] {
            let s = Self.scenario(seed, structure)
            let ref = ScenarioReference(name: s.name, sha256: "")
            var priced = PlanOptions(timeLimit: 120)
            priced.pricing = true
            var full = PlanOptions(timeLimit: 120)
            full.pricing = false
            let a = planner.plan(s, reference: ref, options: priced)
            let b = planner.plan(s, reference: ref, options: full)
            XCTAssertEqual(a.outcome, b.outcome, "seed \(seed)")
            guard b.outcome == .optimal else { continue }
            proven += 1
            let roster = try XCTUnwrap(a.roster, "seed \(seed)")
            let report = RosterChecker(scenario: s, scenarioSHA256: "").check(roster)
            XCTAssertTrue(report.passed, "seed \(seed): \(report.violations.map { $0.render(.en) })")
            XCTAssertEqual(roster.solve.objective ?? -1, b.roster?.solve.objective ?? -2, accuracy: 1e-6, "seed \(seed)")
        }
        XCTAssertEqual(proven, 2)
    }

    /// Where people stay on, the rotating roster from the priced teams model (construction
    /// first) keeps every pin and every rule of the scenario.
    func testTheRotatingRosterKeepsPinsWherePeopleStayOn() throws {
        var found = 0
        for (seed, structure) in [(31, Structure.ring), (32, .cycles), (33, .cycles)] {
            let s = Self.scenario(seed, structure, stayingOn: true)
            let ctx = PlanContext(s)
            var options = PlanOptions()
            options.forcedFormulation = .people
            options.pricing = true
            guard let seed = try RotatingSeed.find(solver: GLPKSolver(), ctx: ctx, options: options, part: nil, deadline: nil)
            else { continue }
            found += 1
            assertSeedKeepsEveryRule(seed, s, ctx, "seed \(seed)")
        }
        XCTAssertGreaterThanOrEqual(found, 2)
    }
}
