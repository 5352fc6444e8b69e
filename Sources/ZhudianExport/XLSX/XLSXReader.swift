import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the cells of an `.xlsx` workbook, as written by zhudian, Excel, WPS or LibreOffice:
/// sheets in tab order with their names, shared and inline strings, numbers (dates are
/// numbers: Excel keeps them as day serials).
///
///     let sheets = try XLSXReader.sheets(bytes)
///     sheets[0].rows[5]?[0]     // .number(44809) — 2022-09-05
///
/// - Complexity: O(size of the XML parts).
public enum XLSXReader {
    /// A cell's value.
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
    }

    /// One worksheet: its tab name and its non-empty cells, by 1-based row number, then 0-based column.
    public struct Sheet: Sendable, Equatable {
        /// The tab name.
        public let name: String
        /// Row number → column index → value.
        public let rows: [Int: [Int: Value]]
    }

    /// Why a file is not a workbook.
    public enum Failure: Error, Equatable {
        /// Not a zip archive, or a part is missing or unreadable.
        case notAWorkbook(String)
    }

    /// The sheets of the workbook in `bytes`, in tab order.
    public static func sheets(_ bytes: [UInt8]) throws -> [Sheet] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw Failure.notAWorkbook("not a zip archive")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry) { data.append($0) }
            } catch {
                throw Failure.notAWorkbook("\(path) cannot be read")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else { throw Failure.notAWorkbook("no xl/workbook.xml") }
        let relations = try part("xl/_rels/workbook.xml.rels").map { XMLElements.parse($0) } ?? []
        var targets: [String: String] = [:]
        for r in relations where r.name == "Relationship" {
            if let id = r.attributes["Id"], let target = r.attributes["Target"] { targets[id] = target }
        }
        let strings = try part("xl/sharedStrings.xml").map { try sharedStrings($0) } ?? []
        var out: [Sheet] = []
        for s in XMLElements.parse(workbook) where s.name == "sheet" {
            guard let name = s.attributes["name"], let id = s.attributes["r:id"], let target = targets[id] else {
                throw Failure.notAWorkbook("a sheet of xl/workbook.xml has no part")
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let data = try part(path) else { throw Failure.notAWorkbook("no \(path)") }
            out.append(Sheet(name: name, rows: try cells(data, strings: strings)))
        }
        return out
    }

    /// The shared string table: each `<si>`'s text runs joined, phonetic runs left out.
    static func sharedStrings(_ data: Data) throws -> [String] {
        let collector = TextCollector(item: "si")
        guard collector.run(data) else { throw Failure.notAWorkbook("xl/sharedStrings.xml is not well-formed XML") }
        return collector.items
    }

    static func cells(_ data: Data, strings: [String]) throws -> [Int: [Int: Value]] {
        let reader = CellCollector()
        guard reader.run(data) else { throw Failure.notAWorkbook("a worksheet is not well-formed XML") }
        var rows: [Int: [Int: Value]] = [:]
        for cell in reader.cells {
            guard let (row, column) = reference(cell.ref) else { throw Failure.notAWorkbook("cell reference '\(cell.ref)'") }
            let value: Value?
            switch cell.type {
            case "s":
                guard let i = Int(cell.value), strings.indices.contains(i) else {
                    throw Failure.notAWorkbook("cell \(cell.ref) names a missing shared string")
                }
                value = .text(strings[i])
            case "inlineStr", "str": value = .text(cell.inline.isEmpty ? cell.value : cell.inline)
            case "b", "e": value = .text(cell.value)
            default: value = cell.value.isEmpty ? nil : Double(cell.value).map(Value.number) ?? .text(cell.value)
            }
            if let value, value != .text("") { rows[row, default: [:]][column] = value }
        }
        return rows
    }

    /// `"C12"` → (12, 2).
    static func reference(_ ref: String) -> (Int, Int)? {
        var column = 0, row = 0, letters = 0
        for ch in ref.unicodeScalars {
            if ch >= "A" && ch <= "Z", row == 0 {
                column = column * 26 + Int(ch.value - 64)
                letters += 1
            } else if ch >= "0" && ch <= "9" {
                row = row * 10 + Int(ch.value - 48)
            } else {
                return nil
            }
        }
        return letters > 0 && row > 0 ? (row, column - 1) : nil
    }
}
