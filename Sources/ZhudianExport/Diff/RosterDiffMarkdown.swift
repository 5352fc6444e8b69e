import Foundation
import ZhudianCore

/// A ``RosterDiff`` as Markdown (`diff.md`): per term the links before and after and a table
/// of the people moved, then the cost by part. Chinese by default, like every export.
public enum RosterDiffMarkdown {
    /// The document, ending in a newline.
    public static func text(_ diff: RosterDiff, scenario: Scenario?, language: Language = .zh) -> String {
        let names = DiffNames(scenario: scenario, language: language)
        let zh = language == .zh
        var out = zh ? "# 排班对比\n\n" : "# Roster comparison\n\n"
        out += zh ? "调整前：\(cell(diff.scenarioBefore))；调整后：\(cell(diff.scenarioAfter))\n" : "Before: \(cell(diff.scenarioBefore)); after: \(cell(diff.scenarioAfter))\n"
        if diff.isEmpty { out += zh ? "\n没有变化。\n" : "\nNo changes.\n" }
        for t in diff.terms where !t.isEmpty {
            out += zh ? "\n## 第\(t.term)轮\n\n" : "\n## Term \(t.term)\n\n"
            out += (zh ? "- 调整前：" : "- before: ") + cell(names.links(t.ringBefore, t.linksBefore)) + "\n"
            out += (zh ? "- 调整后：" : "- after: ") + cell(names.links(t.ringAfter, t.linksAfter)) + "\n"
            if !t.uncovered.isEmpty {
                out += (zh ? "- 出现空岗：" : "- uncovered: ") + cell(t.uncovered.map(names.unit).joined(separator: ", ")) + "\n"
            }
            if !t.moves.isEmpty {
                out += zh ? "\n| 人员 | 调整前 | 调整后 |\n| --- | --- | --- |\n" : "\n| person | before | after |\n| --- | --- | --- |\n"
                for m in t.moves {
                    out += "| \(cell(names.person(m.person))) | \(cell(names.sites(m.from))) | \(cell(names.sites(m.to))) |\n"
                }
            }
        }
        out += zh ? "\n## 费用\n\n| 项目 | 调整前 | 调整后 |\n| --- | --- | --- |\n" : "\n## Cost\n\n| part | before | after |\n| --- | --- | --- |\n"
        if let a = diff.costBefore, let b = diff.costAfter {
            out += (zh ? "| 距离 |" : "| distance |") + " \(RosterDiffText.f(a.distance)) | \(RosterDiffText.f(b.distance)) |\n"
            out += (zh ? "| 公平 |" : "| fairness |") + " \(RosterDiffText.f(a.fairness)) | \(RosterDiffText.f(b.fairness)) |\n"
            out += (zh ? "| 合计 |" : "| total |") + " \(RosterDiffText.f(a.total)) | \(RosterDiffText.f(b.total)) |\n"
        } else {
            out += (zh ? "| 目标值（排班文件所记） |" : "| objective (as the rosters say) |")
                + " \(RosterDiffText.f(diff.objectiveBefore)) | \(RosterDiffText.f(diff.objectiveAfter)) |\n"
        }
        return out
    }

    /// Text safe inside a table cell.
    private static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
