import ZhudianCore

/// A row the work logs expect from a site: in resident mode one per week of the month (an ISO
/// week, Monday to Sunday, cut at the month's edges, on days someone is at the site), in
/// visiting mode one per planned visit.
///
/// The workbooks are pre-filled with these rows, and `stats` lists every slot of the reported
/// period that no filled row falls in: a missing log is never counted as zero.
public struct WorkLogSlot: Sendable, Hashable {
    /// The site's id.
    public let site: String
    /// The days a row may be dated: the week's days in the month (resident), the visit (visiting).
    public let days: DateRange
    /// The date the workbook pre-fills: the first of `days` with someone at the site.
    public let date: CivilDate
    /// The people at the site on `date`, by id.
    public let people: [String]

    /// Creates a slot.
    public init(site: String, days: DateRange, date: CivilDate, people: [String]) {
        self.site = site
        self.days = days
        self.date = date
        self.people = people
    }

    /// Every slot of a roster over its terms (the last handover days belong to the next roster's
    /// first term), by site in scenario order, then date.
    ///
    /// - Complexity: O(sites · days · stays at a site) in resident mode, O(visits) in visiting mode.
    public static func all(_ facts: RosterFacts) -> [WorkLogSlot] {
        facts.scenario.mode == .visiting ? visits(facts) : weeks(facts)
    }

    static func visits(_ facts: RosterFacts) -> [WorkLogSlot] {
        let order = Dictionary(facts.siteIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return facts.roster.terms.flatMap { $0.visits ?? [] }
            .map { WorkLogSlot(site: $0.site, days: DateRange(day: $0.date), date: $0.date, people: $0.people.sorted()) }
            .sorted { (order[$0.site] ?? Int.max, $0.site, $0.date) < (order[$1.site] ?? Int.max, $1.site, $1.date) }
    }

    static func weeks(_ facts: RosterFacts) -> [WorkLogSlot] {
        let horizon = facts.horizon
        guard horizon.dayCount > 0 else { return [] }
        var out: [WorkLogSlot] = []
        for site in facts.siteIDs {
            let stays = facts.staysBySite[site] ?? []
            func present(_ d: CivilDate) -> [String] {
                stays.filter { $0.stay.arrive <= d && d <= $0.stay.leave }.map(\.stay.person).sorted()
            }
            for segment in weekSegments(horizon) {
                var day = segment.from
                while day <= segment.to, present(day).isEmpty { day = day.addingDays(1) }
                guard day <= segment.to else { continue }
                out.append(WorkLogSlot(site: site, days: segment, date: day, people: present(day)))
            }
        }
        return out
    }

    /// `range` cut into weeks (Monday to Sunday) and again at every month's first day.
    public static func weekSegments(_ range: DateRange) -> [DateRange] {
        var out: [DateRange] = []
        var start = range.from
        var day = range.from
        while day <= range.to {
            let next = day.addingDays(1)
            if next > range.to || next.weekday == 1 || next.day == 1 {
                out.append(DateRange(from: start, to: day))
                start = next
            }
            day = next
        }
        return out
    }
}
