extension FormTable {
    /// One label per column: a head spanning several columns joined to the head below it
    /// (`派驻人员（名）·市`), as a Markdown table needs a single header row.
    var flatHeader: [String] {
        let n = columnCount
        var labels = Array(repeating: [String](), count: n)
        var taken = Array(repeating: Array(repeating: false, count: n), count: header.count)
        for (r, heads) in header.enumerated() {
            var c = 0
            for head in heads {
                while c < n && taken[r][c] { c += 1 }
                guard c < n else { break }
                for dr in 0..<head.rows where r + dr < header.count {
                    for dc in 0..<head.columns where c + dc < n { taken[r + dr][c + dc] = true }
                }
                for dc in 0..<head.columns where c + dc < n { labels[c + dc].append(head.text) }
                c += head.columns
            }
        }
        return labels.map { $0.joined(separator: "·") }
    }

    /// The form as Markdown: title, notes, one table, footer.
    var markdown: String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var s = "## \(title)\n\n"
        for note in notes { s += note + "\n\n" }
        s += "| " + flatHeader.map(cell).joined(separator: " | ") + " |\n"
        s += "|" + String(repeating: " --- |", count: columnCount) + "\n"
        for row in body {
            let texts = row.map { v -> String in
                switch v {
                case .text(let t), .vacancy(let t): return cell(t)
                case .count(let k): return String(k)
                case .amount(let x): return WorkLogTotals.text(x)
                case .blank: return ""
                }
            }
            s += "| " + texts.joined(separator: " | ") + " |\n"
        }
        if !footer.isEmpty { s += "\n" + footer.joined(separator: "\n\n") + "\n" }
        return s + "\n"
    }
}
