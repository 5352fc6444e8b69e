import ZhudianCore

/// `report.html` (SPEC §6): one self-contained page for the bureau's leadership — the solve
/// figures, the independent checker's verdict, the objective by term and part, each term's
/// ring, the bureau's dated tasks and each site's timeline as inline SVG. No script, no external asset; prints on A4.
///
/// Written by hand: the page is a fixed skeleton around generated SVG, every planner-provided
/// text goes through ``Markup/escape(_:)``, and a template library would add a dependency
/// without making the SVG arithmetic any clearer.
///
///     let bytes = ReportHTML.bytes(roster, scenario: scenario)
///
/// - Complexity: O(stays² per site + sites · days), dominated by the checker.
public enum ReportHTML {
    /// The page's bytes (UTF-8).
    public static func bytes(_ roster: Roster, scenario: Scenario) -> [UInt8] {
        let facts = RosterFacts(roster, scenario: scenario)
        let report = RosterChecker(scenario: scenario, scenarioSHA256: nil).check(roster)
        var h = head(facts)
        h += solve(facts)
        h += check(report)
        h += objective(facts)
        for term in facts.roster.terms {
            h += "<section class=\"ring\"><h2>第 \(term.term) 轮 交叉驻点（\(term.start) 至 \(term.end)）</h2>"
            h += RingSVG.svg(term: term, facts: facts)
            h += "<p class=\"legend\"><span class=\"k a\">→</span> 派出单位 → 驻点企业　<span class=\"k m\">⇄</span> 互相驻点"
                + "　<span class=\"k g\">⇢</span> 同一集团　<span class=\"k v\">●</span> 空岗</p></section>"
        }
        if facts.hasVisits {
            h += "<section><h2>驻点时间线</h2><p class=\"legend\"><span class=\"k a\">■</span> 驻点（本轮分工）　"
                + "<span class=\"k\" style=\"color:\(TimelineSVG.visitColour)\">■</span> 走访　<span class=\"k v\">■</span> 空岗　虚线：轮次开始</p>"
        } else {
            h += "<section><h2>驻点时间线</h2><p class=\"legend\"><span class=\"k a\">■</span> 驻点　"
                + "<span class=\"k d\">■</span> 交接重叠　<span class=\"k v\">■</span> 空岗　虚线：轮次开始</p>"
        }
        h += TasksSVG.section(facts)
        for site in facts.siteIDs {
            h += "<div class=\"site\"><h3>\(Markup.escape(facts.unitName(site)))</h3>"
            h += TimelineSVG.svg(site: site, facts: facts) + "</div>"
        }
        h += "</section></body></html>\n"
        return Array(h.utf8)
    }

    static let css = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;\
        color:#222;max-width:760px;margin:16px auto;padding:0 12px;font-size:13px}
        h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;border-bottom:1px solid #999;margin:18px 0 8px}
        h3{font-size:13px;margin:10px 0 2px}table{border-collapse:collapse;margin:4px 0}
        td,th{border:1px solid #aaa;padding:2px 8px;text-align:left}th{background:#eee}td.n{text-align:right}
        .ok{color:#2e7d32;font-weight:bold}.bad{color:#c62828;font-weight:bold}.sub{color:#555}
        .legend{color:#555;font-size:11px}.k{font-weight:bold}.k.a{color:#8fb3de}.k.m{color:#c62828}
        .k.g{color:#e08a00}.k.v{color:#d32f2f}.k.d{color:#2e5a8c}svg{max-width:100%;height:auto;display:block}svg.ring{margin:0 auto}
        .ring,.site{break-inside:avoid;page-break-inside:avoid}
        @page{size:A4;margin:12mm}@media print{body{margin:0;max-width:none}}
        """

    static func head(_ facts: RosterFacts) -> String {
        let s = facts.scenario
        let title = Markup.escape(s.name)
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width\"><title>\(title) 驻点安排</title>"
        h += "<style>\(css)</style></head><body><h1>\(title)</h1>"
        let mode = s.mode == .resident ? "蹲守式驻点" : "两人一企"
        let parts = [s.authority, s.sector, mode, "\(facts.horizon.from) 至 \(facts.horizon.to)", "\(facts.roster.terms.count) 轮"]
        h += "<p class=\"sub\">" + parts.filter { !$0.isEmpty }.map(Markup.escape).joined(separator: "　") + "</p>"
        return h
    }

    static func solve(_ facts: RosterFacts) -> String {
        let v = facts.roster.solve
        let status: String
        switch v.status {
        case .optimal: status = "最优（已证明）"
        case .feasible: status = "可行（未证明最优）"
        case .infeasible: status = "无解"
        case .bestEffort: status = "尽力方案（有空岗或违反规则）"
        }
        var rows: [(String, String)] = [
            ("状态", status), ("目标值", v.objective.map(number) ?? "—"), ("下界", v.bound.map(number) ?? "—"),
            ("差距", v.gap.map { number($0 * 100) + "%" } ?? "—"), ("用时", number(v.seconds) + " 秒"), ("求解器", v.engine),
            ("驻点人次", String(facts.roster.terms.map(\.stays.count).reduce(0, +))),
            ("驻点企业", String(facts.siteIDs.count)),
        ]
        if facts.hasVisits { rows.append(("走访次数", String(facts.visits.count))) }
        return "<section><h2>求解结果</h2><table>"
            + rows.map { "<tr><th>\($0.0)</th><td>\(Markup.escape($0.1))</td></tr>" }.joined() + "</table></section>"
    }

    static func check(_ report: CheckReport) -> String {
        var h = "<section><h2>独立检查</h2>"
        if report.passed {
            h += "<p class=\"ok\">✓ 通过：\(report.rulesChecked.count) 条规则全部满足（"
                + Markup.escape(report.rulesChecked.map(\.rawValue).joined(separator: ", ")) + "）</p>"
        } else {
            h += "<p class=\"bad\">✗ 发现 \(report.violations.count) 处问题：</p><ul>"
            for line in report.lines(.zh) { h += "<li>\(Markup.escape(line))</li>" }
            h += "</ul>"
        }
        return h + "</section>"
    }

    static func objective(_ facts: RosterFacts) -> String {
        let rows = ObjectiveBreakdown(facts).rows
        var h = "<section><h2>目标值构成</h2><table><tr><th>轮次</th><th>距离（权重×公里）</th><th>公平（权重×已驻轮次）</th><th>合计</th></tr>"
        for r in rows {
            h += "<tr><td>第 \(r.term) 轮</td><td class=\"n\">\(number(r.distance))</td><td class=\"n\">\(number(r.fairness))</td><td class=\"n\">\(number(r.total))</td></tr>"
        }
        let d = rows.map(\.distance).reduce(0, +), f = rows.map(\.fairness).reduce(0, +)
        h += "<tr><th>合计</th><td class=\"n\">\(number(d))</td><td class=\"n\">\(number(f))</td><td class=\"n\">\(number(d + f))</td></tr>"
        return h + "</table></section>"
    }

    /// Two decimals at most, trailing zeros dropped, locale-free.
    static func number(_ x: Double) -> String {
        let hundredths = (x * 100).rounded()
        guard abs(hundredths) < 1e15 else { return "\(x)" }
        let n = Int(hundredths)
        let whole = n / 100, frac = abs(n % 100)
        let sign = n < 0 && whole == 0 ? "-" : ""
        if frac == 0 { return sign + String(whole) }
        let f = frac % 10 == 0 ? String(frac / 10) : (frac < 10 ? "0" + String(frac) : String(frac))
        return sign + String(whole) + "." + f
    }
}
