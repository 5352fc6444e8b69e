import ZhudianCore

/// The loader's messages in Chinese.
extension ScenarioMessage {
    var chinese: String {
        switch self {
        case .overlayBlockValue(let path):
            return "`\(path)` 写成了多行的块格式；覆盖文件中的此类值请写成一行的流格式（如 `[2024-10-01, 2024-10-02]`）"
        case .addedPersonExists(let id):
            return "人员 `\(id)` 已在场景中；--add-person 只添加新人员，修改已有人员请用 --overlay"
        case .cannotRead(let reason):
            return "无法读取场景文件：\(reason)；请检查路径和读取权限"
        case .fileTooLarge(let bytes, let limit):
            return "场景文件有 \(bytes) 字节，超过上限 \(limit) 字节（10 MiB）；场景文件通常只有几 KB，请确认文件是否选对"
        case .notUTF8(let byte):
            return "文件不是 UTF-8 文本（此处字节 0x\(ScenarioMessageText.hex(byte)) 无效）；请用 UTF-8 编码保存（不要用 GBK）"
        case .emptyFile:
            return "场景文件为空；至少需要写 `version: 1`、`name`、`calendar.start`、`units` 和 `people`"
        case .topLevelNotMapping(let found):
            return "场景文件的顶层必须是由字段组成的映射，实际为 \(found.render(.zh))；请以 `version: 1`、`name: …` 等行开头"
        case .multipleDocuments:
            return "文件在此处开始了第二个 YAML 文档；一个文件只写一个场景，请删除此处的 `---` 及其后的内容"
        case .tabIndentation:
            return "此处用制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格"
        case .yamlSyntax(let problem, let context):
            let where_ = context.map { "（\($0)）" } ?? ""
            return "YAML 语法错误：\(problem)\(where_)；请修正此处的 YAML 写法"
        case .duplicateKey(let path, let firstLine):
            return "`\(path)` 在同一映射中写了两次（第一次在第 \(firstLine) 行）；请只保留一个"
        case .nestingTooDeep(let limit):
            return "此处 YAML 嵌套超过 \(limit) 层，远超场景文件所需；请删除多余的括号或缩进"
        case .aliasExpansionTooLarge(let alias, let limit):
            return "别名 `*\(alias)` 使文件展开后超过 \(limit) 个值；请直接写出这些值，或减少嵌套的别名"
        case .tooManyValues(let limit):
            return "文件展开别名后超过 \(limit) 个值；请确认文件是否选对"
        case .undefinedAlias(let alias):
            return "别名 `*\(alias)` 之前没有定义对应的锚点；请在前面定义 `&\(alias)`，或删除该别名"
        case .keyNotText(let path):
            return "\(ScenarioMessageText.describe(path, .zh))中有一个键不是普通文字；字段名请写成 `name:` 这样的形式"
        case .unknownField(let path, let suggestion, let valid):
            if let suggestion {
                return "未知字段 `\(path)`；是否应为 `\(suggestion)`？"
            }
            return "未知字段 `\(path)`；此处可用的字段有 " + valid.map { "`\($0)`" }.joined(separator: "、")
        case .missingField(let path):
            return "缺少必填字段 `\(path)`；请补上"
        case .wrongType(let path, let expected, let found):
            let fix = found.quotedText.map(expected.accepts(bare:)) == true ? "请去掉引号" : "请改为该类型的值"
            return "`\(path)` 应为\(expected.render(.zh))，实际为 \(found.render(.zh))；\(fix)"
        case .outOfRange(let path, let value, let bound):
            return "`\(path)` 为 `\(value)`，但必须\(bound.render(.zh))；请改为此范围内的值"
        case .notFinite(let path, let value):
            return "`\(path)` 为 `\(value)`，但必须是有限的数字；请写普通数字，如 `1`"
        case .invalidChoice(let path, let value, let choices, let suggestion):
            let list = choices.map { "`\($0)`" }.joined(separator: "、")
            if let suggestion {
                return "`\(path)` 为 `\(quoteShort(value))`，不是 \(list) 之一；是否应为 `\(suggestion)`？"
            }
            return "`\(path)` 为 `\(quoteShort(value))`，不是 \(list) 之一；请从中选一个"
        case .emptyText(let path):
            return "`\(path)` 为空；请填写内容"
        case .unsupportedVersion(let found):
            return "`version` 为 `\(quoteShort(found))`，本程序只读取第 1 版；请写 `version: 1`"
        case .impossibleDate(let path, let text):
            return "`\(path)` 为 `\(text)`，该日期不存在；请写一个真实的日期"
        case .badDate(let path, let text):
            return "`\(path)` 为 `\(quoteShort(text))`，不是日期；请按 YYYY-MM-DD 书写，如 `2022-08-20`"
        case .badDateOrRange(let path, let text):
            return "`\(path)` 为 `\(quoteShort(text))`，既不是日期也不是日期区间；请写 YYYY-MM-DD 或 \"YYYY-MM-DD..YYYY-MM-DD\""
        case .reversedRange(let path, let from, let to):
            return "`\(path)` 的结束日期 \(to) 早于开始日期 \(from)；请交换两个日期"
        case .badMonthKey(let path, let key):
            return "`\(path)` 的键 `\(quoteShort(key))` 不是月份；月份请写成 \"YYYY-MM\"，如 \"2023-10\""
        case .invalidID(let path, let id):
            return "`\(path)` 为 `\(quoteShort(id))`，不是有效的编号；请用 1 到 32 个字母、数字、`_`、`.` 或 `-`（不能有空格或汉字）"
        case .duplicateUnitID(let path, let id, let firstLine):
            return "`\(path)` 重复使用了第 \(firstLine) 行已用过的单位编号 `\(id)`；每个单位的编号必须不同"
        case .duplicatePersonID(let path, let id, let firstLine):
            return "`\(path)` 重复使用了第 \(firstLine) 行已用过的人员编号 `\(id)`；每个人的编号必须不同"
        case .unknownUnit(let path, let id, let suggestion):
            let fix = suggestion.map { "是否应为 `\($0)`？" } ?? "请在 `units` 中添加该单位，或改正编号"
            return "`\(path)` 引用的单位 `\(quoteShort(id))` 在 `units` 中没有定义；\(fix)"
        case .unknownPerson(let path, let id, let suggestion):
            let fix = suggestion.map { "是否应为 `\($0)`？" } ?? "请在 `people` 中添加此人，或改正编号"
            return "`\(path)` 引用的人员 `\(quoteShort(id))` 在 `people` 中没有定义；\(fix)"
        case .siteNotReceiving(let path, let id):
            return "`\(path)` 引用的 `\(id)` 不是驻点企业（是机关，或设置了 `receives: false`）；请改为接收驻点的企业"
        case .officeReceives(let path, let unit):
            return "`\(path)`：机关 `\(unit)` 不能接收驻点人员，机关只派出人员；请删除 `receives: true`，或改为 `kind: enterprise`"
        case .officeSendsUnderTeams(let path, let unit, let structure):
            return "`\(path)`：机关 `\(unit)` 设置了派出，但 `structure: \(structure)` 下只有企业派出小组；请删除 `sends: true`，或改用 `structure: free`"
        case .enterpriseMustTakePart(let path, let unit, let field, let structure):
            return "`\(path)`：`structure: \(structure)` 下每个企业都必须派出并接收，但 `\(unit)` 设置了 `\(field): false`；请删除该设置，或改用 `structure: free`"
        case .tooFewEnterprises(let structure, let count):
            return "`rules.structure` 为 `\(structure)`，至少需要 2 个企业（企业不能监督自己），但 `units` 中只有 \(count) 个；请增加企业，或改用 `structure: free`"
        case .noSites:
            return "`units` 中没有驻点企业（没有接收人员的企业）；请至少添加一个企业"
        case .sitesPerPersonInResident(let value):
            return "`rules.maxSitesPerPerson` 为 \(value)，但 `mode: resident`（蹲守式）下每人只能驻守一个企业；请改为 1，或改用 `mode: visiting`"
        case .needsOneSubject(let path):
            return "`\(path)` 必须且只能写 `unit` 和 `person` 中的一个；请保留其中一个"
        case .officeWithoutLevel(let path, let unit):
            return "`\(path)`：机关 `\(unit)` 没有 `level`，统计时无法区分市级或县级人员；请添加 `level: city` 或 `level: county`"
        case .historyOutOfOrder(let path, let previous):
            return "`\(path)` 的开始日期不晚于上一条（\(previous)）；历史记录按从早到晚、每轮一条排列，请调整顺序"
        case .historyNotBeforePlan(let path, let start, let planStart):
            return "`\(path)` 为 \(start)，但历史记录只能包含 `calendar.start`（\(planStart)）之前的轮次；请更正日期，或将 `calendar.start` 移到其后"
        case .forbidSiteNotReceiving(let path, let id):
            return "`\(path)` 引用的 `\(id)` 不是驻点企业，此条不起作用；请改为驻点企业，或删除此条"
        case .officialYearsUnknown(let path, let years, let known):
            return "`\(path)`：官方节假日安排只收录了 \(known.lowerBound)–\(known.upperBound) 年，计划却包含 "
                + "\(years.map(String.init).joined(separator: "、")) 年的日期：这些日期按周一至周五为工作日计算，不作推测；"
                + "请在 `calendar.holidays` 和 `calendar.workdays` 中列出该年的节假日和调休上班日，或在国务院公布安排后更新 zhudian"
        case .officialCalendarBroken(let detail):
            return "内部错误：\(detail)"
        }
    }
}
