import MIPModel

/// A link column of a teams model: enterprise `TeamBasis.ents[node]` at `site` in `term`.
struct TeamLink {
    let term: Int
    let node: Int
    let site: Int
    let variable: Variable
}

/// Where a teams model's priced rows are: row indices per term and node (−1 when absent),
/// and the pool rows in ``CutSet`` order.
struct TeamRowIndex {
    var send: [[Int]]
    var recv: [[Int]]
    var team: [[Int]]
    var pool: [Int] = []
    /// The link columns.
    var links: [TeamLink] = []
    /// Blossom separation per term (index 0 is term 1); empty where 2-cycles are allowed.
    var blossoms: [Blossoms] = []

    init(terms: Int, nodes: Int) {
        let empty = Array(repeating: Array(repeating: -1, count: nodes), count: terms + 1)
        send = empty
        recv = empty
        team = empty
    }
}
