import ZhudianCore

/// Why a scenario could not be edited (`--set`, `--pin-…`, `next`): the one error of the
/// editing layer, with the message a planner sees.
///
/// ``isInternal`` marks a failure of the editor itself (the edited text did not load back
/// to the value it should hold); `zhudian` maps it to exit 70, everything else to exit 2.
public enum ScenarioEditError: Error, Sendable, Equatable, LocalizedMessage {
    /// `--set` text without `=`.
    case malformedSetting(text: String)
    /// A `--set` path the format does not have.
    case unknownSetting(path: String, suggestion: String?, valid: [String])
    /// A `--set` path naming a unit or person that the scenario does not define.
    case unknownID(path: String, id: String, suggestion: String?)
    /// A `--set` path that names a list or a mapping, not one value.
    case notOneValue(path: String)
    /// A `--set` whose place is shared through a YAML anchor: editing it would change every alias too.
    case sharedByAnchor(path: String)
    /// A setting the command computes itself (`next` moves `calendar.start`).
    case computedSetting(path: String, command: String)
    /// The scenario with a `--set` applied is refused by the loader; `problems` are its words.
    case refused(setting: String, problems: [ScenarioMessage])
    /// A `--pin-…`/`--forbid-…` value that does not have the option's shape.
    case malformedOption(option: String, text: String, shape: String)
    /// A pin for a term the scenario does not plan.
    case termOutOfRange(option: String, text: String, terms: Int)
    /// A `--pin-…`/`--forbid-…` id the scenario does not define (or a site that does not receive).
    case unknownOptionID(option: String, text: String, kind: IDKind, id: String, suggestion: String?)
    /// The roster names another scenario file (`next` without `--force`).
    case rosterOfAnotherScenario(roster: String, scenario: String, rosterName: String, scenarioName: String)
    /// The roster holds no terms (an infeasible plan).
    case rosterWithoutTerms(roster: String)
    /// The roster names a person or site the scenario does not define.
    case rosterUnknownID(roster: String, kind: IDKind, id: String)
    /// The editor produced a text that does not load to the expected scenario.
    case editFailed(detail: String)
    /// `--absent` text that is not `PERSON:FROM..TO` with real dates.
    case malformedAbsence(text: String)
    /// `--absent` whose range ends before it starts.
    case reversedAbsence(text: String)
    /// `--from` outside the terms the scenario plans.
    case fromOutOfRange(term: Int, terms: Int)
    /// `--drop-site` with `--from` after term 1: a unit takes part in every term or none.
    case dropSiteMidPlan(site: String, from: Int)
    /// `--change-weight` that is negative or not a number.
    case badChangeWeight(value: Double)
    /// An `--add-person`/`--overlay` file that cannot be merged, with the scenario loader's
    /// diagnostics placed in that file (print each with ``ScenarioDiagnostic/render(_:)``).
    case partialFile(diagnostics: [ScenarioDiagnostic])

    /// What an id names.
    public enum IDKind: String, Sendable, Equatable {
        case unit, person, site
    }

    /// True for a failure of the editor itself, never of the input (exit 70).
    public var isInternal: Bool {
        if case .editFailed = self { return true }
        return false
    }

    /// The message in `language`.
    public func render(_ language: Language) -> String {
        language == .zh ? chinese : english
    }

    private var english: String {
        switch self {
        case .malformedSetting(let text):
            return "--set \(text): write PATH=VALUE, e.g. --set rules.minStaff=3"
        case .unknownSetting(let path, let suggestion, let valid):
            if let suggestion { return "--set: unknown setting `\(path)`; did you mean `\(suggestion)`?" }
            return "--set: unknown setting `\(path)`; the settings here are " + valid.map { "`\($0)`" }.joined(separator: ", ")
        case .unknownID(let path, let id, let suggestion):
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; use an id the scenario defines"
            return "--set \(path): the scenario has no `\(id)`" + hint
        case .notOneValue(let path):
            return "--set \(path): this field holds a list or a mapping, not one value; edit it in the scenario file"
        case .sharedByAnchor(let path):
            return "--set \(path): this value sits in a YAML anchor (`&name`) that other entries reuse; edit the file by hand"
        case .computedSetting(let path, let command):
            return "--set \(path): `\(command)` computes this itself; edit the written file afterwards to change it"
        case .refused(let setting, let problems):
            return "--set \(setting): " + problems.map { $0.render(.en) }.joined(separator: "; ")
        case .malformedOption(let option, let text, let shape):
            return "\(option) \(text): write \(shape) (no spaces)"
        case .termOutOfRange(let option, let text, let terms):
            return "\(option) \(text): the term must be between 1 and \(terms), the terms the scenario plans"
        case .unknownOptionID(let option, let text, let kind, let id, let suggestion):
            let what = kind == .site ? "no receiving site" : "no \(kind.rawValue)"
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; use an id the scenario defines"
            return "\(option) \(text): the scenario has \(what) `\(id)`" + hint
        case .rosterOfAnotherScenario(let roster, let scenario, let rosterName, let scenarioName):
            let reason = rosterName == scenarioName
                ? "the roster's sha256 is not the file's, so the file changed after planning"
                : "the roster names scenario `\(rosterName)`, the file is `\(scenarioName)`"
            return "\(roster) was not planned from \(scenario): \(reason); give the scenario it was planned from, "
                + "or --force to continue from it anyway"
        case .rosterWithoutTerms(let roster):
            return "\(roster) holds no terms (the plan was infeasible); plan the scenario until it has a roster"
        case .rosterUnknownID(let roster, let kind, let id):
            return "\(roster) names \(kind.rawValue) `\(id)`, which the scenario does not define; "
                + "give the scenario the roster was planned from"
        case .editFailed(let detail):
            return "internal error: the edited scenario does not load as it should (\(detail)); "
                + "nothing was written; please report this with the scenario file"
        case .malformedAbsence(let text):
            return "--absent \(text): write PERSON:FROM..TO with dates as YYYY-MM-DD, e.g. --absent SDS-01:2023-03-01..2023-04-30"
        case .reversedAbsence(let text):
            return "--absent \(text): the range ends before it starts; write the earlier date first"
        case .fromOutOfRange(let term, let terms):
            return "--from \(term): the scenario plans terms 1 to \(terms); give one of them"
        case .dropSiteMidPlan(let site, let from):
            return "--drop-site \(site) --from \(from): a unit takes part in every term of a plan or in none; "
                + "plan the terms from \(from) on with `zhudian next` and drop the site there"
        case .badChangeWeight(let value):
            return "--change-weight \(value): give a number of 0 or more"
        case .partialFile(let diagnostics):
            return diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message.render(.en))" }.joined(separator: "; ")
        }
    }

    private var chinese: String {
        switch self {
        case .malformedSetting(let text):
            return "--set \(text)：请写成 路径=值，例如 --set rules.minStaff=3"
        case .unknownSetting(let path, let suggestion, let valid):
            if let suggestion { return "--set：未知设置 `\(path)`；是否应为 `\(suggestion)`？" }
            return "--set：未知设置 `\(path)`；此处可用的设置有 " + valid.map { "`\($0)`" }.joined(separator: "、")
        case .unknownID(let path, let id, let suggestion):
            let hint = suggestion.map { "；是否应为 `\($0)`？" } ?? "；请使用场景中定义的编号"
            return "--set \(path)：场景中没有 `\(id)`" + hint
        case .notOneValue(let path):
            return "--set \(path)：该字段是列表或映射，不是单个值；请在场景文件中修改"
        case .sharedByAnchor(let path):
            return "--set \(path)：该值位于被其他条目引用的 YAML 锚点（`&名称`）中；请手工修改文件"
        case .computedSetting(let path, let command):
            return "--set \(path)：`\(command)` 会自行计算该值；如需修改，请在写出的文件中修改"
        case .refused(let setting, let problems):
            return "--set \(setting)：" + problems.map { $0.render(.zh) }.joined(separator: "；")
        case .malformedOption(let option, let text, let shape):
            return "\(option) \(text)：请写成 \(shape)（不含空格）"
        case .termOutOfRange(let option, let text, let terms):
            return "\(option) \(text)：轮次须在 1 到 \(terms) 之间，即场景所排的轮次"
        case .unknownOptionID(let option, let text, let kind, let id, let suggestion):
            let what: String
            switch kind {
            case .unit: what = "单位"
            case .person: what = "人员"
            case .site: what = "接收驻点的单位"
            }
            let hint = suggestion.map { "；是否应为 `\($0)`？" } ?? "；请使用场景中定义的编号"
            return "\(option) \(text)：场景中没有\(what) `\(id)`" + hint
        case .rosterOfAnotherScenario(let roster, let scenario, let rosterName, let scenarioName):
            let reason = rosterName == scenarioName
                ? "排班记录的 sha256 与该文件不符，文件在排班后被改过"
                : "排班记录的场景名为 `\(rosterName)`，该文件为 `\(scenarioName)`"
            return "\(roster) 不是由 \(scenario) 排出的：\(reason)；请给出排出它的场景文件，或用 --force 仍以它为准续排"
        case .rosterWithoutTerms(let roster):
            return "\(roster) 没有任何轮次（该方案无可行排班）；请先排出排班"
        case .rosterUnknownID(let roster, let kind, let id):
            let what = kind == .person ? "人员" : "单位"
            return "\(roster) 中的\(what) `\(id)` 在场景中没有定义；请给出排出该排班的场景文件"
        case .editFailed(let detail):
            return "内部错误：修改后的场景未能按预期读取（\(detail)）；未写入任何文件；请连同场景文件报告此问题"
        case .malformedAbsence(let text):
            return "--absent \(text)：请写成 人员:起..止，日期格式为 YYYY-MM-DD，例如 --absent SDS-01:2023-03-01..2023-04-30"
        case .reversedAbsence(let text):
            return "--absent \(text)：结束日期早于开始日期；请先写较早的日期"
        case .fromOutOfRange(let term, let terms):
            return "--from \(term)：场景排的是第 1 至 \(terms) 轮；请给出其中一轮"
        case .dropSiteMidPlan(let site, let from):
            return "--drop-site \(site) --from \(from)：单位要么参加方案的每一轮，要么都不参加；"
                + "请用 `zhudian next` 生成第 \(from) 轮起的场景，再在其中停用该单位"
        case .badChangeWeight(let value):
            return "--change-weight \(value)：请给出不小于 0 的数"
        case .partialFile(let diagnostics):
            return diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message.render(.zh))" }.joined(separator: "；")
        }
    }
}
