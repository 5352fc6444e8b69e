import ZhudianCore

/// What `zhudian whatif` prints besides the diff and errors, in English and Chinese.
enum WhatIfMessage: LocalizedMessage {
    case kept(kept: Int, total: Int, weight: String)
    case frozen(terms: Int)
    case status(status: String, objective: String, formulation: String)
    case cannotRead(path: String)

    func render(_ l: Language) -> String {
        switch (self, l) {
        case let (.kept(k, n, w), .en):
            return "baseline stays kept: \(k) of \(n), \(n - k) dropped (each dropped stay costs objective.change = \(w))"
        case let (.kept(k, n, w), .zh):
            return "保留原排班驻点 \(k) / \(n) 人次，变动 \(n - k) 人次（每变动一人次计 objective.change = \(w)）"
        case let (.frozen(t), .en): return "terms 1 to \(t) are kept as published (pinned in the effective scenario)"
        case let (.frozen(t), .zh): return "第 1 至 \(t) 轮按已公布的排班保持不变（已在生效场景中固定）"
        case let (.status(s, o, f), .en): return "re-plan: \(s), objective \(o), model \(f)"
        case let (.cannotRead(p), .en): return "cannot read \(p); check the path and that the file may be read"
        case let (.cannotRead(p), .zh): return "无法读取 \(p)；请检查路径和读取权限"
        case let (.status(s, o, f), .zh): return "重新排班：\(s)，目标值 \(o)，模型 \(f)"
        }
    }
}
