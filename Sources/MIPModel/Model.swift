/// A mixed-integer linear program built in memory, independent of any solver.
///
/// Every mutating call validates its input and throws ``ModelError`` before
/// storing anything, so a model is always loadable by a solver. Each
/// ``addVariable(name:lower:upper:kind:objective:)`` creates one column and
/// each ``addConstraint(name:_:lower:upper:)`` one row.
///
/// ```swift
/// var model = Model(name: "cover")
/// let x = try model.addVariable(name: "x", kind: .binary, objective: 3)
/// let y = try model.addVariable(name: "y", kind: .binary, objective: 2)
/// try model.addConstraint(name: "need", x + y, lower: 1)
/// ```
public struct Model: Sendable, Equatable {
    /// A label for logs and LP files; not validated (writers sanitise it).
    public var name: String
    /// Whether the objective is minimised (the default) or maximised.
    public var sense: ObjectiveSense
    /// A constant added to the objective; must stay finite.
    public var objectiveConstant: Double
    /// The columns, indexed by ``Variable/index``.
    public private(set) var variables: [VariableInfo]
    /// The rows, indexed by ``ConstraintRef/index``, in normalised form.
    public private(set) var constraints: [Constraint]

    /// An empty minimisation model.
    public init(name: String = "zhudian") {
        self.name = name
        self.sense = .minimize
        self.objectiveConstant = 0
        self.variables = []
        self.constraints = []
    }

    /// Number of columns.
    public var variableCount: Int { variables.count }

    /// Number of rows.
    public var constraintCount: Int { constraints.count }

    /// Adds one column.
    ///
    /// Integer bounds are rounded inwards (with a 1e-9 allowance for
    /// arithmetic noise); `.binary` clamps the bounds to [0, 1], so the
    /// defaults give exactly [0, 1] and `lower: 1` fixes the variable to 1.
    ///
    /// - Throws: ``ModelError`` for a bad name, NaN or wrong-side infinite
    ///   bounds, `lower > upper`, an empty integer domain or a non-finite
    ///   objective coefficient.
    @discardableResult
    public mutating func addVariable(
        name: String, lower: Double = 0, upper: Double = .infinity,
        kind: VariableKind = .continuous, objective: Double = 0
    ) throws(ModelError) -> Variable {
        try Self.validateName(name, .variable)
        try Self.validateBounds(lower, upper, .variable, name)
        let variable = Variable(index: variables.count)
        guard objective.isFinite else {
            throw .nonFiniteCoefficient(.objective, name: name, variable: variable)
        }
        var low = lower
        var high = upper
        if kind == .binary {
            low = max(low, 0)
            high = min(high, 1)
        }
        if kind.isIntegral {
            // Arithmetic like 0.1 * 30 must not lose an integer to rounding.
            if low.isFinite { low = (low - 1e-9).rounded(.up) }
            if high.isFinite { high = (high + 1e-9).rounded(.down) }
            guard low <= high else {
                throw .emptyIntegerDomain(name: name, lower: lower, upper: upper)
            }
        }
        variables.append(VariableInfo(name: name, lower: low, upper: high, kind: kind, objective: objective))
        return variable
    }

    /// Adds one row `lower ≤ expression ≤ upper`.
    ///
    /// The expression is merged and sorted and its constant is moved into
    /// the bounds; see ``Constraint``.
    ///
    /// - Throws: ``ModelError`` for a bad name, an unknown variable, a
    ///   non-finite coefficient or constant, invalid bounds or `lower > upper`.
    @discardableResult
    public mutating func addConstraint(
        name: String, _ expression: LinearExpression,
        lower: Double = -.infinity, upper: Double = .infinity
    ) throws(ModelError) -> ConstraintRef {
        try Self.validateName(name, .constraint)
        let row = try normalizedRow(name: name, expression, lower: lower, upper: upper, entity: .constraint)
        constraints.append(row)
        return ConstraintRef(index: constraints.count - 1)
    }

    /// Replaces the objective coefficient of `v`.
    ///
    /// - Throws: ``ModelError/unknownVariable(_:name:variable:variableCount:)``
    ///   or ``ModelError/nonFiniteCoefficient(_:name:variable:)``.
    public mutating func setObjectiveCoefficient(_ v: Variable, _ c: Double) throws(ModelError) {
        guard variables.indices.contains(v.index) else {
            throw .unknownVariable(.objective, name: "objective", variable: v, variableCount: variables.count)
        }
        let info = variables[v.index]
        guard c.isFinite else {
            throw .nonFiniteCoefficient(.objective, name: info.name, variable: v)
        }
        variables[v.index] = VariableInfo(
            name: info.name, lower: info.lower, upper: info.upper, kind: info.kind, objective: c)
    }

    /// Replaces the bounds of `v` (e.g. a reduced-cost argument fixing a column to 0).
    ///
    /// - Throws: ``ModelError/unknownVariable(_:name:variable:variableCount:)`` or the errors of
    ///   ``addVariable(name:lower:upper:kind:objective:)`` for the new bounds.
    public mutating func setBounds(_ v: Variable, lower: Double, upper: Double) throws(ModelError) {
        guard variables.indices.contains(v.index) else {
            throw .unknownVariable(.variable, name: "bounds", variable: v, variableCount: variables.count)
        }
        let info = variables[v.index]
        try Self.validateBounds(lower, upper, .variable, info.name)
        variables[v.index] = VariableInfo(
            name: info.name, lower: lower, upper: upper, kind: info.kind, objective: info.objective)
    }

    /// The objective at `point` (indexed by ``Variable/index``), constant included;
    /// NaN when `point` is shorter than the model.
    public func objectiveValue(at point: [Double]) -> Double {
        guard point.count >= variables.count else { return .nan }
        var total = objectiveConstant
        for (index, info) in variables.enumerated() where info.objective != 0 {
            total += info.objective * point[index]
        }
        return total
    }

    /// Checks a separator's row against this model and returns it in stored
    /// form (merged, sorted, constant folded into the bounds). Solvers call
    /// this so lazy rows obey exactly the rules of model rows.
    ///
    /// - Throws: ``ModelError`` as ``addConstraint(name:_:lower:upper:)``,
    ///   except that the name is not checked.
    public func normalized(_ row: LazyRow) throws(ModelError) -> Constraint {
        try normalizedRow(name: row.name, row.expression, lower: row.lower, upper: row.upper, entity: .lazyRow)
    }

    private func normalizedRow(
        name: String, _ expression: LinearExpression, lower: Double, upper: Double, entity: ModelEntity
    ) throws(ModelError) -> Constraint {
        try Self.validateBounds(lower, upper, entity, name)
        guard expression.constant.isFinite else {
            throw .nonFiniteConstant(entity, name: name)
        }
        for term in expression.terms {
            guard variables.indices.contains(term.variable.index) else {
                throw .unknownVariable(entity, name: name, variable: term.variable, variableCount: variables.count)
            }
            guard term.coefficient.isFinite else {
                throw .nonFiniteCoefficient(entity, name: name, variable: term.variable)
            }
        }
        var merged = expression.merged()
        // Large finite coefficients can sum to infinity.
        if let bad = merged.terms.first(where: { !$0.coefficient.isFinite }) {
            throw .nonFiniteCoefficient(entity, name: name, variable: bad.variable)
        }
        let shift = merged.constant
        merged.constant = 0
        let foldedLower = lower - shift
        let foldedUpper = upper - shift
        // Folding a huge constant can push a finite bound to infinity.
        guard foldedLower != .infinity, foldedUpper != -.infinity else {
            throw .nonFiniteConstant(entity, name: name)
        }
        return Constraint(name: name, expression: merged, lower: foldedLower, upper: foldedUpper)
    }

    static func validateName(_ name: String, _ entity: ModelEntity) throws(ModelError) {
        guard !name.isEmpty else { throw .emptyName(entity) }
        let bytes = name.utf8.count
        guard bytes <= 255 else { throw .nameTooLong(entity, name: name, bytes: bytes) }
        // General category Cc is exactly U+0000–U+001F and U+007F–U+009F; comparing code
        // points skips the property table lookup, which took 3 % of a ring 100 × 2 plan (perf:
        // every model of every LP round names each of its columns and rows).
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw .controlCharacterInName(entity, name: name)
        }
    }

    static func validateBounds(_ lower: Double, _ upper: Double, _ entity: ModelEntity, _ name: String) throws(ModelError) {
        guard !lower.isNaN, lower != .infinity else { throw .invalidLowerBound(entity, name: name) }
        guard !upper.isNaN, upper != -.infinity else { throw .invalidUpperBound(entity, name: name) }
        guard lower <= upper else { throw .lowerAboveUpper(entity, name: name, lower: lower, upper: upper) }
    }
}
