import ZhudianCore

/// `roster.xlsx` (SPEC §6): the name list the notices ask for, the cross-assignment of each
/// term in ring order, in visiting mode the visits, and one sheet per site with its people
/// over time. Empty posts of a best-effort roster appear as 空岗 rows in red.
///
///     let bytes = try RosterWorkbook.bytes(roster, scenario: scenario)
///
/// - Complexity: O(stays · log stays + sites · days).
public enum RosterWorkbook {
    /// The name list's columns, as 附件1 and the planner's own sheets name them.
    public static let nameListHeader = ["序号", "派出单位", "姓名", "联系电话", "驻点企业", "进驻日期", "撤离日期"]

    /// The workbook's bytes.
    public static func bytes(_ roster: Roster, scenario: Scenario) throws -> [UInt8] {
        try XLSXPackage.bytes(sheets(RosterFacts(roster, scenario: scenario)))
    }

    /// The sheets, in tab order.
    static func sheets(_ facts: RosterFacts) -> [XLSXSheet] {
        var names = XLSXSheetNames()
        var sheets = [
            nameList(facts, name: names.claim("驻点人员名单")),
            links(facts, name: names.claim("交叉驻点安排")),
        ]
        if facts.hasVisits { sheets.append(visits(facts, name: names.claim("走访安排"))) }
        for site in facts.siteIDs { sheets.append(siteSheet(site, facts, name: names.claim(facts.shortName(site)))) }
        return sheets
    }

    static func nameList(_ facts: RosterFacts, name: String) -> XLSXSheet {
        var rows = [nameListHeader.map(XLSXCell.header)]
        for term in facts.roster.terms {
            for stay in term.stays {
                let person = facts.person(stay.person)
                rows.append([
                    .count(rows.count), .text(facts.unitName(person?.unit ?? "")), .text(facts.personName(stay.person)),
                    .text(person?.phone ?? ""), .text(facts.unitName(stay.site)), .date(stay.arrive), .date(stay.leave),
                ])
            }
        }
        for site in facts.siteIDs {
            for gap in facts.gapsBySite[site] ?? [] {
                rows.append([
                    .count(rows.count), .vacancy(""), .vacancy(VacancyText.label), .vacancy(VacancyText.shortfall(gap)),
                    .vacancy(facts.unitName(site)), .date(gap.range.from), .date(gap.range.to),
                ])
            }
        }
        return XLSXSheet(name: name, rows: rows, landscape: true)
    }

    static func links(_ facts: RosterFacts, name: String) -> XLSXSheet {
        var rows = [["轮次", "起止日期", "环", "顺序", "派出单位", "驻点企业", "驻点人员"].map(XLSXCell.header)]
        for term in facts.roster.terms {
            let period = "\(term.start) 至 \(term.end)"
            for (c, chain) in LinkChains.chains(term.links).enumerated() {
                for (i, link) in chain.enumerated() {
                    let people = facts.team(at: link.to, term: term.term)
                        .filter { facts.homeUnit($0) == link.from }.map(facts.personName)
                    rows.append([
                        .count(term.term), .text(period), .count(c + 1), .count(i + 1), .text(facts.unitName(link.from)),
                        .text(facts.unitName(link.to)), .text(people.joined(separator: "、")),
                    ])
                }
            }
        }
        return XLSXSheet(name: name, rows: rows, landscape: true)
    }

    /// Visiting mode: one row per visit, in roster order, with the enterprise's town and the
    /// people who go together (a planner filters it by person or enterprise in Excel).
    static func visits(_ facts: RosterFacts, name: String) -> XLSXSheet {
        var rows = [["序号", "轮次", "日期", "驻点企业", "所在地", "驻点人员", "派出单位"].map(XLSXCell.header)]
        for (term, visit) in facts.visits {
            let units = Array(Set(visit.people.map(facts.homeUnit))).sorted().map(facts.shortName)
            rows.append([
                .count(rows.count), .count(term), .date(visit.date), .text(facts.unitName(visit.site)),
                .text(facts.unit(visit.site)?.town ?? ""), .text(visit.people.map(facts.personName).joined(separator: "、")),
                .text(units.joined(separator: "、")),
            ])
        }
        return XLSXSheet(name: name, rows: rows, landscape: true)
    }

    static func siteSheet(_ site: String, _ facts: RosterFacts, name: String) -> XLSXSheet {
        var rows = [["轮次", "姓名", "派出单位", "联系电话", "进驻日期", "撤离日期", "备注"].map(XLSXCell.header)]
        var items: [(CivilDate, Int, [XLSXCell])] = []
        for ts in facts.staysBySite[site] ?? [] {
            let person = facts.person(ts.stay.person)
            items.append((ts.stay.arrive, 0, [
                .count(ts.term), .text(facts.personName(ts.stay.person)), .text(facts.unitName(person?.unit ?? "")),
                .text(person?.phone ?? ""), .date(ts.stay.arrive), .date(ts.stay.leave), .text(""),
            ]))
        }
        for gap in facts.gapsBySite[site] ?? [] {
            items.append((gap.range.from, 1, [
                .vacancy(""), .vacancy(VacancyText.label), .vacancy(""), .vacancy(""), .date(gap.range.from),
                .date(gap.range.to), .vacancy(VacancyText.shortfall(gap)),
            ]))
        }
        rows += items.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        return XLSXSheet(name: name, rows: rows)
    }
}

/// How every export names an empty post.
enum VacancyText {
    /// 空岗.
    static let label = "空岗"
    /// `在岗 1 人，需 2 人`.
    static func shortfall(_ gap: RosterFacts.Gap) -> String { "在岗 \(gap.present) 人，需 \(gap.needed) 人" }
}
