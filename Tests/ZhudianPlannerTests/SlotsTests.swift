import Foundation
import XCTest
@testable import ZhudianPlanner

/// ``Slots``: parallel tasks each fill their own index; unset slots read nil.
final class SlotsTests: XCTestCase {
    func testParallelTasksFillTheirOwnSlots() {
        let slots = Slots<[Int]>(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            slots.set(i, i % 5 == 0 ? nil : Array(0..<i))
        }
        let values = slots.values
        XCTAssertEqual(values.count, 64)
        for (i, v) in values.enumerated() {
            XCTAssertEqual(v, i % 5 == 0 ? nil : Array(0..<i), "slot \(i)")
        }
    }

    func testUnsetSlotsReadNil() {
        let slots = Slots<Int>(count: 3)
        slots.set(1, 7)
        XCTAssertEqual(slots.values, [nil, 7, nil])
    }
}
