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
}
