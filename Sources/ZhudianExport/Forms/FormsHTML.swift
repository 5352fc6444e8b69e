import ZhudianCore

/// `forms.html`: the same forms as ``FormsWorkbook``, one printed A4 page (or more) each,
/// self-contained and without script. Written by hand for the reasons given in ``ReportHTML``.
///
///     let bytes = FormsHTML.bytes(roster, scenario: scenario)
public enum FormsHTML {
    /// The page's bytes (UTF-8).
    public static func bytes(_ roster: Roster, scenario: Scenario) -> [UInt8] {
        let forms = NoticeForms.tables(RosterFacts(roster, scenario: scenario))
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        h += "<title>\(Markup.escape(scenario.name)) 驻点监督表格</title><style>\(css)</style></head><body>"
        for form in forms { h += section(form) }
        return Array((h + "</body></html>\n").utf8)
    }

    static let css = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","SimSun","Microsoft YaHei",serif;color:#000;font-size:12px;margin:0}
        section{padding:8mm;break-after:page;page-break-after:always}section.wide{page:wide}
        h1{font-size:18px;text-align:center;margin:0 0 8px}p{margin:2px 0}
        table{border-collapse:collapse;width:100%;margin-top:6px}th,td{border:1px solid #000;padding:3px 4px;vertical-align:top;white-space:pre-line}
        th{background:#eee;vertical-align:middle}td.n{text-align:center}td.v{color:#c62828;font-weight:bold}
        tbody tr{break-inside:avoid}thead{display:table-header-group}
        @page{size:A4;margin:10mm}@page wide{size:A4 landscape;margin:10mm}
        """

    static func section(_ form: FormTable) -> String {
        var h = "<section\(form.landscape ? " class=\"wide\"" : "")><h1>\(Markup.escape(form.title))</h1>"
        for note in form.notes { h += "<p>\(Markup.escape(note))</p>" }
        let total = form.widths.reduce(0, +)
        h += "<table><colgroup>"
        for w in form.widths { h += "<col style=\"width:\(Markup.coordinate(100 * w / max(total, 1)))%\">" }
        h += "</colgroup><thead>"
        for row in form.header {
            h += "<tr>"
            for head in row {
                let span = (head.columns > 1 ? " colspan=\"\(head.columns)\"" : "") + (head.rows > 1 ? " rowspan=\"\(head.rows)\"" : "")
                h += "<th\(span)>\(Markup.escape(head.text))</th>"
            }
            h += "</tr>"
        }
        h += "</thead><tbody>"
        for row in form.body {
            h += "<tr>"
            for v in row {
                switch v {
                case .text(let t): h += "<td>\(Markup.escape(t))</td>"
                case .count(let k): h += "<td class=\"n\">\(k)</td>"
                case .amount(let x): h += "<td class=\"n\">\(WorkLogTotals.text(x))</td>"
                case .blank: h += "<td>　</td>"
                case .vacancy(let t): h += "<td class=\"v\">\(Markup.escape(t))</td>"
                }
            }
            h += "</tr>"
        }
        h += "</tbody></table>"
        for line in form.footer { h += "<p>\(Markup.escape(line))</p>" }
        return h + "</section>"
    }
}
