import ZhudianCore

/// `ics/person-<id>.ics` and `ics/site-<id>.ics` (SPEC §6): each stay as an all-day range, the
/// handover days as their own events, empty posts (空岗) on the site's calendar, and the
/// scenario's dated tasks. In visiting mode a stay is only the term's assignment, so the
/// calendars hold one event per visit instead, with the colleagues and the enterprise's
/// town and coordinates.
///
/// Bytes are deterministic: UIDs are derived from term, person, site and date, and DTSTAMP is
/// the plan's first day at 00:00:00Z rather than the clock. Every event carries
/// `X-ZHUDIAN-KIND` (stay, handover, vacancy, visit, event) so that a program can tell them apart.
///
///     for (path, bytes) in RosterCalendars.files(roster, scenario: scenario) { … }
///
/// - Complexity: O(stays · stays at the same site).
public enum RosterCalendars {
    /// Relative paths (`ics/…`) and bytes, persons first, each group by id.
    public static func files(_ roster: Roster, scenario: Scenario) -> [(path: String, bytes: [UInt8])] {
        let facts = RosterFacts(roster, scenario: scenario)
        var out: [(String, [UInt8])] = []
        for person in facts.staysByPerson.keys.sorted() {
            out.append(("ics/person-\(fileSafe(person)).ics", personCalendar(person, facts)))
        }
        for site in facts.siteIDs {
            out.append(("ics/site-\(fileSafe(site)).ics", siteCalendar(site, facts)))
        }
        return out
    }

    /// An id as a file name: scenario ids are already safe; anything else in a hand-edited
    /// roster becomes `_`, and a leading dot is replaced so no file is hidden or `..`.
    static func fileSafe(_ id: String) -> String {
        var s = String(id.unicodeScalars.map { c -> Character in
            let ok = (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" || c == "-" || c == "."
            return ok ? Character(c) : "_"
        })
        if s.hasPrefix(".") { s = "_" + s.dropFirst() }
        return s.isEmpty ? "_" : s
    }

    static func personCalendar(_ person: String, _ facts: RosterFacts) -> [UInt8] {
        var w = begin(facts, name: "驻点安排 \(facts.personName(person))")
        if facts.hasVisits {
            for (term, visit) in facts.visits where visit.people.contains(person) {
                visitEvent(visit, term: term, facts, uid: "visit-\(ICSWriter.basic(visit.date))-\(visit.site)-\(person)",
                           summary: "走访：\(facts.shortName(visit.site))", others: visit.people.filter { $0 != person }, into: &w)
            }
            return end(&w, facts)
        }
        for ts in facts.staysByPerson[person] ?? [] {
            stayEvent(ts, facts, summary: "驻点：\(facts.shortName(ts.stay.site))", into: &w)
            for h in handovers(of: ts, facts) {
                event(&w, facts, uid: "handover-\(ts.term)-\(person)-\(ts.stay.site)-\(ICSWriter.basic(h.range.from))",
                      kind: "handover", range: h.range, summary: "交接：\(facts.shortName(ts.stay.site))（\(h.incoming ? "接班" : "交班")）",
                      description: "与\(names(h.others, facts))交接岗位、任务和责任", site: ts.stay.site)
            }
        }
        return end(&w, facts)
    }

    static func siteCalendar(_ site: String, _ facts: RosterFacts) -> [UInt8] {
        var w = begin(facts, name: "驻点安排 \(facts.shortName(site))")
        if facts.hasVisits {
            for (term, visit) in facts.visits where visit.site == site {
                visitEvent(visit, term: term, facts, uid: "visit-\(ICSWriter.basic(visit.date))-\(site)",
                           summary: "走访：\(visit.people.map(facts.personName).joined(separator: "、"))", others: visit.people, into: &w)
            }
            vacancies(site, facts, into: &w)
            return end(&w, facts)
        }
        for ts in facts.staysBySite[site] ?? [] {
            stayEvent(ts, facts, summary: "驻点人员：\(facts.personName(ts.stay.person))（\(facts.shortName(facts.homeUnit(ts.stay.person)))）", into: &w)
        }
        var seen = Set<DateRange>()
        for ts in facts.staysBySite[site] ?? [] {
            for h in handovers(of: ts, facts) where h.incoming && seen.insert(h.range).inserted {
                event(&w, facts, uid: "handover-\(site)-\(ICSWriter.basic(h.range.from))", kind: "handover", range: h.range,
                      summary: "交接：\(facts.shortName(site))", description: "交班：\(names(h.others, facts))", site: site)
            }
        }
        vacancies(site, facts, into: &w)
        return end(&w, facts)
    }

    /// The site's empty posts (空岗), one event per run of days.
    static func vacancies(_ site: String, _ facts: RosterFacts, into w: inout ICSWriter) {
        for gap in facts.gapsBySite[site] ?? [] {
            event(&w, facts, uid: "vacancy-\(site)-\(ICSWriter.basic(gap.range.from))", kind: "vacancy", range: gap.range,
                  summary: "\(VacancyText.label)：\(facts.shortName(site))", description: VacancyText.shortfall(gap), site: site)
        }
    }

    /// One visit (visiting mode) as an all-day event: the enterprise with its town and
    /// coordinates (also as LOCATION and GEO), and who goes: `others`, each with their unit.
    static func visitEvent(
        _ visit: Visit, term: Int, _ facts: RosterFacts, uid: String, summary: String, others: [String], into w: inout ICSWriter
    ) {
        let site = visit.site
        var lines = ["第 \(term) 轮 走访 \(visit.date)", "驻点企业：\(facts.unitName(site))"]
        if let town = facts.unit(site)?.town { lines.append("所在地：\(town)") }
        if let loc = facts.unit(site)?.location { lines.append("坐标：\(loc.lat), \(loc.lon)") }
        if !others.isEmpty { lines.append("\(others.count == visit.people.count ? "驻点人员" : "同行人员")：\(names(others, facts))") }
        event(&w, facts, uid: uid, kind: "visit", range: DateRange(day: visit.date), summary: summary,
              description: lines.joined(separator: "\n"), site: site,
              extra: [("X-ZHUDIAN-TERM", String(term))] + visit.people.map { ("X-ZHUDIAN-PERSON", $0) }, busy: true)
    }

    /// A handover: days this stay shares with a stay of another term at the same site.
    struct Handover {
        let range: DateRange
        /// True when the others were there first (this person takes over).
        let incoming: Bool
        let others: [String]
    }

    static func handovers(of ts: RosterFacts.TermStay, _ facts: RosterFacts) -> [Handover] {
        var byRange: [DateRange: (Bool, [String])] = [:]
        let mine = DateRange(from: ts.stay.arrive, to: ts.stay.leave)
        for other in facts.staysBySite[ts.stay.site] ?? [] where other.term != ts.term {
            let theirs = DateRange(from: other.stay.arrive, to: other.stay.leave)
            guard mine.overlaps(theirs) else { continue }
            let range = DateRange(from: max(mine.from, theirs.from), to: min(mine.to, theirs.to))
            byRange[range, default: (other.term < ts.term, [])].1.append(other.stay.person)
        }
        return byRange.map { Handover(range: $0.key, incoming: $0.value.0, others: $0.value.1.sorted()) }
            .sorted { $0.range.from < $1.range.from }
    }

    static func stayEvent(_ ts: RosterFacts.TermStay, _ facts: RosterFacts, summary: String, into w: inout ICSWriter) {
        let site = ts.stay.site
        let colleagues = facts.team(at: site, term: ts.term).filter { $0 != ts.stay.person }
        var lines = ["第 \(ts.term) 轮 \(ts.stay.arrive) 至 \(ts.stay.leave)", "驻点企业：\(facts.unitName(site))"]
        if let town = facts.unit(site)?.town { lines.append("所在地：\(town)") }
        if let loc = facts.unit(site)?.location { lines.append("坐标：\(loc.lat), \(loc.lon)") }
        if !colleagues.isEmpty { lines.append("同组人员：\(names(colleagues, facts))") }
        event(&w, facts, uid: "stay-\(ts.term)-\(ts.stay.person)-\(site)", kind: "stay",
              range: DateRange(from: ts.stay.arrive, to: ts.stay.leave), summary: summary,
              description: lines.joined(separator: "\n"), site: site,
              extra: [("X-ZHUDIAN-TERM", String(ts.term)), ("X-ZHUDIAN-PERSON", ts.stay.person)])
    }

    static func names(_ people: [String], _ facts: RosterFacts) -> String {
        people.map { "\(facts.personName($0))（\(facts.shortName(facts.homeUnit($0)))）" }.joined(separator: "、")
    }

    static func event(
        _ w: inout ICSWriter, _ facts: RosterFacts, uid: String, kind: String, range: DateRange, summary: String,
        description: String, site: String?, extra: [(String, String)] = [], busy: Bool = false
    ) {
        w.raw("BEGIN", "VEVENT")
        w.property("UID", text: uid + "@zhudian")
        w.raw("DTSTAMP", stamp(facts))
        w.date("DTSTART", range.from)
        w.date("DTEND", range.to.addingDays(1))
        w.property("SUMMARY", text: summary)
        if let site {
            let town = facts.unit(site)?.town.map { "（\($0)）" } ?? ""
            w.property("LOCATION", text: facts.unitName(site) + town)
            if let loc = facts.unit(site)?.location { w.raw("GEO", "\(loc.lat);\(loc.lon)") }
        }
        w.property("DESCRIPTION", text: description)
        // A stay spans months and must not block a calendar; a visit takes the day.
        w.raw("TRANSP", busy ? "OPAQUE" : "TRANSPARENT")
        w.raw("X-ZHUDIAN-KIND", kind)
        if let site { w.property("X-ZHUDIAN-SITE", text: site) }
        for (name, value) in extra { w.property(name, text: value) }
        w.raw("END", "VEVENT")
    }

    static func stamp(_ facts: RosterFacts) -> String { ICSWriter.basic(facts.horizon.from) + "T000000Z" }

    static func begin(_ facts: RosterFacts, name: String) -> ICSWriter {
        var w = ICSWriter()
        w.raw("BEGIN", "VCALENDAR")
        w.raw("VERSION", "2.0")
        w.raw("PRODID", "-//zhudian//roster//ZH")
        w.raw("CALSCALE", "GREGORIAN")
        w.raw("METHOD", "PUBLISH")
        w.property("X-WR-CALNAME", text: name)
        return w
    }

    static func end(_ w: inout ICSWriter, _ facts: RosterFacts) -> [UInt8] {
        for (i, e) in facts.scenario.calendar.events.sorted(by: { ($0.date, $0.title) < ($1.date, $1.title) }).enumerated() {
            event(&w, facts, uid: "event-\(ICSWriter.basic(e.date))-\(i + 1)", kind: "event", range: DateRange(day: e.date),
                  summary: e.title, description: facts.scenario.name, site: nil)
        }
        w.raw("END", "VCALENDAR")
        return w.bytes
    }
}
