import ArgumentParser
import ZhudianCore
import ZhudianScenario

/// `zhudian generate --units N …`: writes a realistic, deterministic scenario for tests and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic random scenario (deterministic for a seed).",
        discussion: "Example: zhudian generate --units 30 --terms 2 --seed 7 -o county.yaml")

    /// The most enterprises `--units` takes.
    static let maximumUnits = 5000

    @Option(help: "Enterprises (2…5000).")
    var units: Int

    @Option(help: "Offices (send only; used with --structure free).")
    var offices: Int = 0

    @Option(help: "Seed of the random generator.")
    var seed: UInt64 = 1

    @Option(help: "ring, cycles or free.")
    var structure: String = "cycles"

    @Option(help: "Terms to plan, 1…8.")
    var terms: Int = 1

    @Option(help: "History terms to invent.")
    var history: Int = 1

    @Option(help: "Counties the enterprises are spread over.")
    var counties: Int = 1

    @Option(help: "cycles only: the shortest allowed cycle (2 allows mutual pairs).")
    var minCycle: Int = 3

    @Option(help: "Pins to add, taken from a roster that keeps every rule (fewer when not enough safe ones exist).")
    var pins: Int = 0

    @Option(help: "Person and unit forbid entries to add (fewer when not enough safe ones exist).")
    var forbid: Int = 0

    @Option(help: "resident or visiting (两人一企: offices' staff visit enterprises).")
    var mode: String = "resident"

    @Option(help: "Visiting mode: bureau staff spread over the offices (default: 2 per 5 enterprises, at least 4).")
    var staff: Int?

    @Option(help: "Visiting mode: months per term, 1…12.")
    var termMonths: Int = 6

    @Option(help: "Visiting mode: cn for the official calendar, none without it (default: the seed decides).")
    var official: String?

    @Flag(help: "Visiting mode: enterprises send staff too (the notice has bureau staff visit).")
    var enterprisesSend = false

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        // Generation is quadratic in the enterprises (a link matrix per term): 5000 takes
        // seconds, 20000 took many minutes and 400 MB a term, which a user cannot tell from a hang.
        guard (2...Self.maximumUnits).contains(units) else {
            throw ValidationError("--units must be between 2 and \(Self.maximumUnits)")
        }
        guard (0...1000).contains(offices) else { throw ValidationError("--offices must be between 0 and 1000") }
        guard (1...8).contains(terms) else { throw ValidationError("--terms must be between 1 and 8") }
        guard (0...8).contains(history) else { throw ValidationError("--history must be between 0 and 8") }
        guard (1...1000).contains(counties) else { throw ValidationError("--counties must be between 1 and 1000") }
        guard Mode(rawValue: mode) != nil else { throw ValidationError("--mode must be resident or visiting") }
        if let official, !["cn", "none"].contains(official) { throw ValidationError("--official must be cn or none") }
        guard (1...12).contains(termMonths) else { throw ValidationError("--term-months must be between 1 and 12") }
        if let staff, !(2...5000).contains(staff) { throw ValidationError("--staff must be between 2 and 5000") }
        guard Structure(rawValue: structure) != nil else { throw ValidationError("--structure must be ring, cycles or free") }
        guard (2...units).contains(minCycle) else { throw ValidationError("--min-cycle must be between 2 and --units") }
        guard (0...1000).contains(pins) else { throw ValidationError("--pins must be between 0 and 1000") }
        guard (0...1000).contains(forbid) else { throw ValidationError("--forbid must be between 0 and 1000") }
    }

    /// The options that change nothing at their defaults, named in the file's comment only
    /// when given, so that the comments of earlier files stay as they were.
    var extras: String {
        (minCycle == 3 ? "" : " --min-cycle \(minCycle)") + (pins == 0 ? "" : " --pins \(pins)")
            + (forbid == 0 ? "" : " --forbid \(forbid)")
    }

    func run() throws {
        let context = CLIContext.current
        if mode == Mode.visiting.rawValue { return try write(visitingScenario(), context) }
        var config = GeneratorConfig(units: units)
        config.offices = offices
        config.seed = seed
        config.structure = Structure(rawValue: structure) ?? .cycles
        config.terms = terms
        config.history = history
        config.counties = counties
        config.minCycle = minCycle
        config.pinCount = pins
        config.forbidCount = forbid
        let scenario = ScenarioGenerator.generate(config)
        let comment = "zhudian generate --units \(units) --offices \(offices) --seed \(seed) --structure \(structure) --terms \(terms) --history \(history) --counties \(counties)\(extras)"
        try write((scenario, comment), context)
    }

    /// The visiting-mode scenario and the command line that makes it again.
    private func visitingScenario() -> (Scenario, String) {
        let people = staff ?? max(4, units * 2 / 5)
        var config = VisitingGeneratorConfig(enterprises: units, staff: people, offices: max(1, offices), seed: seed)
        config.terms = terms
        config.termMonths = termMonths
        config.enterprisesSend = enterprisesSend
        config.official = official.map { $0 == "cn" }
        let comment = "zhudian generate --mode visiting --units \(units) --offices \(max(1, offices)) --staff \(people) --seed \(seed) --terms \(terms) --term-months \(termMonths)"
            + (official.map { " --official \($0)" } ?? "") + (enterprisesSend ? " --enterprises-send" : "")
        return (VisitingScenarioGenerator.generate(config), comment)
    }

    private func write(_ made: (scenario: Scenario, command: String), _ context: CLIContext) throws {
        let scenario = made.scenario
        let text = ScenarioWriter.yaml(scenario, comment: made.command + "\nInvented data: names, places and people are random.")
        if let path = output {
            do {
                try AtomicFile.write(Array(text.utf8), to: path)
            } catch {
                context.fail(.cannotWrite(path: path, detail: describe(error)))
                throw ExitCode(Exit.fileSystem)
            }
            context.console.error(CLIMessage.generated(path: path, units: scenario.units.count, people: scenario.people.count).render(context.language))
        } else {
            context.console.print(text)
        }
    }
}
