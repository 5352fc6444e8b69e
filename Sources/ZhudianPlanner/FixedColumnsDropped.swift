import MIPModel

/// A model without its binary columns fixed to 0 (each row over the columns left, the rows
/// that then cannot bind left out), and the maps between its points and the full model's.
///
/// Why: GLPK's presolve is off where the people model branches on links first
/// (``PersonBranching``), so columns fixed by reduced cost (``PersonRestart``) stay in every
/// node's LP and in its pricing; at peer row 24 (free 30 × 2) the last search keeps 3 000 of
/// 11 390 columns (docs/FORMULATION.md, "Free placement with people, eighth round").
struct FixedColumnsDropped {
    /// The model with every column.
    let full: Model
    /// The full column of each column kept, in order.
    let columns: [Int]
    /// The kept index of each full column, -1 when dropped.
    let position: [Int]
    /// The full row of each row kept, in order.
    let rows: [Int]
    /// The model over the kept columns.
    let model: Model
    /// Rows of `full` left out.
    var droppedRows: Int { full.constraintCount - rows.count }

    /// Drops from `full` its binary columns with bounds [0, 0], then the rows the bounds of
    /// the columns left imply (``RedundantRows``) when `dropRows` — with `basis` (a basis of
    /// `full`, to be moved by ``kept(_:)-(Basis)``), only those whose slack is basic in it.
    init(_ full: Model, dropRows: Bool = false, basis: Basis? = nil) throws(ModelError) {
        self.full = full
        var columns: [Int] = []
        var position = Array(repeating: -1, count: full.variableCount)
        for (j, v) in full.variables.enumerated() where !(v.kind == .binary && v.upper == 0 && v.lower == 0) {
            position[j] = columns.count
            columns.append(j)
        }
        self.columns = columns
        self.position = position
        var model = Model(name: full.name)
        model.sense = full.sense
        model.objectiveConstant = full.objectiveConstant
        for j in columns {
            let v = full.variables[j]
            try model.addVariable(name: v.name, lower: v.lower, upper: v.upper, kind: v.kind, objective: v.objective)
        }
        // A basis of another model (the solver will reject it) leaves every row in.
        let fits = basis.map { $0.rows.count == full.constraintCount } ?? true
        var rows: [Int] = []
        for (i, row) in full.constraints.enumerated() {
            let expression = Self.restricted(row.expression, position)
            let droppable = dropRows && fits && (basis.map { $0.rows[i] == .basic } ?? true)
            if droppable && RedundantRows.implied(expression, lower: row.lower, upper: row.upper, in: model) { continue }
            rows.append(i)
            try model.addConstraint(name: row.name, expression, lower: row.lower, upper: row.upper)
        }
        self.rows = rows
        self.model = model
    }

    /// `expression` over the kept columns: a dropped column is 0, so leaving it out is exact.
    static func restricted(_ expression: LinearExpression, _ position: [Int]) -> LinearExpression {
        var out = LinearExpression([], constant: expression.constant)
        for term in expression.terms where position[term.variable.index] >= 0 {
            out.add(Variable(index: position[term.variable.index]), term.coefficient)
        }
        return out
    }

    /// A kept point as a point of the full model (dropped columns 0).
    func fullPoint(_ values: [Double]) -> [Double] {
        var point = Array(repeating: 0.0, count: full.variableCount)
        for (i, j) in columns.enumerated() where i < values.count { point[j] = values[i] }
        return point
    }

    /// A full point as a point of the kept model (its dropped columns are read as 0).
    func keptPoint(_ point: [Double]) -> [Double] { columns.map { point[$0] } }

    /// Full column indices (``SolveOptions/branchFirst``) as kept ones, dropped ones left out.
    func kept(_ indices: [Int]) -> [Int] { indices.compactMap { position[$0] >= 0 ? position[$0] : nil } }

    /// A basis of the full model as one of the kept model: a dropped column is non-basic at
    /// 0 (its reduced cost priced it out) and a dropped row was basic in the basis given to
    /// ``init(_:dropRows:basis:)``, so the count of basic entries stays that of the rows.
    func kept(_ basis: Basis) -> Basis {
        let rows = basis.rows.count == full.constraintCount ? self.rows.map { basis.rows[$0] } : basis.rows
        return Basis(columns: columns.map { basis.columns[$0] }, rows: rows)
    }

    /// The full model's lazy rows that a kept point breaks, over the kept columns.
    func separate(_ values: [Double], with separator: ([Double]) -> [LazyRow]) -> [LazyRow] {
        separator(fullPoint(values)).map {
            LazyRow(name: $0.name, Self.restricted($0.expression, position), lower: $0.lower, upper: $0.upper)
        }
    }

    /// `result` of the kept model as a result of the full model.
    func fullResult(_ result: SolveResult) -> SolveResult {
        var out = SolveResult(
            termination: result.termination, values: result.values.map(fullPoint), objective: result.objective,
            bestBound: result.bestBound, seconds: result.seconds, nodes: result.nodes, log: result.log,
            lazyRowsAdded: result.lazyRowsAdded)
        out.branchedFirst = result.branchedFirst
        return out
    }
}
