import ZhudianCore

/// The links (sending unit, site, term) a restricted people model may use.
///
/// Why: at county size the people model has a column per person, site and term (110 000 at
/// 100 enterprises) and GLPK's root LP of it does not finish in minutes; a roster almost
/// only uses near links, so a model over those solves in seconds (``PersonSeed``).
struct PersonLinks: Sendable {
    /// Units in the scenario: a link's key is `from * units + to`.
    let units: Int
    /// Per term (index 1…T; 0 unused), the keys of the links allowed.
    private var keys: [Set<Int>]

    /// No link at all, for `terms` planned terms.
    init(terms: Int, units: Int) {
        self.units = units
        keys = Array(repeating: [], count: terms + 1)
    }

    /// Whether `u → v` may be used in term `k`.
    func contains(_ u: Int, _ v: Int, term k: Int) -> Bool {
        k >= 1 && k < keys.count && keys[k].contains(u * units + v)
    }

    /// Allows `u → v` in term `k` (terms outside the plan are ignored).
    mutating func insert(_ u: Int, _ v: Int, term k: Int) {
        guard k >= 1, k < keys.count else { return }
        keys[k].insert(u * units + v)
    }

    /// Allows the links of per-term rings (index 1…T, as ``PersonRings/build(_:part:)`` gives them).
    mutating func insert(rings: [[(from: Int, to: Int)]]) {
        for (k, ring) in rings.enumerated() {
            for link in ring { insert(link.from, link.to, term: k) }
        }
    }

    /// Links allowed over all terms.
    var count: Int { keys.reduce(0) { $0 + $1.count } }

    /// Every link allowed, as (unit, site, term), in a fixed order.
    var all: [(unit: Int, site: Int, term: Int)] {
        keys.enumerated().flatMap { k, set in
            set.sorted().map { (unit: $0 / units, site: $0 % units, term: k) }
        }
    }

    /// Each sender's `nearest` usable sites per term and each site's `nearest / 2` nearest
    /// usable senders (a remote site that is nobody's near one would be left uncovered), plus
    /// every link a pin, the baseline or a person's last history stay names (their rows need
    /// those columns).
    static func candidates(_ ctx: PlanContext, part: Set<Int>?, baseline: Roster?, nearest: Int) -> PersonLinks {
        let senders = ctx.senders.filter { part?.contains($0) ?? true }
        let sites = ctx.sites.filter { part?.contains($0) ?? true }
        var links = PersonLinks(terms: ctx.terms, units: ctx.scenario.units.count)
        for k in 1..<(ctx.terms + 1) {
            for u in senders {
                let near = sites.filter { usable(ctx, u, $0, k) }.sorted { (ctx.km(u, $0), $0) < (ctx.km(u, $1), $1) }
                for v in near.prefix(nearest) { links.insert(u, v, term: k) }
            }
            for v in sites {
                let near = senders.filter { usable(ctx, $0, v, k) }.sorted { (ctx.km($0, v), $0) < (ctx.km($1, v), $1) }
                for u in near.prefix(max(1, nearest / 2)) { links.insert(u, v, term: k) }
            }
        }
        links.insertNamed(ctx, baseline: baseline)
        return links
    }

    /// Pins' links, the baseline's links and each person's term-0 sites in term 1 (staying on).
    mutating func insertNamed(_ ctx: PlanContext, baseline: Roster?) {
        let s = ctx.scenario
        for pin in s.pins {
            guard let v = ctx.index.unit[pin.site] else { continue }
            switch pin.subject {
            case .unit(let id): if let u = ctx.index.unit[id] { insert(u, v, term: pin.term) }
            case .person(let id): if let p = ctx.index.person[id] { insert(ctx.home(p), v, term: pin.term) }
            }
        }
        for term in baseline?.terms ?? [] {
            for st in term.stays {
                guard let p = ctx.index.person[st.person], let v = ctx.index.unit[st.site] else { continue }
                insert(ctx.home(p), v, term: term.term)
            }
        }
        for p in s.people.indices {
            for v in ctx.historySites(person: p, term: 0) { insert(ctx.home(p), v, term: 1) }
        }
    }

    /// Whether `u → v` in term `k` can carry anyone: the unit-level rules allow it and one of
    /// `u`'s people may be at `v` then (a team link needs a whole team).
    static func usable(_ ctx: PlanContext, _ u: Int, _ v: Int, _ k: Int) -> Bool {
        guard ctx.linkAllowed(u, v) == nil, !ctx.linkCooledDownByHistory(u, v, term: k) else { return false }
        let able = ctx.index.peopleOfUnit[u].filter { p in
            if case .ineligible = ctx.personTermStatus(p, k) { return false }
            return ctx.siteAllowed(p, v) == nil
        }
        return able.count >= (ctx.scenario.rules.structure == .free ? 1 : ctx.minStaff(v))
    }
}
