/// A row of one term that holds for every roster, by node indices (positions in
/// ``TeamBasis/ents``), so it may be added to any teams model and priced exactly:
/// - a subtour row `Σ_{i,j∈S} y_ij ≤ |S| − 1` (`teeth` empty, `members` = S);
/// - a blossom row `Σ_{i,j∈H} y_ij + Σ_{{a,b}∈T} (y_ab + y_ba) ≤ |H| + (|T| − 1)/2`
///   (`members` = H, `teeth` = T: an odd number of pairs leaving H, disjoint or not — see
///   ``Blossoms`` and ``OddCutBlossoms``).
struct CutSet: Hashable {
    /// An unordered pair of nodes, `a < b`.
    struct Pair: Hashable, Comparable {
        let a: Int
        let b: Int
        init(_ x: Int, _ y: Int) {
            a = min(x, y)
            b = max(x, y)
        }
        static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
    }

    let term: Int
    let members: [Int]
    var teeth: [Pair] = []
    /// Written over the set's border (``CutSet+Crossing``), in models where every enterprise
    /// sends and receives exactly one team.
    var crossing = false

    /// The right-hand side.
    var bound: Double {
        teeth.isEmpty ? Double(members.count - 1) : Double(members.count) + Double(teeth.count - 1) / 2
    }
}
