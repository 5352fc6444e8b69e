import Foundation
import ZhudianFuzz

// The mutation fuzzer of `make fuzz`: seeded mutants of scenario files through the built
// `zhudian` (validate, then plan --time-limit 5), every broken promise of SPEC §5 reported.
//
//   zhudian-fuzz --tool .build/release/zhudian --count 3000 --seed 1 [--workers 2] \
//       [--findings fuzz-findings] FILE.yaml…
//
// Exit 0 when no mutant broke a promise, 1 with findings (their mutants are written to the
// findings folder), 2 for a bad command line.

func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(Data("""
        error: \(problem)
        usage: zhudian-fuzz --tool ZHUDIAN [--count N] [--seed S] [--workers W] [--findings DIR] FILE.yaml…

        """.utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var tool: String?
var count = 3000
var seed: UInt64 = 1
var workers = 2
var findingsFolder = "fuzz-findings"
var files: [String] = []
while let a = arguments.first {
    arguments.removeFirst()
    guard a.hasPrefix("--") else {
        files.append(a)
        continue
    }
    guard let value = arguments.first else { usage("\(a) needs a value") }
    arguments.removeFirst()
    switch a {
    case "--tool": tool = value
    case "--count":
        guard let n = Int(value), (1...10_000_000).contains(n) else { usage("--count takes 1…10000000") }
        count = n
    case "--seed":
        guard let s = UInt64(value) else { usage("--seed takes a whole number ≥ 0") }
        seed = s
    case "--workers":
        guard let w = Int(value), (1...64).contains(w) else { usage("--workers takes 1…64") }
        workers = w
    case "--findings": findingsFolder = value
    default: usage("unknown option \(a)")
    }
}
guard let tool else { usage("--tool is required") }
guard !files.isEmpty else { usage("no input files") }

let inputs: [FuzzCampaign.Input]
do {
    inputs = try files.map { try FuzzCampaign.Input(path: $0) }
} catch {
    FileHandle.standardError.write(Data("error: cannot read an input: \(error)\n".utf8))
    exit(4)
}

let campaign = FuzzCampaign(tool: URL(fileURLWithPath: tool), inputs: inputs, seed: seed, count: count)
let started = Date()
let summary: FuzzCampaign.Summary
let total = count
do {
    summary = try campaign.run(workers: workers) { i in
        if (i + 1) % 100 == 0 { FileHandle.standardError.write(Data("  mutant \(i + 1) of \(total)…\n".utf8)) }
    }
} catch {
    FileHandle.standardError.write(Data("error: the campaign could not run: \(error)\n".utf8))
    exit(4)
}

let exits = summary.exits.sorted { $0.key < $1.key }.map { "exit \($0.key): \($0.value)" }.joined(separator: ", ")
print("zhudian-fuzz: \(summary.mutants) mutants of \(inputs.count) files (seed \(seed)), \(summary.runs) runs in \(Int(Date().timeIntervalSince(started))) s")
print("  \(exits)")
print("  findings: \(summary.findings.count)")
if !summary.findings.isEmpty {
    do {
        try FileManager.default.createDirectory(atPath: findingsFolder, withIntermediateDirectories: true)
        for f in summary.findings {
            print("  - \(f)")
            let lastLines = f.standardError.split(separator: "\n").suffix(3).joined(separator: " | ")
            print("    stderr: \(lastLines)")
            let path = "\(findingsFolder)/mutant-\(f.mutant)-\(f.command).yaml"
            try Data(f.bytes).write(to: URL(fileURLWithPath: path))
        }
    } catch {
        FileHandle.standardError.write(Data("error: cannot write the findings: \(error)\n".utf8))
        exit(4)
    }
    exit(1)
}
