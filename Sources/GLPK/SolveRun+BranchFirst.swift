import MIPModel

extension SolveRun {
    /// Why ``SolveOptions/branchFirst`` cannot be handed to GLPK.
    struct BranchFirstError: Error {
        let message: String
    }

    /// ``SolveOptions/branchFirst`` as 1-based flags for the C callback (`columns + 1`
    /// entries), nil when it is empty.
    ///
    /// Checked here because GLPK aborts the process on a column number out of range, and
    /// `glp_ios_branch_upon` accepts only integer columns: a bad index is the caller's bug and
    /// fails the solve instead.
    static func branchFirstFlags(_ columns: [Int], _ prepared: PreparedModel) -> Result<[UInt8]?, BranchFirstError> {
        guard !columns.isEmpty else { return .success(nil) }
        var flags = [UInt8](repeating: 0, count: prepared.columnCount + 1)
        for j in prepared.integerColumns { flags[j + 1] = 2 }
        for j in columns {
            guard (0..<prepared.columnCount).contains(j) else {
                return .failure(BranchFirstError(
                    message: "branchFirst names column \(j), but the model has \(prepared.columnCount) columns"))
            }
            guard flags[j + 1] != 0 else {
                return .failure(BranchFirstError(message: "branchFirst names column \(j), which is not an integer column"))
            }
            flags[j + 1] = 1
        }
        return .success(flags.map { $0 == 1 ? 1 : 0 })
    }
}
