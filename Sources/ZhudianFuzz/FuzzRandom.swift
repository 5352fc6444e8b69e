import ZhudianCore

// The fuzzer's own draws from the seeded generator: a mutant is fixed by its seed on every
// machine, and slight modulo bias does not matter for choosing what to break.
extension SeededGenerator {
    /// A number in `0..<bound`; 0 when `bound` ≤ 1.
    mutating func below(_ bound: Int) -> Int {
        bound > 1 ? Int(next() % UInt64(bound)) : 0
    }

    /// One element of `items`, or nil when it is empty.
    mutating func element<T>(of items: [T]) -> T? {
        items.isEmpty ? nil : items[below(items.count)]
    }

    /// True with probability `1 / n`.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }
}
