import ZhudianCore

/// The lines of `zhudian stats` and of `plan --today`, in English and Chinese.
enum ProgrammeMessage: LocalizedMessage {
    case badMonth(String)
    case badSince(String)
    case badToday(String)
    case sinceAfterMonth(since: String, monthEnd: String)
    case noRowsNoMonth
    case cannotRead(path: String, detail: String)
    case tooLarge(path: String, bytes: Int)
    case refused(count: Int)
    case missing(count: Int, from: String, to: String)
    case missingSlot(site: String, days: String)

    func render(_ l: Language) -> String {
        switch (self, l) {
        case let (.badMonth(t), .en): return "--month: '\(t)' is not a month; write it as YYYY-MM, e.g. 2022-09"
        case let (.badMonth(t), .zh): return "--month：'\(t)' 不是月份；请写成 YYYY-MM，如 2022-09"
        case let (.badSince(t), .en): return "--since: '\(t)' is not a date; write it as YYYY-MM-DD, e.g. 2023-08-01"
        case let (.badSince(t), .zh): return "--since：'\(t)' 不是日期；请写成 YYYY-MM-DD，如 2023-08-01"
        case let (.badToday(t), .en): return "--today: '\(t)' is not a date; write it as YYYY-MM-DD, e.g. 2022-09-01"
        case let (.badToday(t), .zh): return "--today：'\(t)' 不是日期；请写成 YYYY-MM-DD，如 2022-09-01"
        case let (.sinceAfterMonth(s, e), .en): return "--since \(s) is after the reported month's last day \(e); give an earlier --since or a later --month"
        case let (.sinceAfterMonth(s, e), .zh): return "--since \(s) 晚于所报月份的最后一天 \(e)；请提前 --since 或推后 --month"
        case (.noRowsNoMonth, .en): return "the logs hold no filled row, so the month to report is unknown; give --month YYYY-MM"
        case (.noRowsNoMonth, .zh): return "日志中没有已填写的行，无法确定统计月份；请给出 --month YYYY-MM"
        case let (.cannotRead(p, d), .en): return "cannot read \(p): \(d)"
        case let (.cannotRead(p, d), .zh): return "无法读取 \(p)：\(d)"
        case let (.tooLarge(p, n), .en): return "\(p) has \(n) bytes, over the 50 MiB a work log may have"
        case let (.tooLarge(p, n), .zh): return "\(p) 有 \(n) 字节，超过工作日志的上限 50 MiB"
        case let (.refused(n), .en): return "\(n) problem(s) in the work logs; nothing was written: correct them and run stats again"
        case let (.refused(n), .zh): return "\(n) 处工作日志有误，未写入任何文件；请改正后重新统计"
        case let (.missing(n, f, t), .en): return "warning: \(n) expected work-log row(s) from \(f) to \(t) are missing and not counted (listed in the 缺报日志 table):"
        case let (.missing(n, f, t), .zh): return "警告：\(f) 至 \(t) 有 \(n) 条应填工作日志未收到，未计入（见“缺报日志”表）："
        case let (.missingSlot(s, d), _): return "  \(s) \(d)"
        }
    }
}
