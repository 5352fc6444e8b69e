import ZhudianCore

/// What an LP round does when the cut rows it just added leave the selected links no
/// feasible point: it adds links across those rows' borders instead of widening every
/// enterprise's neighbourhood.
///
/// Why: a subtour row `out(S) ≥ 1` (or a blossom row, which in border form needs links
/// across `δ(H)` besides its teeth) is valid for every roster but may have no selected link
/// across the border: enterprises whose nearest sites and senders all lie inside `S`. The
/// LP over the selection is then infeasible although the full model is not. Doubling every
/// neighbourhood mended that on ring 300 × 2 (peer row 43) by adding 4 862 links at once,
/// and every later LP ran over 14 687 columns instead of 9 825.
extension PricedTeamSolve {
    /// Adds, for each cut row in `cuts` and each of its members, the nearest possible link
    /// leaving the set and the nearest possible link entering it (by the sender's distance)
    /// that is not yet selected and not a tooth of the row; how many links were added.
    ///
    /// The selection only grows, so the rounds still end only when nothing prices out: the
    /// bound is unchanged in kind.
    ///
    /// - Complexity: O(Σ |S| · E) over the rows, for E enterprises.
    func addCrossingLinks(_ cuts: ArraySlice<CutSet>, _ selected: inout [[Set<Int>]]) -> Int {
        let n = basis.ents.count
        var inS = Array(repeating: false, count: n)
        var added = 0
        for cut in cuts {
            for i in cut.members { inS[i] = true }
            let teeth = Set(cut.teeth)
            let k = cut.term
            for i in cut.members {
                if let out = nearestLeaving(i, term: k, inS: inS, teeth: teeth, selected: selected) {
                    selected[k][i].insert(basis.ents[out])
                    added += 1
                }
                if let from = nearestEntering(i, term: k, inS: inS, teeth: teeth, selected: selected) {
                    selected[k][from].insert(basis.ents[i])
                    added += 1
                }
            }
            for i in cut.members { inS[i] = false }
        }
        return added
    }

    /// The node of the nearest possible site of node `i` outside the set, not selected in
    /// term `k` and not a tooth with `i`.
    private func nearestLeaving(
        _ i: Int, term k: Int, inS: [Bool], teeth: Set<CutSet.Pair>, selected: [[Set<Int>]]
    ) -> Int? {
        let u = basis.ents[i]
        for l in universe[i] {
            let j = basis.node[l.site]
            guard !inS[j], !selected[k][i].contains(l.site), !teeth.contains(CutSet.Pair(i, j)) else { continue }
            if basis.possible(u, l.site, k) { return j }
        }
        return nil
    }

    /// The node of the nearest possible sender to node `j` from outside the set, whose link
    /// to `j` is not selected in term `k` and not a tooth.
    private func nearestEntering(
        _ j: Int, term k: Int, inS: [Bool], teeth: Set<CutSet.Pair>, selected: [[Set<Int>]]
    ) -> Int? {
        let v = basis.ents[j]
        for i in senders[j] {
            guard !inS[i], !selected[k][i].contains(v), !teeth.contains(CutSet.Pair(i, j)) else { continue }
            if basis.possible(basis.ents[i], v, k) { return i }
        }
        return nil
    }
}
