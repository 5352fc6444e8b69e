/// The windows of three terms in which a unit can never be at one site in the first and the
/// last term: the ``UnitCooldown`` conflicts between terms j and j+2.
///
/// Why a clique: for such a unit u, site v and window j, j+1, j+2, the links `y[u,v,j]`,
/// `y[u,v,j+1]`, `y[u,v,j+2]` conflict pairwise — consecutive terms by the pair cooldown
/// (`pcool`, `pairCooldown` 1), the first and the last by the conflict (`ucool`) — so at most one
/// of them is 1, and `Σ_k y[u,v,k] ≤ 1` (the `rnot` row) holds for every roster. The three
/// pairwise rows allow ½ on each link (1.5 in all); the clique row does not. Measured on peer
/// row 23 (ring 30 × 3, 13 of its 30 units short of people for three disjoint teams): the
/// root LP with subtour rows rises from 6524.22 to 6534.88, of a best roster 6602.25
/// (BENCHMARKS.md, "Teams model: three terms, seventh round").
struct UnitRepeatCliques {
    private var windows: Set<Window> = []

    private struct Window: Hashable {
        let unit: Int
        let site: Int
        let first: Int
    }

    /// The windows of `conflicts` that span exactly two terms (j and j+2).
    init(_ conflicts: [UnitCooldown.Conflict]) {
        for c in conflicts where c.second == c.first + 2 {
            windows.insert(Window(unit: c.unit, site: c.site, first: c.first))
        }
    }

    /// Whether `unit` can never be at `site` in both term `window` and term `window + 2`.
    func contains(unit: Int, site: Int, window: Int) -> Bool {
        windows.contains(Window(unit: unit, site: site, first: window))
    }
}
