import ZhudianCore

/// A first set of links for one term built without branching: greedy on the LP solution,
/// then local search (2-opt and or-opt for a ring, ``CycleLocalSearch`` for cycles) with
/// iterated kicks.
///
/// GLPK's own heuristics are off whenever lazy rows are in use, and its branching finds no
/// ring at all at 300 enterprises in minutes; this finds one in milliseconds. Arc weights
/// are the link's cost plus its team at the LP's price of a person, so a cover of small
/// total weight costs little above the LP bound.
/// The result is only a proposal: the planner staffs it with a MIP over exactly these links
/// and checks it like any roster.
struct LinkConstruction {
    /// An arc the construction may use.
    struct Arc {
        let from: Int
        let to: Int
        /// What the arc costs the construction (the planner: link cost plus its team at the
        /// LP's price of a person).
        let weight: Double
        /// The arc's LP value: greedy takes high values first.
        let value: Double
    }

    let nodes: Int
    /// nil for a single ring; otherwise the least cycle length.
    let minCycle: Int?
    let arcs: [Arc]
    /// The weight of any other usable arc (nil when it cannot be used): fragments the
    /// greedy pass leaves are joined through these.
    var other: (Int, Int) -> Double? = { _, _ in nil }
    /// Greedy order: LP value first (true) or weight only (false).
    var byValue = true
    /// Kicks of iterated local search after the first descent (double bridges for a ring,
    /// random successor swaps for cycles; a fixed count and a fixed seed, so the result never
    /// depends on the machine's speed).
    var kicks = 0
    /// Lin–Kernighan-type chains (``RingChains``) in a ring's descents as well. Not always
    /// better: from the same start the search ends in another local optimum, lighter on
    /// average at 1000 enterprises and heavier at 300 (docs/FORMULATION.md, "Rings against
    /// LKH-3"), so the planner searches both ways.
    var chains = false

    /// Successor of each node, or nil when the arcs admit no cover this simple method finds.
    func build() -> [Int]? {
        let n = nodes
        guard n >= 2 else { return nil }
        let table = ArcTable(nodes: n, arcs: arcs, other: other)
        var cover = greedyCover()
        var fragments = cover.fragments()
        if let least = minCycle, !fragments.isEmpty {
            fragments = cover.closeOrPlace(fragments, least: least, table.link)
        }
        if !fragments.isEmpty {
            let total = fragments.reduce(0) { $0 + $1.length }
            if minCycle == nil && total != n { return nil }
            guard cover.join(fragments, minCycle: minCycle, table.link) else { return nil }
        }
        if let least = minCycle {
            CycleLocalSearch(nodes: n, least: least, outgoing: table.outgoing, incoming: table.incoming)
                .iterate(&cover.succ, &cover.pred, kicks: kicks, table.link)
        } else {
            searchRing(&cover.succ, &cover.pred, table)
        }
        return cover.succ
    }

    /// The ring from node 0 in successor order; nil when `succ` is not one ring.
    static func tour(_ succ: [Int]) -> [Int]? {
        var tour: [Int] = []
        var x = 0
        repeat {
            tour.append(x)
            x = succ[x]
        } while x != 0 && tour.count <= succ.count
        return tour.count == succ.count ? tour : nil
    }
}
