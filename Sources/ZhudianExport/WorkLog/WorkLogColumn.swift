/// The work log's columns other than the counters, in order.
public enum WorkLogColumn {
    /// 日期: a real date in the workbook, `YYYY-MM-DD` in CSV.
    public static let date = "日期"
    /// The site's id (企业编号), as the scenario writes it.
    public static let siteID = "企业编号"
    /// The site's name, for people; not read back.
    public static let siteName = "驻点企业名称"
    /// The supervisors' ids, separated by 、 or commas.
    public static let peopleIDs = "人员编号"
    /// The supervisors' names and signatures, for people; not read back.
    public static let signatures = "驻点监督人员签字"
    /// What was done (附件3's 驻点监督任务开展情况).
    public static let narrative = "驻点监督任务开展情况"
    /// Remarks.
    public static let remarks = "备注"

    /// Every column title, in order.
    public static var all: [String] {
        [date, siteID, siteName, peopleIDs, signatures] + WorkLogCounter.allCases.map(\.title) + [narrative, remarks]
    }

    /// A title as a planner may have retyped it: spaces, line breaks and quotes dropped,
    /// ASCII parentheses made full-width, so `督促召开"晨会"(次)` finds its column.
    public static func normalized(_ title: String) -> String {
        var out = ""
        for ch in title {
            switch ch {
            case " ", "\u{3000}", "\n", "\r", "\t", "\"", "“", "”", "'": continue
            case "(": out.append("（")
            case ")": out.append("）")
            default: out.append(ch)
            }
        }
        return out
    }
}
