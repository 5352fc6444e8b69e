import ZhudianCore

/// What `zhudian stats` writes: both notices' statistics tables filled (notice 1's
/// 驻点监督工作情况统计表 and notice 2's 附件4, each with the month's row and the cumulative
/// row), and the missing logs, as `stats-YYYY-MM.xlsx` and `stats-YYYY-MM.md`.
///
///     for (name, bytes) in try StatsReport.files(stats, facts: facts) { … }
///
/// - Complexity: O(missing logs + columns).
public enum StatsReport {
    /// The file names and bytes.
    public static func files(_ stats: WorkLogStats, facts: RosterFacts) throws -> [(path: String, bytes: [UInt8])] {
        let base = "stats-\(stats.month.from.monthKey)"
        return [("\(base).xlsx", try workbook(stats, facts: facts)), ("\(base).md", markdown(stats, facts: facts))]
    }

    /// The tables as a workbook, one sheet each.
    public static func workbook(_ stats: WorkLogStats, facts: RosterFacts) throws -> [UInt8] {
        var names = XLSXSheetNames()
        return try XLSXPackage.bytes(tables(stats, facts: facts).map { FormsWorkbook.sheet($0, name: names.claim($0.sheetName)) })
    }

    /// The tables as Markdown.
    public static func markdown(_ stats: WorkLogStats, facts: RosterFacts) -> [UInt8] {
        var s = "# 驻点监督工作情况统计 \(stats.month.from.year)年\(stats.month.from.month)月\n\n"
        s += "\(facts.scenario.name)；本月 \(stats.month.from) 至 \(stats.month.to)（\(stats.monthly.rows) 条日志），"
        s += "累计 \(stats.cumulativePeriod.from) 至 \(stats.cumulativePeriod.to)（\(stats.cumulative.rows) 条日志）。\n\n"
        for table in tables(stats, facts: facts) { s += table.markdown }
        return Array(s.utf8)
    }

    static func tables(_ stats: WorkLogStats, facts: RosterFacts) -> [FormTable] {
        [noticeOne(stats, facts), noticeTwo(stats, facts), missing(stats, facts)]
    }

    static func periodLabels(_ stats: WorkLogStats) -> (String, String) {
        let m = stats.month.from
        return ("\(m.year)年\(m.month)月", "累计（\(stats.cumulativePeriod.from) 至 \(stats.cumulativePeriod.to)）")
    }

    static func counters(_ totals: WorkLogTotals, _ columns: [(title: String, counter: WorkLogCounter)]) -> [FormTable.Value] {
        columns.map { $0.counter.allowsDecimals ? .amount(totals[$0.counter]) : .count(Int(totals[$0.counter])) }
    }

    /// Notice 1's table: 名 and 家 by level, then its twelve columns.
    static func noticeOne(_ stats: WorkLogStats, _ facts: RosterFacts) -> FormTable {
        let columns = WorkLogCounter.noticeOneColumns
        var top = [FormTable.Head(text: "月份", rows: 2), FormTable.Head(text: "派驻人员（名）", columns: 2),
                   FormTable.Head(text: "派驻企业（家）", columns: 2)]
        top += columns.map { FormTable.Head(text: $0.title, rows: 2) }
        let second = ["市", "县", "市", "县"].map { FormTable.Head(text: $0) }
        let (monthLabel, sinceLabel) = periodLabels(stats)
        func row(_ label: String, _ r: WorkLogStats.RosterCounts, _ t: WorkLogTotals) -> [FormTable.Value] {
            [.text(label), .count(r.people.city), .count(r.people.county), .count(r.sites.city), .count(r.sites.county)]
                + counters(t, columns)
        }
        return FormTable(
            sheetName: "驻点监督工作情况统计表", title: "驻点监督工作情况统计表",
            notes: ["部门：\(facts.scenario.authority)", "行业领域：\(facts.scenario.sector)", "月份：\(monthLabel)",
                    "填表时间：　　年　　月　　日"],
            header: [top, second],
            body: [row(monthLabel, stats.monthlyRoster, stats.monthly), row(sinceLabel, stats.cumulativeRoster, stats.cumulative)],
            footer: ["注：派驻人员与派驻企业由驻点安排得出（该期间内在岗或走访的人数与企业数）；其余各栏为工作日志之和。"],
            widths: [26, 6, 6, 6, 6] + columns.map { _ in 10 }, landscape: true)
    }

    /// Notice 2's 附件4: 人次 and 家次 by level, then its eleven columns.
    static func noticeTwo(_ stats: WorkLogStats, _ facts: RosterFacts) -> FormTable {
        let columns = WorkLogCounter.noticeTwoColumns
        var top = [FormTable.Head(text: "序号", rows: 2), FormTable.Head(text: "统计期间", rows: 2),
                   FormTable.Head(text: "行业领域", rows: 2), FormTable.Head(text: "派出驻点监督人员", columns: 2),
                   FormTable.Head(text: "派驻企业单位", columns: 2)]
        top += columns.map { FormTable.Head(text: $0.title, rows: 2) }
        let second = ["市级（人次）", "县级（人次）", "市级（家次）", "县级（家次）"].map { FormTable.Head(text: $0) }
        let (monthLabel, sinceLabel) = periodLabels(stats)
        func row(_ n: Int, _ label: String, _ r: WorkLogStats.RosterCounts, _ t: WorkLogTotals) -> [FormTable.Value] {
            [.count(n), .text(label), .text(facts.scenario.sector), .count(r.personTimes.city), .count(r.personTimes.county),
             .count(r.siteTimes.city), .count(r.siteTimes.county)] + counters(t, columns)
        }
        return FormTable(
            sheetName: "附件4 统计表", title: "驻点监督工作情况统计表（附件4）", notes: ["县（市、区）：\(facts.scenario.authority)"],
            header: [top, second],
            body: [row(1, monthLabel, stats.monthlyRoster, stats.monthly), row(2, sinceLabel, stats.cumulativeRoster, stats.cumulative)],
            footer: ["联系人：　　　　　　　　填表日期：",
                     "注：相关数据为 \(stats.cumulativePeriod.from) 以来的动态累计数据（第 2 行），第 1 行为本月；发现重大事故隐患要随时报告。"],
            widths: [6, 26, 12, 8, 8, 8, 8] + columns.map { _ in 9 }, landscape: true)
    }

    /// Every expected log row of the cumulative period that no filled row covers.
    static func missing(_ stats: WorkLogStats, _ facts: RosterFacts) -> FormTable {
        let visiting = facts.scenario.mode == .visiting
        let header = ["序号", "驻点企业", "企业编号", visiting ? "计划走访日期" : "应填周（本月内）", "驻点人员"].map { FormTable.Head(text: $0) }
        let body = stats.missing.enumerated().map { i, slot -> [FormTable.Value] in
            [.count(i + 1), .text(facts.unitName(slot.site)), .text(slot.site),
             .text(visiting ? slot.date.description : "\(slot.days.from) 至 \(slot.days.to)"),
             .text(slot.people.map(facts.personName).joined(separator: "、"))]
        }
        return FormTable(
            sheetName: "缺报日志", title: "未交工作日志（\(stats.cumulativePeriod.from) 至 \(stats.cumulativePeriod.to)）",
            notes: [stats.missing.isEmpty ? "无：每一应填记录均已收到。" : "以下记录未收到，上表未计入（不按 0 计），请催报后重新统计。"],
            header: [header], body: body, widths: [6, 34, 10, 26, 24])
    }
}
