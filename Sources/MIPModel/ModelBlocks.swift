/// A model split into independent parts once some of its columns are fixed: two free
/// columns are in one part when a row holds both (through any chain of rows).
///
/// Why: with every link of a teams model fixed, what is left (who of each enterprise serves
/// when) falls apart into one small part per enterprise. One branch and bound over all of
/// them at once must make every part integral in the same node; at 3000 enterprises GLPK
/// found no roster that way in 20 s, while each part alone is solved at its root.
public struct ModelBlocks: Sendable {
    /// One part: a model of its own (same column and row names) and, per column, the
    /// column's index in the whole model.
    public struct Block: Sendable {
        /// The part's columns and the rows over them, with the fixed columns' share moved
        /// into the row bounds.
        public let model: Model
        /// `columns[j]`: the whole model's index of the part's column `j`.
        public let columns: [Int]
    }

    /// The parts, in the order of their first column; columns in no row share one part.
    public let blocks: [Block]
    /// The whole model's column count.
    public let columnCount: Int
    /// The fixed columns and their values.
    public let fixed: [Int: Double]

    /// The parts of `model` with the columns of `fixed` set to their values; nil when a row
    /// that holds fixed columns only is broken by them (beyond `tolerance`, relative as in
    /// ``Model/violations(at:tolerance:)``): no point of the model keeps those values.
    ///
    /// - Throws: ``ModelError`` only on a bug (a part's row or column the model accepted).
    /// - Complexity: O(columns + non-zeros), near enough (union by size).
    public init?(_ model: Model, fixing fixed: [Int: Double], tolerance: Double = 1e-6) throws(ModelError) {
        let n = model.variableCount
        var parent = Array(0..<n)
        func root(_ a: Int) -> Int {
            var a = a
            while parent[a] != a {
                parent[a] = parent[parent[a]]
                a = parent[a]
            }
            return a
        }
        for row in model.constraints {
            var first: Int?
            var shift = 0.0
            for term in row.expression.terms {
                let j = term.variable.index
                if let v = fixed[j] {
                    shift += term.coefficient * v
                } else if let f = first {
                    let (a, b) = (root(f), root(j))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    first = j
                }
            }
            if first == nil, Model.boundViolation(
                .point, row.name, value: shift, lower: row.lower, upper: row.upper, tolerance: tolerance) != nil
            {
                return nil
            }
        }
        // Columns by part, parts by first column; every column in no row in one part.
        var inRow = Array(repeating: false, count: n)
        for row in model.constraints {
            for term in row.expression.terms where fixed[term.variable.index] == nil { inRow[term.variable.index] = true }
        }
        var partOf: [Int: Int] = [:]
        var columns: [[Int]] = []
        var loose: [Int] = []
        for j in 0..<n where fixed[j] == nil {
            guard inRow[j] else {
                loose.append(j)
                continue
            }
            let r = root(j)
            if let p = partOf[r] {
                columns[p].append(j)
            } else {
                partOf[r] = columns.count
                columns.append([j])
            }
        }
        if !loose.isEmpty { columns.append(loose) }
        var rowsOf = Array(repeating: [Int](), count: columns.count)
        var blockOf = Array(repeating: -1, count: n)
        for (b, cols) in columns.enumerated() {
            for j in cols { blockOf[j] = b }
        }
        for (i, row) in model.constraints.enumerated() {
            if let t = row.expression.terms.first(where: { fixed[$0.variable.index] == nil }) {
                rowsOf[blockOf[t.variable.index]].append(i)
            }
        }
        var blocks: [Block] = []
        for (b, cols) in columns.enumerated() {
            blocks.append(Block(
                model: try Self.part(model, b, cols, rowsOf[b], fixed),
                columns: cols))
        }
        self.blocks = blocks
        self.columnCount = n
        self.fixed = fixed
    }

    /// The part `b` of `model`: its columns `cols` and its rows, fixed columns moved into
    /// the bounds.
    private static func part(_ model: Model, _ b: Int, _ cols: [Int], _ rows: [Int], _ fixed: [Int: Double])
        throws(ModelError) -> Model
    {
        var sub = Model(name: "\(model.name)_part\(b)")
        sub.sense = model.sense
        var local: [Int: Variable] = [:]
        for j in cols {
            let v = model.variables[j]
            local[j] = try sub.addVariable(name: v.name, lower: v.lower, upper: v.upper, kind: v.kind, objective: v.objective)
        }
        for i in rows {
            let row = model.constraints[i]
            var expression = LinearExpression()
            var shift = 0.0
            for term in row.expression.terms {
                if let v = fixed[term.variable.index] {
                    shift += term.coefficient * v
                } else if let x = local[term.variable.index] {
                    expression.add(x, term.coefficient)
                }
            }
            try sub.addConstraint(name: row.name, expression, lower: row.lower - shift, upper: row.upper - shift)
        }
        return sub
    }

    /// The whole model's point from one point per part (in ``blocks`` order) and the fixed
    /// values.
    public func assemble(_ points: [[Double]]) -> [Double] {
        var whole = Array(repeating: 0.0, count: columnCount)
        for (j, v) in fixed { whole[j] = v }
        for (block, point) in zip(blocks, points) {
            for (local, j) in block.columns.enumerated() { whole[j] = point[local] }
        }
        return whole
    }
}
