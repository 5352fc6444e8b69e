/// 2-opt for a ring built by ``LinkConstruction``.
extension LinkConstruction {
    /// 2-opt for a directed ring: replace a → b … c → d by a → c … b → d, the run between
    /// reversed, when every arc needed exists and the total weight drops. Prefix sums of the
    /// ring's forward and backward weights price a move in O(1). Returns whether it moved.
    func twoOpt(
        _ succ: inout [Int], _ pred: inout [Int], _ outgoing: [[Int]], _ w: (Int, Int) -> Double?
    ) -> Bool {
        let n = nodes
        guard n >= 5 else { return false }
        guard var tour = Self.tour(succ) else { return false }
        var moved = false
        var moves = 0
        search: while moves < 10 * n {
            var pos = Array(repeating: 0, count: n)
            for (i, v) in tour.enumerated() { pos[v] = i }
            var forward = Array(repeating: 0.0, count: n)
            var backward = Array(repeating: 0.0, count: n)
            var missing = Array(repeating: 0, count: n)
            for m in 0..<(n - 1) {
                let a = tour[m]
                let b = tour[m + 1]
                forward[m + 1] = forward[m] + (w(a, b) ?? 0)
                if let r = w(b, a) {
                    backward[m + 1] = backward[m] + r
                    missing[m + 1] = missing[m]
                } else {
                    backward[m + 1] = backward[m]
                    missing[m + 1] = missing[m] + 1
                }
            }
            for i in 0..<(n - 2) {
                let a = tour[i]
                let b = tour[i + 1]
                guard let ab = w(a, b) else { continue }
                for c in outgoing[a] {
                    let j = pos[c]
                    guard j > i + 1 else { continue }
                    let d = tour[(j + 1) % n]
                    guard d != a || n > j + 1, missing[j] - missing[i + 1] == 0,
                        let ac = w(a, c), let bd = w(b, d), let cd = w(c, d)
                    else { continue }
                    let old = ab + cd + forward[j] - forward[i + 1]
                    let new = ac + bd + backward[j] - backward[i + 1]
                    if new < old - 1e-9 {
                        tour[(i + 1)...j].reverse()
                        moves += 1
                        moved = true
                        continue search
                    }
                }
            }
            break
        }
        for (i, v) in tour.enumerated() {
            succ[v] = tour[(i + 1) % n]
            pred[tour[(i + 1) % n]] = v
        }
        return moved
    }
}
