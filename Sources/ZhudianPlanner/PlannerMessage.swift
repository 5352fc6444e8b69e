import ZhudianCore

/// The planner's message table: explanation texts and refusals, in English and Chinese.
enum PlannerMessage: LocalizedMessage, Sendable {
    case tooFewQualified(unit: String, qualified: Int, keep: Int, send: Int)
    case coverageBroken(site: String, term: Int)
    case sendBroken(unit: String, term: Int)
    case keepAtHomeBroken(unit: String, term: Int, keep: Int)
    case pinBroken(what: String, site: String, term: Int)
    case pinImpossible(what: String, site: String, term: Int, reason: String)
    case tooFewAvailable(unit: String, term: Int, available: Int, need: Int, excluded: [(person: String, reason: CoverageCauses.PersonBar)])
    case pinNamesInactive(site: String, term: Int, inactive: [String])
    case uncovered(CoverageCauses)
    case receivesNoTeam(site: String, term: Int)
    case visitsImpossible(site: String, term: Int, month: String, team: Int, visits: Int, people: [String])
    case visitsUnschedulable(sites: [String], term: Int)

    func render(_ language: Language) -> String {
        switch (self, language) {
        case let (.tooFewQualified(u, q, keep, send), .en):
            return "\(u) has \(q) qualified people: it must keep \(keep) at home and send \(send); add qualified staff or lower keepAtHome/minStaff"
        case let (.tooFewQualified(u, q, keep, send), .zh):
            return "\(u) 仅有 \(q) 名合格人员：需留守 \(keep) 人并派出 \(send) 人；请增加合格人员或降低 keepAtHome/minStaff"
        case let (.coverageBroken(site, term), .en):
            return "term \(term): \(site) cannot be staffed every day together with the other rules"
        case let (.coverageBroken(site, term), .zh):
            return "第\(term)轮：在其他规则约束下，\(site) 无法保证每天驻点人数"
        case let (.sendBroken(unit, term), .en):
            return "term \(term): \(unit) cannot send its team without breaking the ring/cycle structure"
        case let (.sendBroken(unit, term), .zh):
            return "第\(term)轮：\(unit) 无法在不破坏交叉驻点结构（环/循环）的情况下派出小组"
        case let (.keepAtHomeBroken(unit, term, keep), .en):
            return "term \(term): \(unit) cannot keep \(keep) qualified people at home"
        case let (.keepAtHomeBroken(unit, term, keep), .zh):
            return "第\(term)轮：\(unit) 无法留守 \(keep) 名合格人员"
        case let (.pinBroken(what, site, term), .en):
            return "term \(term): the pin of \(what) at \(site) cannot be kept together with the other rules"
        case let (.pinBroken(what, site, term), .zh):
            return "第\(term)轮：\(what) 固定派驻 \(site) 与其他规则冲突，无法保持"
        case let (.pinImpossible(what, site, term, reason), .en):
            return "term \(term): \(what) is pinned to \(site), which rule \(reason) forbids"
        case let (.pinImpossible(what, site, term, reason), .zh):
            return "第\(term)轮：\(what) 被固定派驻 \(site)，但规则 \(reason) 不允许"
        case let (.uncovered(causes), l):
            return causes.render(l)
        case let (.receivesNoTeam(site, term), .en):
            return "term \(term): \(site) receives no team, so the links do not close into the term's ring or cycles (空岗)"
        case let (.receivesNoTeam(site, term), .zh):
            return "第\(term)轮：\(site) 没有驻点组进驻（空岗），交叉驻点关系无法闭合"
        case let (.pinNamesInactive(site, term, inactive), .en):
            return "term \(term): a pin at \(site) names \(inactive.joined(separator: ", ")), which take(s) no part in the plan (active: false); remove the pin or make them active"
        case let (.pinNamesInactive(site, term, inactive), .zh):
            return "第\(term)轮：\(site) 的固定派驻涉及 \(inactive.joined(separator: "、"))，其已不参与本次排班（active: false）；请删除该固定派驻或恢复其参与"
        case let (.tooFewAvailable(u, t, a, n, excluded), .en):
            let why = CoverageCauses.excludedList(excluded, .en).joined(separator: ", ")
            return "term \(t): only \(a) of \(u)'s people can serve (\(why)), but a team needs \(n); add staff, move leave, or relax maxConsecutiveTerms"
        case let (.tooFewAvailable(u, t, a, n, excluded), .zh):
            let why = CoverageCauses.excludedList(excluded, .zh).joined(separator: "，")
            return "第\(t)轮：\(u) 仅有 \(a) 人可派（\(why)），而驻点小组需要 \(n) 人；请增加人员、调整休假或放宽 maxConsecutiveTerms"
        case let (.visitsImpossible(site, term, month, team, visits, people), .en):
            let who = people.isEmpty ? "nobody may be assigned" : "of those who may be assigned (\(people.joined(separator: ", ")))"
            return "term \(term), \(month): \(site) needs \(visits) visit(s) by a team of \(team), but \(people.isEmpty ? who : "no team " + who + " has enough working days free together"); move leave, add staff, or lower visitsPerMonth/minVisitGapDays"
        case let (.visitsImpossible(site, term, month, team, visits, people), .zh):
            let who = people.isEmpty ? "没有可指派的人员" : "可指派人员（\(people.joined(separator: "、"))）中没有任何 \(team) 人能凑齐足够的共同工作日"
            return "第\(term)轮 \(month)：\(site) 需 \(visits) 次巡查（每次 \(team) 人同行），但\(who)；请调整休假、增加人员，或降低 visitsPerMonth/minVisitGapDays"
        case let (.visitsUnschedulable(sites, term), .en):
            return "term \(term): no assignment lets \(sites.joined(separator: ", ")) all be visited every month together with the other rules"
        case let (.visitsUnschedulable(sites, term), .zh):
            return "第\(term)轮：在其他规则约束下，无法为 \(sites.joined(separator: "、")) 同时安排每月巡查"
        }
    }
}
