import ArgumentParser
import GLPK
import ZhudianCore
import ZhudianPlanner

/// `zhudian explain SCENARIO`: why a scenario is infeasible and what to relax.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say why a scenario has no roster, and which rule instances to relax.",
        discussion: "Exit 1 with the list when infeasible, 0 when a roster exists. Example: zhudian explain Scenarios/infeasible-leave.yaml")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Seconds the search may take.")
    var timeLimit: Double?

    func validate() throws {
        try TimeLimit.validate(timeLimit)
    }

    func run() throws {
        let context = CLIContext.current
        let loaded = try loadScenario(scenario, context)
        let s = loaded.scenario
        let result = Planner(solver: GLPKSolver()).plan(
            s, reference: ScenarioReference(name: s.name, sha256: loaded.sha256),
            options: PlanOptions(timeLimit: timeLimit, language: context.language))
        switch result.outcome {
        case .optimal, .feasible:
            context.say(.feasible(status: result.roster?.solve.status.rawValue ?? ""))
        case .infeasible, .bestEffort:
            for item in result.explanation {
                let place = CLIMessage.place(term: item.term, unit: item.unit, site: item.site, people: item.people)
                context.console.print("\(item.rule.rawValue) [\(place.render(context.language))]: \(item.message)")
            }
            context.reportProof(result, timeLimit: timeLimit)
            throw context.endWithoutRoster(result, file: scenario, timeLimit: timeLimit)
        case .noSolution, .unsupported, .failed:
            throw context.endWithoutRoster(result, file: scenario, timeLimit: timeLimit)
        }
    }
}
