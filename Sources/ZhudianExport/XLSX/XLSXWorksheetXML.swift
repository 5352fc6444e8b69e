import ZhudianCore

/// One `xl/worksheets/sheetN.xml` part, elements in the order the schema requires.
enum XLSXWorksheetXML {
    /// Excel's date serial of 1970-01-01 (serials count from 1899-12-30).
    static let unixEpochSerial = 25_569

    static func part(_ sheet: XLSXSheet, selected: Bool, strings: inout SharedStrings) -> String {
        let columns = sheet.rows.map(\.count).max() ?? 0
        var s = XLSXPackage.header
            + "<worksheet xmlns=\"\(XLSXPackage.mainNS)\" xmlns:r=\"\(XLSXPackage.relNS)\">"
        s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        let last = columns == 0 || sheet.rows.isEmpty ? "A1" : "\(column(columns - 1))\(sheet.rows.count)"
        s += "<dimension ref=\"\(last == "A1" ? "A1" : "A1:" + last)\"/>"
        s += "<sheetViews><sheetView \(selected ? "tabSelected=\"1\" " : "")workbookViewId=\"0\">"
        if sheet.headerRows > 0 {
            s += "<pane ySplit=\"\(sheet.headerRows)\" topLeftCell=\"A\(sheet.headerRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            s += "<selection pane=\"bottomLeft\" activeCell=\"A\(sheet.headerRows + 1)\" sqref=\"A\(sheet.headerRows + 1)\"/>"
        }
        s += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = sheet.widths ?? fittedWidths(sheet, columns: columns)
        if !widths.isEmpty {
            s += "<cols>"
            for (i, w) in widths.enumerated() {
                s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(number(w))\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            let lines = lineCount(row, widths: widths)
            // Wrapped text needs its height written down: LibreOffice does not grow a row on
            // opening, and a row of one line would cut the checklist's items off.
            s += lines > 1 ? "<row r=\"\(r + 1)\" ht=\"\(lines * 15 + 3)\" customHeight=\"1\">" : "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() { s += xml(cell, ref: "\(column(c))\(r + 1)", strings: &strings) }
            s += "</row>"
        }
        s += "</sheetData>"
        if !sheet.merges.isEmpty {
            s += "<mergeCells count=\"\(sheet.merges.count)\">"
            for m in sheet.merges { s += "<mergeCell ref=\"\(m)\"/>" }
            s += "</mergeCells>"
        }
        if !sheet.validations.isEmpty {
            s += "<dataValidations count=\"\(sheet.validations.count)\">" + sheet.validations.map(\.xml).joined() + "</dataValidations>"
        }
        s += "<printOptions horizontalCentered=\"1\"/>"
        s += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        s += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        s += "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
        return s + "</worksheet>"
    }

    static func xml(_ cell: XLSXCell, ref: String, strings: inout SharedStrings) -> String {
        let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
        switch cell.value {
        case .empty: return "<c r=\"\(ref)\"\(style)/>"
        case .text(let t): return "<c r=\"\(ref)\"\(style) t=\"s\"><v>\(strings.index(t))</v></c>"
        case .number(let n): return "<c r=\"\(ref)\"\(style)><v>\(number(n))</v></c>"
        case .date(let d): return "<c r=\"\(ref)\"\(style)><v>\(d.dayNumber + unixEpochSerial)</v></c>"
        }
    }

    /// Widths that fit the longest text of each column (wide characters count two), between
    /// 6 and 50 characters; merged titles and notes are left out.
    static func fittedWidths(_ sheet: XLSXSheet, columns: Int) -> [Double] {
        var widths = [Int](repeating: 6, count: columns)
        for row in sheet.rows {
            for (c, cell) in row.enumerated() where cell.style != .title && cell.style != .note {
                let w: Int
                switch cell.value {
                case .empty: w = 0
                case .text(let t): w = t.split(separator: "\n").map { Markup.width(String($0)) }.max() ?? 0
                case .number(let n): w = number(n).count
                case .date: w = 10
                }
                widths[c] = max(widths[c], min(50, w + 2))
            }
        }
        return widths.map(Double.init)
    }

    /// Lines the tallest text cell of a row wraps to in its column (wide characters count two,
    /// explicit line breaks count); titles and notes span the sheet and take one line.
    static func lineCount(_ row: [XLSXCell], widths: [Double]) -> Int {
        var most = 1
        for (c, cell) in row.enumerated() where c < widths.count && cell.style != .title && cell.style != .note {
            guard case .text(let t) = cell.value else { continue }
            // A wide glyph takes a little more than two width units in Excel and LibreOffice.
            let room = max(1, Int(widths[c] * 0.85) - 1)
            let lines = t.split(separator: "\n", omittingEmptySubsequences: false)
                .map { max(1, (Markup.width(String($0)) + room - 1) / room) }.reduce(0, +)
            most = max(most, lines)
        }
        return most
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// An integer without a decimal point, else the shortest round-trip form.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}
