import Foundation

/// Results that parallel work (`DispatchQueue.concurrentPerform`) fills in by index; a slot
/// left unset, or set to nil, reads nil.
final class Slots<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `slots` is only touched under `lock`.
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Sets slot `i`; each parallel task writes its own index.
    func set(_ i: Int, _ value: Value?) { lock.withLock { slots[i] = value } }

    /// Every slot in index order.
    var values: [Value?] { lock.withLock { slots } }
}
