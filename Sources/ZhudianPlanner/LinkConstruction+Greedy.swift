/// The greedy pass of ``LinkConstruction``: arcs in order, each taken when its tail has no
/// successor yet, its head no predecessor, and it closes no cycle too short.
extension LinkConstruction {
    /// Arcs by LP value (ties: lighter first) or by weight alone, as `byValue` says.
    func greedyOrder() -> [Arc] {
        arcs.filter { $0.from != $0.to }.sorted {
            byValue
                ? ($0.value, -$0.weight, -$0.from, -$0.to) > ($1.value, -$1.weight, -$1.from, -$1.to)
                : ($0.weight, $0.from, $0.to) < ($1.weight, $1.from, $1.to)
        }
    }

    /// The greedy pass's paths and cycles; a ring closes only through every node.
    func greedyCover() -> PartialCover {
        var cover = PartialCover(nodes: nodes)
        var sets = UnionFind(nodes)
        var size = Array(repeating: 1, count: nodes)
        let least = minCycle ?? nodes
        for a in greedyOrder() {
            guard cover.succ[a.from] < 0, cover.pred[a.to] < 0 else { continue }
            let r1 = sets.find(a.from)
            let r2 = sets.find(a.to)
            if r1 == r2 {
                // Closes a cycle through the whole fragment.
                guard size[r1] >= least, minCycle != nil || size[r1] == nodes else { continue }
            } else {
                sets.union(r1, r2)
                size[sets.find(r1)] = size[r1] + size[r2]
            }
            cover.succ[a.from] = a.to
            cover.pred[a.to] = a.from
        }
        return cover
    }
}
