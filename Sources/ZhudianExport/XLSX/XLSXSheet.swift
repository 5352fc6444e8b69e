import ZhudianCore

/// One worksheet of a workbook the exports write: rows of typed cells and the print setup.
///
///     var sheet = XLSXSheet(name: "驻点人员名单")
///     sheet.rows = [[.header("姓名")], [.text("王强")]]
///     sheet.headerRows = 1     // frozen and repeated on every printed page
public struct XLSXSheet: Sendable, Equatable {
    /// The sheet's tab name; ``XLSXSheetNames`` makes names Excel accepts.
    public var name: String
    /// Rows from the top, cells from column A.
    public var rows: [[XLSXCell]]
    /// Rows frozen at the top and printed on every page (0: none).
    public var headerRows: Int
    /// Merged ranges, as `A1:G1`.
    public var merges: [String]
    /// Landscape A4 instead of portrait.
    public var landscape: Bool
    /// Column widths in characters; nil: fitted to the cells.
    public var widths: [Double]?
    /// Data-validation rules (work logs: non-negative counts).
    public var validations: [XLSXValidation] = []

    /// An empty sheet, portrait A4.
    public init(name: String, rows: [[XLSXCell]] = [], headerRows: Int = 1, merges: [String] = [],
                landscape: Bool = false, widths: [Double]? = nil) {
        self.name = name
        self.rows = rows
        self.headerRows = headerRows
        self.merges = merges
        self.landscape = landscape
        self.widths = widths
    }
}

/// A cell: its value and how it looks.
public struct XLSXCell: Sendable, Equatable {
    /// The value.
    public enum Value: Sendable, Equatable {
        /// No value (a cell kept for its border).
        case empty
        /// Text, through the shared string table.
        case text(String)
        /// A number.
        case number(Double)
        /// Written as an Excel date serial with a `yyyy-mm-dd` format.
        case date(CivilDate)
    }
    /// The look, an index into the workbook's fixed style table.
    public enum Style: Int, Sendable, Equatable {
        // plain: no border; header: bold on grey; date: yyyy-mm-dd; vacancy: red on red fill;
        // body: bordered, wrapped; title: 14 pt bold; number: right-aligned; note: 10 pt.
        case plain = 0, header = 1, date = 2, vacancy = 3, body = 4, title = 5, number = 6, note = 7
    }
    /// The value.
    public var value: Value
    /// The look.
    public var style: Style

    /// A bordered text cell.
    public static func text(_ s: String) -> XLSXCell { XLSXCell(value: .text(s), style: .body) }
    /// A bold, shaded header cell.
    public static func header(_ s: String) -> XLSXCell { XLSXCell(value: .text(s), style: .header) }
    /// A large bold title (merge it across the table).
    public static func title(_ s: String) -> XLSXCell { XLSXCell(value: .text(s), style: .title) }
    /// Unbordered small text (a note under a title).
    public static func note(_ s: String) -> XLSXCell { XLSXCell(value: .text(s), style: .note) }
    /// A real Excel date.
    public static func date(_ d: CivilDate) -> XLSXCell { XLSXCell(value: .date(d), style: .date) }
    /// A bordered number.
    public static func number(_ n: Double) -> XLSXCell { XLSXCell(value: .number(n), style: .number) }
    /// A bordered number.
    public static func count(_ n: Int) -> XLSXCell { XLSXCell(value: .number(Double(n)), style: .number) }
    /// Red text on red fill: a post left empty (空岗).
    public static func vacancy(_ s: String) -> XLSXCell { XLSXCell(value: .text(s), style: .vacancy) }
    /// A bordered empty cell, for the forms' columns left to fill in.
    public static let blank = XLSXCell(value: .empty, style: .body)
    /// Nothing at all.
    public static let none = XLSXCell(value: .empty, style: .plain)
}
