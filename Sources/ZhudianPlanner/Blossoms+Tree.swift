import MIPModel

/// Blossom rows at the nodes of a teams model's branch and cut, as lazy rows.
///
/// Why: the LP rounds add blossom rows until the root point breaks none, but every branching
/// moves the point to another fractional 2-matching, and GLPK's tree then bounds it with the
/// rows found before the search only. Like subtour rows, a blossom row holds for every
/// roster (``Blossoms``), so adding one at a node never cuts a roster off; an integral point
/// with one team sent and received per enterprise is a 2-factor and breaks none.
extension Blossoms {
    /// Rows violated at `point` (a fractional node's LP point): the odd-component heuristic's,
    /// and where it finds none, the minimum odd cuts' (rings with ``oddCuts``). `term` names them.
    func lazyRows(_ point: [Double], term: Int) -> [LazyRow] {
        var found = violated(point)
        if found.isEmpty { found = violatedByOddCuts(point) }
        return found.map { row(CutSet(term: term, members: $0.handle, teeth: $0.teeth)) }
    }

    /// `Σ_{i,j∈H} y_ij + Σ_{{a,b}∈T} (y_ab + y_ba) ≤ |H| + (|T| − 1)/2` over this term's
    /// arcs: the row ``TeamFormulation/addPool(_:basis:pool:y:out:)`` writes for `cut`.
    func row(_ cut: CutSet) -> LazyRow {
        var inH = Array(repeating: false, count: nodes)
        for i in cut.members { inH[i] = true }
        let teeth = Set(cut.teeth)
        var e = LinearExpression()
        for a in arcs where (inH[a.from] && inH[a.to]) || teeth.contains(CutSet.Pair(a.from, a.to)) {
            e.add(a.variable, 1)
        }
        return LazyRow(name: "tblossom_t\(cut.term)_\(cut.members.count)", e, upper: cut.bound)
    }
}
