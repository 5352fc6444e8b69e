import ZhudianCore

/// The notices' forms filled with what a roster knows (SPEC §6; DOMAIN.md): the name list of
/// 附件1, the task checklist (附件2) of every site and term, the statistics table's header with
/// the counts a roster knows (notice 000's table in resident mode, 附件4 in visiting mode),
/// and the contact list of 附件5.
///
/// What a roster cannot know (落实情况, hazards found, meetings held) is left blank to fill in.
///
/// - Complexity: O(stays · log stays + months · stays).
enum NoticeForms {
    static func tables(_ facts: RosterFacts) -> [FormTable] {
        var out = [nameList(facts)]
        for term in facts.roster.terms {
            for site in facts.siteIDs { out.append(checklist(site: site, term: term, facts: facts)) }
        }
        out.append(facts.scenario.mode == .resident ? residentStatistics(facts) : visitingStatistics(facts))
        out.append(contacts(facts))
        return out
    }

    /// 附件1: per place, each enterprise with its supervisors, their units and phones.
    static func nameList(_ facts: RosterFacts) -> FormTable {
        let header = ["序号", "轮次", "所在地", "驻点企业", "驻点人员", "派出单位", "联系电话", "驻点时间"].map { FormTable.Head(text: $0) }
        var body: [[FormTable.Value]] = []
        for term in facts.roster.terms {
            let sites = facts.siteIDs.sorted { (facts.unit($0)?.town ?? "", $0) < (facts.unit($1)?.town ?? "", $1) }
            for site in sites {
                let stays = term.stays.filter { $0.site == site }
                let place: [FormTable.Value] = [.count(term.term), .text(facts.unit(site)?.town ?? ""), .text(facts.unitName(site))]
                if stays.isEmpty {
                    body.append([.count(body.count + 1)] + place + [.vacancy(VacancyText.label), .blank, .blank, .blank])
                }
                // One line per supervisor: a planner sorts and filters this list in Excel.
                for stay in stays {
                    body.append([.count(body.count + 1)] + place + [
                        .text(facts.personName(stay.person)), .text(facts.unitName(facts.homeUnit(stay.person))),
                        .text(facts.person(stay.person)?.phone ?? ""), .text("\(stay.arrive) 至 \(stay.leave)"),
                    ])
                }
            }
        }
        return FormTable(
            sheetName: "附件1 驻点名单", title: "驻点企业和驻点人员名单",
            notes: ["单位：" + facts.scenario.authority, facts.scenario.name], header: [header], body: body,
            widths: [6, 6, 10, 34, 10, 34, 14, 28], landscape: true)
    }

    /// 附件2's eleven items (notice 002), word for word.
    static let checklistItems = [
        "监督检查企业安全风险特别是重大安全风险的辨识管控情况（台账建立情况，是否落实管控措施等情况）",
        "监督检查企业事故隐患特别是重大事故隐患排查整治情况（台账建立情况，事故隐患整改情况，未完成整改的是否明确整改措施、整改时限、整改责任人等情况）",
        "监督检查企业加强动火作业等特殊作业管理情况（特殊作业管理制度建立情况，落实全省有限空间作业、预防高处坠落、违规电气焊作业和违规施工专项整治情况，开展动火、有限空间、设备检维修、高处作业时，驻点监督人员现场监督情况，对外来作业人员安全管理等情况）",
        "监督检查企业全员安全生产岗位责任清单建立和落实情况（查阅岗位责任清单资料，抽查各类在岗人员掌握本岗位的安全生产责任等情况）",
        "监督检查晨会制度落实情况（查看企业作业人员是否按要求参加晨会，晨会内容是否符合要求等情况）",
        "监督检查企业落实警示教育情况（是否按要求组织观看警示教育片，企业负责人参加安全环保大讲堂等情况）",
        "监督检查企业落实有奖举报情况（是否在醒目位置张贴《山东省安全生产举报奖励办法》，是否明确举报方式和渠道，是否制定本企业的隐患排查奖励制度并及时兑现等情况）",
        "监督检查企业开展安全诊断情况（是否组织专家开展安全诊断，针对诊断发现的问题是否及时有效整改等情况）",
        "监督检查企业抓劳动纪律、操作纪律、工艺纪律等制度情况，现场检查是否存在“三违”行为",
        "监督检查企业落实《山东省化工行业安全生产整治提升专项行动总体工作方案》和国家、省、市、县（市、区）有关安全生产重点工作要求等情况（包括国务院安委会“十五条硬措施”及省委、省政府“八抓20条”举措等）",
        "其他情况（包括企业安全生产标准化运行情况，企业安全管理机构建立和人员配备情况，每月宣讲习近平总书记安全生产重要论述情况等）",
    ]

    /// 附件2 for one site and term.
    static func checklist(site: String, term: RosterTerm, facts: RosterFacts) -> FormTable {
        let people = facts.team(at: site, term: term.term).map(facts.personName)
        let stays = term.stays.filter { $0.site == site }
        let from = stays.map(\.arrive).min() ?? term.start
        let to = stays.map(\.leave).max() ?? term.end
        // Visiting mode: the supervisors fill the list at each visit, so the planned days stand in the header.
        let visitDays = (term.visits ?? []).filter { $0.site == site }.map(\.date).sorted()
        let when = term.visits == nil
            ? "\(CivilText.chinese(from)) 至 \(CivilText.chinese(to))"
            : (visitDays.isEmpty ? "（本轮无走访）" : "走访 " + visitDays.map(CivilText.chinese).joined(separator: "、"))
        let header = ["序号", "主要内容", "落实情况", "存在问题描述\n（问题要具体化）", "整改建议"].map { FormTable.Head(text: $0) }
        let body = checklistItems.enumerated().map { i, item -> [FormTable.Value] in
            [.count(i + 1), .text(item), .blank, .blank, .blank]
        }
        return FormTable(
            sheetName: "清单\(term.term)-\(facts.shortName(site))", title: "驻点监督工作任务清单",
            notes: [
                "驻点企业名称：\(facts.unitName(site))",
                "驻点人员：\(people.isEmpty ? VacancyText.label : people.joined(separator: "、"))　　驻点时间：\(when)（第 \(term.term) 轮）",
            ],
            header: [header], body: body, widths: [6, 56, 16, 22, 18], landscape: true)
    }

    /// Notice 000's monthly statistics table: people sent (名) and enterprises covered (家),
    /// by the level of the sending office (市级 for a city-level office, 县级 otherwise: the
    /// enterprises' own staff are counted with the county, whose bureau sends them).
    static func residentStatistics(_ facts: RosterFacts) -> FormTable {
        // The same columns as `zhudian stats` fills (WorkLogCounter), titled as notice 1 titles them.
        let rest = WorkLogCounter.noticeOneColumns.map(\.title)
        var top = [FormTable.Head(text: "月份", rows: 2), FormTable.Head(text: "派驻人员（名）", columns: 2),
                   FormTable.Head(text: "派驻企业（家）", columns: 2)]
        top += rest.map { FormTable.Head(text: $0, rows: 2) }
        let second = ["市", "县", "市", "县"].map { FormTable.Head(text: $0) }
        let body = MonthCounts.months(facts).map { m -> [FormTable.Value] in
            let c = MonthCounts.resident(m, facts)
            return [.text(m.key), .count(c.cityPeople), .count(c.countyPeople), .count(c.citySites), .count(c.countySites)]
                + rest.map { _ in .blank }
        }
        return FormTable(
            sheetName: "驻点监督工作情况统计表", title: "驻点监督工作情况统计表",
            notes: ["部门：\(facts.scenario.authority)", "行业领域：\(facts.scenario.sector)", "填表时间：　　年　　月　　日"],
            header: [top, second], body: body, footer: ["注：派驻人员与派驻企业为该月内在岗的人数与企业数，由驻点安排得出；其余各栏按实际工作填写。"],
            widths: [10, 6, 6, 6, 6] + rest.map { _ in 10 }, landscape: true)
    }

    /// 附件4: 人次 and 家次 by level. The notice asks for "2023年8月以来的动态累计数据": each
    /// month's row is what that month's report carries, the sum from the plan's first month
    /// through that month (a plan that starts later adds its history's figures by hand).
    static func visitingStatistics(_ facts: RosterFacts) -> FormTable {
        // The same columns as `zhudian stats` fills (WorkLogCounter), titled as 附件4 titles them.
        let rest = WorkLogCounter.noticeTwoColumns.map(\.title)
        var top = [FormTable.Head(text: "月份", rows: 2), FormTable.Head(text: "行业领域", rows: 2),
                   FormTable.Head(text: "派出驻点监督人员", columns: 2), FormTable.Head(text: "派驻企业单位", columns: 2)]
        top += rest.map { FormTable.Head(text: $0, rows: 2) }
        let second = ["市级（人次）", "县级（人次）", "市级（家次）", "县级（家次）"].map { FormTable.Head(text: $0) }
        var total = MonthCounts.Counts()
        var body: [[FormTable.Value]] = []
        let months = MonthCounts.months(facts)
        for m in months {
            total = total + MonthCounts.visiting(m, facts)
            body.append([.text("截至\(m.key)"), .text(facts.scenario.sector), .count(total.cityPeople), .count(total.countyPeople),
                         .count(total.citySites), .count(total.countySites)] + rest.map { _ in .blank })
        }
        let since = months.first.map { "\($0.range.from.year)年\($0.range.from.month)月" } ?? ""
        return FormTable(
            sheetName: "附件4 统计表", title: "驻点监督工作情况统计表", notes: ["县（市、区）：\(facts.scenario.authority)"],
            header: [top, second], body: body,
            footer: ["联系人：　　　　　　　　填表日期：",
                     "注：相关数据为\(since)以来的动态累计数据，每行为截至该月末的累计数；人次与家次由驻点安排的走访得出（一次走访计 1 家次，记入到场人员所属的级别，市县人员同行时市级、县级各计 1 家次；每位到场人员计 1 人次）；其余各栏按实际工作填写。发现重大事故隐患要随时报告。"],
            widths: [10, 12, 8, 8, 8, 8] + rest.map { _ in 9 }, landscape: true)
    }

    /// 附件5: every placed person with their unit and phone.
    static func contacts(_ facts: RosterFacts) -> FormTable {
        let header = ["序号", "姓名", "单位、职务", "联系方式"].map { FormTable.Head(text: $0) }
        let people = facts.staysByPerson.keys.sorted { (facts.homeUnit($0), $0) < (facts.homeUnit($1), $1) }
        let body = people.enumerated().map { i, p -> [FormTable.Value] in
            let sites = Array(Set((facts.staysByPerson[p] ?? []).map(\.stay.site))).sorted().map(facts.shortName)
            return [.count(i + 1), .text(facts.personName(p)),
                    .text("\(facts.unitName(facts.homeUnit(p)))　驻点监督人员（\(sites.joined(separator: "、"))）"),
                    .text(facts.person(p)?.phone ?? "")]
        }
        return FormTable(sheetName: "附件5 联系人", title: "驻点监督联系人名单", notes: [facts.scenario.name],
                         header: [header], body: body, widths: [6, 10, 60, 16])
    }
}

/// Dates as the notices print them.
enum CivilText {
    /// `2022年8月20日`.
    static func chinese(_ d: CivilDate) -> String { "\(d.year)年\(d.month)月\(d.day)日" }
}
