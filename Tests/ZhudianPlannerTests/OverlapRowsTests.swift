import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianTestSupport
@testable import ZhudianPlanner

/// The people model's `over` rows written through `on[p,k]` (``RowSink/addOverlap(person:terms:sites:col:throughOn:)``):
/// short rows, the brute force's optimum kept where people may stay on over handover days
/// (peer rows 14 and 19: cycles, pairCooldown 0, maxConsecutiveTerms 2, handoverDays 3), and a
/// seed's roster still a point of the model.
final class OverlapRowsTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// Staying on over handover days, four units, so that a person has three or more sites
    /// in the next term.
    func config(_ structure: Structure) -> TinyScenario {
        // Free placement enumerates every person's choice: fewer people there.
        TinyScenario(
            structure: structure, minCycle: 2, handoverDays: [3], unitRange: 4...4, peoplePerUnit: 2...3,
            peopleCap: structure == .free ? 8 : 12, minStaff: [1], leaveRate: 0.08)
    }

    func people(_ s: Scenario) throws -> Model {
        try PersonFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false).model
    }

    func onColumns(_ model: Model) -> Int { model.variables.count(where: { $0.name.hasPrefix("on_") }) }

    func testOverRowsHoldThreeColumnsAtMostThroughTheNextTermColumn() throws {
        var written = 0
        for seed in UInt64(601)...610 {
            let model = try people(config(.cycles).make(seed: seed))
            guard onColumns(model) > 0 else { continue }
            written += 1
            for row in model.constraints where row.name.hasPrefix("over_") {
                XCTAssertLessThanOrEqual(row.expression.terms.count, 3, "seed \(seed): \(row.name)")
            }
            XCTAssertEqual(
                model.constraints.count(where: { $0.name.hasPrefix("ondef_") }), onColumns(model), "seed \(seed)")
        }
        XCTAssertGreaterThanOrEqual(written, 8, "few models had an on column: the test proves little")
    }

    func testStayingOnOverHandoverDaysMatchesTheBruteForce() throws {
        var compared = 0
        var stayed = 0
        for (structure, seeds) in [(Structure.cycles, UInt64(611)...660), (.free, 611...616)] {
            for seed in seeds {
                let s = config(structure).make(seed: seed)
                guard onColumns(try people(s)) > 0 else { continue }
                let expected = PeopleBruteForce.optimum(s)
                var options = PlanOptions()
                options.forcedFormulation = .people
                let label = "\(structure), seed \(seed)"
                if assertPlanAgrees(planner, s, optimum: expected?.objective, options: options, label: label) {
                    compared += 1
                }
                if let expected, Self.staysOn(expected) { stayed += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 10, "too few feasible scenarios with on columns")
        XCTAssertGreaterThanOrEqual(stayed, 3, "the optima rarely keep someone on: the rows' stay term goes untested")
    }

    /// A roster moved onto the model by name (``PersonSeed/point(for:)``, as the seeds do) sets
    /// `on` from its stays: it is a point of the model at its own cost.
    func testASeedRosterIsAPointOfTheModel() throws {
        var checked = 0
        for seed in UInt64(611)...626 {
            let s = config(.cycles).make(seed: seed)
            let ctx = PlanContext(s)
            let model = try people(s)
            guard onColumns(model) > 0, let optimum = PeopleBruteForce.optimum(s) else { continue }
            var placements: [Placement] = []
            var byName: [String: Double] = [:]
            var links = PersonLinks(terms: ctx.terms, units: s.units.count)
            for (i, term) in optimum.placements.enumerated() {
                for stay in term {
                    let p = try XCTUnwrap(ctx.index.person[stay.person])
                    let v = try XCTUnwrap(ctx.index.unit[stay.site])
                    placements.append(Placement(term: i + 1, person: p, site: v))
                    byName["x_\(p)_\(v)_\(i + 1)"] = 1
                    byName["y_\(ctx.home(p))_\(v)_\(i + 1)"] = 1
                    links.insert(ctx.home(p), v, term: i + 1)
                }
            }
            let roster = PersonSeed(placements: placements, objective: 0, valuesByName: byName, note: "", links: links)
            let point = roster.point(for: model)
            XCTAssertEqual(model.violations(at: point).map(\.description), [], "seed \(seed)")
            XCTAssertEqual(
                model.objectiveValue(at: point), optimum.objective, accuracy: 1e-6 * max(1, optimum.objective), "seed \(seed)")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 5, "too few rosters to move")
    }

    /// Above 24 sending units (seeds and pricing) the rows stay written out; at 24 they go
    /// through `on`.
    func testOnlyUpToTwentyFourSendingUnits() throws {
        for (units, through) in [(24, true), (26, false)] {
            var c = GeneratorConfig(units: units)
            c.seed = 9100
            c.terms = 2
            c.peoplePerUnit = 3...4
            var s = ScenarioGenerator.generate(c)
            s.rules.pairCooldown = 0
            s.rules.maxConsecutiveTerms = 2
            let model = try people(s)
            XCTAssertEqual(onColumns(model) > 0, through, "\(units) units")
            XCTAssertTrue(model.constraints.contains { $0.name.hasPrefix("over_") }, "\(units) units: no over rows")
        }
    }

    /// Someone in the optimum is at the same site in both terms.
    static func staysOn(_ optimum: PeopleBruteForce.Optimum) -> Bool {
        guard optimum.placements.count == 2 else { return false }
        let first = Set(optimum.placements[0].map { $0.person + ">" + $0.site })
        return optimum.placements[1].contains { first.contains($0.person + ">" + $0.site) }
    }
}
