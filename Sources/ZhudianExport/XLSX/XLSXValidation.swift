import ZhudianCore

/// A data-validation rule of a worksheet (`<dataValidation>`): Excel and LibreOffice refuse a
/// typed value that breaks it and show `message`.
///
///     XLSXValidation(kind: .whole, minimum: 0, ranges: ["F6:T60"], message: "请填写非负整数")
public struct XLSXValidation: Sendable, Equatable {
    /// What the cells must hold.
    public enum Kind: Sendable, Equatable {
        /// A whole number at least `minimum`.
        case whole(minimum: Int)
        /// A number at least `minimum`.
        case decimal(minimum: Double)
        /// A date within the range.
        case date(DateRange)
    }
    /// The rule.
    public var kind: Kind
    /// Cell ranges it applies to (`A1:B9`).
    public var ranges: [String]
    /// The error shown when a typed value breaks the rule.
    public var message: String

    /// Creates a rule.
    public init(kind: Kind, ranges: [String], message: String) {
        self.kind = kind
        self.ranges = ranges
        self.message = message
    }

    /// The `<dataValidation>` element.
    var xml: String {
        let type: String, op: String, formulas: [String]
        switch kind {
        case .whole(let m): (type, op, formulas) = ("whole", "greaterThanOrEqual", [String(m)])
        case .decimal(let m): (type, op, formulas) = ("decimal", "greaterThanOrEqual", [XLSXWorksheetXML.number(m)])
        case .date(let r):
            (type, op, formulas) = ("date", "between", [r.from, r.to].map { String($0.dayNumber + XLSXWorksheetXML.unixEpochSerial) })
        }
        var s = "<dataValidation type=\"\(type)\" operator=\"\(op)\" allowBlank=\"1\" showErrorMessage=\"1\""
        s += " errorTitle=\"\(Markup.escape("输入有误"))\" error=\"\(Markup.escape(message))\" sqref=\"\(ranges.joined(separator: " "))\">"
        s += "<formula1>\(formulas[0])</formula1>"
        if formulas.count > 1 { s += "<formula2>\(formulas[1])</formula2>" }
        return s + "</dataValidation>"
    }
}
