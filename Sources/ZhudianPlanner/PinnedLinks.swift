import ZhudianCore

/// The links pins fix in the teams model (rule 9, SPEC §3), by term and enterprise node: a
/// unit pin names its unit's link, and a person pin names their unit's link too (a unit sends
/// one team a term under ring and cycles, so a person's site is their unit's link's site).
/// The teams model writes them as the `pin…` rows (``RowSink``); this is what the link
/// construction of ``PricedTeamSolve`` asks of a link before it uses it.
///
/// Why: the construction built each term's cover from the LP's links and any other usable
/// link, pins unseen, so a pinned sender or site often got another link; the staffing MIP over
/// those links was then infeasible (the pin row against a `send` or `recv` row), in every term
/// order and every way of counting people. On the thirteenth round's sweep that left ring and
/// cycles over three terms with a pin without a roster at 2 s (034, 068, 069: the teams model,
/// and the teams model's rotating roster that seeds the people model where people stay on).
///
/// - Complexity: O(pins) to build, O(pairCooldown) per link asked.
struct PinnedLinks {
    /// `site[k][i]`: the node enterprise node `i` must send to in term `k` (index 1…T), −1 for none.
    private var site: [[Int]]
    /// `sender[k][j]`: the node that must send to enterprise node `j` in term `k`, −1 for none.
    private var sender: [[Int]]
    /// Two pins of one term that cannot both hold (one sender at two sites, two senders at one
    /// site): the model is infeasible, and no link is refused for the pins' sake.
    private(set) var conflicting = false
    private let pairCooldown: Int

    /// The pins of `basis`'s scenario whose unit and site are both in its part; none for an
    /// elastic model, whose pins may be the rules it relaxes.
    init(_ basis: TeamBasis) {
        let ctx = basis.ctx
        let T = ctx.terms
        let n = basis.ents.count
        site = Array(repeating: Array(repeating: -1, count: n), count: T + 1)
        sender = site
        pairCooldown = ctx.scenario.rules.pairCooldown
        guard !basis.elastic else { return }
        for pin in ctx.scenario.pins where pin.term >= 1 && pin.term <= T {
            guard let v = ctx.index.unit[pin.site], let u = Self.home(pin, ctx) else { continue }
            let (i, j) = (basis.node[u], basis.node[v])
            guard i >= 0, j >= 0 else { continue }
            let k = pin.term
            if (site[k][i] >= 0 && site[k][i] != j) || (sender[k][j] >= 0 && sender[k][j] != i) { conflicting = true }
            site[k][i] = j
            sender[k][j] = i
        }
        if conflicting {
            site = site.map { $0.map { _ in -1 } }
            sender = site
        }
    }

    /// The unit whose link `pin` fixes: the pinned unit, or the pinned person's own.
    private static func home(_ pin: Pin, _ ctx: PlanContext) -> Int? {
        switch pin.subject {
        case .unit(let id): ctx.index.unit[id]
        case .person(let id): ctx.index.person[id].map { ctx.home($0) }
        }
    }

    /// Whether node `i` may send to node `j` in term `k` as far as pins go: `i`'s pinned site
    /// and `j`'s pinned sender in term `k`, and no pin of `i` at `j` in a term the pair
    /// cooldown reaches (rule 7: that pinned link would then be barred).
    func allows(_ i: Int, _ j: Int, term k: Int) -> Bool {
        if site[k][i] >= 0 && site[k][i] != j { return false }
        if sender[k][j] >= 0 && sender[k][j] != i { return false }
        let T = site.count - 1
        guard pairCooldown > 0 else { return true }
        for m in max(1, k - pairCooldown)...min(T, k + pairCooldown) where m != k && site[m][i] == j {
            return false
        }
        return true
    }
}
