import ArgumentParser
import ZhudianPlanner

/// How `plan`, `whatif` and `explain` end a run that has no roster to accept: the same lines
/// and exit codes for all three.
extension CLIContext {
    /// An infeasible result's explanation on standard error, one `rule: message` line each,
    /// then how sure it is, or why there is none.
    func reportExplanation(_ result: PlanResult, timeLimit: Double?) {
        for item in result.explanation { console.error("\(item.rule.rawValue): \(item.message)") }
        reportProof(result, timeLimit: timeLimit)
    }

    /// Whether the explanation is the smallest, irreducible or counted; or why none was found.
    func reportProof(_ result: PlanResult, timeLimit: Double?) {
        if let proof = result.explanationProof { console.error(CLIMessage.explanationProof(proof).render(language)) }
        if let why = result.unexplained { fail(.unexplained(why, seconds: number(timeLimit))) }
    }

    /// The last line and the exit code of a run without a roster (SPEC §5): 1 infeasible,
    /// 3 no roster in time, 2 unsupported, 70 a solver failure.
    func endWithoutRoster(_ result: PlanResult, file: String, timeLimit: Double?) -> ExitCode {
        switch result.outcome {
        case .infeasible, .bestEffort:
            fail(result.explanation.isEmpty ? .infeasibleWithoutList(file: file) : .infeasible(file: file))
            return ExitCode(Exit.infeasibleOrViolations)
        case .noSolution:
            fail(Interrupt.requested.load(ordering: .relaxed) ? .stoppedWithoutRoster : .noRosterInTime(seconds: number(timeLimit)))
            return ExitCode(Exit.timeLimitNoRoster)
        case .unsupported(let why):
            console.error("error: " + why)
            return ExitCode(Exit.badInput)
        case .failed(let why):
            return internalError(.solverFailed(detail: why))
        case .optimal, .feasible:
            return internalError(.missingRoster(outcome: "\(result.outcome)"))
        }
    }
}
