import XCTest
@testable import ZhudianPlanner

/// ``SupportFlow``, the max flows behind min-cut subtour separation: a cut below 1 gives its
/// source side, a ring's support gives none.
final class SupportFlowTests: XCTestCase {
    /// Two triangles at 0.7 joined by a ring at 0.3: the links leaving {0, 1, 2} carry 0.9.
    func testTwoTrianglesJoinedThinlyAreCutApart() throws {
        var arcs: [(from: Int, to: Int, value: Double)] = []
        for (a, b) in [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)] { arcs.append((a, b, 0.7)) }
        for (a, b) in [(0, 3), (3, 1), (1, 4), (4, 2), (2, 5), (5, 0)] { arcs.append((a, b, 0.3)) }
        let flow = SupportFlow(nodes: 6, arcs)
        for t in 3..<6 {
            XCTAssertEqual(try XCTUnwrap(flow.sourceSideBelowOne(to: t), "sink \(t)"), [true, true, true, false, false, false])
        }
        // Inside a triangle the flow reaches 1 (0.7 direct, 0.3 round the other way).
        XCTAssertNil(flow.sourceSideBelowOne(to: 1))
        XCTAssertNil(flow.sourceSideBelowOne(to: 2))
    }

    func testOneWholeRingHasNoCutBelowOne() {
        let n = 7
        let flow = SupportFlow(nodes: n, (0..<n).map { ($0, ($0 + 1) % n, 1.0) })
        for t in 1..<n { XCTAssertNil(flow.sourceSideBelowOne(to: t), "sink \(t)") }
    }
}
