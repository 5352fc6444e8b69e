import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@_spi(Testing) import GLPK
import MIPModel
import XCTest

final class RobustnessTests: XCTestCase {
    private func brokenSeparator(columns: Int) -> ([Double], Bool) -> [LazyRow] {
        { _, _ in [LazyRow(name: "broken", LinearExpression([(Variable(index: columns + 5), 1)]), upper: 0)] }
    }

    func testInvalidLazyRowIsRejectedInSwiftAndNextSolveWorks() throws {
        let instance = ATSP(cities: 8, seed: 1)
        let (model, arc) = try instance.model()
        let solver = GLPKSolver()
        let broken = solver.solve(
            model, options: SolveOptions(), hooks: SolveHooks(separator: brokenSeparator(columns: model.variableCount)))
        guard case .failed(let message) = broken.termination else {
            return XCTFail("expected failure, got \(broken.termination)")
        }
        XCTAssertTrue(message.contains("unknown variable #61"), message)
        XCTAssertNil(broken.values)

        let next = solver.solve(model, options: SolveOptions(), hooks: SolveHooks(separator: ATSP.separator(arc: arc)))
        XCTAssertEqual(next.objective, Double(instance.bruteForce()))
    }

    func testGLPKErrorIsCaughtByTheGuardAndNextSolveWorks() throws {
        let instance = ATSP(cities: 8, seed: 1)
        let (model, arc) = try instance.model()
        var unchecked = GLPKSolver()
        unchecked.validatesLazyRows = false
        for _ in 0..<3 {
            let broken = unchecked.solve(
                model, options: SolveOptions(captureLog: true),
                hooks: SolveHooks(separator: brokenSeparator(columns: model.variableCount)))
            guard case .failed(let message) = broken.termination else {
                return XCTFail("expected failure, got \(broken.termination)")
            }
            XCTAssertTrue(message.contains("glp_set_mat_row"), message)
            XCTAssertTrue(message.contains("out of range"), message)
            XCTAssertNil(broken.values)

            // The thread's GLPK environment was rebuilt: solving again works.
            let next = GLPKSolver().solve(
                model, options: SolveOptions(), hooks: SolveHooks(separator: ATSP.separator(arc: arc)))
            XCTAssertEqual(next.termination, .optimal)
            XCTAssertEqual(next.objective, Double(instance.bruteForce()))
        }
    }

    func testNestedSolveInsideAHookIsRefused() throws {
        let (inner, _) = try Knapsack(items: 8, seed: 1).model()
        let instance = ATSP(cities: 8, seed: 6)
        let (model, arc) = try instance.model()
        let separate = ATSP.separator(arc: arc)
        let innerResults = ResultLog()
        let hooks = SolveHooks(separator: { point, integral in
            innerResults.add(GLPKSolver().solve(inner))
            return separate(point, integral)
        })
        let result = GLPKSolver().solve(model, options: SolveOptions(), hooks: hooks)
        XCTAssertEqual(result.objective, Double(instance.bruteForce()))
        // Calls made while GLPK runs are refused; the final check of the
        // solution runs after GLPK returned, where a solve is allowed.
        let refused = innerResults.items.filter { inner in
            if case .failed(let message) = inner.termination { return message.contains("inside a hook") }
            return false
        }
        XCTAssertFalse(refused.isEmpty)
        XCTAssertEqual(innerResults.items.filter { $0.termination == .optimal }.count, innerResults.items.count - refused.count)
    }

    /// Every GLPK entry point (LP relaxation, a relaxation sequence, the LP writer) refuses
    /// to start inside a hook of a running solve, with a message rather than an abort.
    func testEveryEntryPointRefusesToStartInsideAHook() throws {
        let (inner, _) = try Knapsack(items: 8, seed: 1).model()
        let instance = ATSP(cities: 8, seed: 6)
        let (model, arc) = try instance.model()
        let separate = ATSP.separator(arc: arc)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhudian-nested-\(UUID()).lp").path
        // The final check of the solution runs after GLPK returned: the write succeeds there.
        defer { try? FileManager.default.removeItem(atPath: path) }
        let messages = MessageLog()
        let hooks = SolveHooks(separator: { point, integral in
            let solver = GLPKSolver()
            if case .failed(let why) = solver.solveRelaxation(inner, options: SolveOptions(), start: nil).status {
                messages.add("relaxation: " + why)
            }
            solver.withRelaxations { sequence in
                if case .failed(let why) = sequence.solve(inner, options: SolveOptions()).status {
                    messages.add("sequence: " + why)
                }
            }
            do {
                try solver.writeLP(inner, to: path)
            } catch {
                messages.add("write: \(error)")
            }
            return separate(point, integral)
        })
        let result = GLPKSolver().solve(model, options: SolveOptions(), hooks: hooks)
        XCTAssertEqual(result.objective, Double(instance.bruteForce()))
        for entry in ["relaxation: ", "sequence: ", "write: "] {
            XCTAssertTrue(
                messages.items.contains { $0.hasPrefix(entry) && $0.contains("inside a hook") },
                "\(entry) was not refused: \(messages.items)")
        }
    }

    /// GLPK prints to stdout, which belongs to the CLI's JSON output: every
    /// path (quiet, captured log, caught error, LP writer) must stay silent.
    func testNothingIsPrintedToStandardOutput() throws {
        let (model, arc) = try ATSP(cities: 8, seed: 1).model()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhudian-stdout-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let capture = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(capture, 0)
        fflush(nil)
        let saved = dup(1)
        dup2(capture, 1)

        var unchecked = GLPKSolver()
        unchecked.validatesLazyRows = false
        let columns = model.variableCount
        let quiet = GLPKSolver().solve(model, options: SolveOptions(), hooks: SolveHooks(separator: ATSP.separator(arc: arc)))
        let logged = GLPKSolver().solve(model, options: SolveOptions(captureLog: true))
        let broken = unchecked.solve(model, options: SolveOptions(), hooks: SolveHooks(separator: { _, _ in
            [LazyRow(name: "broken", LinearExpression([(Variable(index: columns + 5), 1)]), upper: 0)]
        }))
        let lpPath = path + ".lp"
        defer { try? FileManager.default.removeItem(atPath: lpPath) }
        let written = Result { try GLPKSolver().writeLP(model, to: lpPath) }
        let unwritable = Result { try GLPKSolver().writeLP(model, to: "/nonexistent-dir/x.lp") }

        fflush(nil)
        dup2(saved, 1)
        close(saved)
        close(capture)
        let printed = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(printed, "")
        XCTAssertEqual(quiet.termination, .optimal)
        XCTAssertFalse(logged.log.isEmpty)
        XCTAssertNotEqual(broken.termination, .optimal)
        XCTAssertNoThrow(try written.get())
        XCTAssertThrowsError(try unwritable.get())
    }

    func testConcurrentSolvesMatchSequential() throws {
        let models = try (0..<8).map { try GAP(agents: 4, jobs: 20, seed: UInt32(100 + $0)).model() }
        let atsp = try ATSP(cities: 8, seed: 21).model()
        let solver = GLPKSolver()
        let sequential = models.map { solver.solve($0).objective }
        let sequentialTour = solver.solve(
            atsp.0, options: SolveOptions(), hooks: SolveHooks(separator: ATSP.separator(arc: atsp.1))).objective

        let parallel = LockedArray(count: models.count + 1)
        DispatchQueue.concurrentPerform(iterations: models.count + 1) { index in
            if index < models.count {
                parallel.set(index, solver.solve(models[index]).objective)
            } else {
                let hooks = SolveHooks(separator: ATSP.separator(arc: atsp.1))
                parallel.set(index, solver.solve(atsp.0, options: SolveOptions(), hooks: hooks).objective)
            }
        }
        XCTAssertEqual(parallel.values, sequential + [sequentialTour])
        XCTAssertFalse(sequential.contains(nil))
    }

    func testGuardRecoveryOnWorkerThreads() throws {
        let (model, arc) = try ATSP(cities: 8, seed: 1).model()
        let expected = GLPKSolver().solve(
            model, options: SolveOptions(), hooks: SolveHooks(separator: ATSP.separator(arc: arc))).objective
        var solver = GLPKSolver()
        solver.validatesLazyRows = false
        let unchecked = solver
        let results = LockedArray(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let columns = model.variableCount
            _ = unchecked.solve(model, options: SolveOptions(), hooks: SolveHooks(separator: { _, _ in
                [LazyRow(name: "broken", LinearExpression([(Variable(index: columns + 5), 1)]), upper: 0)]
            }))
            let hooks = SolveHooks(separator: ATSP.separator(arc: arc))
            results.set(index, GLPKSolver().solve(model, options: SolveOptions(), hooks: hooks).objective)
        }
        XCTAssertEqual(results.values, Array(repeating: expected, count: 4))
    }
}

final class ResultLog {
    private(set) var items: [SolveResult] = []

    func add(_ result: SolveResult) {
        items.append(result)
    }
}

/// Messages collected inside a solve's hooks.
final class MessageLog {
    private(set) var items: [String] = []

    func add(_ message: String) {
        items.append(message)
    }
}

/// Collects results from concurrentPerform workers.
final class LockedArray: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Double?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Double?) {
        lock.withLock { storage[index] = value }
    }

    var values: [Double?] {
        lock.withLock { storage }
    }
}
