// Operators for building expressions in formulation code, e.g.
// `try model.addConstraint(name: "link", x - 2 * y + 1, upper: 0)`.
// Only combinations involving a Variable or LinearExpression are declared,
// so plain Double arithmetic elsewhere does not get new overloads.

extension LinearExpression {
    /// `lhs + rhs`.
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs)
        return result
    }

    /// `lhs - rhs`.
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs, times: -1)
        return result
    }

    /// `-operand`.
    public static prefix func - (operand: LinearExpression) -> LinearExpression {
        var result = LinearExpression()
        result.add(operand, times: -1)
        return result
    }

    /// `factor · expression`.
    public static func * (factor: Double, expression: LinearExpression) -> LinearExpression {
        var result = LinearExpression()
        result.add(expression, times: factor)
        return result
    }

    /// `expression · factor`.
    public static func * (expression: LinearExpression, factor: Double) -> LinearExpression {
        factor * expression
    }

    /// `lhs + constant`.
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
    }

    /// `constant + rhs`.
    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        rhs + lhs
    }

    /// `lhs - constant`.
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        lhs + (-rhs)
    }

    /// `constant - rhs`.
    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        -rhs + lhs
    }

    /// `lhs + variable`.
    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(rhs, 1)
        return result
    }

    /// `lhs - variable`.
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(rhs, -1)
        return result
    }

    /// `variable + rhs`.
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) + rhs
    }

    /// `variable - rhs`.
    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) - rhs
    }

    /// Appends `rhs` in place.
    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.add(rhs)
    }

    /// Subtracts `rhs` in place.
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.add(rhs, times: -1)
    }

    /// Appends `1·rhs` in place.
    public static func += (lhs: inout LinearExpression, rhs: Variable) {
        lhs.add(rhs, 1)
    }

    /// Appends `-1·rhs` in place.
    public static func -= (lhs: inout LinearExpression, rhs: Variable) {
        lhs.add(rhs, -1)
    }

    /// Adds a constant in place.
    public static func += (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant += rhs
    }

    /// Subtracts a constant in place.
    public static func -= (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant -= rhs
    }
}

extension Variable {
    /// `lhs + rhs` as an expression.
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression([(lhs, 1), (rhs, 1)])
    }

    /// `lhs - rhs` as an expression.
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression([(lhs, 1), (rhs, -1)])
    }

    /// `-operand` as an expression.
    public static prefix func - (operand: Variable) -> LinearExpression {
        LinearExpression([(operand, -1)])
    }

    /// `factor · variable`.
    public static func * (factor: Double, variable: Variable) -> LinearExpression {
        LinearExpression([(variable, factor)])
    }

    /// `variable · factor`.
    public static func * (variable: Variable, factor: Double) -> LinearExpression {
        LinearExpression([(variable, factor)])
    }

    /// `variable + constant`.
    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression([(lhs, 1)], constant: rhs)
    }

    /// `constant + variable`.
    public static func + (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression([(rhs, 1)], constant: lhs)
    }

    /// `variable - constant`.
    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression([(lhs, 1)], constant: -rhs)
    }

    /// `constant - variable`.
    public static func - (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression([(rhs, -1)], constant: lhs)
    }
}
