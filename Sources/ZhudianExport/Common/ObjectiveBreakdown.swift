import ZhudianCore

/// The SPEC §3 objective of a roster split by term and by part (distance, fairness), for the
/// report. `change` needs the baseline roster, which an export does not have: it is left out.
///
/// - Complexity: O(stays · log stays).
struct ObjectiveBreakdown {
    /// One term's parts.
    struct Row {
        let term: Int
        let distance: Double
        let fairness: Double
        var total: Double { distance + fairness }
    }

    let rows: [Row]

    init(_ facts: RosterFacts) {
        let s = facts.scenario
        var servedTerms: [String: Set<Int>] = [:]
        var rows: [Row] = []
        for term in facts.roster.terms {
            var distance = 0.0
            var fairness = 0.0
            var counted = Set<String>()
            for stay in term.stays {
                if let home = facts.person(stay.person).flatMap({ facts.unit($0.unit) }), let site = facts.unit(stay.site) {
                    distance += s.objective.distance * s.kilometres(from: home, to: site)
                }
                // A person with two stays in one term (visiting mode, several sites) pays each.
                let earlier = (servedTerms[stay.person] ?? []).filter { $0 < term.term }.count
                fairness += s.objective.fairness * Double((facts.person(stay.person)?.served ?? 0) + earlier)
                counted.insert(stay.person)
            }
            for p in counted { servedTerms[p, default: []].insert(term.term) }
            rows.append(Row(term: term.term, distance: distance, fairness: fairness))
        }
        self.rows = rows
    }
}
