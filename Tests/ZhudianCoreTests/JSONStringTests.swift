import Foundation
import XCTest
@testable import ZhudianCore

/// The one JSON string writer (roster file, `diff.json`) reads back as the same text through
/// Foundation's JSON reader, for every control character and text outside ASCII.
final class JSONStringTests: XCTestCase {
    func testEveryControlCharacterAndNonASCIIReadsBackUnchanged() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init) + ["\u{7F}"]))
        for text in ["", "plain", "台儿庄区 \"测试\" \\ 😀", controls, "a/b\u{2028}c"] {
            let literal = JSONString.literal(text)
            let read = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed])
            XCTAssertEqual(read as? String, text, literal)
        }
    }

    func testWritesTheShortEscapesAndKeepsUTF8() {
        XCTAssertEqual(JSONString.literal("\"\\\n\r\t\u{8}\u{C}"), #""\"\\\n\r\t\b\f""#)
        XCTAssertEqual(JSONString.literal("\u{1}\u{1F}\u{7F}"), #""\u0001\u001f\u007f""#)
        XCTAssertEqual(JSONString.literal("枣庄"), "\"枣庄\"")
    }
}
