import Foundation

/// What a violation says: the checker's message table, one case per kind of break, in
/// English and in the notices' own Chinese (驻点, 派出单位, 驻点企业, 交接, 轮换…).
///
/// Each case carries the term, the site, unit and people concerned and the dates, so the
/// text alone tells the planner what to fix:
///
///     CheckMessage.understaffed(term: 2, site: qx, required: 2, shortfalls: [s]).render(.en)
///     // "term 2, site QX (泉兴矿): 1 of 2 people present on 2023-03-01..2023-08-19"
public enum CheckMessage: LocalizedMessage, Equatable {
    // MARK: Rule 1–2

    /// People stationed at their own unit.
    case selfInspection(term: Int, site: CheckName, people: [CheckName])
    /// People of `unit` stationed at a site of the same group.
    case sameGroup(term: Int, unit: CheckName, site: CheckName, group: String, people: [CheckName])

    // MARK: Rule 3

    /// Resident mode: days with fewer than `required` people present.
    case understaffed(term: Int, site: CheckName, required: Int, shortfalls: [CoverageShortfall])
    /// Visiting mode: a site's assigned people are not exactly `required`.
    case assignedCount(term: Int, site: CheckName, assigned: Int, required: Int)

    // MARK: Rule 4

    /// One person's stay at `site` overlaps their stay at `otherSite` in `otherTerm`.
    case overlap(
        term: Int, person: CheckName, site: CheckName, otherTerm: Int, otherSite: CheckName,
        days: DateRange)

    // MARK: Rule 5

    /// An unqualified person placed while `requireQualified` holds.
    case unqualified(term: Int, person: CheckName, site: CheckName)
    /// A person with `active: false` placed (SPEC 1.1 §1).
    case inactivePerson(term: Int, person: CheckName, site: CheckName)
    /// Resident mode: a stay (handover days included) meets an absence on these days.
    case unavailableDuringStay(term: Int, person: CheckName, site: CheckName, days: [DateRange])
    /// Visiting mode: visits on days the person is unavailable.
    case unavailableOnVisits(term: Int, person: CheckName, site: CheckName, days: [CivilDate])
    /// People placed at a site a `forbid` entry keeps them from.
    case forbidden(term: Int, unit: CheckName, site: CheckName, people: [CheckName], reasons: [String])
    /// A unit's people placed farther than `maxDistanceKm`.
    case tooFar(term: Int, unit: CheckName, site: CheckName, kilometres: Double, limit: Double)

    // MARK: Rule 6

    /// Ring/cycles: an enterprise sends no team.
    case sendsNoTeam(term: Int, unit: CheckName)
    /// Ring/cycles: an enterprise sends teams to several sites.
    case sendsSeveralTeams(term: Int, unit: CheckName, sites: [CheckName])
    /// Ring/cycles: a team is not exactly the site's `minStaff`.
    case teamSize(term: Int, unit: CheckName, site: CheckName, size: Int, required: Int)
    /// Ring/cycles: a site receives no team.
    case receivesNoTeam(term: Int, site: CheckName)
    /// Ring/cycles: a site receives teams from several units.
    case receivesSeveralTeams(term: Int, site: CheckName, units: [CheckName])
    /// People of an office, or of a unit with `sends: false`, placed where they may not be.
    case mayNotSend(term: Int, unit: CheckName, site: CheckName, people: [CheckName])
    /// People placed at a unit that does not receive.
    case notASite(term: Int, unit: CheckName, site: CheckName, people: [CheckName])
    /// People of, or at, a unit with `active: false` (SPEC 1.1 §1).
    case inactiveUnit(term: Int, unit: CheckName, site: CheckName, inactive: CheckName, people: [CheckName])
    /// Ring: the links form several cycles (each listed, first unit repeated at the end).
    case notOneRing(term: Int, cycles: [[CheckName]])
    /// Cycles: a cycle shorter than `minCycle` (first unit repeated at the end).
    case shortCycle(term: Int, cycle: [CheckName], minCycle: Int)
    /// Free with `mutualPairs: forbid`: two units station people at each other.
    case mutualPair(term: Int, first: CheckName, second: CheckName)

    // MARK: Rule 7

    /// A link used again within `pairCooldown` terms (last used in `usedIn`).
    case pairCooldown(term: Int, unit: CheckName, site: CheckName, usedIn: Int, cooldown: Int)
    /// A person back at a site within `personCooldown` terms (last there in `lastTerm`).
    case personCooldown(term: Int, person: CheckName, site: CheckName, lastTerm: Int, cooldown: Int)
    /// A person placed in every term from `firstTerm` to `term`, more than `limit` in a row.
    case consecutiveTerms(term: Int, person: CheckName, firstTerm: Int, limit: Int)

    // MARK: Rule 8–9

    /// An enterprise keeps fewer than `required` qualified people at home.
    case keepAtHome(term: Int, unit: CheckName, atHome: Int, required: Int)
    /// A unit pin not kept.
    case unitPin(term: Int, unit: CheckName, site: CheckName)
    /// A person pin not kept.
    case personPin(term: Int, person: CheckName, site: CheckName)

    // MARK: Rule 10

    /// Fewer than `required` visits in one calendar month of the term.
    case fewVisits(term: Int, site: CheckName, month: String, days: DateRange, count: Int, required: Int)
    /// A visit on a day that is not a working day.
    case visitNotWorkingDay(term: Int, site: CheckName, date: CivilDate)
    /// A visit whose people are not the site's assigned people.
    case visitTeam(term: Int, site: CheckName, date: CivilDate, expected: [String], found: [String])
    /// Two visits to one site closer than `minGap` days.
    case visitGap(term: Int, site: CheckName, previous: CivilDate, date: CivilDate, minGap: Int)
    /// A person on several visits one day.
    case visitsSameDay(term: Int, person: CheckName, date: CivilDate, sites: [CheckName])
    /// A person assigned to more than `maxSitesPerPerson` sites.
    case tooManySites(term: Int, person: CheckName, sites: [CheckName], limit: Int)

    // MARK: Format (SPEC §4)

    /// `format`/`version` not `zhudian-roster`/1.
    case rosterFormat(format: String, version: Int)
    /// `scenario.name` is not the scenario's name.
    case scenarioName(expected: String, found: String)
    /// `scenario.sha256` is not the scenario file's hash.
    case scenarioHash(expected: String, found: String)
    /// A status that needs an objective has none.
    case objectiveMissing(status: RosterStatus)
    /// `optimal` without gap 0 and bound = objective.
    case notProven(objective: Double, bound: Double?, gap: Double?)
    /// Only one of bound and gap given.
    case halfBound(bound: Double?, gap: Double?)
    /// The gap does not follow from objective and bound.
    case gapMismatch(objective: Double, bound: Double, gap: Double, expected: Double)
    /// The lower bound exceeds the objective.
    case boundAboveObjective(bound: Double, objective: Double)
    /// `infeasible` with terms.
    case infeasibleWithTerms(count: Int)
    /// `infeasible` with objective, bound or gap.
    case infeasibleFigures(objective: Double?, bound: Double?, gap: Double?)
    /// `infeasible` or `best-effort` without an explanation.
    case explanationMissing(status: RosterStatus)
    /// `optimal` or `feasible` with an explanation.
    case explanationUnexpected(status: RosterStatus)
    /// Best-effort: a break the explanation does not list.
    case explanationOmits(rule: RuleKind, term: Int?, site: String?)
    /// Best-effort: an explanation entry the roster does not break.
    case explanationExtra(rule: RuleKind, term: Int?, site: String?)
    /// Best-effort: a break of a kind a best-effort roster may never break (SPEC §4).
    case bestEffortMayNotBreak(rule: RuleKind, term: Int?, site: String?)
    /// `solve.objective` differs from the objective recomputed from the roster.
    case objectiveMismatch(stated: Double, recomputed: Double)
    /// A plan term absent from the roster.
    case termMissing(term: Int)
    /// A term number outside 1…`terms`.
    case termUnexpected(term: Int, terms: Int)
    /// A term number listed twice (the first is checked).
    case termDuplicate(term: Int)
    /// Terms not in increasing order.
    case termsUnsorted
    /// A term's dates are not `S_k`…`E_k`.
    case termDates(term: Int, start: CivilDate, end: CivilDate, expectedStart: CivilDate, expectedEnd: CivilDate)
    /// Links not sorted by `from`, then `to`.
    case linksUnsorted(term: Int)
    /// A link listed twice.
    case linkDuplicate(term: Int, from: String, to: String)
    /// A link the stays imply that the roster does not list.
    case linkMissing(term: Int, from: String, to: String)
    /// A listed link no stay implies.
    case linkExtra(term: Int, from: String, to: String)
    /// Stays not sorted by site, then person.
    case staysUnsorted(term: Int)
    /// One person at one site listed twice in a term.
    case stayDuplicate(term: Int, person: String, site: String)
    /// A person id the scenario does not define.
    case unknownPerson(term: Int, person: String)
    /// A site id the scenario does not define.
    case unknownSite(term: Int, site: String)
    /// A stay's arrive/leave not as SPEC §2 says.
    case stayDates(
        term: Int, person: String, site: String, arrive: CivilDate, leave: CivilDate,
        expectedArrive: CivilDate, expectedLeave: CivilDate)
    /// `visits` in a resident-mode roster.
    case visitsUnexpected(term: Int)
    /// No `visits` in a visiting-mode roster.
    case visitsMissing(term: Int)
    /// Visits not sorted by date, then site.
    case visitsUnsorted(term: Int)
    /// A visit's people not sorted by id, or repeated.
    case visitPeopleUnsorted(term: Int, date: CivilDate, site: String)
    /// A visit dated outside its term.
    case visitOutsideTerm(term: Int, date: CivilDate, site: String)
}

extension CheckMessage {
    /// A stable identifier of the case (`"understaffed"`, `"termMissing"`…), for machine-readable output and tests.
    public var code: String {
        switch self {
        case .selfInspection: "selfInspection"
        case .sameGroup: "sameGroup"
        case .understaffed: "understaffed"
        case .assignedCount: "assignedCount"
        case .overlap: "overlap"
        case .unqualified: "unqualified"
        case .inactivePerson: "inactivePerson"
        case .unavailableDuringStay: "unavailableDuringStay"
        case .unavailableOnVisits: "unavailableOnVisits"
        case .forbidden: "forbidden"
        case .tooFar: "tooFar"
        case .sendsNoTeam: "sendsNoTeam"
        case .sendsSeveralTeams: "sendsSeveralTeams"
        case .teamSize: "teamSize"
        case .receivesNoTeam: "receivesNoTeam"
        case .receivesSeveralTeams: "receivesSeveralTeams"
        case .mayNotSend: "mayNotSend"
        case .notASite: "notASite"
        case .inactiveUnit: "inactiveUnit"
        case .notOneRing: "notOneRing"
        case .shortCycle: "shortCycle"
        case .mutualPair: "mutualPair"
        case .pairCooldown: "pairCooldown"
        case .personCooldown: "personCooldown"
        case .consecutiveTerms: "consecutiveTerms"
        case .keepAtHome: "keepAtHome"
        case .unitPin: "unitPin"
        case .personPin: "personPin"
        case .fewVisits: "fewVisits"
        case .visitNotWorkingDay: "visitNotWorkingDay"
        case .visitTeam: "visitTeam"
        case .visitGap: "visitGap"
        case .visitsSameDay: "visitsSameDay"
        case .tooManySites: "tooManySites"
        case .rosterFormat: "rosterFormat"
        case .scenarioName: "scenarioName"
        case .scenarioHash: "scenarioHash"
        case .objectiveMissing: "objectiveMissing"
        case .notProven: "notProven"
        case .halfBound: "halfBound"
        case .gapMismatch: "gapMismatch"
        case .boundAboveObjective: "boundAboveObjective"
        case .infeasibleWithTerms: "infeasibleWithTerms"
        case .infeasibleFigures: "infeasibleFigures"
        case .explanationMissing: "explanationMissing"
        case .explanationUnexpected: "explanationUnexpected"
        case .explanationOmits: "explanationOmits"
        case .explanationExtra: "explanationExtra"
        case .bestEffortMayNotBreak: "bestEffortMayNotBreak"
        case .objectiveMismatch: "objectiveMismatch"
        case .termMissing: "termMissing"
        case .termUnexpected: "termUnexpected"
        case .termDuplicate: "termDuplicate"
        case .termsUnsorted: "termsUnsorted"
        case .termDates: "termDates"
        case .linksUnsorted: "linksUnsorted"
        case .linkDuplicate: "linkDuplicate"
        case .linkMissing: "linkMissing"
        case .linkExtra: "linkExtra"
        case .staysUnsorted: "staysUnsorted"
        case .stayDuplicate: "stayDuplicate"
        case .unknownPerson: "unknownPerson"
        case .unknownSite: "unknownSite"
        case .stayDates: "stayDates"
        case .visitsUnexpected: "visitsUnexpected"
        case .visitsMissing: "visitsMissing"
        case .visitsUnsorted: "visitsUnsorted"
        case .visitPeopleUnsorted: "visitPeopleUnsorted"
        case .visitOutsideTerm: "visitOutsideTerm"
        }
    }

    /// The message in `language`.
    public func render(_ language: Language) -> String {
        language == .zh ? chinese : english
    }

    // MARK: English

    private var english: String {
        let l = Language.en
        func t(_ k: Int) -> String { "term \(k)" }
        func site(_ s: CheckName) -> String { "site \(s.render(l))" }
        func unit(_ u: CheckName) -> String { "unit \(u.render(l))" }
        func names(_ n: [CheckName]) -> String { n.map { $0.render(l) }.joined(separator: ", ") }
        switch self {
        case let .selfInspection(term, s, people):
            return "\(t(term)), \(site(s)): \(names(people)) stationed at their own unit"
        case let .sameGroup(term, u, s, group, people):
            return "\(t(term)), \(site(s)): \(names(people)) of \(unit(u)) stationed within their own group \(group)"
        case let .understaffed(term, s, required, shortfalls):
            let parts = shortfalls.enumerated().map { i, f in
                i == 0
                    ? "\(f.present) of \(required) people present on \(text(f.days))"
                    : "\(f.present) of \(required) on \(text(f.days))"
            }
            return "\(t(term)), \(site(s)): " + parts.joined(separator: "; ")
        case let .assignedCount(term, s, assigned, required):
            return "\(t(term)), \(site(s)): \(headcount(assigned)) assigned, exactly \(required) required"
        case let .overlap(term, p, s, otherTerm, otherSite, days):
            return "\(t(term)), \(p.render(l)): the stay at \(s.render(l)) overlaps the term \(otherTerm) stay at "
                + "\(otherSite.render(l)) on \(text(days)) (one cannot hand over and take over at once)"
        case let .unqualified(term, p, s):
            return "\(t(term)), \(site(s)): \(p.render(l)) is not qualified"
        case let .inactivePerson(term, p, s):
            return "\(t(term)), \(site(s)): \(p.render(l)) takes no part in the plan (active: false) but is placed"
        case let .unavailableDuringStay(term, p, s, days):
            return "\(t(term)), \(site(s)): \(p.render(l)) is unavailable on "
                + days.map(text).joined(separator: ", ") + " during the stay (handover days included)"
        case let .unavailableOnVisits(term, p, s, days):
            return "\(t(term)), \(site(s)): \(p.render(l)) visits on "
                + days.map(text).joined(separator: ", ") + " while unavailable"
        case let .forbidden(term, u, s, people, reasons):
            let why = reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")"
            return "\(t(term)), \(site(s)): \(names(people)) of \(unit(u)) may not be stationed there\(why)"
        case let .tooFar(term, u, s, km, limit):
            return "\(t(term)), \(site(s)): \(unit(u)) is \(kilometres(km, above: limit)) km away, more than the \(number(limit)) km allowed"
        case let .sendsNoTeam(term, u):
            return "\(t(term)): \(unit(u)) sends no team"
        case let .sendsSeveralTeams(term, u, sites):
            return "\(t(term)): \(unit(u)) sends teams to several sites (\(names(sites))); it must send exactly one"
        case let .teamSize(term, u, s, size, required):
            return "\(t(term)), \(site(s)): the team of \(unit(u)) has \(headcount(size)); the site needs exactly \(required)"
        case let .receivesNoTeam(term, s):
            return "\(t(term)): \(site(s)) receives no team"
        case let .receivesSeveralTeams(term, s, units):
            return "\(t(term)): \(site(s)) receives teams from several units (\(names(units))); it must receive exactly one"
        case let .mayNotSend(term, u, s, people):
            return "\(t(term)), \(site(s)): \(unit(u)) does not send people, yet \(names(people)) are placed"
        case let .notASite(term, u, s, people):
            return "\(t(term)): \(names(people)) of \(unit(u)) placed at \(s.render(l)), which is not a site"
        case let .inactiveUnit(term, u, s, closed, people):
            return "\(t(term)): \(names(people)) of \(unit(u)) placed at \(s.render(l)), but \(closed.render(l)) "
                + "takes no part in the plan (active: false)"
        case let .notOneRing(term, cycles):
            return "\(t(term)): the links form \(cycles.count) cycles, not one ring through all enterprises: "
                + cycles.map { chain($0, l) }.joined(separator: "; ")
        case let .shortCycle(term, cycle, minCycle):
            return "\(t(term)): cycle \(chain(cycle, l)) has \(max(0, cycle.count - 1)) units, fewer than minCycle \(minCycle)"
        case let .mutualPair(term, a, b):
            return "\(t(term)): units \(a.render(l)) and \(b.render(l)) station people at each other (\(a.id) ⇄ \(b.id))"
        case let .pairCooldown(term, u, s, usedIn, cooldown):
            return "\(t(term)), \(site(s)): \(unit(u)) already sent people there in term \(usedIn) (pairCooldown \(cooldown))"
        case let .personCooldown(term, p, s, lastTerm, cooldown):
            return "\(t(term)), \(site(s)): \(p.render(l)) was stationed there in term \(lastTerm) (personCooldown \(cooldown))"
        case let .consecutiveTerms(term, p, firstTerm, limit):
            return "\(t(term)): \(p.render(l)) serves terms \(firstTerm)…\(term) in a row, more than maxConsecutiveTerms \(limit)"
        case let .keepAtHome(term, u, atHome, required):
            return "\(t(term)): \(unit(u)) keeps \(atHome) qualified people at home, fewer than keepAtHome \(required)"
        case let .unitPin(term, u, s):
            return "\(t(term)): pin not kept: \(unit(u)) must send its team to \(site(s))"
        case let .personPin(term, p, s):
            return "\(t(term)): pin not kept: \(p.render(l)) must be stationed at \(site(s))"
        case let .fewVisits(term, s, month, days, count, required):
            return "\(t(term)), \(site(s)): \(count == 1 ? "1 visit" : "\(count) visits") in \(month) (\(text(days))), at least \(required) required"
        case let .visitNotWorkingDay(term, s, date):
            return "\(t(term)), \(site(s)): visit on \(text(date)), which is not a working day"
        case let .visitTeam(term, s, date, expected, found):
            let who = found.isEmpty ? "nobody" : found.joined(separator: ", ")
            let all = expected.isEmpty ? "nobody" : expected.joined(separator: ", ")
            return "\(t(term)), \(site(s)): visit on \(text(date)) by \(who), but the site's assigned people are \(all); all visit together"
        case let .visitGap(term, s, previous, date, minGap):
            return "\(t(term)), \(site(s)): visits on \(text(previous)) and \(text(date)) are \(gap(previous, date)) days apart, fewer than \(minGap)"
        case let .visitsSameDay(term, p, date, sites):
            return "\(t(term)): \(p.render(l)) makes \(sites.count) visits on \(text(date)) (\(names(sites))); at most one a day"
        case let .tooManySites(term, p, sites, limit):
            return "\(t(term)): \(p.render(l)) covers \(sites.count) sites (\(names(sites))), more than maxSitesPerPerson \(limit)"
        case let .rosterFormat(format, version):
            return "not a zhudian roster: format \"\(format)\", version \(version) (expected \"zhudian-roster\", version 1)"
        case let .scenarioName(expected, found):
            return "the roster names scenario \"\(found)\", but this scenario is \"\(expected)\""
        case let .scenarioHash(expected, found):
            return "the roster was planned from a scenario file with sha256 \(found), not this one (\(expected))"
        case let .objectiveMissing(status):
            return "status \(status.rawValue) needs an objective, and there is none"
        case let .notProven(objective, bound, gap):
            return "status optimal needs gap 0 and bound = objective; found objective \(number(objective)), bound \(optional(bound)), gap \(optional(gap))"
        case let .halfBound(bound, gap):
            return "bound and gap are both given or both null; found bound \(optional(bound)), gap \(optional(gap))"
        case let .gapMismatch(objective, bound, gap, expected):
            return "gap \(number(gap)) does not follow from objective \(number(objective)) and bound \(number(bound)): "
                + "|objective − bound| / max(|objective|, 1e-9) = \(number(expected))"
        case let .boundAboveObjective(bound, objective):
            return "bound \(number(bound)) exceeds objective \(number(objective)); a minimisation's bound is a lower bound"
        case let .infeasibleWithTerms(count):
            return "status infeasible, but the roster has \(count) terms; an infeasible roster has none"
        case let .infeasibleFigures(objective, bound, gap):
            return "status infeasible needs objective, bound and gap null; found \(optional(objective)), \(optional(bound)), \(optional(gap))"
        case let .explanationMissing(status):
            return "status \(status.rawValue) needs a non-empty explanation"
        case let .explanationUnexpected(status):
            return "status \(status.rawValue) has no explanation, yet the roster carries one"
        case let .explanationOmits(rule, term, site):
            return "the explanation omits a broken rule: \(instance(rule, term, site, l))"
        case let .explanationExtra(rule, term, site):
            return "the explanation lists \(instance(rule, term, site, l)), which the roster does not break"
        case let .bestEffortMayNotBreak(rule, term, site):
            return "a best-effort roster may leave a post empty but never break \(instance(rule, term, site, l))"
        case let .objectiveMismatch(stated, recomputed):
            return "objective \(number(stated)) differs from \(number(recomputed)) recomputed from the roster"
        case let .termMissing(term):
            return "\(t(term)) is missing"
        case let .termUnexpected(term, terms):
            return "\(t(term)) is outside the plan's terms 1…\(terms)"
        case let .termDuplicate(term):
            return "\(t(term)) is listed more than once; only the first is checked"
        case .termsUnsorted:
            return "terms are not sorted by number"
        case let .termDates(term, start, end, es, ee):
            return "\(t(term)) runs \(text(start))..\(text(end)), expected \(text(es))..\(text(ee))"
        case let .linksUnsorted(term):
            return "\(t(term)): links are not sorted by from, then to"
        case let .linkDuplicate(term, from, to):
            return "\(t(term)): link \(from) → \(to) is listed more than once"
        case let .linkMissing(term, from, to):
            return "\(t(term)): the stays place people of \(from) at \(to), but link \(from) → \(to) is not listed"
        case let .linkExtra(term, from, to):
            return "\(t(term)): link \(from) → \(to) is listed, but no stay places people of \(from) at \(to)"
        case let .staysUnsorted(term):
            return "\(t(term)): stays are not sorted by site, then person"
        case let .stayDuplicate(term, person, site):
            return "\(t(term)): the stay of \(person) at \(site) is listed more than once"
        case let .unknownPerson(term, person):
            return "\(t(term)): unknown person id \"\(person)\""
        case let .unknownSite(term, site):
            return "\(t(term)): unknown site id \"\(site)\""
        case let .stayDates(term, person, site, arrive, leave, ea, el):
            return "\(t(term)): \(person) at \(site) arrives \(text(arrive)) and leaves \(text(leave)), expected \(text(ea))..\(text(el))"
        case let .visitsUnexpected(term):
            return "\(t(term)): lists visits, which only visiting-mode rosters have"
        case let .visitsMissing(term):
            return "\(t(term)): a visiting-mode roster lists its visits, and this term has none listed"
        case let .visitsUnsorted(term):
            return "\(t(term)): visits are not sorted by date, then site"
        case let .visitPeopleUnsorted(term, date, site):
            return "\(t(term)): the people of the visit to \(site) on \(text(date)) are not sorted by id, or repeat"
        case let .visitOutsideTerm(term, date, site):
            return "\(t(term)): the visit to \(site) on \(text(date)) lies outside the term"
        }
    }

    // MARK: Chinese

    private var chinese: String {
        let l = Language.zh
        func t(_ k: Int) -> String { "第\(k)轮" }
        func site(_ s: CheckName) -> String { "驻点企业 \(s.render(l))" }
        func unit(_ u: CheckName) -> String { "派出单位 \(u.render(l))" }
        func names(_ n: [CheckName]) -> String { n.map { $0.render(l) }.joined(separator: "、") }
        switch self {
        case let .selfInspection(term, s, people):
            return "\(t(term))，\(site(s))：\(names(people)) 驻点本单位（不得自查）"
        case let .sameGroup(term, u, s, group, people):
            return "\(t(term))，\(site(s))：\(unit(u)) 的 \(names(people)) 驻点同一集团（\(group)）所属企业"
        case let .understaffed(term, s, required, shortfalls):
            let parts = shortfalls.map { f in "\(text(f.days)) 在岗驻点人员 \(f.present) 人" }
            return "\(t(term))，\(site(s))：" + parts.joined(separator: "；") + "，应不少于 \(required) 人（出现空岗）"
        case let .assignedCount(term, s, assigned, required):
            return "\(t(term))，\(site(s))：配备驻点人员 \(assigned) 人，应为 \(required) 人"
        case let .overlap(term, p, s, otherTerm, otherSite, days):
            return "\(t(term))，\(p.render(l))：驻点 \(s.render(l)) 与第\(otherTerm)轮驻点 \(otherSite.render(l)) "
                + "在 \(text(days)) 重叠（不能一边交接一边接岗）"
        case let .unqualified(term, p, s):
            return "\(t(term))，\(site(s))：\(p.render(l)) 不具备驻点资格"
        case let .inactivePerson(term, p, s):
            return "\(t(term))，\(site(s))：\(p.render(l)) 已不参与排班（active: false），却被安排驻点"
        case let .unavailableDuringStay(term, p, s, days):
            return "\(t(term))，\(site(s))：\(p.render(l)) 在 " + days.map(text).joined(separator: "、")
                + " 不能到岗（含交接期）"
        case let .unavailableOnVisits(term, p, s, days):
            return "\(t(term))，\(site(s))：\(p.render(l)) 在 " + days.map(text).joined(separator: "、")
                + " 不能到岗，却安排了进驻"
        case let .forbidden(term, u, s, people, reasons):
            let why = reasons.isEmpty ? "" : "（" + reasons.joined(separator: "；") + "）"
            return "\(t(term))，\(site(s))：\(unit(u)) 的 \(names(people)) 不得驻点该企业\(why)"
        case let .tooFar(term, u, s, km, limit):
            return "\(t(term))，\(site(s))：与\(unit(u)) 相距 \(kilometres(km, above: limit)) 公里，超过上限 \(number(limit)) 公里"
        case let .sendsNoTeam(term, u):
            return "\(t(term))：\(unit(u)) 未派出驻点组"
        case let .sendsSeveralTeams(term, u, sites):
            return "\(t(term))：\(unit(u)) 向多家企业（\(names(sites))）派出驻点组，只能派往一家"
        case let .teamSize(term, u, s, size, required):
            return "\(t(term))，\(site(s))：\(unit(u)) 的驻点组有 \(size) 人，应为 \(required) 人"
        case let .receivesNoTeam(term, s):
            return "\(t(term))：\(site(s)) 没有驻点组进驻"
        case let .receivesSeveralTeams(term, s, units):
            return "\(t(term))：\(site(s)) 接收了多个单位（\(names(units))）的驻点组，只能接收一个"
        case let .mayNotSend(term, u, s, people):
            return "\(t(term))，\(site(s))：单位 \(u.render(l)) 不参与派出，却安排了其人员 \(names(people))"
        case let .notASite(term, u, s, people):
            return "\(t(term))：\(unit(u)) 的 \(names(people)) 被安排到 \(s.render(l))，该单位不是驻点企业"
        case let .inactiveUnit(term, u, s, closed, people):
            return "\(t(term))：\(unit(u)) 的 \(names(people)) 被安排到 \(s.render(l))，但 \(closed.render(l)) "
                + "已不参与排班（active: false）"
        case let .notOneRing(term, cycles):
            return "\(t(term))：交叉驻点关系构成 \(cycles.count) 个闭环，而不是贯穿所有企业的一个环："
                + cycles.map { chain($0, l) }.joined(separator: "；")
        case let .shortCycle(term, cycle, minCycle):
            return "\(t(term))：闭环 \(chain(cycle, l)) 仅含 \(max(0, cycle.count - 1)) 家单位，少于最小环长 \(minCycle)"
        case let .mutualPair(term, a, b):
            return "\(t(term))：\(a.render(l)) 与 \(b.render(l)) 互相派驻（\(a.id) ⇄ \(b.id)），不允许互派"
        case let .pairCooldown(term, u, s, usedIn, cooldown):
            return "\(t(term))，\(site(s))：\(unit(u)) 已于第\(usedIn)轮派驻该企业，\(cooldown) 轮内不得重复派驻"
        case let .personCooldown(term, p, s, lastTerm, cooldown):
            return "\(t(term))，\(site(s))：\(p.render(l)) 已于第\(lastTerm)轮驻点该企业，\(cooldown) 轮内不得轮换回原企业"
        case let .consecutiveTerms(term, p, firstTerm, limit):
            return "\(t(term))：\(p.render(l)) 自第\(firstTerm)轮至第\(term)轮连续驻点，超过连续驻点上限 \(limit) 轮"
        case let .keepAtHome(term, u, atHome, required):
            return "\(t(term))：\(unit(u)) 留守本单位的合格人员 \(atHome) 人，应不少于 \(required) 人"
        case let .unitPin(term, u, s):
            return "\(t(term))：未落实指定安排：\(unit(u)) 应派驻 \(s.render(l))"
        case let .personPin(term, p, s):
            return "\(t(term))：未落实指定安排：\(p.render(l)) 应驻点 \(s.render(l))"
        case let .fewVisits(term, s, month, days, count, required):
            return "\(t(term))，\(site(s))：\(month)（\(text(days))）进驻 \(count) 次，每月应不少于 \(required) 次"
        case let .visitNotWorkingDay(term, s, date):
            return "\(t(term))，\(site(s))：\(text(date)) 不是工作日，不应安排进驻"
        case let .visitTeam(term, s, date, expected, found):
            let who = found.isEmpty ? "无人" : found.joined(separator: "、")
            let all = expected.isEmpty ? "无人" : expected.joined(separator: "、")
            return "\(t(term))，\(site(s))：\(text(date)) 进驻人员为 \(who)，应为该企业全部驻点人员 \(all) 共同进驻"
        case let .visitGap(term, s, previous, date, minGap):
            return "\(t(term))，\(site(s))：\(text(previous)) 与 \(text(date)) 两次进驻仅间隔 \(gap(previous, date)) 天，应不少于 \(minGap) 天"
        case let .visitsSameDay(term, p, date, sites):
            return "\(t(term))：\(p.render(l)) 于 \(text(date)) 安排了 \(sites.count) 次进驻（\(names(sites))），每人每天至多 1 次"
        case let .tooManySites(term, p, sites, limit):
            return "\(t(term))：\(p.render(l)) 负责 \(sites.count) 家企业（\(names(sites))），超过每人上限 \(limit) 家"
        case let .rosterFormat(format, version):
            return "不是 zhudian 驻点名单文件：format 为“\(format)”，version 为 \(version)（应为“zhudian-roster”、1）"
        case let .scenarioName(expected, found):
            return "名单所属方案名称为“\(found)”，与本方案“\(expected)”不符"
        case let .scenarioHash(expected, found):
            return "名单依据的方案文件 sha256 为 \(found)，与本方案文件（\(expected)）不符"
        case let .objectiveMissing(status):
            return "求解状态为 \(status.rawValue)，缺少目标值"
        case let .notProven(objective, bound, gap):
            return "求解状态为 optimal 时 gap 应为 0 且 bound 等于目标值；实际目标值 \(number(objective))、bound \(optional(bound))、gap \(optional(gap))"
        case let .halfBound(bound, gap):
            return "bound 与 gap 应同时给出或同时为 null；实际 bound \(optional(bound))、gap \(optional(gap))"
        case let .gapMismatch(objective, bound, gap, expected):
            return "gap \(number(gap)) 与目标值 \(number(objective))、bound \(number(bound)) 不符："
                + "|目标值 − bound| / max(|目标值|, 1e-9) = \(number(expected))"
        case let .boundAboveObjective(bound, objective):
            return "bound \(number(bound)) 大于目标值 \(number(objective))；最小化问题的 bound 应为下界"
        case let .infeasibleWithTerms(count):
            return "求解状态为 infeasible，名单却包含 \(count) 轮安排"
        case let .infeasibleFigures(objective, bound, gap):
            return "求解状态为 infeasible 时目标值、bound、gap 应为 null；实际为 \(optional(objective))、\(optional(bound))、\(optional(gap))"
        case let .explanationMissing(status):
            return "求解状态为 \(status.rawValue) 时必须给出非空的 explanation（原因说明）"
        case let .explanationUnexpected(status):
            return "求解状态为 \(status.rawValue) 时不应附 explanation（原因说明）"
        case let .explanationOmits(rule, term, site):
            return "explanation 漏列了名单实际违反的规则：\(instance(rule, term, site, l))"
        case let .explanationExtra(rule, term, site):
            return "explanation 列出的 \(instance(rule, term, site, l)) 在名单中并未违反"
        case let .bestEffortMayNotBreak(rule, term, site):
            return "尽力排班可以留空岗，但不得违反 \(instance(rule, term, site, l))"
        case let .objectiveMismatch(stated, recomputed):
            return "目标值 \(number(stated)) 与按名单重新计算的 \(number(recomputed)) 不符"
        case let .termMissing(term):
            return "缺少\(t(term))安排"
        case let .termUnexpected(term, terms):
            return "\(t(term))超出方案的轮次范围 1…\(terms)"
        case let .termDuplicate(term):
            return "\(t(term))重复出现，只核查第一次出现的安排"
        case .termsUnsorted:
            return "各轮未按轮次排序"
        case let .termDates(term, start, end, es, ee):
            return "\(t(term))起止日期为 \(text(start))..\(text(end))，应为 \(text(es))..\(text(ee))"
        case let .linksUnsorted(term):
            return "\(t(term))：links（派驻关系）未按 from、to 排序"
        case let .linkDuplicate(term, from, to):
            return "\(t(term))：派驻关系 \(from) → \(to) 重复列出"
        case let .linkMissing(term, from, to):
            return "\(t(term))：驻点安排中有 \(from) 的人员驻点 \(to)，但 links 未列出派驻关系 \(from) → \(to)"
        case let .linkExtra(term, from, to):
            return "\(t(term))：links 列出的派驻关系 \(from) → \(to) 没有对应的驻点安排"
        case let .staysUnsorted(term):
            return "\(t(term))：stays（驻点安排）未按驻点企业、人员排序"
        case let .stayDuplicate(term, person, site):
            return "\(t(term))：\(person) 驻点 \(site) 的安排重复列出"
        case let .unknownPerson(term, person):
            return "\(t(term))：未知的人员编号“\(person)”"
        case let .unknownSite(term, site):
            return "\(t(term))：未知的驻点企业编号“\(site)”"
        case let .stayDates(term, person, site, arrive, leave, ea, el):
            return "\(t(term))：\(person) 驻点 \(site) 的进驻日期 \(text(arrive))、撤离日期 \(text(leave)) 有误，按交接规则应为 \(text(ea))..\(text(el))"
        case let .visitsUnexpected(term):
            return "\(t(term))：蹲守式名单不应包含 visits（进驻记录）"
        case let .visitsMissing(term):
            return "\(t(term))：两人一企模式的名单必须列出 visits（进驻安排）"
        case let .visitsUnsorted(term):
            return "\(t(term))：visits（进驻安排）未按日期、企业排序"
        case let .visitPeopleUnsorted(term, date, site):
            return "\(t(term))：\(text(date)) 进驻 \(site) 的人员未按编号排序或有重复"
        case let .visitOutsideTerm(term, date, site):
            return "\(t(term))：\(text(date)) 进驻 \(site) 的日期不在本轮之内"
        }
    }
}

// MARK: - Rendering helpers

/// A date as text; a date no roster file could hold (far outside years 1–9999) is shown by its
/// day number, so that rendering never overflows on a hand-built roster.
private func text(_ d: CivilDate) -> String {
    isRenderable(d) ? d.description : "day \(d.dayNumber)"
}

/// Within about ±3 billion years of 1970: far beyond any real date, far from `Int`'s limits
/// (`abs` would trap on `Int.min`, hence the range test).
private func isRenderable(_ d: CivilDate) -> Bool { (-(1 << 40)...(1 << 40)).contains(d.dayNumber) }

private func text(_ r: DateRange) -> String { r.from == r.to ? text(r.from) : "\(text(r.from))..\(text(r.to))" }

/// Shortest round-trip form, as the roster file writes numbers.
private func number(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
}

private func optional(_ x: Double?) -> String { x.map(number) ?? "null" }

/// One decimal, or as many more as it takes not to print a distance over the limit as the limit.
private func kilometres(_ km: Double, above limit: Double) -> String {
    guard km.isFinite else { return "\(km)" }
    for digits in 1...6 {
        let shown = String(format: "%.\(digits)f", km)
        if let value = Double(shown), value > limit { return shown }
    }
    return "\(km)"
}

/// `1 person`, `3 people`.
private func headcount(_ n: Int) -> String { n == 1 ? "1 person" : "\(n) people" }

/// Days between two visit dates; both lie inside the plan, so the difference cannot overflow.
private func gap(_ a: CivilDate, _ b: CivilDate) -> Int {
    guard isRenderable(a), isRenderable(b) else { return 0 }
    return JudgeCalendar.days(from: a, to: b)
}

/// `A → B → C → A`, or `A ⇄ B` for a mutual pair.
private func chain(_ cycle: [CheckName], _ l: Language) -> String {
    if cycle.count == 3, cycle.first == cycle.last { return "\(cycle[0].render(l)) ⇄ \(cycle[1].render(l))" }
    return cycle.map { $0.render(l) }.joined(separator: " → ")
}

/// `coverage, term 2, site QX` as an explanation entry is named.
private func instance(_ rule: RuleKind, _ term: Int?, _ site: String?, _ l: Language) -> String {
    var parts = [rule.rawValue]
    if l == .zh {
        if let term { parts.append("第\(term)轮") }
        if let site { parts.append("驻点企业 \(site)") }
        return parts.joined(separator: "，")
    }
    if let term { parts.append("term \(term)") }
    if let site { parts.append("site \(site)") }
    return parts.joined(separator: ", ")
}
