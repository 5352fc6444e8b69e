import ZhudianCore

/// The statistics of one month and of the period since `--since`, from the checked work-log
/// entries and the roster (`zhudian stats`, SPEC §5).
///
/// The roster gives the people and enterprise counts: 名 and 家 are distinct people and sites
/// in the period (resident: at a site on some day of it; visiting: on a planned visit in it),
/// 人次 and 家次 are visits (visiting: each person at a visit one 人次, each visit one 家次 per
/// level present) or, in resident mode, the monthly 名 and 家 added up over the months of the
/// period. Everything is split by the sending office's `level` (市级 for a city-level office,
/// 县级 otherwise). The counters come from the logs; every expected row that no entry fills
/// (``WorkLogSlot``) inside the cumulative period is listed as missing.
///
///     let stats = WorkLogStats(facts: facts, entries: entries, month: monthStart, since: since)
///
/// - Complexity: O(entries + slots + months · stays).
public struct WorkLogStats: Sendable {
    /// The people and enterprise counts of a period.
    public struct RosterCounts: Sendable, Equatable {
        /// Distinct people (名) and sites (家), by level.
        public var people = (city: 0, county: 0), sites = (city: 0, county: 0)
        /// 人次 and 家次, by level.
        public var personTimes = (city: 0, county: 0), siteTimes = (city: 0, county: 0)

        public static func == (a: RosterCounts, b: RosterCounts) -> Bool {
            a.people == b.people && a.sites == b.sites && a.personTimes == b.personTimes && a.siteTimes == b.siteTimes
        }
    }

    /// The reported month.
    public let month: DateRange
    /// `--since` to the month's last day.
    public let cumulativePeriod: DateRange
    /// The month's counters.
    public let monthly: WorkLogTotals
    /// The counters since `--since`.
    public let cumulative: WorkLogTotals
    /// The month's people and enterprises.
    public let monthlyRoster: RosterCounts
    /// People and enterprises since `--since`.
    public let cumulativeRoster: RosterCounts
    /// Expected rows in the cumulative period with no entry, by site, then date.
    public let missing: [WorkLogSlot]

    /// Adds up `entries` for the month that starts on `month` (its first day) and since `since`.
    public init(facts: RosterFacts, entries: [WorkLogEntry], month first: CivilDate, since: CivilDate) {
        let month = DateRange(from: first, to: first.addingMonths(1).addingDays(-1))
        let period = DateRange(from: since, to: month.to)
        self.month = month
        cumulativePeriod = period
        var monthly = WorkLogTotals(), cumulative = WorkLogTotals()
        for e in entries {
            if month.contains(e.date) { monthly.add(e) }
            if period.contains(e.date) { cumulative.add(e) }
        }
        self.monthly = monthly
        self.cumulative = cumulative
        monthlyRoster = Self.counts(month, facts)
        cumulativeRoster = Self.counts(period, facts)
        var logged: [String: [CivilDate]] = [:]
        for e in entries { logged[e.site, default: []].append(e.date) }
        missing = WorkLogSlot.all(facts).filter { slot in
            slot.days.overlaps(period) && !(logged[slot.site] ?? []).contains { slot.days.contains($0) }
        }
    }

    static func counts(_ period: DateRange, _ facts: RosterFacts) -> RosterCounts {
        guard period.dayCount > 0 else { return RosterCounts() }
        return facts.scenario.mode == .visiting ? visitingCounts(period, facts) : residentCounts(period, facts)
    }

    /// 名 and 家: people on a visit in the period, sites visited; 人次 and 家次: the visits.
    static func visitingCounts(_ period: DateRange, _ facts: RosterFacts) -> RosterCounts {
        var c = RosterCounts()
        let times = MonthCounts.visiting(MonthCounts.Month(key: "", range: period), facts)
        c.personTimes = (times.cityPeople, times.countyPeople)
        c.siteTimes = (times.citySites, times.countySites)
        var people = (city: Set<String>(), county: Set<String>()), sites = (city: Set<String>(), county: Set<String>())
        for v in facts.roster.terms.flatMap({ $0.visits ?? [] }) where period.contains(v.date) {
            for p in v.people {
                if MonthCounts.isCity(p, facts) {
                    people.city.insert(p)
                    sites.city.insert(v.site)
                } else {
                    people.county.insert(p)
                    sites.county.insert(v.site)
                }
            }
        }
        c.people = (people.city.count, people.county.count)
        c.sites = (sites.city.count, sites.county.count)
        return c
    }

    /// 名 and 家: people at a site on some day of the period, and those sites; 人次 and 家次:
    /// the same counted month by month and added up.
    static func residentCounts(_ period: DateRange, _ facts: RosterFacts) -> RosterCounts {
        var c = RosterCounts()
        let distinct = MonthCounts.resident(MonthCounts.Month(key: "", range: period), facts)
        c.people = (distinct.cityPeople, distinct.countyPeople)
        c.sites = (distinct.citySites, distinct.countySites)
        var first = CivilDate(year: period.from.year, month: period.from.month, day: 1) ?? period.from
        while first <= period.to {
            let part = DateRange(from: max(first, period.from), to: min(first.addingMonths(1).addingDays(-1), period.to))
            let m = MonthCounts.resident(MonthCounts.Month(key: "", range: part), facts)
            c.personTimes = (c.personTimes.city + m.cityPeople, c.personTimes.county + m.countyPeople)
            c.siteTimes = (c.siteTimes.city + m.citySites, c.siteTimes.county + m.countySites)
            first = first.addingMonths(1)
        }
        return c
    }
}
