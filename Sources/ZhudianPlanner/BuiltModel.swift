import MIPModel
import ZhudianCore

/// A formulation's output: the model, how to read a solution back, and the lazy rows it needs.
struct BuiltModel {
    /// The MIP.
    var model: Model
    /// Lazy subtour/short-cycle separation, one per planned term (empty for `free`).
    var cycleCuts: [CycleCuts]
    /// Placements encoded by a solution.
    var decode: ([Double]) -> [Placement]
    /// Elastic models only: slack columns and the rule instance each relaxes.
    var slacks: [(variable: Variable, slack: ElasticSlack)]
    /// Teams models only: where the rows that column pricing reads are.
    var teamRows: TeamRowIndex? = nil
    /// Solve the root LP by the dual simplex from the all-slack basis, without GLPK's
    /// presolve (``PersonFormulation/buildTwoTerms(_:options:part:)``: every cost ≥ 0 makes that
    /// basis dual feasible, so the root needs no phase 1).
    var dualRoot = false
    /// Choose among the `branchFirst` columns by GLPK's degradation estimate
    /// (``SolveOptions/branchFirstByDegradation``; ``PersonBranching/prepareUnseeded(_:_:options:)``).
    var branchFirstByDegradation = false

    /// All lazy rows violated at `point`.
    func separate(_ point: [Double]) -> [LazyRow] {
        cycleCuts.flatMap { $0.separate(point) }
    }
}

extension BuiltModel {
    /// One MIP solve of the model under the run's options: its lazy rows, progress and stop
    /// hooks, the time left before `deadline`, the gap asked for.
    /// `branchFirst`: ``SolveOptions/branchFirst``.
    func solve(
        with solver: any MIPSolver, options: PlanOptions, deadline: ContinuousClock.Instant?, branchFirst: [Int] = []
    ) -> SolveResult {
        var hooks = SolveHooks(
            separator: cycleCuts.isEmpty ? nil : { point, _ in separate(point) },
            progress: options.progress, shouldStop: options.shouldStop)
        var solveOptions = SolveOptions(
            timeLimit: secondsLeft(until: deadline), relativeGap: options.relativeGap, captureLog: options.captureLog)
        solveOptions.branchFirst = branchFirst
        solveOptions.branchFirstByDegradation = branchFirstByDegradation
        if dualRoot {
            solveOptions.presolve = false
            hooks.initialBasis = Basis(
                columns: Array(repeating: .atLower, count: model.variables.count),
                rows: Array(repeating: .basic, count: model.constraints.count))
        }
        return solver.solve(model, options: solveOptions, hooks: hooks)
    }
}

/// A small helper to keep row-building code short: builds an expression from (variable, coefficient) pairs.
func expr(_ terms: [(Variable, Double)]) -> LinearExpression { LinearExpression(terms) }
