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
}

func peakMemoryMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

func format(_ x: Double?, _ digits: Int = 2) -> String {
    guard let x else { return "—" }
    return String(format: "%.\(digits)f", x)
}

func run(_ name: String, _ scenario: Scenario, timeLimit: Double) -> Row {
    let planner = Planner(solver: GLPKSolver())
    let started = Date()
    let result = planner.plan(
        scenario, reference: ScenarioReference(name: scenario.name, sha256: ""),
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
        gap: s?.gap, seconds: seconds, formulation: result.formulation)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var maxN = 300
var only: String?
var timeLimit = 120.0
while let a = arguments.first {
    arguments.removeFirst()
    switch a {
    case "--max": maxN = Int(arguments.first ?? "") ?? maxN; arguments = Array(arguments.dropFirst())
    case "--only": only = arguments.first; arguments = Array(arguments.dropFirst())
    case "--time-limit": timeLimit = Double(arguments.first ?? "") ?? timeLimit; arguments = Array(arguments.dropFirst())
    default:
        FileHandle.standardError.write(Data("usage: zhudian-bench [--max N] [--only examples|explain|ladder|whatif] [--time-limit S]\n".utf8))
        exit(2)
    }
}

print("| scenario | n | structure | terms | model | status | objective | bound | gap | seconds | peak MiB |")
print("| --- | ---: | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |")
func emit(_ r: Row) {
    print("| \(r.name) | \(r.n) | \(r.structure) | \(r.terms) | \(r.formulation) | \(r.status) | \(format(r.objective)) | \(format(r.bound)) | \(r.gap.map { format($0 * 100, 3) + "%" } ?? "—") | \(format(r.seconds, 3)) | \(format(peakMemoryMiB(), 0)) |")
}

if only == nil || only == "examples" {
    let dir = "Scenarios"
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    for f in files {
        guard let loaded = try? ScenarioLoader.load(path: dir + "/" + f) else { continue }
        emit(run(f, loaded.scenario, timeLimit: timeLimit))
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
    whatIfRows(timeLimit: timeLimit)
}
