import ZhudianCore

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

/// A filled work-log row, read and checked against the roster.
public struct WorkLogEntry: Sendable, Equatable {
    /// Where it was read.
    public let place: WorkLogPlace
    /// The day of the record.
    public let date: CivilDate
    /// The site's id.
    public let site: String
    /// The supervisors' ids, as written.
    public let people: [String]
    /// The counters; a blank cell is 0 (the row is filled: some counter or the narrative is).
    public let counts: [WorkLogCounter: Double]
    /// What was done.
    public let narrative: String

    /// Creates an entry.
    public init(place: WorkLogPlace, date: CivilDate, site: String, people: [String], counts: [WorkLogCounter: Double],
                narrative: String) {
        self.place = place
        self.date = date
        self.site = site
        self.people = people
        self.counts = counts
        self.narrative = narrative
    }
}
