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
}
