/// History, `served` counts and leave, placed where the witness leaves room.
extension GeneratorRun {
    /// The team of enterprise `u` in witness term `k`: its rested people not at the site lately,
    /// longest-rested first so that everybody takes turns.
    mutating func team(_ w: GeneratorWitness, term k: Int, unit u: Int, site v: Int) -> [Int] {
        var scored: [(last: Int, key: UInt64, p: Int)] = []
        for p in unitPeople[u]
        where people[p].qualified && w.mayServe(p, term: k, rules: rules, handover: calendar.handoverDays)
            && !w.wasAt(p, v, before: k, window: rules.personCooldown)
        {
            scored.append((w.lastServed(p, before: k), rng.next(), p))
        }
        scored.sort { ($0.last, $0.key, $0.p) < ($1.last, $1.key, $1.p) }
        return scored.prefix(staff(v)).map(\.p).sorted()
    }

    func termStart(index k: Int) -> CivilDate {
        // Witness term k is plan term k − historyCount + 1.
        calendar.start.addingMonths((k - historyCount) * calendar.termMonths)
    }

    mutating func makeHistory(_ w: GeneratorWitness) -> [HistoryTerm] {
        var result: [HistoryTerm] = []
        for k in 0..<min(historyCount, w.termCount) {
            var stays: [HistoryStay] = []
            for u in 0..<n {
                for p in w.teams[k][u] {
                    stays.append(HistoryStay(person: people[p].id, site: units[w.links[k][u]].id))
                }
            }
            result.append(HistoryTerm(start: termStart(index: k), stays: stays))
        }
        return result
    }

    mutating func finishServed(_ history: [HistoryTerm]) {
        var appearances = Array(repeating: 0, count: people.count)
        var index: [String: Int] = [:]
        for (i, p) in people.enumerated() { index[p.id] = i }
        for term in history {
            for stay in term.stays { if let i = index[stay.person] { appearances[i] += 1 } }
        }
        for i in people.indices { people[i].served = max(appearances[i], servedDraw[i]) }
    }

    /// Plan terms (1-based) the witness covers, with their witness index.
    func planTerms(_ w: GeneratorWitness) -> [(term: Int, index: Int)] {
        (1...terms).compactMap { t in
            let k = historyCount + t - 1
            return k < w.termCount ? (t, k) : nil
        }
    }

    mutating func addLeave(_ w: GeneratorWitness) {
        let horizon = DateRange(from: calendar.start, to: termStart(index: historyCount + terms).addingDays(-1))
        var busy = Array(repeating: [DateRange](), count: people.count)
        for (_, k) in planTerms(w) {
            let stay = DateRange(
                from: termStart(index: k), to: termStart(index: k + 1).addingDays(-1 + calendar.handoverDays))
            for u in 0..<n { for p in w.teams[k][u] { busy[p].append(stay) } }
        }
        var wanted = Int((leaveRate * Double(people.count)).rounded())
        for p in rng.shuffled(Array(people.indices)) where wanted > 0 {
            // Free stretches of the horizon, at least a week long.
            var gaps: [DateRange] = []
            var cursor = horizon.from
            for b in busy[p].sorted(by: { $0.from < $1.from }) {
                if cursor < b.from { gaps.append(DateRange(from: cursor, to: b.from.addingDays(-1))) }
                if b.to >= cursor { cursor = b.to.addingDays(1) }
            }
            if cursor <= horizon.to { gaps.append(DateRange(from: cursor, to: horizon.to)) }
            gaps = gaps.filter { $0.dayCount >= 7 }
            guard let gap = rng.pick(gaps) else { continue }
            let length = rng.int(in: 7...min(21, gap.dayCount))
            let from = gap.from.addingDays(rng.int(below: gap.dayCount - length + 1))
            let reason = rng.pick(Names.leaveReasons)
            people[p].unavailable = [
                Absence(range: DateRange(from: from, to: from.addingDays(length - 1)), reason: reason)
            ]
            wanted -= 1
        }
    }
}
