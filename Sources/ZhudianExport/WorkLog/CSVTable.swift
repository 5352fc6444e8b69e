/// Rows of a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks),
/// a leading UTF-8 BOM dropped, CRLF or LF line ends. Excel's "CSV UTF-8" and LibreOffice's
/// export both read.
///
///     CSVTable.rows("日期,企业编号\r\n2022-09-05,QX\r\n")   // [["日期", "企业编号"], ["2022-09-05", "QX"]]
///
/// - Complexity: O(characters).
enum CSVTable {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var iterator = chars.makeIterator()
        var pending = iterator.next()
        while let ch = pending {
            pending = iterator.next()
            if quoted {
                if ch == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r\n", "\n", "\r":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
