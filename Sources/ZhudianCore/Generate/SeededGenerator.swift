/// A small, fast, seedable random number generator (SplitMix64).
///
///     var rng = SeededGenerator(seed: 42)
///     rng.next()      // the same value on every run and every machine
///
/// Written by hand because the standard library has no seedable generator:
/// `SystemRandomNumberGenerator` cannot be seeded, and scenario generation
/// must give the same output for the same seed everywhere.
///
/// - Complexity: O(1) per value.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        // SplitMix64 (Steele, Lea, Flood 2014), the constants of its reference implementation.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// The standard library's `Int.random(in:using:)`, `Double.random(in:using:)` and
// `shuffle(using:)` are free to change their algorithms between Swift releases,
// which would change every generated scenario; these helpers pin the algorithms down.
extension SeededGenerator {
    /// A uniform double in `0..<1` with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// A uniform integer in `0..<bound`; 0 when `bound` ≤ 1.
    mutating func int(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        // Lemire's multiply-and-reject: unbiased, and one multiplication in the common case.
        let n = UInt64(bound)
        let threshold = (0 &- n) % n
        while true {
            let (high, low) = next().multipliedFullWidth(by: n)
            if low >= threshold { return Int(high) }
        }
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniformly chosen element; nil when `items` is empty.
    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[int(below: items.count)]
    }

    /// Fisher–Yates shuffle in place.
    mutating func shuffle<T>(_ items: inout [T]) {
        var i = items.count - 1
        while i > 0 {
            let j = int(below: i + 1)
            if i != j { items.swapAt(i, j) }
            i -= 1
        }
    }

    /// `items` in a uniformly random order.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        shuffle(&copy)
        return copy
    }
}
