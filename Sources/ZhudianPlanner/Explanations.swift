import ZhudianCore

/// Counting arguments that prove a scenario infeasible without a solver.
enum Precheck {
    /// Rule instances that cannot hold whatever the plan does.
    static func run(_ ctx: PlanContext) -> [ExplainedInstance] {
        let s = ctx.scenario
        var out: [ExplainedInstance] = []
        let teams = s.rules.structure != .free
        // Under free placement a unit need not send, and keepAtHome binds only a unit that
        // places someone: a shortage there is no contradiction.
        for u in ctx.senders where s.units[u].kind == .enterprise && teams {
            let q = ctx.qualifiedCount(u)
            var send = 0
            if teams && s.rules.requireQualified {
                send = ctx.sites.filter { $0 != u }.map { ctx.minStaff($0) }.min() ?? 0
            }
            if q < s.rules.keepAtHome + send {
                let unit = s.units[u]
                let people = ctx.index.peopleOfUnit[u].map { s.people[$0].id }
                for k in 1...ctx.terms {
                    out.append(
                        ExplainedInstance(
                            rule: .keepAtHome, term: k, unit: unit.id, site: nil, people: people,
                            message: .tooFewQualified(
                                unit: unit.displayName, qualified: q, keep: s.rules.keepAtHome, send: send)))
                }
            }
        }
        out += inactivePins(ctx)
        for pin in s.pins {
            guard case .person(let id) = pin.subject, let p = ctx.index.person[id], s.people[p].active,
                let v = ctx.index.unit[pin.site]
            else { continue }
            var reason: RuleKind? = ctx.siteAllowed(p, v)
            if reason == nil, case .ineligible(let why) = ctx.personTermStatus(p, pin.term) { reason = why }
            if let r = reason {
                out.append(
                    ExplainedInstance(
                        rule: .pin, term: pin.term, unit: s.people[p].unit, site: s.units[v].id, people: [id],
                        message: .pinImpossible(
                            what: "\(s.people[p].name)(\(id))", site: s.units[v].displayName, term: pin.term,
                            reason: r.rawValue)))
            }
        }
        return out
    }

    /// Pins that name a unit, site or person with `active: false`: they cannot hold.
    static func inactivePins(_ ctx: PlanContext) -> [ExplainedInstance] {
        let s = ctx.scenario
        var out: [ExplainedInstance] = []
        for pin in s.pins {
            guard let v = ctx.index.unit[pin.site] else { continue }
            var inactive: [String] = []
            var unitID: String?
            var people: [String] = []
            switch pin.subject {
            case .unit(let id):
                unitID = id
                if let u = ctx.index.unit[id], !s.units[u].active { inactive.append(s.units[u].displayName) }
            case .person(let id):
                people = [id]
                if let p = ctx.index.person[id] {
                    let person = s.people[p]
                    unitID = person.unit
                    if !person.active { inactive.append("\(person.name)(\(id))") }
                    if let u = ctx.index.unit[person.unit], !s.units[u].active { inactive.append(s.units[u].displayName) }
                }
            }
            if !s.units[v].active { inactive.append(s.units[v].displayName) }
            guard !inactive.isEmpty else { continue }
            out.append(
                ExplainedInstance(
                    rule: .pin, term: pin.term, unit: unitID, site: s.units[v].id, people: people,
                    message: .pinNamesInactive(site: s.units[v].displayName, term: pin.term, inactive: inactive)))
        }
        return out
    }
}

/// Turns elastic slacks into rule instances in the planner's words.
enum Explanations {
    static func describe(_ slack: ElasticSlack, _ ctx: PlanContext) -> ExplainedInstance {
        let s = ctx.scenario
        let unitID = slack.unit.map { s.units[$0].id }
        let siteID = slack.site.map { s.units[$0].id }
        let people = slack.people.map { s.people[$0].id }
        let k = slack.term ?? 1
        let message: PlannerMessage
        switch slack.rule {
        case .coverage:
            if let v = slack.site {
                message = .uncovered(CoverageCauses(ctx, site: v, term: k))
            } else {
                message = .coverageBroken(site: "?", term: k)
            }
        case .structure:
            let name = slack.unit.map { s.units[$0].displayName } ?? "?"
            if let u = slack.unit, s.rules.structure != .free {
                // Count who could serve at all: a shortage here is the plainest reason.
                let (available, excluded) = CoverageCauses.availability(ctx, unit: u, term: k)
                let need = ctx.sites.filter { $0 != u }.map { ctx.minStaff($0) }.min() ?? s.rules.minStaff
                if available < need {
                    message = .tooFewAvailable(unit: name, term: k, available: available, need: need, excluded: excluded)
                    break
                }
            }
            message = .sendBroken(unit: name, term: k)
        case .keepAtHome:
            message = .keepAtHomeBroken(unit: slack.unit.map { s.units[$0].displayName } ?? "?", term: k, keep: s.rules.keepAtHome)
        default:
            let what = people.first ?? unitID ?? "?"
            message = .pinBroken(what: what, site: slack.site.map { s.units[$0].displayName } ?? "?", term: k)
        }
        return ExplainedInstance(
            rule: slack.rule, term: slack.term, unit: unitID, site: siteID, people: people, message: message)
    }

    /// The SPEC §4 breaks of a best-effort roster that a slack stands for: a site left
    /// without a team under ring/cycles breaks its coverage and the term's structure there.
    static func breaks(_ slack: ElasticSlack, _ ctx: PlanContext) -> [ExplainedInstance] {
        let first = describe(slack, ctx)
        guard slack.teamReceipt, let v = slack.site, let k = slack.term else { return [first] }
        let site = ctx.scenario.units[v]
        let structure = ExplainedInstance(
            rule: .structure, term: k, unit: nil, site: site.id, people: [],
            message: .receivesNoTeam(site: site.displayName, term: k))
        return [first, structure]
    }
}
