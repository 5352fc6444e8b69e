extension Basis {
    /// This basis moved from `from` to `to` by names (``transferred(from:to:)``), where `to`
    /// may also lack rows of `from`: for each row that was not basic and is gone, one basic
    /// column of that row (still in `to`) moves to its lower bound, so that the count of
    /// basic entries can still equal the count of rows.
    ///
    /// Why: a row that pins a column (a ban row `y = 0`) is non-basic with the column basic
    /// at 0; a model built without the row would otherwise get one basic entry too many and
    /// its simplex would start from scratch. A start that still does not fit is for the
    /// backend to ignore.
    public func restricted(from: Model, to: Model) -> Basis {
        var out = transferred(from: from, to: to)
        let basicCount = out.columns.filter { $0 == .basic }.count + out.rows.filter { $0 == .basic }.count
        var excess = basicCount - to.constraintCount
        if excess < 0 { return filled(out, from: from, to: to, missing: -excess) }
        guard excess > 0 else { return out }
        let kept = Set(to.constraints.map(\.name))
        var column: [String: Int] = [:]
        for (j, v) in to.variables.enumerated() { column[v.name] = j }
        for (i, row) in from.constraints.enumerated() where excess > 0 && i < rows.count {
            guard rows[i] != .basic, !kept.contains(row.name) else { continue }
            let partner = row.expression.terms.lazy.compactMap { column[from.variables[$0.variable.index].name] }
                .first { out.columns[$0] == .basic }
            if let j = partner {
                out.columns[j] = .atLower
                excess -= 1
            }
        }
        return out
    }

    /// `out` with, for each basic column of `from` that `to` lacks, one non-basic row of `to`
    /// that held it turned basic (its slack takes the column's place), while entries are missing.
    ///
    /// Why: the priced people MIP keeps fewer links than its last LP, and a column basic at 0
    /// there may be left out; one basic entry short, GLPK rejected the start and solved the
    /// root LP from scratch (ring 26 × 2 with staying on: 1 606 simplex iterations).
    private func filled(_ out: Basis, from: Model, to: Model, missing: Int) -> Basis {
        var out = out
        var missing = missing
        let columnsOfTo = Set(to.variables.map(\.name))
        var dropped = from.variables.indices.map { j in
            j < columns.count && columns[j] == .basic && !columnsOfTo.contains(from.variables[j].name)
        }
        var rowOfTo: [String: Int] = [:]
        for (i, row) in to.constraints.enumerated() { rowOfTo[row.name] = i }
        for row in from.constraints where missing > 0 {
            guard let i = rowOfTo[row.name], out.rows[i] != .basic,
                let term = row.expression.terms.first(where: { dropped[$0.variable.index] })
            else { continue }
            dropped[term.variable.index] = false
            out.rows[i] = .basic
            missing -= 1
        }
        return out
    }
}
