import Foundation

/// The checker's messages in English.
extension CheckMessage {
    var english: String {
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
                    ? "\(f.present) of \(required) people present on \(CheckText.text(f.days))"
                    : "\(f.present) of \(required) on \(CheckText.text(f.days))"
            }
            return "\(t(term)), \(site(s)): " + parts.joined(separator: "; ")
        case let .assignedCount(term, s, assigned, required):
            return "\(t(term)), \(site(s)): \(CheckText.headcount(assigned)) assigned, exactly \(required) required"
        case let .overlap(term, p, s, otherTerm, otherSite, days):
            return "\(t(term)), \(p.render(l)): the stay at \(s.render(l)) overlaps the term \(otherTerm) stay at "
                + "\(otherSite.render(l)) on \(CheckText.text(days)) (one cannot hand over and take over at once)"
        case let .unqualified(term, p, s):
            return "\(t(term)), \(site(s)): \(p.render(l)) is not qualified"
        case let .inactivePerson(term, p, s):
            return "\(t(term)), \(site(s)): \(p.render(l)) takes no part in the plan (active: false) but is placed"
        case let .unavailableDuringStay(term, p, s, days):
            return "\(t(term)), \(site(s)): \(p.render(l)) is unavailable on "
                + days.map(CheckText.text).joined(separator: ", ") + " during the stay (handover days included)"
        case let .unavailableOnVisits(term, p, s, days):
            return "\(t(term)), \(site(s)): \(p.render(l)) visits on "
                + days.map(CheckText.text).joined(separator: ", ") + " while unavailable"
        case let .forbidden(term, u, s, people, reasons):
            let why = reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")"
            return "\(t(term)), \(site(s)): \(names(people)) of \(unit(u)) may not be stationed there\(why)"
        case let .tooFar(term, u, s, km, limit):
            return "\(t(term)), \(site(s)): \(unit(u)) is \(CheckText.kilometres(km, above: limit)) km away, more than the \(CheckText.number(limit)) km allowed"
        case let .sendsNoTeam(term, u):
            return "\(t(term)): \(unit(u)) sends no team"
        case let .sendsSeveralTeams(term, u, sites):
            return "\(t(term)): \(unit(u)) sends teams to several sites (\(names(sites))); it must send exactly one"
        case let .teamSize(term, u, s, size, required):
            return "\(t(term)), \(site(s)): the team of \(unit(u)) has \(CheckText.headcount(size)); the site needs exactly \(required)"
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
                + cycles.map { CheckText.chain($0, l) }.joined(separator: "; ")
        case let .shortCycle(term, cycle, minCycle):
            return "\(t(term)): cycle \(CheckText.chain(cycle, l)) has \(max(0, cycle.count - 1)) units, fewer than minCycle \(minCycle)"
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
            return "\(t(term)), \(site(s)): \(count == 1 ? "1 visit" : "\(count) visits") in \(month) (\(CheckText.text(days))), at least \(required) required"
        case let .visitNotWorkingDay(term, s, date):
            return "\(t(term)), \(site(s)): visit on \(CheckText.text(date)), which is not a working day"
        case let .visitTeam(term, s, date, expected, found):
            let who = found.isEmpty ? "nobody" : found.joined(separator: ", ")
            let all = expected.isEmpty ? "nobody" : expected.joined(separator: ", ")
            return "\(t(term)), \(site(s)): visit on \(CheckText.text(date)) by \(who), but the site's assigned people are \(all); all visit together"
        case let .visitGap(term, s, previous, date, minGap):
            return "\(t(term)), \(site(s)): visits on \(CheckText.text(previous)) and \(CheckText.text(date)) are \(CheckText.gap(previous, date)) days apart, fewer than \(minGap)"
        case let .visitsSameDay(term, p, date, sites):
            return "\(t(term)): \(p.render(l)) makes \(sites.count) visits on \(CheckText.text(date)) (\(names(sites))); at most one a day"
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
            return "status optimal needs gap 0 and bound = objective; found objective \(CheckText.number(objective)), bound \(CheckText.optional(bound)), gap \(CheckText.optional(gap))"
        case let .halfBound(bound, gap):
            return "bound and gap are both given or both null; found bound \(CheckText.optional(bound)), gap \(CheckText.optional(gap))"
        case let .gapMismatch(objective, bound, gap, expected):
            return "gap \(CheckText.number(gap)) does not follow from objective \(CheckText.number(objective)) and bound \(CheckText.number(bound)): "
                + "|objective − bound| / max(|objective|, 1e-9) = \(CheckText.number(expected))"
        case let .boundAboveObjective(bound, objective):
            return "bound \(CheckText.number(bound)) exceeds objective \(CheckText.number(objective)); a minimisation's bound is a lower bound"
        case let .infeasibleWithTerms(count):
            return "status infeasible, but the roster has \(count) terms; an infeasible roster has none"
        case let .infeasibleFigures(objective, bound, gap):
            return "status infeasible needs objective, bound and gap null; found \(CheckText.optional(objective)), \(CheckText.optional(bound)), \(CheckText.optional(gap))"
        case let .explanationMissing(status):
            return "status \(status.rawValue) needs a non-empty explanation"
        case let .explanationUnexpected(status):
            return "status \(status.rawValue) has no explanation, yet the roster carries one"
        case let .explanationOmits(rule, term, site):
            return "the explanation omits a broken rule: \(CheckText.instance(rule, term, site, l))"
        case let .explanationExtra(rule, term, site):
            return "the explanation lists \(CheckText.instance(rule, term, site, l)), which the roster does not break"
        case let .bestEffortMayNotBreak(rule, term, site):
            return "a best-effort roster may leave a post empty but never break \(CheckText.instance(rule, term, site, l))"
        case let .objectiveMismatch(stated, recomputed):
            return "objective \(CheckText.number(stated)) differs from \(CheckText.number(recomputed)) recomputed from the roster"
        case let .termMissing(term):
            return "\(t(term)) is missing"
        case let .termUnexpected(term, terms):
            return "\(t(term)) is outside the plan's terms 1…\(terms)"
        case let .termDuplicate(term):
            return "\(t(term)) is listed more than once; only the first is checked"
        case .termsUnsorted:
            return "terms are not sorted by number"
        case let .termDates(term, start, end, es, ee):
            return "\(t(term)) runs \(CheckText.text(start))..\(CheckText.text(end)), expected \(CheckText.text(es))..\(CheckText.text(ee))"
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
            return "\(t(term)): \(person) at \(site) arrives \(CheckText.text(arrive)) and leaves \(CheckText.text(leave)), expected \(CheckText.text(ea))..\(CheckText.text(el))"
        case let .visitsUnexpected(term):
            return "\(t(term)): lists visits, which only visiting-mode rosters have"
        case let .visitsMissing(term):
            return "\(t(term)): a visiting-mode roster lists its visits, and this term has none listed"
        case let .visitsUnsorted(term):
            return "\(t(term)): visits are not sorted by date, then site"
        case let .visitPeopleUnsorted(term, date, site):
            return "\(t(term)): the people of the visit to \(site) on \(CheckText.text(date)) are not sorted by id, or repeat"
        case let .visitOutsideTerm(term, date, site):
            return "\(t(term)): the visit to \(site) on \(CheckText.text(date)) lies outside the term"
        }
    }
}
