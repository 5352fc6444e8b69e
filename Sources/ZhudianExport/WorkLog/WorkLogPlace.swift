/// Where a work-log row is: `FILE:SHEET:ROW` in a workbook, `FILE:ROW` in a CSV file.
public struct WorkLogPlace: Sendable, Hashable, CustomStringConvertible {
    /// The file as given on the command line.
    public let file: String
    /// The sheet's tab name; nil for CSV.
    public let sheet: String?
    /// The 1-based row number, as Excel and a text editor count.
    public let row: Int

    /// Creates a place.
    public init(file: String, sheet: String?, row: Int) {
        self.file = file
        self.sheet = sheet
        self.row = row
    }

    /// `FILE:SHEET:ROW` or `FILE:ROW`.
    public var description: String { sheet.map { "\(file):\($0):\(row)" } ?? "\(file):\(row)" }
}
