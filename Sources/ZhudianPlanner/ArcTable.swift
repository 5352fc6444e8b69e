/// The weights ``LinkConstruction`` asks for, in a dense table filled on demand: the given
/// arcs at once (the lightest when one is given twice), any other arc from `other` the
/// first time it is asked for. Local search asks for the same arcs millions of times, and a
/// dictionary lookup cost most of its time.
final class ArcTable {
    let nodes: Int
    /// NaN = not asked yet, +∞ = no such arc. Raw memory, owned by the table: a class's stored
    /// array is checked for exclusive access at run time on every read and write
    /// (`swift_beginAccess`), which took a tenth of ring 100 × 2's whole plan (perf), all of it
    /// in the local search's inner loop.
    private let weight: UnsafeMutableBufferPointer<Double>
    private let other: (Int, Int) -> Double?
    /// The given arcs by tail and by head, each list ascending.
    let outgoing: [[Int]]
    let incoming: [[Int]]

    init(nodes n: Int, arcs: [LinkConstruction.Arc], other: @escaping (Int, Int) -> Double?) {
        nodes = n
        self.other = other
        var weight = [Double](repeating: .nan, count: n * n)
        for a in arcs where a.from != a.to {
            let key = a.from * n + a.to
            weight[key] = weight[key].isNaN ? a.weight : min(weight[key], a.weight)
        }
        var outgoing = Array(repeating: [Int](), count: n)
        var incoming = Array(repeating: [Int](), count: n)
        for u in 0..<n {
            for v in 0..<n where !weight[u * n + v].isNaN {
                outgoing[u].append(v)
                incoming[v].append(u)
            }
        }
        self.weight = UnsafeMutableBufferPointer<Double>.allocate(capacity: weight.count)
        _ = self.weight.initialize(from: weight)
        self.outgoing = outgoing
        self.incoming = incoming
    }

    deinit { weight.deallocate() }

    /// The weight of arc `u → v`, nil when it cannot be used.
    func link(_ u: Int, _ v: Int) -> Double? {
        let x = weight[u * nodes + v]
        if !x.isNaN { return x.isInfinite ? nil : x }
        let y = other(u, v) ?? .infinity
        weight[u * nodes + v] = y
        return y.isInfinite ? nil : y
    }
}
