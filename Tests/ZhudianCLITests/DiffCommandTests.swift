import Foundation
import XCTest

/// `zhudian diff`: the notice's 2022 plan against the 2023 ring, and a plan against the same
/// plan with a pin.
final class DiffCommandTests: XCTestCase {
    private func planned(_ extra: [String], into folder: URL) -> String {
        let r = zhudian(["plan", Paths.scenario("taierzhuang-2023.yaml"), "-o", folder.path] + extra)
        XCTAssertEqual(r.code, 0, describe(r))
        return folder.appendingPathComponent("roster.json").path
    }

    func testAPinnedPlanAgainstThePlan() throws {
        let folder = try temporaryDirectory()
        let a = planned([], into: folder.appendingPathComponent("a"))
        let b = planned(["--pin-team", "1:SDS:LS"], into: folder.appendingPathComponent("b"))
        let scenario = Paths.scenario("taierzhuang-2023.yaml")
        let r = zhudian(["diff", a, b, "--scenario", scenario])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertTrue(r.outputLines.first?.hasPrefix("term 1: links 6 → 6") ?? false, describe(r))
        XCTAssertTrue(r.outputLines.contains { $0.hasPrefix("  after:  ") && $0.contains("双顶山矿 → 狼山矿") }, describe(r))
        XCTAssertTrue(r.outputLines.last?.hasPrefix("cost: ") ?? false, describe(r))
        let zh = zhudian(["diff", a, b, "--scenario", scenario], language: .zh)
        XCTAssertTrue(zh.outputLines.first?.hasPrefix("第1轮：") ?? false, describe(zh))
        XCTAssertTrue(zh.outputLines.last?.hasPrefix("费用：") ?? false, describe(zh))
        let same = zhudian(["diff", a, a])
        XCTAssertEqual(same.outputLines.first, "no changes: both rosters place the same people at the same sites", describe(same))
        let json = zhudian(["diff", a, b, "--format", "json"])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any], describe(json))
        let md = zhudian(["diff", a, b, "--scenario", scenario, "--format", "markdown"], language: .zh)
        XCTAssertTrue(md.standardOutput.hasPrefix("# 排班对比\n"), describe(md))
    }

    func testTheNoticePlanAgainstThe2023Ring() throws {
        let b = planned([], into: try temporaryDirectory())
        let r = zhudian(["diff", Paths.scenario("taierzhuang-2022-notice.json"), b])
        XCTAssertEqual(r.code, 0, describe(r))
        XCTAssertEqual(r.outputLines.first, "term 1: links 6 → 6 (6 added, 6 removed), 24 people moved", describe(r))
        XCTAssertEqual(r.outputLines[1], "  before: HTS → ZS → LHS → LS → HTS | QX → SDS → QX", describe(r))
    }

    func testBadInput() throws {
        let notice = Paths.scenario("taierzhuang-2022-notice.json")
        let bad = zhudian(["diff", notice, notice, "--format", "xml"])
        XCTAssertEqual(bad.code, 2, describe(bad))
        let missing = zhudian(["diff", notice, "/nonexistent/roster.json"])
        XCTAssertEqual(missing.code, 4, describe(missing))
    }
}
