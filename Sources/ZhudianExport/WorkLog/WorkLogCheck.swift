import ZhudianCore

/// Checks filled work-log rows against the roster: the site and the people are the roster's,
/// every person is at the site that day (resident: inside one of their stays there; visiting:
/// on the planned visit of that day), and no site has two rows for one day.
///
///     let checked = WorkLogCheck.check(rows, facts: facts)
///     checked.problems.isEmpty   // then checked.entries are the log
///
/// - Complexity: O(rows · stays of a person at a site).
public enum WorkLogCheck {
    /// The rows that pass, and every problem of those that do not, in the order read.
    public static func check(_ rows: [WorkLogReader.Row], facts: RosterFacts) -> (entries: [WorkLogEntry], problems: [WorkLogProblem]) {
        var visits: [String: [String]] = [:]
        for term in facts.roster.terms {
            for v in term.visits ?? [] { visits["\(v.site)|\(v.date)"] = v.people.sorted() }
        }
        var seen: [String: WorkLogPlace] = [:]
        var entries: [WorkLogEntry] = []
        var problems: [WorkLogProblem] = []
        for row in rows {
            let found = problemsOf(row, facts: facts, visits: visits)
            let key = "\(row.site)|\(row.date)"
            var all = found.map { WorkLogProblem(place: row.place, kind: $0) }
            if let first = seen[key] {
                all.append(WorkLogProblem(place: row.place, kind: .duplicate(site: row.site, date: row.date, first: first)))
            } else if found.isEmpty {
                seen[key] = row.place
            }
            if all.isEmpty {
                entries.append(WorkLogEntry(place: row.place, date: row.date, site: row.site, people: row.people,
                                            counts: row.counts, narrative: row.narrative))
            }
            problems += all
        }
        return (entries, problems)
    }

    static func problemsOf(_ row: WorkLogReader.Row, facts: RosterFacts, visits: [String: [String]]) -> [WorkLogProblem.Kind] {
        guard !(facts.staysBySite[row.site] ?? []).isEmpty else { return [.unknownSite(row.site)] }
        var out: [WorkLogProblem.Kind] = []
        let planned = visits["\(row.site)|\(row.date)"]
        if facts.scenario.mode == .visiting && planned == nil { out.append(.notAVisit(site: row.site, date: row.date)) }
        for person in row.people {
            guard let stays = facts.staysByPerson[person] else {
                out.append(.unknownPerson(person))
                continue
            }
            if facts.scenario.mode == .visiting {
                if let planned, !planned.contains(person) {
                    out.append(.notOnVisit(person: person, site: row.site, date: row.date, people: planned))
                }
                continue
            }
            let here = stays.filter { $0.stay.site == row.site }.map { DateRange(from: $0.stay.arrive, to: $0.stay.leave) }
            if !here.contains(where: { $0.contains(row.date) }) {
                out.append(.outsideStay(person: person, site: row.site, date: row.date, stays: here))
            }
        }
        return out
    }
}
