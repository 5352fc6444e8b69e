/// A dated task of the bureau between two rotations (SPEC §1 `calendar.events`, `reportDay`,
/// `reportDue`): a scenario event, a monthly report deadline, a term's move-in, handover or
/// departure, or the quarterly evaluation of notice 002 (每季度至少评估一次).
///
/// Titles are in Chinese whatever the locale: they go into calendars and reports that the
/// bureau sends on, as the roster file's explanations do.
public struct BureauTask: Sendable, Hashable {
    /// What kind of task; the order of the cases is the order of tasks on the same day.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// A `calendar.events` entry.
        case event
        /// A term's first day: the new people move in (resident) or the term begins (visiting).
        case moveIn = "move-in"
        /// Resident mode: the days outgoing and incoming people share a site.
        case handover
        /// Resident mode: the last term's people leave.
        case departure
        /// The monthly statistics report is due.
        case report
        /// The quarterly evaluation of the supervision work.
        case evaluation

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    /// The kind.
    public let kind: Kind
    /// The days (one day for everything but a handover).
    public let range: DateRange
    /// What to do, in Chinese.
    public let title: String

    /// Creates a task.
    public init(kind: Kind, range: DateRange, title: String) {
        self.kind = kind
        self.range = range
        self.title = title
    }
}
