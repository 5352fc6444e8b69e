import ZhudianCore
import ZhudianPlanner

/// The command line's message table: every line the CLI itself prints, in English and Chinese.
enum CLIMessage: LocalizedMessage {
    case seeHelp
    case validated(file: String, units: Int, people: Int, terms: Int, mode: String, structure: String)
    case checkPassed(rules: Int, objective: String)
    case checkFailed(count: Int)
    case cannotWrite(path: String, detail: String)
    case wrote(path: String)
    case infeasible(file: String)
    case infeasibleWithoutList(file: String)
    case noRosterInTime(seconds: String)
    case solverFailed(detail: String)
    case selfCheckFailed(count: Int)
    case missingRoster(outcome: String)
    case unsupportedFormat(name: String, available: String)
    case feasible(status: String)
    case dumped(path: String)
    case termHeader(term: Int, start: String, end: String)
    case summaryLine(status: String, objective: String, bound: String, gap: String, seconds: String, formulation: String)
    case badTimeLimit
    case generated(path: String, units: Int, people: Int)
    case rosterInfeasible(file: String)
    case progress(incumbent: String, bound: String, gap: String, nodes: Int, seconds: String)
    case stoppedByUser
    case stoppedWithoutRoster
    case place(term: Int?, unit: String?, site: String?, people: [String])
    case unexplained(Unexplained, seconds: String)
    case explanationProof(ExplanationProof)
    case bestEffortIncomplete(breaks: Int)
    case officialCalendarBroken(detail: String)

    func render(_ l: Language) -> String {
        switch (self, l) {
        case (.seeHelp, .en): return "error: see 'zhudian --help'"
        case (.seeHelp, .zh): return "error: 用法见 'zhudian --help'"
        case let (.validated(f, u, p, t, m, s), .en):
            return "ok: \(f): \(u) units, \(p) people, \(t) term(s), mode \(m), structure \(s)"
        case let (.validated(f, u, p, t, m, s), .zh):
            return "通过：\(f)：\(u) 家单位，\(p) 名人员，\(t) 轮，模式 \(m)，结构 \(s)"
        case let (.checkPassed(r, o), .en): return "ok: the roster keeps all \(r) rules checked; objective \(o)"
        case let (.checkPassed(r, o), .zh): return "通过：排班满足全部 \(r) 项规则；目标值 \(o)"
        case let (.checkFailed(n), .en): return "\(n) violation(s) found"
        case let (.checkFailed(n), .zh): return "发现 \(n) 处违反规则"
        case let (.cannotWrite(p, d), .en): return "cannot write \(p): \(d); check the folder exists and is writable"
        case let (.cannotWrite(p, d), .zh): return "无法写入 \(p)：\(d)；请检查目录是否存在且可写"
        case let (.wrote(p), .en): return "wrote \(p)"
        case let (.wrote(p), .zh): return "已写入 \(p)"
        case let (.infeasible(f), .en):
            return "\(f): no roster satisfies every rule; relaxing the rule instances listed above together makes one possible"
        case let (.infeasible(f), .zh): return "\(f)：没有满足全部规则的排班；同时放宽上面列出的各项规则实例即可排班"
        case let (.infeasibleWithoutList(f), .en): return "\(f): no roster satisfies every rule"
        case let (.infeasibleWithoutList(f), .zh): return "\(f)：没有满足全部规则的排班"
        case let (.noRosterInTime(s), .en):
            return "the time limit (\(s) s) was reached before any roster was found; raise --time-limit"
        case let (.noRosterInTime(s), .zh): return "在时间限制（\(s) 秒）内未找到任何排班；请增大 --time-limit"
        case let (.solverFailed(d), .en): return "the solver failed: \(d); please report this with the scenario"
        case let (.solverFailed(d), .zh): return "求解器出错：\(d)；请连同场景文件一并反馈"
        case let (.selfCheckFailed(n), .en):
            return "internal error: the planned roster breaks \(n) rule instance(s) (listed above); nothing was written — please report this with the scenario"
        case let (.selfCheckFailed(n), .zh):
            return "内部错误：求得的排班违反 \(n) 处规则（见上）；未写入任何文件——请连同场景文件一并反馈"
        case let (.missingRoster(o), .en):
            return "internal error: the planner reported '\(o)' but returned no roster; nothing was written — please report this with the scenario"
        case let (.missingRoster(o), .zh):
            return "内部错误：求解结果为“\(o)”却没有排班；未写入任何文件——请连同场景文件一并反馈"
        case let (.unsupportedFormat(n, a), .en):
            return "--formats: '\(n)' is not available in this version; use some of: \(a)"
        case let (.unsupportedFormat(n, a), .zh): return "--formats：本版本不支持 '\(n)'；可用：\(a)"
        case let (.feasible(s), .en): return "feasible: a roster exists (\(s)); nothing to relax"
        case let (.feasible(s), .zh): return "可行：存在满足全部规则的排班（\(s)），无需放宽"
        case let (.dumped(p), .en): return "model written to \(p) (CPLEX LP format)"
        case let (.dumped(p), .zh): return "模型已写入 \(p)（CPLEX LP 格式）"
        case let (.termHeader(t, s, e), .en): return "Term \(t)  \(s) … \(e)"
        case let (.termHeader(t, s, e), .zh): return "第\(t)轮  \(s) 至 \(e)"
        case let (.summaryLine(st, o, b, g, s, f), .en):
            return "status \(st)  objective \(o)  bound \(b)  gap \(g)  \(s) s  (\(f) model)"
        case let (.summaryLine(st, o, b, g, s, f), .zh):
            return "状态 \(st)  目标值 \(o)  下界 \(b)  间隙 \(g)  用时 \(s) 秒  （\(f) 模型）"
        case (.badTimeLimit, .en):
            return "--time-limit must be a number of seconds above 0 and at most 31536000 (one year)"
        case (.badTimeLimit, .zh): return "--time-limit 必须是大于 0 且不超过 31536000（一年）的秒数"
        case let (.generated(p, u, n), .en): return "wrote \(p): \(u) units, \(n) people"
        case let (.generated(p, u, n), .zh): return "已写入 \(p)：\(u) 家单位，\(n) 名人员"
        case let (.progress(i, b, g, n, s), .en):
            return "  searching: best \(i)  bound \(b)  gap \(g)  \(n) nodes  \(s) s  (Ctrl-C stops and keeps the best roster)"
        case let (.progress(i, b, g, n, s), .zh):
            return "  求解中：当前最优 \(i)  下界 \(b)  间隙 \(g)  \(n) 个节点  \(s) 秒（按 Ctrl-C 停止并保留当前最优排班）"
        case (.stoppedWithoutRoster, .en): return "stopped by Ctrl-C before any roster was found; nothing was written"
        case (.stoppedWithoutRoster, .zh): return "已按 Ctrl-C 停止，尚未找到任何排班；未写入任何文件"
        case (.stoppedByUser, .en): return "stopped by Ctrl-C: the best roster found so far is written with its gap"
        case (.stoppedByUser, .zh): return "已按 Ctrl-C 停止：写入目前找到的最优排班及其间隙"
        case let (.rosterInfeasible(f), .en): return "\(f) is an infeasible result: it places nobody"
        case let (.rosterInfeasible(f), .zh): return "\(f) 是不可行的求解结果：未安排任何人员"
        case let (.unexplained(.timeLimit, s), .en):
            return "no explanation was found within the time limit (\(s) s); raise --time-limit to find which rule instances to relax"
        case let (.unexplained(.timeLimit, s), .zh):
            return "在时间限制（\(s) 秒）内未能找出原因；请增大 --time-limit 以找出需要放宽的规则"
        case (.unexplained(.stopped, _), .en): return "stopped by Ctrl-C before an explanation was found"
        case (.unexplained(.stopped, _), .zh): return "已按 Ctrl-C 停止，尚未找出原因"
        case (.unexplained(.beyondRelaxedRules, _), .en):
            return "no explanation could be named: the scenario stays infeasible even with every coverage, sending, home-staffing and pin rule relaxed, so the cause lies in the cooldown, structure or eligibility rules; please report this with the scenario"
        case (.unexplained(.beyondRelaxedRules, _), .zh):
            return "无法给出原因：即使放宽全部驻点人数、派出、留守与固定派驻规则，场景仍不可行，原因在于冷却期、结构或资格规则；请连同场景文件一并反馈"
        case (.explanationProof(.smallest), .en):
            return "(the smallest set: relaxing fewer rule instances leaves the scenario infeasible)"
        case (.explanationProof(.smallest), .zh): return "（最小集合：放宽更少的规则实例仍不可行）"
        case (.explanationProof(.irreducible), .en):
            return "(an irreducible set: relaxing any fewer of these leaves it infeasible; the limit came before a smaller one could be ruled out)"
        case (.explanationProof(.irreducible), .zh):
            return "（不可约集合：少放宽其中任何一项都仍不可行；时间限制内未能排除更小的集合）"
        case (.explanationProof(.counted), .en):
            return "(causes proven by counting; the time limit came before the search could show whether others stand beside them: raise --time-limit for the full set)"
        case (.explanationProof(.counted), .zh):
            return "（以上原因由计数直接证明；在时间限制内未能确认是否还有其他原因，请增大 --time-limit 以得到完整集合）"
        case let (.bestEffortIncomplete(n), .en):
            return "no roster keeps every rule: this best-effort roster breaks the \(n) rule instance(s) listed above (empty posts marked 空岗); fill them by hand"
        case let (.bestEffortIncomplete(n), .zh):
            return "没有满足全部规则的排班：本尽力排班违反上面列出的 \(n) 项规则实例（空岗已标出），请人工补齐"
        case let (.officialCalendarBroken(d), .en): return "internal error: \(d)"
        case let (.officialCalendarBroken(d), .zh): return "内部错误：\(d)（请重新构建 zhudian）"
        case let (.place(t, u, v, ps), l):
            var parts: [String] = []
            if let t { parts.append(l == .zh ? "第\(t)轮" : "term \(t)") }
            if let u { parts.append(l == .zh ? "单位 \(u)" : "unit \(u)") }
            if let v { parts.append(l == .zh ? "企业 \(v)" : "site \(v)") }
            if !ps.isEmpty { parts.append(ps.joined(separator: ",")) }
            return parts.joined(separator: l == .zh ? "，" : ", ")
        }
    }
}
