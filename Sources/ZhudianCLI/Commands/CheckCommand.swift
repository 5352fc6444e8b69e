import ArgumentParser
import ZhudianCore
import ZhudianScenario

/// `zhudian check SCENARIO ROSTER [--baseline ROSTER]`: re-verifies a roster against every
/// rule with the independent checker, one line per violation.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-verify a roster against every rule, independently of the solver.",
        discussion: """
            Prints one line per violated rule instance (rule, term, site, people, dates), then a
            final line. Exit 0 when the roster keeps every rule, 1 when it breaks any.
            Example: zhudian check Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Argument(help: "The roster file (JSON).")
    var roster: String

    @Option(help: "A baseline roster: its dropped stays are priced by objective.change.")
    var baseline: String?

    func run() throws {
        let context = CLIContext.current
        let loaded = try loadScenario(scenario, context)
        let decoded = try loadRoster(roster, context)
        let base = try baseline.map { try loadRoster($0, context).roster }
        let report = RosterChecker(scenario: loaded.scenario, scenarioSHA256: loaded.sha256, baseline: base)
            .check(decoded.roster)
        var count = 0
        if decoded.roster.solve.status == .infeasible {
            // An infeasible roster places nobody: it is no plan to accept, whatever it says.
            for item in decoded.roster.explanation ?? [] {
                context.console.print("\(item.rule.rawValue): \(item.message)")
            }
            context.say(.rosterInfeasible(file: roster))
            count += 1
        }
        for issue in decoded.formatIssues {
            context.console.print(issue.render(context.language))
            count += 1
        }
        for v in report.violations {
            context.console.print(v.render(context.language))
            count += 1
        }
        if count == 0 {
            context.say(.checkPassed(rules: report.rulesChecked.count, objective: number(report.objective)))
        } else {
            context.say(.checkFailed(count: count))
            throw ExitCode(Exit.infeasibleOrViolations)
        }
    }
}
