import MIPModel

/// The full people model restricted to chosen links (``PersonColumns``), grown link by link
/// and cut by cut between LP rounds: the columns of the chosen links and of no link, every
/// full row that holds one of them (its chosen part, same name and bounds), and the lazy
/// cycle rows found so far.
///
/// Why rows keep their full names and columns only join: each round's model then extends
/// the last one, so GLPK grows its problem in place (``RelaxationSequence``) instead of
/// loading it anew.
struct PersonRestriction {
    let index: PersonColumns
    /// Whether each link is chosen.
    private(set) var chosen: [Bool]
    /// Full columns kept, in the order they joined (the restricted model's column order).
    private(set) var columns: [Int] = []
    /// Restricted column of each full column, -1 when left out.
    private(set) var position: [Int]
    /// Full rows kept, in the order they joined.
    private(set) var rows: [Int] = []
    private var rowKept: [Bool]
    /// Lazy rows found (subtours, short cycles), over full columns, normalised.
    private(set) var cuts: [Constraint] = []
    /// Cuts holding each full column, with the coefficient.
    private(set) var cutsOf: [[(cut: Int, coefficient: Double)]]

    /// The columns of no link only (fairness steps).
    init(_ index: PersonColumns) {
        self.index = index
        let n = index.full.model.variableCount
        chosen = Array(repeating: false, count: index.links.count)
        position = Array(repeating: -1, count: n)
        rowKept = Array(repeating: false, count: index.full.model.constraintCount)
        cutsOf = Array(repeating: [], count: n)
        for j in 0..<n where index.linkOf[j] < 0 { keep(column: j) }
        // A row that 0 breaks stays from the start, even with no column kept (a pin of a
        // person who may not be at the site has none at all): left out, the restricted
        // model would have roster the full one has not.
        for (r, row) in index.full.model.constraints.enumerated() where !rowKept[r] && (row.lower > 0 || row.upper < 0) {
            rowKept[r] = true
            rows.append(r)
        }
    }

    /// Chosen links.
    var chosenCount: Int { chosen.count(where: { $0 }) }

    /// Adds link `i` (its link column and every person column).
    mutating func choose(_ i: Int) {
        guard !chosen[i] else { return }
        chosen[i] = true
        for j in index.columnsOfLink[i] { keep(column: j) }
    }

    private mutating func keep(column j: Int) {
        position[j] = columns.count
        columns.append(j)
        for (r, _) in index.rowsOf[j] where !rowKept[r] {
            rowKept[r] = true
            rows.append(r)
        }
    }

    /// Adds a lazy row over full columns (a cycle row of the full model's separation).
    ///
    /// - Throws: ``ModelError`` when the row names no column of the full model (a bug).
    mutating func add(cut row: LazyRow) throws(ModelError) {
        let stored = try index.full.model.normalized(row)
        for term in stored.expression.terms { cutsOf[term.variable.index].append((cuts.count, term.coefficient)) }
        cuts.append(stored)
    }

    /// The restricted model: kept columns, kept rows and cut rows, each restricted to the
    /// kept columns (a left-out column is 0 in it).
    func model() throws(ModelError) -> Model {
        let full = index.full.model
        var model = Model(name: full.name)
        model.objectiveConstant = full.objectiveConstant
        for j in columns {
            let v = full.variables[j]
            try model.addVariable(name: v.name, lower: v.lower, upper: v.upper, kind: v.kind, objective: v.objective)
        }
        for r in rows {
            let row = full.constraints[r]
            try model.addConstraint(name: row.name, restricted(row.expression), lower: row.lower, upper: row.upper)
        }
        for (c, cut) in cuts.enumerated() {
            try model.addConstraint(name: "pcut_\(c)", restricted(cut.expression), lower: cut.lower, upper: cut.upper)
        }
        return model
    }

    /// The full model's row number of each restricted row, `full rows + c` for cut `c`.
    var rowNumbers: [Int] {
        rows + cuts.indices.map { index.full.model.constraintCount + $0 }
    }

    /// `expression` over the kept columns, in restricted indices.
    func restricted(_ expression: LinearExpression) -> LinearExpression {
        var out = LinearExpression([], constant: expression.constant)
        for term in expression.terms where position[term.variable.index] >= 0 {
            out.add(Variable(index: position[term.variable.index]), term.coefficient)
        }
        return out
    }

    /// A restricted point as a point of the full model (left-out columns 0).
    func fullPoint(_ values: [Double]) -> [Double] {
        var point = Array(repeating: 0.0, count: index.full.model.variableCount)
        for (i, j) in columns.enumerated() where i < values.count { point[j] = values[i] }
        return point
    }

    /// A full point (left-out columns must be 0) as a point of the restricted model.
    func restrictedPoint(_ point: [Double]) -> [Double] {
        columns.map { point[$0] }
    }

    /// The full model's lazy rows that a restricted point breaks, restricted (a left-out
    /// column is 0 in the restricted model, so dropping it keeps the row exact).
    func separate(_ values: [Double]) -> [LazyRow] {
        index.full.separate(fullPoint(values)).map { LazyRow(name: $0.name, restricted($0.expression), lower: $0.lower, upper: $0.upper) }
    }
}
