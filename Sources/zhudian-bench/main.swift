import Foundation
import GLPK
import ZhudianCore
import ZhudianPlanner
import ZhudianScenario

// The benchmark ladder: plans the example scenarios and generated ones of growing size,
// and prints one table row per run. Speed lives here, never in a timed unit test.
//
//   swift run -c release zhudian-bench                 # examples + ladder up to n=300
//   swift run -c release zhudian-bench --max 1000      # a longer ladder
//   swift run -c release zhudian-bench --only examples # just Scenarios/
//   swift run -c release zhudian-bench --only whatif   # one-change re-plans of the examples

struct Row {
    let name: String
    let n: Int
    let structure: String
    let terms: Int
    let status: String
    let objective: Double?
    let bound: Double?
    let gap: Double?
    let seconds: Double
    let formulation: String
    /// The independent checker's verdict on the roster the row reports.
    let verdict: RosterVerdict
}

/// The process's peak resident set so far, from Linux's `/proc/self/status`. A missing file
/// or line is reported as a failed reading, never as 0 MiB.
func peakMemoryMiB() -> Result<Double, PeakMemoryError> {
    let text: String
    do {
        text = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    } catch {
        return .failure(PeakMemoryError(reason: "cannot read /proc/self/status: \(error)"))
    }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        guard let kb = line.split(separator: " ").compactMap({ Double($0) }).first else {
            return .failure(PeakMemoryError(reason: "unreadable line '\(line)'"))
        }
        return .success(kb / 1024)
    }
    return .failure(PeakMemoryError(reason: "no VmHWM line in /proc/self/status"))
}

/// Why the peak memory column could not be filled.
struct PeakMemoryError: Error {
    let reason: String
}

func format(_ x: Double?, _ digits: Int = 2) -> String {
    guard let x else { return "—" }
    return String(format: "%.\(digits)f", x)
}

func run(_ name: String, _ scenario: Scenario, sha256: String = "", timeLimit: Double) -> Row {
    let planner = Planner(solver: GLPKSolver())
    let started = Date()
    let result = planner.plan(
        scenario, reference: ScenarioReference(name: scenario.name, sha256: sha256),
        options: PlanOptions(timeLimit: timeLimit))
    let seconds = Date().timeIntervalSince(started)
    let s = result.roster?.solve
    let status: String
    switch result.outcome {
    case .optimal: status = "optimal"
    case .feasible: status = "feasible"
    case .infeasible: status = "infeasible"
    case .bestEffort: status = "best-effort"
    case .noSolution: status = "no roster"
    case .unsupported: status = "unsupported"
    case .failed(let why): status = "failed: \(why)"
    }
    return Row(
        name: name, n: scenario.units.count, structure: scenario.rules.structure.rawValue,
        terms: scenario.calendar.terms, status: status, objective: s?.objective, bound: s?.bound,
        gap: s?.gap, seconds: seconds, formulation: result.formulation,
        verdict: RosterVerdict.of(result.roster, scenario: scenario, sha256: sha256))
}

var arguments = Array(CommandLine.arguments.dropFirst())
var maxN = 300
var only: String?
var timeLimit = 120.0

/// Ends the run with the usage line and exit 2: a value the benchmark cannot use.
func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(
        Data("error: \(problem)\nusage: zhudian-bench [--max N] [--only examples|explain|ladder|whatif] [--time-limit S]\n".utf8))
    exit(2)
}

while let a = arguments.first {
    arguments.removeFirst()
    let value = arguments.first
    arguments = Array(arguments.dropFirst())
    switch a {
    case "--max":
        guard let n = value.flatMap({ Int($0) }), n >= 1 else { usage("--max takes a whole number of enterprises, at least 1") }
        maxN = n
    case "--only":
        guard let v = value, ["examples", "explain", "ladder", "whatif"].contains(v) else {
            usage("--only takes examples, explain, ladder or whatif")
        }
        only = v
    case "--time-limit":
        // The same bounds as `zhudian plan --time-limit`: NaN, infinity and 0 are refused.
        guard let t = value.flatMap({ Double($0) }), t > 0, t <= 31_536_000 else {
            usage("--time-limit takes seconds above 0 and at most 31536000 (one year)")
        }
        timeLimit = t
    default:
        usage("unknown argument '\(a)'")
    }
}

/// Runs that failed (an example that did not load, a solver failure, or a roster the
/// independent checker rejects); any makes the exit status non-zero, after the whole table
/// is printed.
var failures = 0

print("| scenario | n | structure | terms | model | status | objective | bound | gap | seconds | peak MiB | check |")
print("| --- | ---: | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
@MainActor func emit(_ r: Row) {
    if r.status.hasPrefix("failed") || r.verdict.isFailure { failures += 1 }
    let memory: String
    switch peakMemoryMiB() {
    case .success(let mib): memory = format(mib, 0)
    case .failure(let e):
        failures += 1
        memory = "failed: \(e.reason)"
    }
    print("| \(r.name) | \(r.n) | \(r.structure) | \(r.terms) | \(r.formulation) | \(r.status) | \(format(r.objective)) | \(format(r.bound)) | \(r.gap.map { format($0 * 100, 3) + "%" } ?? "—") | \(format(r.seconds, 3)) | \(memory) | \(r.verdict.cell) |")
}


/// A row for an example that did not load: its name and the loader's first problem.
@MainActor func emitFailure(_ name: String, _ problem: String) {
    failures += 1
    print("| \(name) | — | — | — | — | failed to load: \(problem.replacingOccurrences(of: "|", with: "\\|")) | — | — | — | — | — | — |")
}

if only == nil || only == "examples" {
    let dir = "Scenarios"
    do {
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.sorted()
        for f in files {
            do {
                let loaded = try ScenarioLoader.load(path: dir + "/" + f)
                emit(run(f, loaded.scenario, sha256: loaded.sha256, timeLimit: timeLimit))
            } catch {
                emitFailure(f, error.errors.first.map { $0.render(.en) } ?? "unknown problem")
            }
        }
    } catch {
        emitFailure(dir, "\(error)")
    }
}
if only == nil || only == "explain" {
    for row in explainRows(timeLimit: timeLimit) { emit(row) }
}
if only == nil || only == "ladder" {
    for n in [6, 30, 100, 300, 1000, 3000] where n <= maxN {
        for structure in [Structure.cycles, .ring] {
            for terms in [1, 2] {
                var config = GeneratorConfig(units: n)
                config.structure = structure
                config.terms = terms
                config.counties = max(1, n / 30)
                config.seed = UInt64(n)
                emit(run("generated n=\(n)", ScenarioGenerator.generate(config), timeLimit: timeLimit))
            }
        }
    }
}
if only == nil || only == "whatif" {
    failures += whatIfRows(timeLimit: timeLimit)
}
if failures > 0 {
    FileHandle.standardError.write(Data("error: \(failures) run(s) failed (rows above)\n".utf8))
    exit(1)
}
