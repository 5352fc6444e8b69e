import ZhudianCore

/// `worklog/<site>-<YYYY-MM>.xlsx` (`--formats worklog`): one workbook per site and month, the
/// work log of notice 1 (每周填写工作情况) and notice 2 (附件3 驻点监督工作日志) to fill in and
/// give back to `zhudian stats`.
///
/// Pre-filled with one row per ``WorkLogSlot`` (resident: a week of the month; visiting: a
/// planned visit): the date, the site's id and name, the people's ids and names. The counters
/// of both notices' statistics tables (``WorkLogCounter``) follow, then the narrative and
/// remarks. Data validation keeps the counts non-negative (whole numbers, 万元 with decimals)
/// and the dates inside the month, in spare rows too.
///
///     for (path, bytes) in try WorkLogWorkbook.files(roster, scenario: scenario) { … }
///
/// - Complexity: O(slots + sites · days).
public enum WorkLogWorkbook {
    /// Rows under the pre-filled ones that carry the validation, for records added by hand.
    static let spareRows = 40
    /// The header's row number (1-based): title and three notes come first.
    static let headerRow = 5

    /// Relative paths (`worklog/…`) and bytes, by site in scenario order, then month.
    public static func files(_ roster: Roster, scenario: Scenario) throws -> [(path: String, bytes: [UInt8])] {
        let facts = RosterFacts(roster, scenario: scenario)
        var groups: [(site: String, month: String, slots: [WorkLogSlot])] = []
        for slot in WorkLogSlot.all(facts) {
            if let last = groups.last, last.site == slot.site, last.month == slot.date.monthKey {
                groups[groups.count - 1].slots.append(slot)
            } else {
                groups.append((slot.site, slot.date.monthKey, [slot]))
            }
        }
        return try groups.map { g in
            let path = "\(ExportFormat.workLogFolder)/\(RosterCalendars.fileSafe(g.site))-\(g.month).xlsx"
            return (path, try XLSXPackage.bytes([sheet(site: g.site, month: g.month, slots: g.slots, facts: facts)]))
        }
    }

    static func sheet(site: String, month: String, slots: [WorkLogSlot], facts: RosterFacts) -> XLSXSheet {
        let columns = WorkLogColumn.all
        let last = XLSXWorksheetXML.column(columns.count - 1)
        let first = slots[0].date
        let monthStart = CivilDate(year: first.year, month: first.month, day: 1) ?? first
        let monthDays = DateRange(from: monthStart, to: monthStart.addingMonths(1).addingDays(-1))
        let people = Array(Set(slots.flatMap(\.people))).sorted()
        let rule = facts.scenario.mode == .visiting ? "每次走访一行（已按计划走访预填）" : "每周至少一行（已按周预填，可改为实际填写日期）"
        var rows: [[XLSXCell]] = [
            [.title("驻点监督工作日志（\(first.year)年\(first.month)月）")],
            [.note("驻点企业：\(facts.unitName(site))（企业编号 \(site)）　驻点监督人员：\(people.map(facts.personName).joined(separator: "、"))")],
            [.note("\(facts.scenario.name)　\(rule)；日期须在本月内且在本人驻点期间")],
            [.note("各计数栏填非负整数（有奖举报以万元计，可有小数），未发生填 0；编号栏勿改动（可删去未到场人员的编号）；工作情况写在“\(WorkLogColumn.narrative)”栏。")],
            columns.map(XLSXCell.header),
        ]
        for slot in slots {
            rows.append([
                .date(slot.date), .text(site), .text(facts.unitName(site)), .text(slot.people.joined(separator: "、")),
                .text(slot.people.map(facts.personName).joined(separator: "、")),
            ] + Array(repeating: XLSXCell.blank, count: WorkLogCounter.allCases.count + 2))
        }
        let merges = (1..<headerRow).map { "A\($0):\(last)\($0)" }
        let end = headerRow + slots.count + spareRows
        let whole = ranges(WorkLogCounter.allCases.filter { !$0.allowsDecimals }, end: end)
        let money = ranges(WorkLogCounter.allCases.filter(\.allowsDecimals), end: end)
        var sheet = XLSXSheet(
            name: "工作日志", rows: rows, headerRows: headerRow, merges: merges, landscape: true,
            widths: [11, 9, 22, 14, 16] + WorkLogCounter.allCases.map { _ in 9 } + [40, 12])
        sheet.validations = [
            XLSXValidation(kind: .whole(minimum: 0), ranges: whole, message: "请填写非负整数（未发生填 0）"),
            XLSXValidation(kind: .decimal(minimum: 0), ranges: money, message: "请填写非负数（万元，可有小数）"),
            XLSXValidation(kind: .date(monthDays), ranges: ["A\(headerRow + 1):A\(end)"],
                           message: "请填写 \(monthDays.from) 至 \(monthDays.to) 之间的日期"),
        ]
        return sheet
    }

    /// The counters' cells from the first body row to `end`, adjacent columns as one range
    /// (`F6:K50 M6:U50`).
    static func ranges(_ counters: [WorkLogCounter], end: Int) -> [String] {
        var runs: [(Int, Int)] = []
        for c in counters.map({ 5 + $0.rawValue }).sorted() {
            if let last = runs.last, last.1 + 1 == c { runs[runs.count - 1].1 = c } else { runs.append((c, c)) }
        }
        return runs.map { "\(XLSXWorksheetXML.column($0.0))\(headerRow + 1):\(XLSXWorksheetXML.column($0.1))\(end)" }
    }
}
