import ZhudianCore

/// What `zhudian next` prints besides errors, in English and Chinese.
enum NextMessage: LocalizedMessage {
    case nameKept(name: String)
    case written(start: String, history: Int)
    case changedWhileReading(path: String)

    func render(_ l: Language) -> String {
        switch (self, l) {
        case let (.nameKept(n), .en): return "note: the name stays `\(n)`; give --set name=… to rename the new half-year"
        case let (.nameKept(n), .zh): return "注意：名称仍为 `\(n)`；如需改名，请加 --set name=…"
        case let (.written(s, h), .en): return "the next scenario starts on \(s) and keeps \(h) history term(s)"
        case let (.written(s, h), .zh): return "新场景自 \(s) 开始，保留 \(h) 轮历史"
        case let (.changedWhileReading(p), .en): return "\(p) changed while it was being read; run the command again"
        case let (.changedWhileReading(p), .zh): return "\(p) 在读取过程中被修改；请重新运行命令"
        }
    }
}
