import ZhudianCore

/// `forms.xlsx`: the notices' forms (``NoticeForms``), one sheet each, laid out as printed:
/// title, notes, the header with its merged cells, the body, the footer.
///
///     let bytes = try FormsWorkbook.bytes(roster, scenario: scenario)
public enum FormsWorkbook {
    /// The workbook's bytes.
    public static func bytes(_ roster: Roster, scenario: Scenario) throws -> [UInt8] {
        var names = XLSXSheetNames()
        let sheets = NoticeForms.tables(RosterFacts(roster, scenario: scenario)).map { sheet($0, name: names.claim($0.sheetName)) }
        return try XLSXPackage.bytes(sheets)
    }

    static func sheet(_ form: FormTable, name: String) -> XLSXSheet {
        let n = form.columnCount
        let lastColumn = XLSXWorksheetXML.column(n - 1)
        var rows: [[XLSXCell]] = []
        var merges: [String] = []
        func banner(_ cell: XLSXCell) {
            rows.append([cell] + Array(repeating: .none, count: n - 1))
            merges.append("A\(rows.count):\(lastColumn)\(rows.count)")
        }
        banner(.title(form.title))
        for note in form.notes { banner(.note(note)) }
        let top = rows.count
        var grid = Array(repeating: Array(repeating: XLSXCell.header(""), count: n), count: form.header.count)
        var taken = Array(repeating: Array(repeating: false, count: n), count: form.header.count)
        for (r, heads) in form.header.enumerated() {
            var c = 0
            for head in heads {
                while c < n && taken[r][c] { c += 1 }
                guard c < n else { break }
                grid[r][c] = .header(head.text)
                for dr in 0..<head.rows where r + dr < form.header.count {
                    for dc in 0..<head.columns where c + dc < n { taken[r + dr][c + dc] = true }
                }
                if head.rows > 1 || head.columns > 1 {
                    let from = "\(XLSXWorksheetXML.column(c))\(top + r + 1)"
                    let to = "\(XLSXWorksheetXML.column(c + head.columns - 1))\(top + r + head.rows)"
                    merges.append("\(from):\(to)")
                }
                c += head.columns
            }
        }
        rows += grid
        for values in form.body {
            rows.append(values.map { v in
                switch v {
                case .text(let t): return .text(t)
                case .count(let k): return .count(k)
                case .amount(let x): return .number(x)
                case .blank: return .blank
                case .vacancy(let t): return .vacancy(t)
                }
            })
        }
        for line in form.footer { banner(.note(line)) }
        return XLSXSheet(name: name, rows: rows, headerRows: top + form.header.count, merges: merges,
                         landscape: form.landscape, widths: form.widths)
    }
}
