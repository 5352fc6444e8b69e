import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Elements of an XML part, flat, with their attributes (workbook.xml, its relations).
enum XMLElements {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    static func parse(_ data: Data) -> [Element] {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        // A malformed workbook.xml gives no sheets, and the reader says so.
        _ = parser.parse()
        return delegate.elements
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
        }
    }
}

/// The text of every `<item>` element: its `<t>` runs joined, `<rPh>` (phonetic guides) skipped.
final class TextCollector: NSObject, XMLParserDelegate {
    let item: String
    var items: [String] = []
    private var current: String?
    private var inText = false
    private var phonetic = 0

    init(item: String) { self.item = item }

    /// False when the part is not well-formed XML.
    func run(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == item { current = "" }
        if name == "rPh" { phonetic += 1 }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "rPh" { phonetic -= 1 }
        if name == item, let text = current {
            items.append(text)
            current = nil
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && phonetic == 0 { current? += string }
    }
}

/// The `<c>` cells of a worksheet: reference, type, `<v>` value and inline string.
final class CellCollector: NSObject, XMLParserDelegate {
    struct Cell {
        var ref: String
        var type: String
        var value = ""
        var inline = ""
    }
    var cells: [Cell] = []
    private var current: Cell?
    private var field: String?
    private var lastRow = 0, nextColumn = 0

    /// False when the part is not well-formed XML.
    func run(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            lastRow = attributes["r"].flatMap(Int.init) ?? lastRow + 1
            nextColumn = 0
        case "c":
            // `r` may be left out (it is optional): the cell is then the next one in its row.
            let ref = attributes["r"] ?? "\(XLSXWorksheetXML.column(nextColumn))\(lastRow)"
            if let (_, c) = XLSXReader.reference(ref) { nextColumn = c + 1 }
            current = Cell(ref: ref, type: attributes["t"] ?? "n")
        case "v": field = "v"
        case "t": if current != nil { field = "t" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "c":
            if let c = current { cells.append(c) }
            current = nil
        case "v", "t": field = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch field {
        case "v": current?.value += string
        case "t": current?.inline += string
        default: break
        }
    }
}
