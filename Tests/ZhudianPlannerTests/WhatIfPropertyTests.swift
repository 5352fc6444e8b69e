import Foundation
import GLPK
import XCTest
import ZhudianCore
import ZhudianScenario
@testable import ZhudianPlanner

/// `whatif` on random small baselines with one random change: the re-plan passes the judge
/// with the baseline, and drops the fewest baseline stays the change allows (brute force).
final class WhatIfPropertyTests: XCTestCase {
    let planner = Planner(solver: GLPKSolver())

    /// One what-if: the base file, its baseline, the effective scenario and its re-plan.
    struct Case {
        let base: LoadedScenario
        let baseline: Roster
        let effective: WhatIfScenario.Output
        let result: PlanResult
    }

    func loaded(_ s: Scenario) throws -> LoadedScenario {
        try ScenarioLoader.load(data: Array(ScenarioWriter.yaml(s).utf8), file: "base.yaml")
    }

    /// Plans the baseline of `s`; nil when `s` has no roster.
    func baseline(_ base: LoadedScenario) -> Roster? {
        let ref = ScenarioReference(name: base.scenario.name, sha256: base.sha256)
        return planner.plan(base.scenario, reference: ref).roster.flatMap { $0.terms.isEmpty ? nil : $0 }
    }

    func whatIf(_ base: LoadedScenario, _ baseline: Roster, _ changes: WhatIfChanges) throws -> Case {
        let effective = try WhatIfScenario.make(
            bytes: Array(ScenarioWriter.yaml(base.scenario).utf8), loaded: base, baseline: baseline,
            baselineFile: "base.json", changes: changes)
        let s = effective.loaded.scenario
        let ref = ScenarioReference(name: s.name, sha256: effective.loaded.sha256)
        let result = planner.plan(s, reference: ref, options: PlanOptions(baseline: baseline))
        return Case(base: base, baseline: baseline, effective: effective, result: result)
    }

    /// A random single change of the kinds the issue names.
    func change(_ kind: Int, _ s: Scenario, _ baseline: Roster, rng: inout TestRNG) throws -> WhatIfChanges {
        var c = WhatIfChanges()
        let placed = baseline.terms.flatMap(\.stays).map(\.person).sorted()
        switch kind {
        case 0:
            c.dropPeople = [placed[Int.random(in: 0..<placed.count, using: &rng)]]
        case 1:
            c.dropSites = [s.units[Int.random(in: 0..<s.units.count, using: &rng)].id]
        case 2:
            let who = placed[Int.random(in: 0..<placed.count, using: &rng)]
            let day = s.termStart(1).addingDays(Int.random(in: 0..<170, using: &rng))
            c.absences = ["\(who):\(day)..\(day.addingDays(Int.random(in: 0..<10, using: &rng)))"]
        default:
            let unit = s.units[Int.random(in: 0..<s.units.count, using: &rng)].id
            c.settings = [try ScenarioSetting(parsing: "units.\(unit).minStaff=3")]
        }
        return c
    }

    func dropped(_ baseline: Roster, _ roster: Roster) -> Int {
        func keys(_ r: Roster) -> Set<String> { Set(r.terms.flatMap { t in t.stays.map { "\(t.term)>\($0.person)>\($0.site)" } }) }
        let b = keys(baseline)
        return b.subtracting(keys(roster)).count
    }

    func testRandomSingleChangesDropTheFewestStaysAndPassTheJudge() throws {
        var cases = 0
        var replanned = 0
        var rng = TestRNG(seed: 16)
        let configs = [
            SmallScenario(units: 6, structure: .cycles, minCycle: 3), SmallScenario(units: 5, structure: .ring),
        ]
        for seed in UInt64(1)...120 {
            for config in configs {
                let base = try loaded(config.make(seed: seed))
                guard let baseline = baseline(base) else { continue }
                cases += 1
                let changes = try change(Int(seed) % 4, base.scenario, baseline, rng: &rng)
                let c = try whatIf(base, baseline, changes)
                let s = c.effective.loaded.scenario
                let label = "seed \(seed) \(config.structure) \(changes)"
                let expected = BruteForce.optimum(s, baseline: baseline)
                guard let expected else {
                    XCTAssertEqual(c.result.outcome, .infeasible, label)
                    continue
                }
                replanned += 1
                let roster = try XCTUnwrap(c.result.roster, label)
                XCTAssertEqual(c.result.outcome, .optimal, label)
                let report = RosterChecker(scenario: s, scenarioSHA256: c.effective.loaded.sha256, baseline: baseline).check(roster)
                XCTAssertTrue(report.passed, "\(label): \(report.violations.map { $0.render(.en) })")
                let objective = try XCTUnwrap(roster.solve.objective)
                XCTAssertEqual(objective, expected, accuracy: 1e-6 * max(1, expected), label)
                XCTAssertEqual(report.objective ?? .nan, objective, accuracy: 1e-6 * max(1, objective), label)
                // W exceeds every distance + fairness total: the optimum's W-multiple is the fewest drops.
                let w = s.objective.change
                XCTAssertEqual(dropped(baseline, roster), Int((expected / w).rounded(.down)), label)
            }
        }
        XCTAssertGreaterThanOrEqual(cases, 50, "too few feasible baselines to prove anything")
        XCTAssertGreaterThanOrEqual(replanned, 40, "too few feasible what-ifs to prove anything")
    }

    func testDroppingSomeoneNobodyPlacedMovesNobody() throws {
        var cases = 0
        for seed in UInt64(1)...20 {
            let base = try loaded(SmallScenario(units: 5, structure: .cycles, minCycle: 2).make(seed: seed))
            guard let baseline = baseline(base) else { continue }
            let placed = Set(baseline.terms.flatMap(\.stays).map(\.person))
            // Someone placed nowhere whose unit still keeps `keepAtHome` qualified people at
            // home without them: nothing needs to move.
            let people = base.scenario.people
            let keep = base.scenario.rules.keepAtHome
            let idle = try XCTUnwrap(
                people.first { p in
                    !placed.contains(p.id)
                        && people.filter { $0.unit == p.unit && $0.id != p.id && $0.qualified && !placed.contains($0.id) }.count >= keep
                }, "seed \(seed)")
            var changes = WhatIfChanges()
            changes.dropPeople = [idle.id]
            let c = try whatIf(base, baseline, changes)
            XCTAssertEqual(c.result.outcome, .optimal, "seed \(seed)")
            let roster = try XCTUnwrap(c.result.roster, "seed \(seed)")
            let diff = RosterDiff(before: baseline, after: roster, scenario: c.effective.loaded.scenario)
            XCTAssertTrue(diff.isEmpty, "seed \(seed): \(diff.terms.flatMap(\.moves))")
            XCTAssertFalse(c.effective.loaded.scenario.people.first { $0.id == idle.id }?.active ?? true)
            cases += 1
        }
        XCTAssertGreaterThan(cases, 5)
    }

    /// Two far-apart clusters (solved as two parts): closing a site leaves baseline stays at a
    /// unit outside every part, and dropping them must still price right (no audit failure).
    func testClosingASiteOfADecomposedScenario() throws {
        let s = twoClusters(terms: 1)
        let base = try loaded(s)
        let roster = try XCTUnwrap(baseline(base))
        let site = try XCTUnwrap(roster.terms.first?.stays.first?.site)
        let person = try XCTUnwrap(roster.terms.first?.stays.last?.person)
        for changes in [WhatIfChanges(dropSites: [site]), WhatIfChanges(dropPeople: [person])] {
            let c = try whatIf(base, roster, changes)
            XCTAssertEqual(c.result.outcome, .optimal, "\(changes)")
            XCTAssertTrue(c.result.formulation.contains("parts"), c.result.formulation)
            let after = try XCTUnwrap(c.result.roster)
            let e = c.effective.loaded
            let report = RosterChecker(scenario: e.scenario, scenarioSHA256: e.sha256, baseline: roster).check(after)
            XCTAssertTrue(report.passed, "\(report.violations.map { $0.render(.en) })")
            XCTAssertEqual(report.objective ?? .nan, after.solve.objective ?? .nan, accuracy: 1e-6 * (report.objective ?? 1))
        }
    }
}

/// A what-if whose repaired baseline meets the LP bound of the full model is proven there,
/// without a MIP; the optimum is the full model's (solved without pricing).
final class WhatIfBoundTests: XCTestCase {
    func testARosterAtTheLPBoundIsTheFullModelsOptimum() throws {
        let planner = Planner(solver: GLPKSolver())
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/county-30.yaml").path
        let base = try ScenarioLoader.load(path: path)
        let ref = ScenarioReference(name: base.scenario.name, sha256: base.sha256)
        let roster = try XCTUnwrap(planner.plan(base.scenario, reference: ref).roster)
        var changes = WhatIfChanges()
        changes.dropPeople = [try XCTUnwrap(roster.terms.first?.stays.map(\.person).min())]
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let effective = try WhatIfScenario.make(bytes: data, loaded: base, baseline: roster, baselineFile: "b", changes: changes)
        let s = effective.loaded.scenario
        var priced = PlanOptions(baseline: roster, captureLog: true)
        priced.pricing = true
        let fast = planner.plan(s, reference: ref, options: priced)
        XCTAssertEqual(fast.outcome, .optimal)
        XCTAssertTrue(fast.log.contains { $0.contains("meets the LP bound") }, fast.log.joined(separator: "\n"))
        var full = PlanOptions(baseline: roster)
        full.pricing = false
        let slow = planner.plan(s, reference: ref, options: full)
        XCTAssertEqual(slow.outcome, .optimal)
        let a = try XCTUnwrap(fast.roster?.solve.objective)
        let b = try XCTUnwrap(slow.roster?.solve.objective)
        XCTAssertEqual(a, b, accuracy: 1e-6 * b)
    }
}

extension WhatIfChanges {
    init(dropSites: [String] = [], dropPeople: [String] = []) {
        self.init()
        self.dropSites = dropSites
        self.dropPeople = dropPeople
    }
}
