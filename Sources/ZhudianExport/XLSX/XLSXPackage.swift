import Foundation
import ZIPFoundation

/// Writes sheets as an Office Open XML workbook (`.xlsx`): shared strings, one fixed style
/// table, frozen and repeated header rows, real dates, A4 print setup.
///
/// The SpreadsheetML parts are written by hand: the workbook uses a dozen elements, the
/// Swift xlsx libraries on the package mirror read workbooks rather than write them, and
/// writing the XML ourselves keeps every byte under our control (deterministic output).
/// The zip container is ZIPFoundation's, in memory, with every entry dated 1980-01-01 00:00
/// (ZIPFoundation converts the date with `gmtime`, so the bytes do not depend on the time
/// zone), fixed permissions and a fixed entry order, so the same sheets give the same bytes.
///
///     let bytes = try XLSXPackage.bytes([sheet])
///
/// - Complexity: O(cells).
public enum XLSXPackage {
    /// The zip entries' modification date: the earliest a zip can record (1980-01-01 00:00 UTC).
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The workbook's bytes.
    public static func bytes(_ sheets: [XLSXSheet]) throws -> [UInt8] {
        var strings = SharedStrings()
        let sheetParts = sheets.enumerated().map { i, sheet in
            XLSXWorksheetXML.part(sheet, selected: i == 0, strings: &strings)
        }
        var entries: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRels),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRels(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXStyles.part),
            ("xl/sharedStrings.xml", strings.part),
        ]
        for (i, part) in sheetParts.enumerated() { entries.append(("xl/worksheets/sheet\(i + 1).xml", part)) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw XLSXError.noArchiveData }
        return [UInt8](data)
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var s = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in 1...max(1, sheetCount) where i <= sheetCount {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        s += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        return s + "</Types>"
    }

    static let rootRels = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ sheets: [XLSXSheet]) -> String {
        var s = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><bookViews><workbookView/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            s += "<sheet name=\"\(Markup.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        s += "</sheets>"
        let titled = sheets.enumerated().filter { $0.element.headerRows > 0 }
        if !titled.isEmpty {
            s += "<definedNames>"
            for (i, sheet) in titled {
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                s += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
                    + Markup.escape("\(quoted)!$1:$\(sheet.headerRows)") + "</definedName>"
            }
            s += "</definedNames>"
        }
        return s + "</workbook>"
    }

    static func workbookRels(sheetCount: Int) -> String {
        var s = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 0..<sheetCount {
            s += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        s += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return s + "</Relationships>"
    }
}

/// Why a workbook could not be written; a bug, never the planner's input.
public enum XLSXError: Error, Equatable {
    /// ZIPFoundation gave no bytes for an in-memory archive.
    case noArchiveData
}

/// The workbook's shared string table: each distinct text once, in order of first use.
struct SharedStrings {
    private(set) var order: [String] = []
    private var position: [String: Int] = [:]
    private(set) var uses = 0

    mutating func index(_ s: String) -> Int {
        uses += 1
        if let i = position[s] { return i }
        position[s] = order.count
        order.append(s)
        return order.count - 1
    }

    var part: String {
        var s = XLSXPackage.header
            + "<sst xmlns=\"\(XLSXPackage.mainNS)\" count=\"\(uses)\" uniqueCount=\"\(order.count)\">"
        for text in order {
            let keep = text.first == " " || text.last == " " || text.contains("\n")
            s += keep ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            s += Markup.escape(text) + "</t></si>"
        }
        return s + "</sst>"
    }
}
