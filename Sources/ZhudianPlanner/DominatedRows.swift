import MIPModel

/// Rows `a·x ≤ u` that another row `c·x ≤ w` of the same model implies once every column is
/// non-negative: `a ≤ c` entry by entry (a column missing from a row counts as 0) and `w ≤ u`,
/// so `a·x ≤ c·x ≤ w ≤ u` for every point with `x ≥ 0`. Only rows with every coefficient
/// positive and no lower bound (or one the columns' bounds imply) are compared.
///
/// Why: where people stay on, free placement writes `over[p,v,k]`: x[p,v,k] + Σ_{w≠v}
/// x[p,w,k+1] ≤ 1 for every site v of person p. Once the guessed fixing (``GuessedGap``) drops
/// x[p,v,k], the row is left as Σ_{w≠v} x[p,w,k+1] ≤ 1, a part of `place[p,k+1]`. At peer row 21
/// (free 29 × 2, staying on) the guessed search kept 2 806 `over` rows, about half the search
/// model's non-zeros, and most of them are of that kind (docs/FORMULATION.md, "Free placement,
/// thirteenth round").
enum DominatedRows {
    /// A row as ``dominated(_:model:eligible:)`` reads it.
    struct Row {
        let expression: LinearExpression
        let lower: Double
        let upper: Double
    }

    /// The indices of `rows` that another row of `rows` implies (above), among those that
    /// `eligible` allows. The relation is made strict (two rows that imply each other: the later
    /// one goes), so of every chain the last row stays, and every row left out is implied by a
    /// row kept or by one the columns' bounds imply.
    static func dominated(_ rows: [Row], model: Model, eligible: (Int) -> Bool) -> Set<Int> {
        let candidate = rows.indices.map { isCandidate(rows[$0], model: model) }
        var byColumn: [Int: [Int]] = [:]
        for i in rows.indices where candidate[i] {
            for term in rows[i].expression.terms { byColumn[term.variable.index, default: []].append(i) }
        }
        var out: Set<Int> = []
        for i in rows.indices where candidate[i] && eligible(i) {
            let terms = rows[i].expression.terms
            guard let rarest = terms.min(by: { byColumn[$0.variable.index]!.count < byColumn[$1.variable.index]!.count })
            else { continue }
            let others = byColumn[rarest.variable.index]!
            if others.contains(where: { $0 != i && dominates(rows[$0], $0, over: rows[i], i) }) { out.insert(i) }
        }
        return out
    }

    /// Whether `row` can be compared: at least one term, every coefficient positive, every
    /// column non-negative, a finite upper bound and a lower bound the columns' bounds imply.
    static func isCandidate(_ row: Row, model: Model) -> Bool {
        guard !row.expression.terms.isEmpty, row.upper.isFinite, row.expression.constant == 0 else { return false }
        var low = 0.0
        for term in row.expression.terms {
            let v = model.variables[term.variable.index]
            guard term.coefficient > 0, v.lower >= 0 else { return false }
            low += term.coefficient * v.lower
        }
        return row.lower == -.infinity || low >= row.lower
    }

    /// Whether `c` (index `j`) implies `a` (index `i`), strictly: if each implies the other, the
    /// earlier one is the one kept.
    static func dominates(_ c: Row, _ j: Int, over a: Row, _ i: Int) -> Bool {
        guard covers(c, a) else { return false }
        return !covers(a, c) || j < i
    }

    /// `a ≤ c` entry by entry over `a`'s columns (`c`'s other entries are positive) and `c`'s
    /// upper bound at most `a`'s.
    static func covers(_ c: Row, _ a: Row) -> Bool {
        guard c.upper <= a.upper, c.expression.terms.count >= a.expression.terms.count else { return false }
        let cs = summed(c.expression)
        return summed(a.expression).allSatisfy { column, w in (cs[column] ?? 0) >= w }
    }

    /// The coefficient of each column of `expression`.
    static func summed(_ expression: LinearExpression) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for term in expression.terms { out[term.variable.index, default: 0] += term.coefficient }
        return out
    }
}
