import Foundation
import XCTest
import ZhudianCore
@testable import ZhudianScenario

final class DumpTests: XCTestCase {
    func testDump() throws {
        guard ProcessInfo.processInfo.environment["ZHUDIAN_DUMP"] != nil else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("bad")).sorted()
        for name in names {
            let start = Date()
            do {
                _ = try ScenarioLoader.load(path: Fixtures.path("bad/" + name))
                print("LOADED \(name)")
            } catch {
                let t = Date().timeIntervalSince(start)
                print("== \(name) (\(String(format: "%.3f", t))s, \(error.diagnostics.count))")
                for d in error.diagnostics { print("  " + d.render(.en).replacingOccurrences(of: Fixtures.path(""), with: "")) }
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("good")).sorted() {
            do {
                let l = try ScenarioLoader.load(path: Fixtures.path("good/" + name))
                print("OK \(name) warnings: \(l.warnings.map { $0.render(.en) })")
            } catch {
                print("FAILED \(name)")
                for d in error.diagnostics { print("  " + d.render(.en)) }
            }
        }
    }
}
