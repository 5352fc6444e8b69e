/// A person's presence at a site: a plan stay as the roster writes it, or a history stay with
/// the dates SPEC §2 gives it.
struct Presence {
    let person: String
    let site: String
    let term: Int
    let days: DateRange
    /// True for a stay of the roster, false for a history stay.
    let planned: Bool
}

extension RosterChecker {
    /// Rule 3. Resident mode: every day `S_1…E_last`, each receiving site has at least its
    /// `minStaff` distinct people present, counting the stays as written and the history's
    /// outgoing people during their handover days; one instance per site and term (the term a
    /// short day falls in). Visiting mode: each site has exactly `minStaff` people assigned.
    func coverageViolations(_ view: RosterView) -> [Violation] {
        scenario.mode == .visiting ? assignmentViolations(view) : presenceViolations(view)
    }

    /// Every stay with its days: history stays (resident mode) from `S_j` to `E_j + handoverDays`,
    /// or to `E_j` when the person stays on at the same site in term j+1; plan stays as written.
    /// Stays written backwards (leave before arrive) are left out: they put nobody anywhere.
    func presences(_ view: RosterView) -> [Presence] {
        var out: [Presence] = []
        if scenario.mode == .resident {
            for j in view.allTerms where j <= 0 {
                for (p, sites) in view.placements[j] ?? [:] {
                    for v in sites {
                        let staysOn = view.isPlaced(p, at: v, in: j + 1)
                        out.append(
                            Presence(
                                person: p, site: v, term: j, days: schedule.stay(term: j, staysOn: staysOn),
                                planned: false))
                    }
                }
            }
        }
        for k in view.planTerms {
            for s in view.stays[k] ?? [] where s.arrive <= s.leave {
                out.append(
                    Presence(
                        person: s.person, site: s.site, term: k, days: DateRange(from: s.arrive, to: s.leave),
                        planned: true))
            }
        }
        return out
    }

    private func presenceViolations(_ view: RosterView) -> [Violation] {
        guard let last = view.planTerms.last else { return [] }
        let start = schedule.start(1)
        let end = schedule.end(last)
        guard start <= end else { return [] }
        let dayCount = JudgeCalendar.days(from: start, to: end) + 1
        // Day index at which each plan term starts, to attribute a short day to its term.
        let termStarts = view.planTerms.map { JudgeCalendar.days(from: start, to: schedule.start($0)) }

        // Site → person → day-index intervals clipped to the plan; clipping first keeps all
        // arithmetic inside the plan, whatever dates the roster holds.
        var bySite: [String: [String: [(Int, Int)]]] = [:]
        for p in presences(view) where p.days.to >= start && p.days.from <= end {
            let lo = JudgeCalendar.days(from: start, to: max(p.days.from, start))
            let hi = JudgeCalendar.days(from: start, to: min(p.days.to, end))
            bySite[p.site, default: [:]][p.person, default: []].append((lo, hi))
        }

        var out: [Violation] = []
        for site in judgedSites {
            let required = minStaff(of: site)
            guard required > 0 else { continue }
            var delta = [Int](repeating: 0, count: dayCount + 1)
            for (_, intervals) in bySite[site.id] ?? [:] {
                // Merge one person's intervals so a person present twice counts once.
                for (lo, hi) in merged(intervals) {
                    delta[lo] += 1
                    delta[hi + 1] -= 1
                }
            }
            var present = 0
            var termIndex = 0
            var shortfalls: [[CoverageShortfall]] = Array(repeating: [], count: view.planTerms.count)
            var run: (from: Int, count: Int)?
            func close(at day: Int) {
                guard let r = run else { return }
                shortfalls[termIndex].append(
                    CoverageShortfall(present: r.count, days: DateRange(from: JudgeCalendar.addingDays(r.from, to: start), to: JudgeCalendar.addingDays(day - 1, to: start))))
                run = nil
            }
            for day in 0..<dayCount {
                if termIndex + 1 < termStarts.count, day == termStarts[termIndex + 1] {
                    close(at: day)
                    termIndex += 1
                }
                present += delta[day]
                if present < required {
                    if let r = run, r.count != present { close(at: day) }
                    if run == nil { run = (day, present) }
                } else {
                    close(at: day)
                }
            }
            close(at: dayCount)
            for (i, list) in shortfalls.enumerated() {
                guard let first = list.first, let lastShort = list.last else { continue }
                let k = view.planTerms[i]
                out.append(
                    Violation(
                        kind: .rule(.coverage), term: k, site: site.id,
                        dates: DateRange(from: first.days.from, to: lastShort.days.to),
                        message: .understaffed(term: k, site: unitName(site.id), required: required, shortfalls: list)))
            }
        }
        return out
    }

    private func assignmentViolations(_ view: RosterView) -> [Violation] {
        var out: [Violation] = []
        for k in view.planTerms {
            var assigned: [String: Set<String>] = [:]
            for s in view.stays[k] ?? [] { assigned[s.site, default: []].insert(s.person) }
            for site in judgedSites {
                let required = minStaff(of: site)
                let people = assigned[site.id] ?? []
                guard people.count != required else { continue }
                out.append(
                    Violation(
                        kind: .rule(.coverage), term: k, site: site.id, people: Array(people),
                        message: .assignedCount(term: k, site: unitName(site.id), assigned: people.count, required: required)))
            }
        }
        return out
    }

    /// Rule 4 (resident mode): one person's stays at different sites never share a day,
    /// the last history term's outgoing handover included. One instance per person and pair
    /// of terms, carried by the later term and its site.
    func overlapViolations(_ view: RosterView) -> [Violation] {
        var byPerson: [String: [Presence]] = [:]
        for p in presences(view) { byPerson[p.person, default: []].append(p) }
        var out: [Violation] = []
        for (person, list) in byPerson {
            let sorted = list.sorted { ($0.term, $0.days.from, $0.site) < ($1.term, $1.days.from, $1.site) }
            var reported: Set<[Int]> = []
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] {
                    // Two stays at one site are one place (a stay-on written with handover days
                    // is a date problem, reported as such); history against history is not the roster's.
                    guard a.site != b.site, a.planned || b.planned, JudgeCalendar.overlap(a.days, b.days),
                        reported.insert([a.term, b.term]).inserted
                    else { continue }
                    let days = DateRange(from: max(a.days.from, b.days.from), to: min(a.days.to, b.days.to))
                    out.append(
                        Violation(
                            kind: .rule(.overlap), term: b.term, unit: self.person(person)?.unit, site: b.site,
                            people: [person], dates: days,
                            message: .overlap(
                                term: b.term, person: personName(person), site: unitName(b.site), otherTerm: a.term,
                                otherSite: unitName(a.site), days: days)))
                }
            }
        }
        return out
    }
}

/// Sorted, merged day-index intervals (touching intervals join: the days are consecutive).
private func merged(_ intervals: [(Int, Int)]) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    for (lo, hi) in intervals.sorted(by: { $0 < $1 }) {
        if let last = out.last, lo <= last.1 + 1 {
            out[out.count - 1].1 = max(last.1, hi)
        } else {
            out.append((lo, hi))
        }
    }
    return out
}
