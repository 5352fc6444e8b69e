extension Model {
    /// Rows and bounds (and integrality for integer/binary columns) that
    /// `point` violates by more than `tolerance`; empty means feasible.
    ///
    /// The tolerance is relative to the size of the bound: a value passes a
    /// bound `b` when it is within `tolerance · max(1, |b|)`, matching how
    /// solvers judge feasibility. Integrality uses `tolerance` as is.
    ///
    /// - Complexity: O(variables + non-zeros).
    public func violations(at point: [Double], tolerance: Double = 1e-6) -> [ModelViolation] {
        guard point.count == variables.count else {
            return [ModelViolation(
                subject: .point, name: "", kind: .wrongDimension(count: point.count, expected: variables.count),
                value: Double(point.count), amount: Double(abs(point.count - variables.count)))]
        }
        var found: [ModelViolation] = []
        for (index, info) in variables.enumerated() {
            let subject = ModelViolation.Subject.variable(Variable(index: index))
            let value = point[index]
            if let violation = Self.boundViolation(
                subject, info.name, value: value, lower: info.lower, upper: info.upper, tolerance: tolerance) {
                found.append(violation)
            } else if info.kind.isIntegral {
                let distance = abs(value - value.rounded())
                if distance > tolerance {
                    found.append(ModelViolation(
                        subject: subject, name: info.name, kind: .notIntegral, value: value, amount: distance))
                }
            }
        }
        for (index, row) in constraints.enumerated() {
            let activity = row.expression.value(at: point)
            if let violation = Self.boundViolation(
                .constraint(ConstraintRef(index: index)), row.name, value: activity,
                lower: row.lower, upper: row.upper, tolerance: tolerance) {
                found.append(violation)
            }
        }
        return found
    }

    /// Whether `value` violates `[lower, upper]` beyond the scaled tolerance; nil when it does not.
    static func boundViolation(
        _ subject: ModelViolation.Subject, _ name: String, value: Double,
        lower: Double, upper: Double, tolerance: Double
    ) -> ModelViolation? {
        guard value.isFinite else {
            return ModelViolation(subject: subject, name: name, kind: .notFinite, value: value, amount: .infinity)
        }
        if lower.isFinite, value < lower - tolerance * max(1, abs(lower)) {
            return ModelViolation(
                subject: subject, name: name, kind: .belowLower(bound: lower), value: value, amount: lower - value)
        }
        if upper.isFinite, value > upper + tolerance * max(1, abs(upper)) {
            return ModelViolation(
                subject: subject, name: name, kind: .aboveUpper(bound: upper), value: value, amount: value - upper)
        }
        return nil
    }
}
