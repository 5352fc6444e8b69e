import Foundation
import ZhudianCore

/// A ``RosterDiff`` as lines for the terminal, in English or Chinese.
///
///     for line in RosterDiffText.lines(diff, scenario: s, language: .en) { print(line) }
///     // term 1: links 6 → 6 (6 added, 6 removed), 12 people moved
///     //   before: 双顶山矿 → 泉兴矿 → 双顶山矿 | …
///     //   after:  …
///     //   moved: 王强 (SDS-01): 泉兴矿 → not placed
///     // cost: 82.21 → 96.61 (distance 42.21 → 56.61; fairness 40.00 → 40.00)
public enum RosterDiffText {
    /// The lines; `scenario` (the one the diff was computed with) names units and people.
    public static func lines(_ diff: RosterDiff, scenario: Scenario?, language: Language) -> [String] {
        let names = DiffNames(scenario: scenario, language: language)
        let zh = language == .zh
        var out: [String] = []
        if diff.isEmpty {
            out.append(zh ? "没有变化：两份排班在每一轮安排的人员和驻点都相同" : "no changes: both rosters place the same people at the same sites")
        }
        for t in diff.terms where !t.isEmpty {
            out.append(
                zh
                    ? "第\(t.term)轮：对口关系 \(t.linksBefore.count) → \(t.linksAfter.count) 条（新增 \(t.added.count)，取消 \(t.removed.count)），\(t.moves.count) 人调动"
                    : "term \(t.term): links \(t.linksBefore.count) → \(t.linksAfter.count) (\(t.added.count) added, \(t.removed.count) removed), \(t.moves.count) people moved")
            out.append((zh ? "  调整前：" : "  before: ") + names.links(t.ringBefore, t.linksBefore))
            out.append((zh ? "  调整后：" : "  after:  ") + names.links(t.ringAfter, t.linksAfter))
            if t.ringBefore == nil || t.ringAfter == nil {
                if !t.added.isEmpty { out.append((zh ? "  新增：" : "  added: ") + t.added.map(names.link).joined(separator: ", ")) }
                if !t.removed.isEmpty { out.append((zh ? "  取消：" : "  removed: ") + t.removed.map(names.link).joined(separator: ", ")) }
            }
            for m in t.moves {
                out.append(
                    (zh ? "  调动：" : "  moved: ") + names.person(m.person) + (zh ? "：" : ": ") + names.sites(m.from)
                        + " → " + names.sites(m.to))
            }
            if !t.uncovered.isEmpty {
                out.append((zh ? "  出现空岗：" : "  uncovered: ") + t.uncovered.map(names.unit).joined(separator: ", "))
            }
        }
        out.append(costLine(diff, zh: zh))
        return out
    }

    private static func costLine(_ diff: RosterDiff, zh: Bool) -> String {
        if let a = diff.costBefore, let b = diff.costAfter {
            return zh
                ? "费用：\(f(a.total)) → \(f(b.total))（距离 \(f(a.distance)) → \(f(b.distance))；公平 \(f(a.fairness)) → \(f(b.fairness))）"
                : "cost: \(f(a.total)) → \(f(b.total)) (distance \(f(a.distance)) → \(f(b.distance)); fairness \(f(a.fairness)) → \(f(b.fairness)))"
        }
        return zh
            ? "目标值（排班文件所记）：\(f(diff.objectiveBefore)) → \(f(diff.objectiveAfter))；给出 --scenario 可按距离与公平分项"
            : "objective (as the rosters say): \(f(diff.objectiveBefore)) → \(f(diff.objectiveAfter)); give --scenario for distance and fairness"
    }

    static func f(_ x: Double?) -> String {
        guard let x else { return "—" }
        return String(format: "%.2f", x)
    }
}
