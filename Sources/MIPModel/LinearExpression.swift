/// A linear expression `Σ coefficient·variable + constant`.
///
/// Terms may repeat; ``Model`` merges (sums) them and sorts them by variable
/// when it stores a constraint, so builders can append freely.
///
/// ```swift
/// var load = LinearExpression()
/// for shift in shifts { load.add(shift, 8) }
/// try model.addConstraint(name: "hours(ana)", load, upper: 40)
/// ```
public struct LinearExpression: Sendable {
    /// The terms, in insertion order, possibly repeating a variable.
    public var terms: [(variable: Variable, coefficient: Double)]
    /// A constant offset; folded into the bounds when used in a constraint.
    public var constant: Double

    /// The zero expression.
    public init() {
        self.terms = []
        self.constant = 0
    }

    /// An expression from `(variable, coefficient)` pairs and a constant.
    public init(_ terms: [(Variable, Double)], constant: Double = 0) {
        self.terms = terms.map { (variable: $0.0, coefficient: $0.1) }
        self.constant = constant
    }

    /// The expression `1·variable`.
    public init(_ variable: Variable) {
        self.terms = [(variable: variable, coefficient: 1)]
        self.constant = 0
    }

    /// The sum of `variables`, each with coefficient 1.
    ///
    /// - Complexity: O(*n*) in the number of variables.
    public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        var expression = LinearExpression()
        for variable in variables {
            expression.add(variable, 1)
        }
        return expression
    }

    /// Appends `c·v`.
    public mutating func add(_ v: Variable, _ c: Double) {
        terms.append((variable: v, coefficient: c))
    }

    /// Appends `factor·e`, constant included.
    public mutating func add(_ e: LinearExpression, times factor: Double = 1) {
        terms.reserveCapacity(terms.count + e.terms.count)
        for term in e.terms {
            terms.append((variable: term.variable, coefficient: term.coefficient * factor))
        }
        constant += e.constant * factor
    }

    /// The expression's value at `point` (indexed by ``Variable/index``).
    ///
    /// Returns NaN when a term's variable lies outside `point`, so a
    /// dimension mismatch shows up as a violation rather than a crash.
    public func value(at point: [Double]) -> Double {
        var total = constant
        for term in terms {
            guard point.indices.contains(term.variable.index) else { return .nan }
            total += term.coefficient * point[term.variable.index]
        }
        return total
    }

    /// The same expression with repeated variables summed, zero coefficients
    /// dropped and terms sorted by variable, which is the form solvers load.
    ///
    /// - Complexity: O(*n* log *n*) in the number of terms.
    public func merged() -> LinearExpression {
        let sorted = terms.enumerated().sorted { lhs, rhs in
            // Tie-break on position so summation order, hence rounding, is deterministic.
            (lhs.element.variable.index, lhs.offset) < (rhs.element.variable.index, rhs.offset)
        }
        var result = LinearExpression()
        result.constant = constant
        result.terms.reserveCapacity(sorted.count)
        var index = 0
        while index < sorted.count {
            let variable = sorted[index].element.variable
            var coefficient = 0.0
            while index < sorted.count, sorted[index].element.variable == variable {
                coefficient += sorted[index].element.coefficient
                index += 1
            }
            if coefficient != 0 {  // NaN passes, so validation still sees it
                result.terms.append((variable: variable, coefficient: coefficient))
            }
        }
        return result
    }
}

extension LinearExpression: Equatable {
    /// Compares terms in stored order; call ``merged()`` on both sides first
    /// to compare mathematically.
    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> Bool {
        lhs.constant == rhs.constant
            && lhs.terms.count == rhs.terms.count
            && zip(lhs.terms, rhs.terms).allSatisfy { $0.variable == $1.variable && $0.coefficient == $1.coefficient }
    }
}

extension LinearExpression: CustomStringConvertible {
    /// A compact rendering such as `2*x3 - x5 + 1`, for logs and test failures.
    public var description: String {
        var parts: [String] = []
        for term in terms {
            let magnitude = abs(term.coefficient)
            let body = magnitude == 1 ? "x\(term.variable.index)" : "\(magnitude)*x\(term.variable.index)"
            if parts.isEmpty {
                parts.append(term.coefficient < 0 ? "-" + body : body)
            } else {
                parts.append((term.coefficient < 0 ? "- " : "+ ") + body)
            }
        }
        if constant != 0 || parts.isEmpty {
            if parts.isEmpty {
                parts.append("\(constant)")
            } else {
                parts.append((constant < 0 ? "- " : "+ ") + "\(abs(constant))")
            }
        }
        return parts.joined(separator: " ")
    }
}
