/// One calendar component of an assignment (stage 2's unit of work): sites linked through the
/// people they share, with each site's team per term. Components share neither a person nor a
/// site, so their calendars are independent.
struct VisitTeams: Sendable {
    /// Sites of the component, ascending unit index.
    let sites: [Int]
    /// `team[k][v]`: the people (ascending) assigned to site v in term k.
    let team: [[Int: [Int]]]
    /// The assignment itself: what a no-good row names.
    let placements: [Placement]

    /// The components of `placements`, ordered by their first site.
    static func components(_ placements: [Placement], people: Int, units: Int, terms: Int) -> [VisitTeams] {
        var sets = UnionFind(people + units)
        for pl in placements { sets.union(pl.person, people + pl.site) }
        var groups: [Int: [Placement]] = [:]
        for pl in placements { groups[sets.find(people + pl.site), default: []].append(pl) }
        return groups.values.map { VisitTeams($0.sorted(), terms: terms) }.sorted { $0.sites[0] < $1.sites[0] }
    }

    init(_ placements: [Placement], terms: Int) {
        var team: [[Int: [Int]]] = Array(repeating: [:], count: terms + 1)
        for pl in placements { team[pl.term][pl.site, default: []].append(pl.person) }
        for k in team.indices { for v in team[k].keys { team[k][v]?.sort() } }
        self.team = team
        sites = Array(Set(placements.map(\.site))).sorted()
        self.placements = placements
    }

    /// The same component restricted to `keep` sites.
    func restricted(to keep: Set<Int>) -> VisitTeams {
        VisitTeams(placements.filter { keep.contains($0.site) }, terms: team.count - 1)
    }
}
