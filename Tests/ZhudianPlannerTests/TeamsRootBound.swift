import GLPK
import MIPModel
import XCTest
import ZhudianCore
@testable import ZhudianPlanner

extension XCTestCase {
    /// The teams model's root LP of `s` built with `options` (every link, no pricing): its
    /// bound with the model's constant, the model and the relaxation. For the row families'
    /// "the rows lift the bound" and dual-sign tests.
    func teamsRootBound(_ s: Scenario, options: PlanOptions) throws -> (bound: Double, model: Model, lp: RelaxationResult) {
        let built = try TeamFormulation.build(PlanContext(s), options: options, elastic: false)
        let lp = GLPKSolver().solveRelaxation(built.model)
        let bound = try XCTUnwrap(lp.objective, "\(lp.status)")
        return (bound + built.model.objectiveConstant, built.model, lp)
    }
}
