import ZhudianCore

/// A term's links in the order a planner reads a ring: each cycle followed link by link from
/// its smallest unit id, cycles by that id; links that close no cycle (structure `free`)
/// follow as chains from units nobody sends to.
///
///     LinkChains.chains([Link(from: "A", to: "B"), Link(from: "B", to: "A")])
///     // [[A→B, B→A]]
///
/// - Complexity: O(links · log links).
enum LinkChains {
    /// The chains; every link appears exactly once.
    static func chains(_ links: [Link]) -> [[Link]] {
        var outgoing: [String: [Link]] = [:]
        for l in links.sorted() { outgoing[l.from, default: []].append(l) }
        var used = Set<Link>()
        var result: [[Link]] = []
        let receivers = Set(links.map(\.to))
        // Open chains first start where nothing arrives; then whatever is left is cyclic.
        let starts = outgoing.keys.filter { !receivers.contains($0) }.sorted() + outgoing.keys.sorted()
        for start in starts {
            while let first = outgoing[start]?.first(where: { !used.contains($0) }) {
                var chain = [first]
                used.insert(first)
                var at = first.to
                while at != start, let next = outgoing[at]?.first(where: { !used.contains($0) }) {
                    chain.append(next)
                    used.insert(next)
                    at = next.to
                }
                result.append(chain)
            }
        }
        return result
    }

    /// Whether the chain closes on itself.
    static func isCycle(_ chain: [Link]) -> Bool { chain.first?.from == chain.last?.to }
}
