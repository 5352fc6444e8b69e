import Foundation
import XCTest
import ZhudianCore
import ZhudianScenario

/// `zhudian plan` killed (SIGKILL) at seeded random moments, 50 times, into a folder that
/// already holds a roster: `roster.json` and `roster.csv` are always a whole file of one run
/// or another, and the next run removes the temporary files a killed run left.
final class KilledPlanTests: XCTestCase {
    func testKilledRunsLeaveOnlyWholeFilesAndTheirLitterIsRemoved() throws {
        let tool = try BuiltTool.locate("zhudian", for: Self.self)
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out")

        // Two scenarios, so that an old roster and a new one differ in every file.
        var scenarios: [String] = []
        for seed in ["11", "12"] {
            let name = "s\(seed).yaml"
            let g = try BuiltTool.run(tool, ["generate", "--units", "24", "--terms", "1", "--seed", seed, "-o", name], in: dir)
            XCTAssertEqual(g.code, 0, describe(g))
            scenarios.append(name)
        }
        // The whole files of each scenario's roster, and how long a whole run takes.
        var wholeCSV: [[UInt8]] = []
        var sha: [String] = []
        var longest = 0.0
        for (i, s) in scenarios.enumerated() {
            let started = Date()
            let r = try BuiltTool.run(tool, ["plan", s, "-o", "whole\(i)", "--quiet"], in: dir)
            longest = max(longest, Date().timeIntervalSince(started))
            XCTAssertEqual(r.code, 0, describe(r))
            wholeCSV.append(Array(try Data(contentsOf: dir.appendingPathComponent("whole\(i)/roster.csv"))))
            sha.append(try RosterFile.read(path: dir.appendingPathComponent("whole\(i)/roster.json").path).roster.scenario.sha256)
        }
        XCTAssertNotEqual(wholeCSV[0], wholeCSV[1])
        let first = try BuiltTool.run(tool, ["plan", scenarios[0], "-o", "out", "--quiet"], in: dir)
        XCTAssertEqual(first.code, 0, describe(first))

        // What a run killed after mkstemp and before rename leaves behind.
        let litter = [".roster.json.tmp-AbC123", ".roster.csv.tmp-x1Y2z3"]
        func plantLitter() throws {
            for name in litter { try Data("partial".utf8).write(to: out.appendingPathComponent(name)) }
        }
        func temporaries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") }.sorted()
        }
        try plantLitter()

        var rng = SeededGenerator(seed: 20_261_204)
        var killed = 0
        var completed = 0
        for run in 0..<50 {
            let scenario = scenarios[run % 2]
            // Uniform over the whole run and a little past it, so some runs finish.
            let delay = longest * 1.1 * Double(rng.next() >> 11) * 0x1.0p-53
            let log = dir.appendingPathComponent("log")
            try Data().write(to: log)
            let process = try BuiltTool.start(tool, ["plan", scenario, "-o", "out", "--quiet"], in: dir, output: log, error: log)
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                killed += 1
            } else {
                XCTAssertEqual(process.terminationStatus, 0, "run \(run) exited \(process.terminationStatus)")
                completed += 1
                XCTAssertEqual(try temporaries(), [], "run \(run) completed but left temporary files")
                try plantLitter()
            }
            let json = try RosterFile.read(path: out.appendingPathComponent("roster.json").path)
            XCTAssertTrue(sha.contains(json.roster.scenario.sha256), "run \(run): roster.json names an unknown scenario")
            XCTAssertTrue(json.formatIssues.isEmpty, "run \(run): roster.json has format issues")
            let csv = Array(try Data(contentsOf: out.appendingPathComponent("roster.csv")))
            XCTAssertTrue(wholeCSV.contains(csv), "run \(run): roster.csv is not a whole file (\(csv.count) bytes)")
        }
        XCTAssertGreaterThan(killed, 10, "too few runs were killed to test anything")

        let last = try BuiltTool.run(tool, ["plan", scenarios[1], "-o", "out", "--quiet"], in: dir)
        XCTAssertEqual(last.code, 0, describe(last))
        XCTAssertEqual(try temporaries(), [])
        XCTAssertEqual(Array(try Data(contentsOf: out.appendingPathComponent("roster.csv"))), wholeCSV[1])
        print("killed \(killed) of 50 runs; \(completed) completed; a whole run took \(longest) s")
    }
}
