import GLPK
import MIPModel
import XCTest
import ZhudianCore
import ZhudianScenario
import ZhudianTestSupport
@testable import ZhudianPlanner

/// Staffing constructed links enterprise by enterprise (``PricedTeamSolve/staff(_:links:options:hooks:)``)
/// gives what the one staffing MIP gives: handed the full model's optimal links, both find
/// the full model's optimum.
final class StaffingByPartsTests: XCTestCase {
    func testStaffingByPartsMeetsTheWholeMIPAndTheOptimum() throws {
        var compared = 0
        for i in 0..<14 {
            let s = InteriorStartTests.scenario(i)
            let basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
            let options = PlanOptions(timeLimit: 30)
            let full = try TeamFormulation.build(basis, options: options)
            let best = full.solve(with: GLPKSolver(), options: options, deadline: nil)
            guard best.termination == .optimal, let optimum = best.objective, let values = best.values,
                let rows = full.teamRows
            else { continue }
            // The optimum's links, one per enterprise and term.
            var succ = Array(repeating: Array(repeating: -1, count: basis.ents.count), count: basis.ctx.terms + 1)
            var sites = Array(repeating: Array(repeating: [Int](), count: basis.ents.count), count: basis.ctx.terms + 1)
            for l in rows.links where values[l.variable.index] > 0.5 {
                succ[l.term][l.node] = basis.node[l.site]
                sites[l.term][l.node] = [l.site]
            }
            let fixed = try TeamFormulation.build(basis, options: options, links: LinkSelection(sites: sites))
            let solve = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: options, deadline: nil)
            XCTAssertNotNil(solve.forcedLinks(try XCTUnwrap(fixed.teamRows), succ), "scenario \(i)")
            let hooks = SolveHooks(separator: fixed.cycleCuts.isEmpty ? nil : { point, _ in fixed.separate(point) })
            let parts = try solve.staff(fixed, links: succ, options: SolveOptions(), hooks: hooks)
            let whole = GLPKSolver().solve(fixed.model, options: SolveOptions(), hooks: hooks)
            XCTAssertEqual(parts.termination, .optimal, "scenario \(i)")
            XCTAssertEqual(whole.termination, .optimal, "scenario \(i)")
            let tol = 1e-6 * max(1, abs(optimum))
            XCTAssertEqual(try XCTUnwrap(parts.objective), optimum, accuracy: tol, "scenario \(i)")
            XCTAssertEqual(try XCTUnwrap(whole.objective), optimum, accuracy: tol, "scenario \(i)")
            XCTAssertEqual(fixed.model.violations(at: try XCTUnwrap(parts.values)), [], "scenario \(i)")
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 10)
    }

    /// A model holding a link besides the constructed ones (a pin, the baseline) is not
    /// split: that link is free there, and the whole MIP decides.
    func testALinkBesidesTheConstructedOnesKeepsTheWholeMIP() throws {
        let s = InteriorStartTests.scenario(1)
        let basis = TeamBasis(PlanContext(s), elastic: false, part: nil)
        let options = PlanOptions()
        let full = try TeamFormulation.build(basis, options: options)
        let rows = try XCTUnwrap(full.teamRows)
        let solve = PricedTeamSolve(solver: GLPKSolver(), basis: basis, options: options, deadline: nil)
        var succ = Array(repeating: Array(repeating: -1, count: basis.ents.count), count: basis.ctx.terms + 1)
        for l in rows.links where succ[l.term][l.node] < 0 { succ[l.term][l.node] = basis.node[l.site] }
        XCTAssertNil(solve.forcedLinks(rows, succ))
    }

    /// What a 40 s limit did to 3000 enterprises × 2 terms: the simplex LP cut short and the
    /// staffing MIP of stage 0's links out of time (here: every MIP larger than one
    /// enterprise's part). Staffed part by part, stage 0's roster still comes out, and the
    /// checker passes it.
    func testStageZeroLeavesARosterWhenLargeMIPsAreCutShort() throws {
        var planned = 0
        let cutShort = Planner(solver: LargeMIPsCutShort(columns: 60))
        for i in stride(from: 0, to: 16, by: 2) {
            let s = InteriorStartTests.scenario(i)
            guard stageZeroRoster(cutShort, s, "scenario \(i)") != nil else { continue }
            planned += 1
        }
        XCTAssertGreaterThanOrEqual(planned, 5)
    }
}

/// GLPK, with every simplex LP relaxation and every MIP of more than `columns` columns ending
/// at its time limit without a point; smaller MIPs and the interior-point method are GLPK's own.
struct LargeMIPsCutShort: MIPSolver, InteriorPointSolver {
    let columns: Int
    let glpk = GLPKSolver()

    var engineName: String { glpk.engineName }

    func solve(_ model: Model, options: SolveOptions, hooks: SolveHooks) -> SolveResult {
        guard model.variableCount <= columns else {
            return SolveResult(
                termination: .timeLimit, values: nil, objective: nil, bestBound: nil, seconds: 0, nodes: 0, log: [],
                lazyRowsAdded: 0)
        }
        return glpk.solve(model, options: options, hooks: hooks)
    }

    func solveRelaxation(_ model: Model, options: SolveOptions, start: Basis?) -> RelaxationResult {
        RelaxationResult(status: .timeLimit, objective: nil, values: [], rowDuals: [], reducedCosts: [], seconds: 0)
    }

    func interiorPoint(_ model: Model) throws(InteriorPointFailure) -> InteriorPoint? {
        try glpk.interiorPoint(model)
    }
}
