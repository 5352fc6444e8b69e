import MIPModel

extension SolveSession {
    /// Judges a node heuristic's point: rounds its integer columns in place, then takes it
    /// only when it satisfies every row and bound of the model and the separator returns no
    /// row for it. GLPK's glp_ios_heur_sol checks integrality and the objective only, so
    /// this is what keeps a wrong point from becoming the roster (GLPK.md §5).
    func accept(_ point: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard point.count == model.variables.count, point.allSatisfy(\.isFinite) else { return false }
        for column in integerColumns { point[column] = point[column].rounded() }
        let values = Array(point)
        guard model.violations(at: values).isEmpty else { return false }
        if let separator = hooks.separator, !separator(values, true).isEmpty { return false }
        return true
    }
}
