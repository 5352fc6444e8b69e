extension RosterChecker {
    /// Rule 6, each plan term's unit-level links.
    ///
    /// - Everywhere: people only at units that receive, and only from units that send.
    /// - `ring`/`cycles`: every enterprise sends exactly one team, of exactly the site's
    ///   `minStaff`, to one site; every site receives exactly one team; offices send nobody.
    ///   When that holds the links are a permutation, and its cycles are checked: one single
    ///   cycle (`ring`), or each at least `minCycle` long (`cycles`).
    /// - `free` with `mutualPairs: forbid`: never both u → v and v → u.
    func structureViolations(_ view: RosterView) -> [Violation] {
        var out: [Violation] = []
        for k in view.planTerms {
            let teams = teams(in: k, of: view)
            var valid: [Link: [String]] = [:]
            for (link, people) in teams.sorted(by: { $0.key < $1.key }) {
                guard let home = unit(link.from), let site = unit(link.to) else { continue }
                var ok = true
                if !site.receives {
                    ok = false
                    out.append(
                        Violation(
                            kind: .rule(.structure), term: k, unit: link.from, site: link.to, people: people,
                            message: .notASite(
                                term: k, unit: unitName(link.from), site: unitName(link.to), people: people.map(personName))))
                }
                let barred = judgedWithTeams ? (home.kind == .office || !home.sends) : !home.sends
                if barred {
                    ok = false
                    out.append(
                        Violation(
                            kind: .rule(.structure), term: k, unit: link.from, site: link.to, people: people,
                            message: .mayNotSend(
                                term: k, unit: unitName(link.from), site: unitName(link.to), people: people.map(personName))))
                }
                for closed in [home, site] where !closed.active && ok {
                    ok = false
                    out.append(
                        Violation(
                            kind: .rule(.structure), term: k, unit: link.from, site: link.to, people: people,
                            message: .inactiveUnit(
                                term: k, unit: unitName(link.from), site: unitName(link.to), inactive: unitName(closed.id),
                                people: people.map(personName))))
                }
                if ok { valid[link] = people }
            }
            if judgedWithTeams {
                out += teamViolations(term: k, teams: valid)
            } else if scenario.rules.mutualPairs == .forbid {
                for (link, people) in valid.sorted(by: { $0.key < $1.key }) where link.from < link.to {
                    guard let back = valid[Link(from: link.to, to: link.from)] else { continue }
                    out.append(
                        Violation(
                            kind: .rule(.structure), term: k, unit: link.from, site: link.to, people: people + back,
                            message: .mutualPair(term: k, first: unitName(link.from), second: unitName(link.to))))
                }
            }
        }
        return out
    }

    /// Ring/cycles: one team per enterprise and per site, of the right size, then the cycles.
    private func teamViolations(term k: Int, teams: [Link: [String]]) -> [Violation] {
        var out: [Violation] = []
        let senders = scenario.units.filter { $0.kind == .enterprise && $0.active }.map(\.id)
        let receivers = judgedSites.map(\.id)
        var sent: [String: [String]] = [:]
        var received: [String: [String]] = [:]
        for link in teams.keys.sorted() {
            sent[link.from, default: []].append(link.to)
            received[link.to, default: []].append(link.from)
        }
        for u in senders {
            let sites = sent[u] ?? []
            if sites.isEmpty {
                out.append(
                    Violation(kind: .rule(.structure), term: k, unit: u, message: .sendsNoTeam(term: k, unit: unitName(u))))
            } else if sites.count > 1 {
                let people = sites.flatMap { teams[Link(from: u, to: $0)] ?? [] }
                out.append(
                    Violation(
                        kind: .rule(.structure), term: k, unit: u, people: people,
                        message: .sendsSeveralTeams(term: k, unit: unitName(u), sites: sites.map(unitName))))
            }
        }
        for (link, people) in teams.sorted(by: { $0.key < $1.key }) {
            guard let site = unit(link.to) else { continue }
            let required = minStaff(of: site)
            guard people.count != required else { continue }
            out.append(
                Violation(
                    kind: .rule(.structure), term: k, unit: link.from, site: link.to, people: people,
                    message: .teamSize(
                        term: k, unit: unitName(link.from), site: unitName(link.to), size: people.count, required: required)))
        }
        for v in receivers {
            let units = received[v] ?? []
            if units.isEmpty {
                out.append(
                    Violation(kind: .rule(.structure), term: k, site: v, message: .receivesNoTeam(term: k, site: unitName(v))))
            } else if units.count > 1 {
                let people = units.flatMap { teams[Link(from: $0, to: v)] ?? [] }
                out.append(
                    Violation(
                        kind: .rule(.structure), term: k, site: v, people: people,
                        message: .receivesSeveralTeams(term: k, site: unitName(v), units: units.map(unitName))))
            }
        }

        // The cycles only mean something once the links are a permutation of the enterprises.
        let isPermutation =
            Set(senders) == Set(receivers) && senders.allSatisfy { sent[$0]?.count == 1 }
            && receivers.allSatisfy { received[$0]?.count == 1 }
        guard isPermutation else { return out }
        var next: [String: String] = [:]
        for (u, sites) in sent { next[u] = sites.first }
        var visited: Set<String> = []
        var cycles: [[String]] = []
        // Walking from the smallest unvisited id starts every cycle at its smallest id.
        for u in senders.sorted() where !visited.contains(u) {
            var cycle: [String] = []
            var x = u
            while visited.insert(x).inserted {
                cycle.append(x)
                guard let n = next[x] else { break }
                x = n
            }
            cycles.append(cycle)
        }
        func closed(_ c: [String]) -> [CheckName] { (c + (c.first.map { [$0] } ?? [])).map(unitName) }
        switch scenario.rules.structure {
        case .ring where cycles.count > 1:
            out.append(
                Violation(
                    kind: .rule(.structure), term: k, message: .notOneRing(term: k, cycles: cycles.map(closed))))
        case .cycles:
            for c in cycles where c.count < scenario.rules.minCycle {
                let people = c.flatMap { u in next[u].flatMap { teams[Link(from: u, to: $0)] } ?? [] }
                out.append(
                    Violation(
                        kind: .rule(.structure), term: k, unit: c.first, people: people,
                        message: .shortCycle(term: k, cycle: closed(c), minCycle: scenario.rules.minCycle)))
            }
        default:
            break
        }
        return out
    }
}
