/// One of the notices' forms as plain data, rendered both as a worksheet (``FormsWorkbook``)
/// and as a printable page (``FormsHTML``), so the two never disagree.
struct FormTable: Equatable {
    /// A header cell spanning columns and rows.
    struct Head: Equatable {
        let text: String
        var columns = 1
        var rows = 1
    }
    /// A body value.
    enum Value: Equatable {
        case text(String)
        case count(Int)
        /// A sum that may have decimals (万元), as ``WorkLogTotals/text(_:)`` writes it.
        case amount(Double)
        case blank
        case vacancy(String)
    }
    /// Tab name (made unique and short by the workbook).
    var sheetName: String
    /// Printed title.
    var title: String
    /// Lines between the title and the table (部门：…).
    var notes: [String] = []
    /// Header rows; spans follow HTML's rules (a cell covered by a span above is not repeated).
    var header: [[Head]]
    /// Body rows.
    var body: [[Value]]
    /// Lines under the table.
    var footer: [String] = []
    /// Column widths in characters.
    var widths: [Double]
    /// Printed across the page.
    var landscape = false

    /// Number of columns.
    var columnCount: Int { widths.count }
}
