import Foundation
import XCTest
import ZhudianCore
@testable import ZhudianFuzz

/// A seeded sample of `make fuzz` against the debug build: mutants of the small examples and
/// the loader's fixtures never trap, hang, exit 70 or outside SPEC §5, or fail silently.
final class FuzzSampleTests: XCTestCase {
    /// The files `make fuzz` mutates.
    static func inputs() throws -> [FuzzCampaign.Input] {
        let fixtures = Paths.packageRoot.appendingPathComponent("Tests/ZhudianScenarioTests/Fixtures")
        var paths = ["taierzhuang-2022.yaml", "taierzhuang-2023.yaml", "infeasible-leave.yaml"].map(Paths.scenario)
        for folder in ["bad", "good"] {
            let dir = fixtures.appendingPathComponent(folder)
            paths += try FileManager.default.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0).path }
        }
        return try paths.map { try FuzzCampaign.Input(path: $0) }
    }

    func testASeededSampleKeepsEveryPromise() throws {
        let tool = try BuiltTool.locate("zhudian", for: Self.self)
        let inputs = try Self.inputs()
        XCTAssertGreaterThan(inputs.count, 40)
        let campaign = FuzzCampaign(tool: tool, inputs: inputs, seed: 20_261_204, count: 150)
        let summary = try campaign.run(workers: 2)
        XCTAssertEqual(summary.mutants, 150)
        XCTAssertEqual(summary.runs, 300)
        for f in summary.findings {
            XCTFail("\(f)\n--- mutant\n\(String(decoding: f.bytes, as: UTF8.self))\n--- stderr\n\(f.standardError)")
        }
        // The sample reaches the planner too, not only the loader's refusals (most inputs are
        // the loader's bad fixtures, so most mutants are refused: 8 plans of 300 runs with the
        // fixtures of 2026-12-05).
        XCTAssertGreaterThanOrEqual(summary.exits[0, default: 0], 5, "\(summary.exits)")
        XCTAssertGreaterThan(summary.exits[2, default: 0], 10, "\(summary.exits)")
    }

    /// Mutant `i` is fixed by the seed and `i`, whatever order the workers take them in.
    func testMutantsAreDeterministicPerSeed() throws {
        let inputs = try Self.inputs()
        let tool = URL(fileURLWithPath: "/nonexistent")
        let a = FuzzCampaign(tool: tool, inputs: inputs, seed: 5, count: 50)
        let b = FuzzCampaign(tool: tool, inputs: inputs, seed: 5, count: 50)
        let c = FuzzCampaign(tool: tool, inputs: inputs, seed: 6, count: 50)
        var differ = 0
        for i in (0..<50).reversed() {
            XCTAssertEqual(a.mutant(i).bytes, b.mutant(i).bytes)
            XCTAssertEqual(a.mutant(i).input.name, b.mutant(i).input.name)
            if a.mutant(i).bytes != c.mutant(i).bytes { differ += 1 }
        }
        XCTAssertGreaterThan(differ, 40)
    }

    /// Every mutation changes a file that has what it needs.
    func testEveryMutationChangesTheFile() {
        let yaml = Array("version: 1\nname: x\nunits:\n  - id: A\n    minStaff: 2\n  - id: B\npeople:\n  - id: P\n    unit: A\n".utf8)
        for mutation in Mutation.allCases {
            var changed = false
            for seed in 0..<20 {
                var rng = SeededGenerator(seed: UInt64(seed))
                if Mutator.apply(mutation, to: yaml, rng: &rng) != yaml { changed = true }
            }
            XCTAssertTrue(changed, "\(mutation) never changed the file")
        }
    }
}

/// The mutator's reading of a line.
final class MutatorTests: XCTestCase {
    func testTheKeyBeforeANumber() {
        let line = Array("  - {id: A, location: {lat: 34.6, lon: 117.4}}".utf8)
        let lat = line.firstIndex(of: UInt8(ascii: "3")) ?? 0
        XCTAssertEqual(Mutator.key(before: lat, in: line), "lat")
        let plain = Array("  minStaff: 2".utf8)
        XCTAssertEqual(Mutator.key(before: 12, in: plain), "minStaff")
        XCTAssertEqual(Mutator.key(before: 0, in: plain), "")
    }
}
