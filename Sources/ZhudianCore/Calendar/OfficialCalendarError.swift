/// The official calendar's data file is missing or malformed: the installation is broken
/// (a bug, exit 70 in `zhudian`), never a reason to plan as if no holiday existed.
///
///     OfficialCalendarError(path: "/x/official-cn.json", problem: "`notices[2].holidays[0].to`: not a date")
public struct OfficialCalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file read, nil when none was found.
    public let path: String?
    /// What is wrong, with the key path where there is one.
    public let problem: String

    /// Creates the error.
    public init(path: String?, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// One line naming the file, the problem and the fix.
    public var description: String {
        "the official calendar data \(path ?? OfficialCalendarFile.name) \(problem); the installation is broken: "
            + "rebuild zhudian (`swift build -c release`) and keep the zhudian_ZhudianCore.resources folder next to the "
            + "binary, or regenerate the file with scripts/official-calendar.py"
    }
}
