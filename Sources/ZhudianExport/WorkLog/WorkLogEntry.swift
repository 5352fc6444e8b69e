import ZhudianCore

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
