import ZhudianCore

/// The lines of `export` and of the export part of `plan`, in English and Chinese.
enum ExportMessage: LocalizedMessage {
    case infeasibleRoster(file: String)
    case scenarioChanged(roster: String, scenario: String)
    case exportFailed(format: String, detail: String)
    case unknownFormat(name: String, available: String)
    case wroteCalendars(folder: String, count: Int)
    case wroteWorkLogs(folder: String, count: Int)
    case filledWorkLog(path: String, count: Int)

    func render(_ l: Language) -> String {
        switch (self, l) {
        case let (.infeasibleRoster(f), .en):
            return "\(f) is an infeasible result and places nobody: there is nothing to export; plan again with --best-effort for a roster with empty posts"
        case let (.infeasibleRoster(f), .zh):
            return "\(f) 是不可行的求解结果，未安排任何人员，无可导出；请用 --best-effort 重新排班以得到含空岗的排班"
        case let (.scenarioChanged(r, s), .en):
            return "warning: \(r) was planned from another version of \(s); the exports use names, phones and places from the scenario as it is now"
        case let (.scenarioChanged(r, s), .zh):
            return "警告：\(r) 由另一版本的 \(s) 排出；导出文件使用场景文件当前的名称、电话和地点"
        case let (.exportFailed(f, d), .en): return "the \(f) export failed: \(d); please report this with the scenario and roster"
        case let (.exportFailed(f, d), .zh): return "导出 \(f) 失败：\(d)；请连同场景文件和排班文件一并反馈"
        case let (.unknownFormat(n, a), .en): return "--formats: '\(n)' is not a format; available: \(a)"
        case let (.wroteCalendars(f, n), .en): return "wrote \(f)/ (\(n) calendars)"
        case let (.wroteCalendars(f, n), .zh): return "已写入 \(f)/（\(n) 个日历）"
        case let (.wroteWorkLogs(f, n), .en): return "wrote \(f)/ (\(n) work-log workbooks to fill in)"
        case let (.filledWorkLog(p, n), .en):
            return "\(p) has been filled in (\(n) filled work log(s) in the way); nothing was written: move the filled logs elsewhere, or export with -o to another folder"
        case let (.filledWorkLog(p, n), .zh):
            return "\(p) 已填写（共 \(n) 个已填写的工作日志）；未写入任何文件：请先移走已填写的日志，或用 -o 导出到其他目录"
        case let (.wroteWorkLogs(f, n), .zh): return "已写入 \(f)/（\(n) 个待填写的工作日志）"
        case let (.unknownFormat(n, a), .zh): return "--formats：没有 '\(n)' 这种格式；可用：\(a)"
        }
    }
}
