/// The roster as the rules see it, built once per check: the plan terms 1…`terms` (the first
/// block of each number), their stays with unknown ids and repeats removed, the visits that
/// lie inside their term, and who was where in every history and plan term.
///
/// Building it reports the roster-file problems it meets (SPEC §4) as format violations, so
/// the rule checks can trust what they read and never trap on odd input.
struct RosterView {
    /// The plan's term numbers, 1…`calendar.terms`.
    let planTerms: [Int]
    /// The first history term's number (1 − history count); term 0 is the last history entry.
    let firstHistoryTerm: Int
    /// Person id → home unit id.
    private let personUnit: [String: String]
    /// Valid stays of each plan term, in roster order (site, person), one per person and site.
    private(set) var stays: [Int: [Stay]] = [:]
    /// Visits of each plan term dated inside the term at a known site, unknown people dropped.
    private(set) var visits: [Int: [Visit]] = [:]
    /// Term → person → sites, for every history and plan term.
    private(set) var placements: [Int: [String: Set<String>]] = [:]

    /// Reads `roster` against `scenario`, appending format violations to `problems`.
    ///
    /// - Complexity: O(stays · log stays + visits · people per visit).
    init(scenario: Scenario, index: JudgeIndex, roster: Roster, problems: inout [Violation]) {
        let termCount = max(0, scenario.calendar.terms)
        planTerms = Array(stride(from: 1, through: termCount, by: 1))
        firstHistoryTerm = 1 - scenario.history.count
        var homes: [String: String] = [:]
        for p in scenario.people where homes[p.id] == nil { homes[p.id] = p.unit }
        personUnit = homes

        // History: the last entry is term 0, the one before it term −1, …
        for (i, h) in scenario.history.enumerated() {
            let term = firstHistoryTerm + i
            var who: [String: Set<String>] = [:]
            for s in h.stays where index.person[s.person] != nil && index.unit[s.site] != nil {
                who[s.person, default: []].insert(s.site)
            }
            placements[term] = who
        }

        // Terms: order, repeats, range.
        var seen: Set<Int> = []
        var blocks: [Int: RosterTerm] = [:]
        var previous: Int?
        var unsorted = false
        for t in roster.terms {
            if let p = previous, t.term < p { unsorted = true }
            previous = t.term
            guard (1...max(1, termCount)).contains(t.term), termCount > 0 else {
                problems.append(format(t.term, .termUnexpected(term: t.term, terms: termCount)))
                continue
            }
            guard seen.insert(t.term).inserted else {
                problems.append(format(t.term, .termDuplicate(term: t.term)))
                continue
            }
            blocks[t.term] = t
        }
        if unsorted { problems.append(Violation(kind: .format, term: nil, message: .termsUnsorted)) }

        for k in planTerms {
            guard let block = blocks[k] else {
                problems.append(format(k, .termMissing(term: k)))
                stays[k] = []
                placements[k] = [:]
                continue
            }
            let schedule = JudgeSchedule(scenario)
            let (start, end) = (schedule.start(k), schedule.end(k))
            if block.start != start || block.end != end {
                problems.append(
                    format(
                        k,
                        .termDates(term: k, start: block.start, end: block.end, expectedStart: start, expectedEnd: end)))
            }
            readStays(of: block, scenario: scenario, index: index, problems: &problems)
            readLinks(of: block, problems: &problems)
            readVisits(of: block, scenario: scenario, index: index, problems: &problems)
        }
        checkStayDates(scenario: scenario, problems: &problems)
    }

    // MARK: - Reading one term

    private mutating func readStays(
        of block: RosterTerm, scenario: Scenario, index: JudgeIndex, problems: inout [Violation]
    ) {
        let k = block.term
        // SPEC §4's orders are spelled out here rather than taken from `Stay`'s `<`, which the
        // roster writer sorts with: the judge keeps its own reading (so for links and visits).
        if zip(block.stays, block.stays.dropFirst()).contains(where: { ($1.site, $1.person) < ($0.site, $0.person) }) {
            problems.append(format(k, .staysUnsorted(term: k)))
        }
        var kept: [Stay] = []
        var seen: Set<[String]> = []
        var who: [String: Set<String>] = [:]
        for s in block.stays {
            guard index.person[s.person] != nil else {
                problems.append(
                    Violation(
                        kind: .format, term: k, site: s.site, people: [s.person],
                        message: .unknownPerson(term: k, person: s.person)))
                continue
            }
            guard index.unit[s.site] != nil else {
                problems.append(
                    Violation(
                        kind: .format, term: k, site: s.site, people: [s.person],
                        message: .unknownSite(term: k, site: s.site)))
                continue
            }
            guard seen.insert([s.person, s.site]).inserted else {
                problems.append(
                    Violation(
                        kind: .format, term: k, site: s.site, people: [s.person],
                        message: .stayDuplicate(term: k, person: s.person, site: s.site)))
                continue
            }
            kept.append(s)
            who[s.person, default: []].insert(s.site)
        }
        stays[k] = kept.sorted()
        placements[k] = who
    }

    private func readLinks(of block: RosterTerm, problems: inout [Violation]) {
        let k = block.term
        if zip(block.links, block.links.dropFirst()).contains(where: { ($1.from, $1.to) < ($0.from, $0.to) }) {
            problems.append(format(k, .linksUnsorted(term: k)))
        }
        var listed: Set<Link> = []
        for l in block.links where !listed.insert(l).inserted {
            problems.append(
                Violation(
                    kind: .format, term: k, unit: l.from, site: l.to,
                    message: .linkDuplicate(term: k, from: l.from, to: l.to)))
        }
        let derived = links(in: k)
        for l in derived.subtracting(listed).sorted() {
            problems.append(
                Violation(
                    kind: .format, term: k, unit: l.from, site: l.to,
                    message: .linkMissing(term: k, from: l.from, to: l.to)))
        }
        for l in listed.subtracting(derived).sorted() {
            problems.append(
                Violation(
                    kind: .format, term: k, unit: l.from, site: l.to,
                    message: .linkExtra(term: k, from: l.from, to: l.to)))
        }
    }

    private mutating func readVisits(
        of block: RosterTerm, scenario: Scenario, index: JudgeIndex, problems: inout [Violation]
    ) {
        let k = block.term
        guard let list = block.visits else {
            if scenario.mode == .visiting { problems.append(format(k, .visitsMissing(term: k))) }
            visits[k] = []
            return
        }
        guard scenario.mode == .visiting else {
            // The rules ignore visits a resident roster should not carry.
            problems.append(format(k, .visitsUnexpected(term: k)))
            visits[k] = []
            return
        }
        if zip(list, list.dropFirst()).contains(where: { ($1.date, $1.site) < ($0.date, $0.site) }) {
            problems.append(format(k, .visitsUnsorted(term: k)))
        }
        let range = JudgeSchedule(scenario).days(k)
        var kept: [Visit] = []
        for v in list {
            guard index.unit[v.site] != nil else {
                problems.append(
                    Violation(
                        kind: .format, term: k, site: v.site, people: v.people,
                        message: .unknownSite(term: k, site: v.site)))
                continue
            }
            guard JudgeCalendar.contains(range, v.date) else {
                problems.append(
                    Violation(
                        kind: .format, term: k, site: v.site, people: v.people,
                        dates: DateRange(day: v.date), message: .visitOutsideTerm(term: k, date: v.date, site: v.site)))
                continue
            }
            if zip(v.people, v.people.dropFirst()).contains(where: { $1 <= $0 }) {
                problems.append(
                    Violation(
                        kind: .format, term: k, site: v.site, people: v.people, dates: DateRange(day: v.date),
                        message: .visitPeopleUnsorted(term: k, date: v.date, site: v.site)))
            }
            var people: [String] = []
            for p in v.people {
                if index.person[p] == nil {
                    problems.append(
                        Violation(
                            kind: .format, term: k, site: v.site, people: [p], dates: DateRange(day: v.date),
                            message: .unknownPerson(term: k, person: p)))
                } else {
                    people.append(p)
                }
            }
            kept.append(Visit(date: v.date, site: v.site, people: Array(Set(people)).sorted()))
        }
        visits[k] = kept
    }

    /// SPEC §2: arrive `S_k`; leave `E_k + handoverDays`, or `E_k` when the person stays on at the
    /// same site in term k+1 (resident mode); the term itself in visiting mode.
    private func checkStayDates(scenario: Scenario, problems: inout [Violation]) {
        let schedule = JudgeSchedule(scenario)
        for k in planTerms {
            for s in stays[k] ?? [] {
                let staysOn =
                    scenario.mode == .resident && k < (planTerms.last ?? 0) && isPlaced(s.person, at: s.site, in: k + 1)
                let expected = schedule.stay(term: k, staysOn: staysOn)
                if s.arrive != expected.from || s.leave != expected.to {
                    problems.append(
                        Violation(
                            kind: .format, term: k, site: s.site, people: [s.person],
                            message: .stayDates(
                                term: k, person: s.person, site: s.site, arrive: s.arrive, leave: s.leave,
                                expectedArrive: expected.from, expectedLeave: expected.to)))
                }
            }
        }
    }

    // MARK: - Queries

    /// Sites of `person` in `term` (history or plan); empty for a term nothing is known of.
    func sites(of person: String, in term: Int) -> Set<String> { placements[term]?[person] ?? [] }

    /// Whether `person` stays anywhere in `term`.
    func isPlaced(_ person: String, in term: Int) -> Bool { !(placements[term]?[person]?.isEmpty ?? true) }

    /// Whether `person` stays at `site` in `term`.
    func isPlaced(_ person: String, at site: String, in term: Int) -> Bool {
        placements[term]?[person]?.contains(site) ?? false
    }

    /// Unit-level links of `term`: (the person's home unit, site) for every placement.
    func links(in term: Int) -> Set<Link> {
        var result: Set<Link> = []
        for (person, sites) in placements[term] ?? [:] {
            guard let home = personUnit[person] else { continue }
            for s in sites { result.insert(Link(from: home, to: s)) }
        }
        return result
    }

    /// Every term the view knows, oldest first.
    var allTerms: [Int] { Array(stride(from: firstHistoryTerm, through: planTerms.last ?? 0, by: 1)) }
}

/// A term-level format violation.
private func format(_ term: Int, _ message: CheckMessage) -> Violation {
    Violation(kind: .format, term: term, message: message)
}
