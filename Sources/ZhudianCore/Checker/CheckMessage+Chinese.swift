import Foundation

/// The checker's messages in Chinese (SPEC §5: the wording a planner reads under `LANG=zh…`).
extension CheckMessage {
    var chinese: String {
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
            let parts = shortfalls.map { f in "\(CheckText.text(f.days)) 在岗驻点人员 \(f.present) 人" }
            return "\(t(term))，\(site(s))：" + parts.joined(separator: "；") + "，应不少于 \(required) 人（出现空岗）"
        case let .assignedCount(term, s, assigned, required):
            return "\(t(term))，\(site(s))：配备驻点人员 \(assigned) 人，应为 \(required) 人"
        case let .overlap(term, p, s, otherTerm, otherSite, days):
            return "\(t(term))，\(p.render(l))：驻点 \(s.render(l)) 与第\(otherTerm)轮驻点 \(otherSite.render(l)) "
                + "在 \(CheckText.text(days)) 重叠（不能一边交接一边接岗）"
        case let .unqualified(term, p, s):
            return "\(t(term))，\(site(s))：\(p.render(l)) 不具备驻点资格"
        case let .inactivePerson(term, p, s):
            return "\(t(term))，\(site(s))：\(p.render(l)) 已不参与排班（active: false），却被安排驻点"
        case let .unavailableDuringStay(term, p, s, days):
            return "\(t(term))，\(site(s))：\(p.render(l)) 在 " + days.map(CheckText.text).joined(separator: "、")
                + " 不能到岗（含交接期）"
        case let .unavailableOnVisits(term, p, s, days):
            return "\(t(term))，\(site(s))：\(p.render(l)) 在 " + days.map(CheckText.text).joined(separator: "、")
                + " 不能到岗，却安排了进驻"
        case let .forbidden(term, u, s, people, reasons):
            let why = reasons.isEmpty ? "" : "（" + reasons.joined(separator: "；") + "）"
            return "\(t(term))，\(site(s))：\(unit(u)) 的 \(names(people)) 不得驻点该企业\(why)"
        case let .tooFar(term, u, s, km, limit):
            return "\(t(term))，\(site(s))：与\(unit(u)) 相距 \(CheckText.kilometres(km, above: limit)) 公里，超过上限 \(CheckText.number(limit)) 公里"
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
                + cycles.map { CheckText.chain($0, l) }.joined(separator: "；")
        case let .shortCycle(term, cycle, minCycle):
            return "\(t(term))：闭环 \(CheckText.chain(cycle, l)) 仅含 \(max(0, cycle.count - 1)) 家单位，少于最小环长 \(minCycle)"
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
            return "\(t(term))，\(site(s))：\(month)（\(CheckText.text(days))）进驻 \(count) 次，每月应不少于 \(required) 次"
        case let .visitNotWorkingDay(term, s, date):
            return "\(t(term))，\(site(s))：\(CheckText.text(date)) 不是工作日，不应安排进驻"
        case let .visitTeam(term, s, date, expected, found):
            let who = found.isEmpty ? "无人" : found.joined(separator: "、")
            let all = expected.isEmpty ? "无人" : expected.joined(separator: "、")
            return "\(t(term))，\(site(s))：\(CheckText.text(date)) 进驻人员为 \(who)，应为该企业全部驻点人员 \(all) 共同进驻"
        case let .visitGap(term, s, previous, date, minGap):
            return "\(t(term))，\(site(s))：\(CheckText.text(previous)) 与 \(CheckText.text(date)) 两次进驻仅间隔 \(CheckText.gap(previous, date)) 天，应不少于 \(minGap) 天"
        case let .visitsSameDay(term, p, date, sites):
            return "\(t(term))：\(p.render(l)) 于 \(CheckText.text(date)) 安排了 \(sites.count) 次进驻（\(names(sites))），每人每天至多 1 次"
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
            return "求解状态为 optimal 时 gap 应为 0 且 bound 等于目标值；实际目标值 \(CheckText.number(objective))、bound \(CheckText.optional(bound))、gap \(CheckText.optional(gap))"
        case let .halfBound(bound, gap):
            return "bound 与 gap 应同时给出或同时为 null；实际 bound \(CheckText.optional(bound))、gap \(CheckText.optional(gap))"
        case let .gapMismatch(objective, bound, gap, expected):
            return "gap \(CheckText.number(gap)) 与目标值 \(CheckText.number(objective))、bound \(CheckText.number(bound)) 不符："
                + "|目标值 − bound| / max(|目标值|, 1e-9) = \(CheckText.number(expected))"
        case let .boundAboveObjective(bound, objective):
            return "bound \(CheckText.number(bound)) 大于目标值 \(CheckText.number(objective))；最小化问题的 bound 应为下界"
        case let .infeasibleWithTerms(count):
            return "求解状态为 infeasible，名单却包含 \(count) 轮安排"
        case let .infeasibleFigures(objective, bound, gap):
            return "求解状态为 infeasible 时目标值、bound、gap 应为 null；实际为 \(CheckText.optional(objective))、\(CheckText.optional(bound))、\(CheckText.optional(gap))"
        case let .explanationMissing(status):
            return "求解状态为 \(status.rawValue) 时必须给出非空的 explanation（原因说明）"
        case let .explanationUnexpected(status):
            return "求解状态为 \(status.rawValue) 时不应附 explanation（原因说明）"
        case let .explanationOmits(rule, term, site):
            return "explanation 漏列了名单实际违反的规则：\(CheckText.instance(rule, term, site, l))"
        case let .explanationExtra(rule, term, site):
            return "explanation 列出的 \(CheckText.instance(rule, term, site, l)) 在名单中并未违反"
        case let .bestEffortMayNotBreak(rule, term, site):
            return "尽力排班可以留空岗，但不得违反 \(CheckText.instance(rule, term, site, l))"
        case let .objectiveMismatch(stated, recomputed):
            return "目标值 \(CheckText.number(stated)) 与按名单重新计算的 \(CheckText.number(recomputed)) 不符"
        case let .termMissing(term):
            return "缺少\(t(term))安排"
        case let .termUnexpected(term, terms):
            return "\(t(term))超出方案的轮次范围 1…\(terms)"
        case let .termDuplicate(term):
            return "\(t(term))重复出现，只核查第一次出现的安排"
        case .termsUnsorted:
            return "各轮未按轮次排序"
        case let .termDates(term, start, end, es, ee):
            return "\(t(term))起止日期为 \(CheckText.text(start))..\(CheckText.text(end))，应为 \(CheckText.text(es))..\(CheckText.text(ee))"
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
            return "\(t(term))：\(person) 驻点 \(site) 的进驻日期 \(CheckText.text(arrive))、撤离日期 \(CheckText.text(leave)) 有误，按交接规则应为 \(CheckText.text(ea))..\(CheckText.text(el))"
        case let .visitsUnexpected(term):
            return "\(t(term))：蹲守式名单不应包含 visits（进驻记录）"
        case let .visitsMissing(term):
            return "\(t(term))：两人一企模式的名单必须列出 visits（进驻安排）"
        case let .visitsUnsorted(term):
            return "\(t(term))：visits（进驻安排）未按日期、企业排序"
        case let .visitPeopleUnsorted(term, date, site):
            return "\(t(term))：\(CheckText.text(date)) 进驻 \(site) 的人员未按编号排序或有重复"
        case let .visitOutsideTerm(term, date, site):
            return "\(t(term))：\(CheckText.text(date)) 进驻 \(site) 的日期不在本轮之内"
        }
    }
}
