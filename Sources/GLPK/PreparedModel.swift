import CGLPK
import MIPModel

/// A ``Model`` re-checked and flattened into GLPK's layout (1-based arrays
/// with an unused slot 0), built in pure Swift before any GLPK call so that
/// no argument error is reachable inside GLPK.
struct PreparedModel {
    let columnCount: Int
    let rowCount: Int
    let maximize: Bool
    let objectiveConstant: Double
    /// Per column (0-based here; loaded at j + 1).
    let columnTypes: [Int32]
    let columnLower: [Double]
    let columnUpper: [Double]
    let objective: [Double]
    let integerColumns: [Int]
    /// Per row (0-based here; loaded at i + 1).
    let rowTypes: [Int32]
    let rowLower: [Double]
    let rowUpper: [Double]
    /// Coordinate matrix in glp_load_matrix form: entry 0 unused.
    let matrixRows: [Int32]
    let matrixColumns: [Int32]
    let matrixValues: [Double]

    var nonZeroCount: Int { matrixValues.count - 1 }

    /// Re-validates what ``Model`` already enforced on insertion (cheap, and
    /// the only thing between a future `Model` bug and a GLPK abort).
    init(_ model: Model) throws(PreparationError) {
        let n = model.variableCount
        let m = model.constraintCount
        // GLPK indexes with Int32 and counts non-zeros in Int32.
        guard n < Int(Int32.max), m < Int(Int32.max) else {
            throw PreparationError("the model is too large for GLPK (\(n) variables, \(m) constraints)")
        }
        guard model.objectiveConstant.isFinite else {
            throw PreparationError("the objective constant is not finite; use a finite number")
        }
        columnCount = n
        rowCount = m
        maximize = model.sense == .maximize
        objectiveConstant = model.objectiveConstant

        var types: [Int32] = []
        var lowers: [Double] = []
        var uppers: [Double] = []
        var costs: [Double] = []
        var integers: [Int] = []
        types.reserveCapacity(n)
        lowers.reserveCapacity(n)
        uppers.reserveCapacity(n)
        costs.reserveCapacity(n)
        for (index, info) in model.variables.enumerated() {
            var lower = info.lower
            var upper = info.upper
            if info.kind.isIntegral {
                // GLPK answers fractional integer bounds with GLP_EBOUND.
                if lower.isFinite { lower = (lower - 1e-9).rounded(.up) }
                if upper.isFinite { upper = (upper + 1e-9).rounded(.down) }
                integers.append(index)
            }
            guard info.objective.isFinite else {
                throw PreparationError("variable '\(info.name)' has a non-finite objective coefficient")
            }
            let bounds = try Self.bounds(lower, upper, what: "variable '\(info.name)'")
            types.append(bounds.type)
            lowers.append(bounds.lower)
            uppers.append(bounds.upper)
            costs.append(info.objective)
        }
        columnTypes = types
        columnLower = lowers
        columnUpper = uppers
        objective = costs
        integerColumns = integers

        var rowTypes: [Int32] = []
        var rowLowers: [Double] = []
        var rowUppers: [Double] = []
        var entryRows: [Int32] = [0]
        var entryColumns: [Int32] = [0]
        var entryValues: [Double] = [0]
        rowTypes.reserveCapacity(m)
        rowLowers.reserveCapacity(m)
        rowUppers.reserveCapacity(m)
        for (index, row) in model.constraints.enumerated() {
            // Model folds constants into bounds; folding again keeps this correct if that ever changes.
            let shift = row.expression.constant
            guard shift.isFinite else {
                throw PreparationError("constraint '\(row.name)' has a non-finite constant term")
            }
            let bounds = try Self.bounds(row.lower - shift, row.upper - shift, what: "constraint '\(row.name)'")
            rowTypes.append(bounds.type)
            rowLowers.append(bounds.lower)
            rowUppers.append(bounds.upper)
            // glp_load_matrix aborts on duplicate (i, j) pairs, so the model's
            // merged-and-sorted promise is checked rather than trusted.
            let terms = try Self.checkedTerms(row.expression, columns: n, what: "constraint '\(row.name)'")
            for term in terms {
                entryRows.append(Int32(index + 1))
                entryColumns.append(Int32(term.column + 1))
                entryValues.append(term.coefficient)
            }
        }
        guard entryValues.count - 1 < Int(Int32.max) else {
            throw PreparationError("the model has too many non-zero coefficients for GLPK")
        }
        self.rowTypes = rowTypes
        rowLower = rowLowers
        rowUpper = rowUppers
        matrixRows = entryRows
        matrixColumns = entryColumns
        matrixValues = entryValues
    }

    /// Maps bounds to GLPK's type, using GLP_FX for equal bounds because
    /// GLP_DB with lb == ub is rejected by glp_intopt (GLP_EBOUND).
    static func bounds(
        _ lower: Double, _ upper: Double, what: String
    ) throws(PreparationError) -> (type: Int32, lower: Double, upper: Double) {
        guard !lower.isNaN, lower != .infinity, !upper.isNaN, upper != -.infinity else {
            throw PreparationError("\(what) has a NaN or wrong-side infinite bound")
        }
        guard lower <= upper else {
            throw PreparationError("\(what) has lower bound \(lower) above upper bound \(upper)")
        }
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    /// The expression's terms, checked to be finite, in range and strictly
    /// increasing by column (merged); merges again if they are not.
    static func checkedTerms(
        _ expression: LinearExpression, columns: Int, what: String
    ) throws(PreparationError) -> [(column: Int, coefficient: Double)] {
        var sortedUnique = true
        var previous = -1
        for term in expression.terms {
            let column = term.variable.index
            guard column >= 0, column < columns else {
                throw PreparationError(
                    "\(what) refers to unknown variable #\(column) (the model has \(columns) variables)")
            }
            guard term.coefficient.isFinite else {
                throw PreparationError("\(what) has a non-finite coefficient for variable #\(column)")
            }
            if column <= previous { sortedUnique = false }
            previous = column
        }
        let terms = sortedUnique ? expression.terms : expression.merged().terms
        var result: [(column: Int, coefficient: Double)] = []
        result.reserveCapacity(terms.count)
        for term in terms where term.coefficient != 0 {
            guard term.coefficient.isFinite else {
                throw PreparationError("\(what) has a non-finite coefficient for variable #\(term.variable.index)")
            }
            result.append((column: term.variable.index, coefficient: term.coefficient))
        }
        return result
    }
}
