import ZhudianCore

/// Splits a scenario into parts that share no possible link: no person of one part may ever
/// be placed at a site of another (self, group, forbid and distance rules), so the parts'
/// optimal rosters together are optimal for the whole, and each part is a smaller MIP.
///
/// A single ring must pass through every enterprise, so `ring` is never split.
///
/// - Complexity: O(senders × sites × forbid entries) to test the links, near-linear union-find.
enum Decomposition {
    /// Unit indices of each part (senders and sites), each sorted, parts ordered by their first unit.
    static func parts(_ ctx: PlanContext) -> [[Int]] {
        guard ctx.scenario.rules.structure != .ring else { return [] }
        let n = ctx.scenario.units.count
        var sets = UnionFind(n)
        for u in ctx.senders {
            for v in ctx.sites where ctx.linkAllowed(u, v) == nil { sets.union(u, v) }
        }
        // A pin ties its unit (or person's unit) to its site even where a rule forbids the link:
        // the infeasibility must then be found, and explained, in one part.
        for pin in ctx.scenario.pins {
            guard let v = ctx.index.unit[pin.site] else { continue }
            switch pin.subject {
            case .unit(let id): if let u = ctx.index.unit[id] { sets.union(u, v) }
            case .person(let id): if let p = ctx.index.person[id] { sets.union(ctx.home(p), v) }
            }
        }
        var members: [[Int]] = Array(repeating: [], count: n)
        let involved = Set(ctx.senders).union(ctx.sites)
        for u in 0..<n where involved.contains(u) { members[sets.find(u)].append(u) }
        return members.filter { !$0.isEmpty }
    }
}
