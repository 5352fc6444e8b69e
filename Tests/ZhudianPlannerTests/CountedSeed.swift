import GLPK
import ZhudianCore
@testable import ZhudianPlanner

/// The unit counts' first roster (``UnitFlowSeed``) for `s` under the people model, with the
/// tests' switches set by `adjust`; shared by ``UnitCountsFairnessTests`` and
/// ``UnitCountsTighterRowsTests``.
func countedSeed(_ s: Scenario, _ adjust: (inout PlanOptions) -> Void) throws -> PersonSeed? {
    var options = PlanOptions()
    options.forcedFormulation = .people
    adjust(&options)
    return try UnitFlowSeed.find(solver: GLPKSolver(), ctx: PlanContext(s), options: options, part: nil, deadline: nil)
}
