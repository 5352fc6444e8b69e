import MIPModel

/// What a GLPK problem kept between relaxation solves holds, in GLPK's indices (1-based),
/// so that the next model can be checked to extend it before any GLPK call.
struct ProblemImage {
    /// One column's bounds (GLPK type) and objective coefficient.
    struct Column: Equatable {
        let type: Int32
        let lower: Double
        let upper: Double
        let cost: Double
    }

    /// One row's bounds (GLPK type) and entries, sorted by GLPK column.
    struct Row {
        let type: Int32
        let lower: Double
        let upper: Double
        var columns: [Int32]
        var values: [Double]
    }

    let maximize: Bool
    let objectiveConstant: Double
    /// GLPK column (1-based) by the model's column name.
    private(set) var columnIndex: [String: Int32] = [:]
    /// GLPK row (1-based) by the model's row name.
    private(set) var rowIndex: [String: Int32] = [:]
    /// By GLPK column − 1.
    private(set) var columns: [Column] = []
    /// By GLPK row − 1.
    private(set) var rows: [Row] = []

    /// The image of `prepared` loaded as is (model index i at GLPK index i + 1); nil when
    /// two columns or two rows share a name (then no later model can be matched to it).
    init?(_ prepared: PreparedModel, _ model: Model) {
        maximize = prepared.maximize
        objectiveConstant = prepared.objectiveConstant
        let empty = ProblemImage(maximize: maximize, objectiveConstant: objectiveConstant)
        guard let plan = ProblemExtension(empty, prepared, model) else { return nil }
        apply(plan, prepared)
    }

    private init(maximize: Bool, objectiveConstant: Double) {
        self.maximize = maximize
        self.objectiveConstant = objectiveConstant
    }

    /// Records `plan`'s new columns and rows, and the new columns' entries in earlier rows.
    mutating func apply(_ plan: ProblemExtension, _ prepared: PreparedModel) {
        for j in plan.newColumns {
            columnIndex[plan.columnNames[j]] = plan.columnOf[j]
            columns.append(
                Column(
                    type: prepared.columnTypes[j], lower: prepared.columnLower[j], upper: prepared.columnUpper[j],
                    cost: prepared.objective[j]))
        }
        let first = columns.count - plan.newColumns.count + 1
        for (k, column) in plan.columnEntries.enumerated() {
            // Earlier rows only (added rows come whole below); the new column's index is
            // above every stored one, so appending keeps each row sorted.
            for (row, value) in zip(column.rows, column.values) where Int(row) <= rows.count {
                rows[Int(row) - 1].columns.append(Int32(first + k))
                rows[Int(row) - 1].values.append(value)
            }
        }
        for (k, i) in plan.newRows.enumerated() {
            rowIndex[plan.rowNames[i]] = plan.rowOf[i]
            rows.append(
                Row(
                    type: prepared.rowTypes[i], lower: prepared.rowLower[i], upper: prepared.rowUpper[i],
                    columns: plan.rowEntries[k].columns, values: plan.rowEntries[k].values))
        }
    }
}

/// How a model extends a ``ProblemImage``: where each of its columns and rows stands in
/// GLPK, and what must be added. Built in Swift only; nil when the model is no extension
/// (a column or row left out, changed bounds, cost or earlier coefficients, a repeated name).
struct ProblemExtension {
    /// Entries of one added row or column, in GLPK indices, increasing.
    struct Entries {
        var rows: [Int32] = []
        var columns: [Int32] = []
        var values: [Double] = []
    }

    /// GLPK column (1-based) of each model column.
    let columnOf: [Int32]
    /// GLPK row (1-based) of each model row.
    let rowOf: [Int32]
    /// Model columns added, in GLPK order.
    let newColumns: [Int]
    /// Model rows added, in GLPK order.
    let newRows: [Int]
    /// Per added row: every entry (GLPK columns).
    let rowEntries: [Entries]
    /// Per added column: every entry (GLPK rows), earlier rows and added ones.
    let columnEntries: [Entries]
    let columnNames: [String]
    let rowNames: [String]

    init?(_ image: ProblemImage, _ prepared: PreparedModel, _ model: Model) {
        guard prepared.maximize == image.maximize, prepared.objectiveConstant == image.objectiveConstant else {
            return nil
        }
        columnNames = model.variables.map(\.name)
        rowNames = model.constraints.map(\.name)
        guard let columns = Self.place(columnNames, image.columnIndex, count: image.columns.count),
            let rows = Self.place(rowNames, image.rowIndex, count: image.rows.count)
        else { return nil }
        columnOf = columns.of
        rowOf = rows.of
        newColumns = columns.added
        newRows = rows.added
        for j in 0..<prepared.columnCount where Int(columnOf[j]) <= image.columns.count {
            let now = ProblemImage.Column(
                type: prepared.columnTypes[j], lower: prepared.columnLower[j], upper: prepared.columnUpper[j],
                cost: prepared.objective[j])
            guard now == image.columns[Int(columnOf[j]) - 1] else { return nil }
        }
        let oldColumns = Int32(image.columns.count)
        let oldRows = image.rows.count
        var addedRow = Array(repeating: -1, count: prepared.rowCount)
        for (k, i) in newRows.enumerated() { addedRow[i] = k }
        var rowEntries = Array(repeating: Entries(), count: newRows.count)
        var columnEntries = Array(repeating: Entries(), count: newColumns.count)
        // The matrix is stored row by row, rows in model order (PreparedModel).
        var e = 1
        for i in 0..<prepared.rowCount {
            let r = rowOf[i]
            var kept: [(Int32, Double)] = []
            var all: [(Int32, Double)] = []
            while e < prepared.matrixRows.count, Int(prepared.matrixRows[e]) == i + 1 {
                let c = columnOf[Int(prepared.matrixColumns[e]) - 1]
                let v = prepared.matrixValues[e]
                if c > oldColumns {
                    columnEntries[Int(c - oldColumns) - 1].rows.append(r)
                    columnEntries[Int(c - oldColumns) - 1].values.append(v)
                } else {
                    kept.append((c, v))
                }
                all.append((c, v))
                e += 1
            }
            if Int(r) <= oldRows {
                let stored = image.rows[Int(r) - 1]
                guard stored.type == prepared.rowTypes[i], stored.lower == prepared.rowLower[i],
                    stored.upper == prepared.rowUpper[i], stored.columns.count == kept.count
                else { return nil }
                kept.sort { $0.0 < $1.0 }
                for (k, entry) in kept.enumerated() where stored.columns[k] != entry.0 || stored.values[k] != entry.1 {
                    return nil
                }
            } else {
                all.sort { $0.0 < $1.0 }
                rowEntries[addedRow[i]].columns = all.map(\.0)
                rowEntries[addedRow[i]].values = all.map(\.1)
            }
        }
        // Rows were visited in model order, not GLPK order: sort each column's entries.
        for k in columnEntries.indices {
            let pairs = zip(columnEntries[k].rows, columnEntries[k].values).sorted { $0.0 < $1.0 }
            columnEntries[k].rows = pairs.map(\.0)
            columnEntries[k].values = pairs.map(\.1)
        }
        self.rowEntries = rowEntries
        self.columnEntries = columnEntries
    }

    /// Each name's GLPK index: the stored one, or the next free one in order of first
    /// appearance; nil when a name repeats or a stored name is missing.
    private static func place(
        _ names: [String], _ stored: [String: Int32], count: Int
    ) -> (of: [Int32], added: [Int])? {
        var of: [Int32] = []
        of.reserveCapacity(names.count)
        var added: [Int] = []
        var seen = Set<String>()
        seen.reserveCapacity(names.count)
        var matched = 0
        for (i, name) in names.enumerated() {
            guard seen.insert(name).inserted else { return nil }
            if let index = stored[name] {
                of.append(index)
                matched += 1
            } else {
                added.append(i)
                of.append(Int32(count + added.count))
            }
        }
        guard matched == count, count + added.count < Int(Int32.max) else { return nil }
        return (of, added)
    }
}
