import Foundation
import ZhudianCore

/// A seeded fuzzing campaign: mutants of the input files, each run through `zhudian validate`
/// and `zhudian plan --time-limit 5`, every broken promise of SPEC §5 collected.
///
///     let campaign = FuzzCampaign(tool: zhudian, inputs: inputs, seed: 1, count: 3000)
///     let report = try campaign.run(workers: 2)
///     report.findings.isEmpty   // the goal
///
/// Mutant `i` depends only on the seed and `i`, so any finding can be made again alone.
public struct FuzzCampaign: Sendable {
    /// One input file: its name (for reports), bytes, and how often it is drawn.
    public struct Input: Sendable {
        /// Its name, for reports.
        public let name: String
        /// Its bytes.
        public let bytes: [UInt8]
        /// Draws of this input relative to the others.
        public let weight: Int

        /// Creates an input.
        public init(name: String, bytes: [UInt8], weight: Int = 1) {
            self.name = name
            self.bytes = bytes
            self.weight = max(1, weight)
        }

        /// The file at `path`. Files in a folder named `bad` are refused already, and most
        /// of their mutants are refused for the same reason; the others are drawn four times
        /// as often, so that mutants reach the planner too.
        public init(path: String) throws {
            let url = URL(fileURLWithPath: path)
            let isBad = url.deletingLastPathComponent().lastPathComponent == "bad"
            self.init(name: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)), weight: isBad ? 1 : 4)
        }
    }

    /// One broken promise, with what is needed to make it again.
    public struct Report: Sendable, CustomStringConvertible {
        /// Mutant number within the campaign.
        public let mutant: Int
        /// The input it came from.
        public let input: String
        /// The command that broke a promise (`validate` or `plan`).
        public let command: String
        /// What went wrong.
        public let finding: Finding
        /// The mutant's bytes.
        public let bytes: [UInt8]
        /// The command's standard error (its last lines are the useful ones).
        public let standardError: String

        public var description: String {
            "mutant \(mutant) of \(input): `zhudian \(command)` \(finding)"
        }
    }

    /// What a campaign did.
    public struct Summary: Sendable {
        /// Mutants run.
        public var mutants = 0
        /// Runs of the tool (two per mutant).
        public var runs = 0
        /// Count of each exit code seen (signals and timeouts are findings).
        public var exits: [Int32: Int] = [:]
        /// Every broken promise.
        public var findings: [Report] = []
    }

    /// The `zhudian` executable.
    public let tool: URL
    /// Files to mutate.
    public let inputs: [Input]
    /// The campaign's seed.
    public let seed: UInt64
    /// Mutants to make.
    public let count: Int
    /// Seconds `plan` may search (`--time-limit`).
    public var planLimit: Double = 5
    /// Wall-clock seconds a run may take before it is a finding.
    public var wallLimit: Double = 60

    /// Creates a campaign.
    public init(tool: URL, inputs: [Input], seed: UInt64, count: Int) {
        self.tool = tool
        self.inputs = inputs
        self.seed = seed
        self.count = count
    }

    /// Mutant `index`: which input, and its bytes.
    public func mutant(_ index: Int) -> (input: Input, bytes: [UInt8]) {
        // One generator per mutant, so workers can take mutants in any order.
        var rng = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ UInt64(index))
        var draw = rng.below(inputs.reduce(0) { $0 + $1.weight })
        var chosen = inputs[0]
        for input in inputs {
            if draw < input.weight {
                chosen = input
                break
            }
            draw -= input.weight
        }
        return (chosen, Mutator.mutate(chosen.bytes, rng: &rng))
    }

    /// Runs every mutant on `workers` threads, each in its own temporary folder.
    public func run(workers: Int = 2, progress: (@Sendable (Int) -> Void)? = nil) throws -> Summary {
        let shared = SharedSummary()
        let next = Counter()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zhudian-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let failure = SharedError()
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { worker in
            let folder = root.appendingPathComponent("w\(worker)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                while let i = next.take(below: count) {
                    let result = try runMutant(i, in: folder)
                    shared.add(result)
                    progress?(i)
                }
            } catch {
                failure.set(error)
            }
        }
        if let error = failure.error { throw error }
        try FileManager.default.removeItem(at: root)
        return shared.summary
    }

    /// Runs mutant `index` through `validate` and `plan` (which must refuse what `validate` refuses).
    func runMutant(_ index: Int, in folder: URL) throws -> Summary {
        let (input, bytes) = mutant(index)
        let file = folder.appendingPathComponent("mutant.yaml")
        try Data(bytes).write(to: file)
        let out = folder.appendingPathComponent("out")
        if FileManager.default.fileExists(atPath: out.path) { try FileManager.default.removeItem(at: out) }
        var summary = Summary()
        summary.mutants = 1
        var commands: [(String, [String])] = [("validate", ["validate", file.path])]
        commands.append(("plan", ["plan", file.path, "--time-limit", String(planLimit), "-o", out.path, "--quiet"]))
        for (name, arguments) in commands {
            let run = try ToolRun.run(tool, arguments, in: folder, limit: wallLimit)
            summary.runs += 1
            if case .exit(let code) = run.ending { summary.exits[code, default: 0] += 1 }
            if let finding = Finding.of(run) {
                summary.findings.append(
                    Report(mutant: index, input: input.name, command: name, finding: finding, bytes: bytes,
                           standardError: run.standardError))
            }
        }
        return summary
    }
}

/// The next mutant number, shared by the workers.
private final class Counter: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard value < count else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// The campaign's summary, added to by the workers.
private final class SharedSummary: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = FuzzCampaign.Summary()

    func add(_ s: FuzzCampaign.Summary) {
        lock.withLock {
            value.mutants += s.mutants
            value.runs += s.runs
            for (code, n) in s.exits { value.exits[code, default: 0] += n }
            value.findings += s.findings
        }
    }

    var summary: FuzzCampaign.Summary {
        lock.withLock { value.findings.sort { ($0.mutant, $0.command) < ($1.mutant, $1.command) }; return value }
    }
}

/// The first error a worker met.
private final class SharedError: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: Error?

    func set(_ e: Error) { lock.withLock { if value == nil { value = e } } }
    var error: Error? { lock.withLock { value } }
}
