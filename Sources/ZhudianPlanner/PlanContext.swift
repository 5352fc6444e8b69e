import ZhudianCore

/// Everything the formulations need about a scenario, computed once, as plain
/// arrays indexed by position so that nothing fed to the solver depends on
/// dictionary order.
///
/// Terms are numbered as in the roster: 1…T are planned, 0, −1, … are history
/// (`history.last` is term 0).
struct PlanContext {
    let scenario: Scenario
    let index: ScenarioIndex
    /// Number of planned terms.
    let terms: Int
    /// Unit indices that receive (sites), in file order; inactive units are none.
    let sites: [Int]
    /// Unit indices whose people may be placed, in file order; inactive units are none.
    let senders: [Int]
    /// history placements: `historyStays[h]` is term `h - (history.count - 1)`; person index → site indices.
    let historySites: [[Int: [Int]]]
    /// History links per history term (unit index, site index).
    let historyLinks: [Set<UnitPair>]
    /// `forbid` entries for a whole unit: (unit index, site index).
    let unitForbids: Set<UnitPair>
    /// `forbid` entries for one person: person index → site indices.
    let personForbids: [Int: Set<Int>]
    /// Each unit's location, by unit index.
    private let locations: [Location?]
    /// Each unit's minStaff as a site, by unit index.
    private let minStaffs: [Int]
    /// Each unit's group, numbered, where `sameGroup: forbid` applies; nil otherwise. The
    /// link checks run for every pair of units (9 million at 3000): reading a `Unit` there
    /// copied it, and its retains and releases were a fifth of that time.
    private let forbiddenGroup: [Int?]

    struct UnitPair: Hashable {
        let from: Int
        let to: Int
    }

    init(_ scenario: Scenario) {
        self.scenario = scenario
        index = ScenarioIndex(scenario)
        terms = scenario.calendar.terms
        sites = scenario.units.indices.filter { scenario.units[$0].receives && scenario.units[$0].active }
        senders = scenario.units.indices.filter { i in
            let u = scenario.units[i]
            return u.sends && u.active && (scenario.rules.structure == .free || u.kind == .enterprise)
        }
        var hs: [[Int: [Int]]] = []
        var hl: [Set<UnitPair>] = []
        for h in scenario.history {
            var m: [Int: [Int]] = [:]
            var links = Set<UnitPair>()
            for st in h.stays {
                guard let p = index.person[st.person], let v = index.unit[st.site],
                    let u = index.unit[scenario.people[p].unit]
                else { continue }
                m[p, default: []].append(v)
                links.insert(UnitPair(from: u, to: v))
            }
            hs.append(m)
            hl.append(links)
        }
        historySites = hs
        historyLinks = hl
        var uf = Set<UnitPair>()
        var pf: [Int: Set<Int>] = [:]
        for f in scenario.forbid {
            guard let v = index.unit[f.site] else { continue }
            switch f.subject {
            case .unit(let id): if let u = index.unit[id] { uf.insert(UnitPair(from: u, to: v)) }
            case .person(let id): if let p = index.person[id] { pf[p, default: []].insert(v) }
            }
        }
        unitForbids = uf
        personForbids = pf
        locations = scenario.units.map(\.location)
        minStaffs = scenario.units.map { scenario.minStaff(of: $0) }
        var groups: [String: Int] = [:]
        forbiddenGroup = scenario.units.map { unit in
            guard scenario.rules.sameGroup == .forbid, let g = unit.group else { return nil }
            if let known = groups[g] { return known }
            groups[g] = groups.count
            return groups.count - 1
        }
    }

    /// Earliest history term number (0 when there is one history term; 1 when none).
    var firstHistoryTerm: Int { 1 - scenario.history.count }

    /// Sites person `p` stayed at in history term `t` (t ≤ 0); empty outside history.
    func historySites(person p: Int, term t: Int) -> [Int] {
        let h = t + scenario.history.count - 1
        guard t <= 0, h >= 0, h < historySites.count else { return [] }
        return historySites[h][p] ?? []
    }

    /// Whether link u → v was used in history term `t` (t ≤ 0).
    func historyLink(_ u: Int, _ v: Int, term t: Int) -> Bool {
        let h = t + scenario.history.count - 1
        guard t <= 0, h >= 0, h < historyLinks.count else { return false }
        return historyLinks[h].contains(UnitPair(from: u, to: v))
    }

    /// The home unit index of person `p`.
    func home(_ p: Int) -> Int { index.unit[scenario.people[p].unit] ?? 0 }

    /// minStaff of site unit `v`.
    func minStaff(_ v: Int) -> Int { minStaffs[v] }

    /// Kilometres from unit `u` to unit `v`.
    func km(_ u: Int, _ v: Int) -> Double {
        guard let a = locations[u], let b = locations[v] else { return 0 }
        return a.kilometres(to: b)
    }

    /// Whether any absence of `p` overlaps `range`.
    func absent(_ p: Int, during range: DateRange) -> Bool {
        scenario.people[p].unavailable.contains { $0.range.overlaps(range) }
    }

    /// Site-independent eligibility of person `p` for term `k`.
    func personTermStatus(_ p: Int, _ k: Int) -> PersonTermStatus {
        let person = scenario.people[p]
        // Someone who left takes no part at all: as if away for good.
        if !person.active { return .ineligible(.unavailable) }
        if scenario.rules.requireQualified && !person.qualified { return .ineligible(.qualified) }
        let term = scenario.termRange(k)
        if absent(p, during: term) { return .ineligible(.unavailable) }
        let h = scenario.calendar.handoverDays
        if scenario.mode == .resident, h > 0,
            absent(p, during: DateRange(from: term.to.addingDays(1), to: term.to.addingDays(h)))
        {
            return .onlyIfStayingOn
        }
        return .eligible
    }

    /// Whether person `p` may be at site `v` in term `k` as far as fixed facts go:
    /// own unit, group, forbid entries, distance. Cooldowns are the formulations' business.
    func siteAllowed(_ p: Int, _ v: Int) -> RuleKind? {
        let u = home(p)
        if u == v { return .selfInspection }
        if groupForbidden(u, v) { return .group }
        if personForbids[p]?.contains(v) == true || unitForbids.contains(UnitPair(from: u, to: v)) {
            return .forbid
        }
        if tooFar(u, v) { return .distance }
        return nil
    }

    /// Whether link u → v is allowed by fixed unit-level facts: self, group, unit forbid, distance.
    func linkAllowed(_ u: Int, _ v: Int) -> RuleKind? {
        if u == v { return .selfInspection }
        if groupForbidden(u, v) { return .group }
        if unitForbids.contains(UnitPair(from: u, to: v)) { return .forbid }
        if tooFar(u, v) { return .distance }
        return nil
    }

    /// Whether `sameGroup: forbid` keeps people of unit `u` away from site `v`.
    private func groupForbidden(_ u: Int, _ v: Int) -> Bool {
        guard let g = forbiddenGroup[u] else { return false }
        return g == forbiddenGroup[v]
    }

    /// Whether `maxDistanceKm` bars link u → v (never when a location is missing).
    private func tooFar(_ u: Int, _ v: Int) -> Bool {
        guard let cap = scenario.rules.maxDistanceKm, let a = locations[u], let b = locations[v] else { return false }
        return a.kilometres(to: b) > cap
    }

    /// Whether link u → v is barred in term `k` by a history link within `pairCooldown`.
    func linkCooledDownByHistory(_ u: Int, _ v: Int, term k: Int) -> Bool {
        let c = scenario.rules.pairCooldown
        guard c > 0 else { return false }
        var t = k - c
        while t <= 0 && t < k {
            if t >= firstHistoryTerm, historyLink(u, v, term: t) { return true }
            t += 1
        }
        return false
    }

    /// Qualified people of unit `u` who take part in the plan (rule 8 counts them).
    func qualifiedCount(_ u: Int) -> Int { qualifiedPeople(u).count }

    /// Indices of the qualified, active people of unit `u`, in file order.
    func qualifiedPeople(_ u: Int) -> [Int] {
        index.peopleOfUnit[u].filter { scenario.people[$0].qualified && scenario.people[$0].active }
    }
}

/// Site-independent eligibility of a person in a term.
enum PersonTermStatus: Equatable {
    case eligible
    /// Absent during the handover days only: may serve only by staying on at the same site.
    case onlyIfStayingOn
    case ineligible(RuleKind)
}
