import ZhudianCore
import ZhudianExport

/// The table `plan` prints: per term, the rings as chains of short names, then each site's
/// people and travel, then one status line.
enum Summary {
    static func lines(_ roster: Roster, _ scenario: Scenario, formulation: String, language: Language) -> [String] {
        let index = ScenarioIndex(scenario)
        func short(_ id: String) -> String {
            index.unit[id].map { scenario.units[$0].displayName } ?? id
        }
        var out: [String] = []
        let facts = RosterFacts(roster, scenario: scenario)
        for term in roster.terms {
            out.append(CLIMessage.termHeader(term: term.term, start: term.start.description, end: term.end.description).render(language))
            if term.visits != nil {
                // Visiting mode: who goes where is the grid's people column; the links would
                // repeat each office once per site.
                out += VisitGrid.lines(term, facts: facts, language: language)
                out += emptyPosts(term, facts: facts, short: short)
                continue
            }
            for chain in cycles(term.links) {
                out.append("  " + chain.map(short).joined(separator: " → "))
            }
            var bySite: [(String, [Stay])] = []
            for st in term.stays {
                if let last = bySite.last, last.0 == st.site {
                    bySite[bySite.count - 1].1.append(st)
                } else {
                    bySite.append((st.site, [st]))
                }
            }
            for (site, stays) in bySite {
                let names = stays.map { st -> String in
                    let p = index.person[st.person].map { scenario.people[$0] }
                    return p?.name ?? st.person
                }
                var km = 0.0
                for st in stays {
                    if let p = index.person[st.person].map({ scenario.people[$0] }),
                        let home = scenario.unit(p.unit), let s = scenario.unit(site)
                    {
                        km += scenario.kilometres(from: home, to: s)
                    }
                }
                let from = stays.first.flatMap { index.person[$0.person] }.map { short(scenario.people[$0].unit) } ?? "?"
                let unit = language == .zh ? "公里" : "km"
                out.append("  \(pad(short(site), 12)) ← \(pad(from, 12)) \(names.joined(separator: "、"))  \(readable(km)) \(unit)  \(stays.first.map { "\($0.arrive)…\($0.leave)" } ?? "")")
            }
            out += emptyPosts(term, facts: facts, short: short)
        }
        let s = roster.solve
        out.append(
            CLIMessage.summaryLine(
                status: s.status.rawValue, objective: readable(s.objective), bound: readable(s.bound),
                gap: s.gap.map { readable($0 * 100) + "%" } ?? "—", seconds: readable(s.seconds),
                formulation: formulation
            ).render(language))
        return out
    }

    /// Empty posts (空岗) of a best-effort roster: days a site has fewer than it needs.
    static func emptyPosts(_ term: RosterTerm, facts: RosterFacts, short: (String) -> String) -> [String] {
        var out: [String] = []
        let days = DateRange(from: term.start, to: term.end)
        for site in facts.siteIDs {
            for gap in facts.gapsBySite[site] ?? [] where gap.range.overlaps(days) {
                let from = max(gap.range.from, days.from)
                let to = min(gap.range.to, days.to)
                out.append("  \(pad(short(site), 12)) ← \(pad("空岗", 12)) \(gap.present)/\(gap.needed)  \(from)…\(to)")
            }
        }
        return out
    }

    /// Links grouped into chains that follow `from → to`; a closed cycle repeats its first unit at the end.
    static func cycles(_ links: [Link]) -> [[String]] {
        var next: [String: [String]] = [:]
        for l in links { next[l.from, default: []].append(l.to) }
        var used = Set<Link>()
        var chains: [[String]] = []
        for l in links where !used.contains(l) {
            var chain = [l.from]
            var cur = l
            while !used.contains(cur) {
                used.insert(cur)
                chain.append(cur.to)
                guard let n = next[cur.to]?.sorted().first(where: { !used.contains(Link(from: cur.to, to: $0)) }) else { break }
                cur = Link(from: cur.to, to: n)
            }
            chains.append(chain)
        }
        return chains
    }

    /// Pads to a display width, counting CJK characters as two columns.
    static func pad(_ s: String, _ width: Int) -> String {
        let w = self.width(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    /// Display width, counting CJK characters as two columns.
    static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
}
