import ZhudianCore

/// The counts of ``CoverageCauses`` said as a planner would say them, in English or Chinese.
extension CoverageCauses {
    /// At most this many sending units are named; the rest are counted.
    static let namedSenders = 6
    /// At most this many people are named per unit.
    static let namedPeople = 3

    func render(_ l: Language) -> String {
        let head = l == .zh ? "第\(term)轮：\(site) 需要 \(need) 人" : "term \(term): \(site) needs \(need) people"
        guard shortByCounting else {
            // The units that cannot send still say something: they narrow the choice.
            let barred = senders.filter { $0.barred != nil }.sorted { rank($0) < rank($1) }
            let named = barred.prefix(Self.namedSenders).map { describe($0, l) }
            let aside = named.isEmpty ? "" : (l == .zh ? "（" + named.joined(separator: "；") + "）" : " (" + named.joined(separator: "; ") + ")")
            return head + (l == .zh
                ? "，可派单位中有 \(supply) \(teams ? "家能派出驻点组" : "人符合条件")\(aside)，但与其他规则（结构、轮换、留守、固定派驻）无法同时满足"
                : ", and \(supply) \(teams ? "units could send a team" : "people could serve")\(aside), but not together with the other rules (structure, rotation, keepAtHome, pins)")
        }
        let ordered = senders.sorted { rank($0) < rank($1) }
        var parts = ordered.prefix(Self.namedSenders).map { describe($0, l) }
        if ordered.count > Self.namedSenders {
            let more = ordered.count - Self.namedSenders
            parts.append(l == .zh ? "另有 \(more) 家单位同样无法派出" : "\(more) more units cannot either")
        }
        if teams {
            return head + (l == .zh
                ? "，但 \(senders.count) 家可派单位均不能派出满员的驻点组：" + parts.joined(separator: "；")
                : ", but none of the \(senders.count) sending units can send a full team: " + parts.joined(separator: "; "))
        }
        return head + (l == .zh
            ? "，但只有 \(supply) 人可派：" + parts.joined(separator: "；")
            : ", but only \(supply) can serve: " + parts.joined(separator: "; "))
    }

    /// Units with a reason of their own first (what a planner can change), distance last.
    private func rank(_ s: Sender) -> Int {
        switch s.barred {
        case .distance?: return 3
        case nil: return 0
        default: return 1
        }
    }

    private func describe(_ s: Sender, _ l: Language) -> String {
        switch s.barred {
        case .group(let g)?:
            return l == .zh ? "\(s.name) 与其同属“\(g)”" : "\(s.name) is of the same group (\(g))"
        case .forbidden?:
            return l == .zh ? "\(s.name) 被 forbid 禁止派驻" : "\(s.name) is barred by a forbid entry"
        case let .distance(km, cap)?:
            let d = (km * 10).rounded() / 10
            return l == .zh ? "\(s.name) 相距 \(d) 公里，超过上限 \(cap) 公里" : "\(s.name) is \(d) km away, over the \(cap) km cap"
        case .pinnedElsewhere(let site)?:
            return l == .zh ? "\(s.name) 的驻点组被固定派驻 \(site)" : "\(s.name)'s team is pinned to \(site)"
        case .linkCooldown(let t)?:
            return l == .zh ? "\(s.name) 在\(Self.termName(t, l))已派驻该企业（冷却期）" : "\(s.name) sent a team there in \(Self.termName(t, l)) (cooldown)"
        case nil:
            return people(s, l)
        }
    }

    private func people(_ s: Sender, _ l: Language) -> String {
        let usable = max(0, min(s.able, s.spare))
        var text = l == .zh ? "\(s.name) 仅 \(usable) 人可派" : "\(s.name) has only \(usable) who can serve"
        var reasons = Self.excludedList(s.excluded, l)
        if s.spare < s.able {
            reasons.append(l == .zh ? "须留守 \(max(0, s.able - s.spare)) 人" : "\(max(0, s.able - s.spare)) must stay at home")
        }
        if !reasons.isEmpty { text += l == .zh ? "（" + reasons.joined(separator: "，") + "）" : " (" + reasons.joined(separator: ", ") + ")" }
        return text
    }

    /// The people a unit cannot send and why, at most ``namedPeople`` of them by name.
    static func excludedList(_ excluded: [(person: String, reason: PersonBar)], _ l: Language) -> [String] {
        var out = excluded.prefix(namedPeople).map { "\($0.person) \(reason($0.reason, l))" }
        if excluded.count > namedPeople {
            out.append(l == .zh ? "另 \(excluded.count - namedPeople) 人" : "\(excluded.count - namedPeople) more")
        }
        return out
    }

    private static func reason(_ r: PersonBar, _ l: Language) -> String {
        switch (r, l) {
        case (.inactive, .zh): return "已不参与排班"
        case (.inactive, .en): return "takes no part"
        case (.unqualified, .zh): return "不合格"
        case (.unqualified, .en): return "not qualified"
        case (.leave(let d), .zh): return "休假 \(d)"
        case (.leave(let d), .en): return "on leave \(d)"
        case (.handingOver, .zh): return "仍在交接"
        case (.handingOver, .en): return "still handing over"
        case (.forbidden, .zh): return "被 forbid 禁止"
        case (.forbidden, .en): return "barred by forbid"
        case (.personCooldown(let t), .zh): return "\(Self.termName(t, l))驻过该企业（冷却期）"
        case (.personCooldown(let t), .en): return "was there in \(Self.termName(t, l)) (cooldown)"
        case (.pinnedElsewhere(let site), .zh): return "被固定派驻 \(site)"
        case (.pinnedElsewhere(let site), .en): return "pinned to \(site)"
        }
    }

    /// History terms are "last half-year" and so on as a planner says them.
    private static func termName(_ t: Int, _ l: Language) -> String {
        if t <= 0 { return l == .zh ? (t == 0 ? "上一轮" : "前\(1 - t)轮") : (t == 0 ? "the last term" : "\(1 - t) terms ago") }
        return l == .zh ? "第\(t)轮" : "term \(t)"
    }
}
