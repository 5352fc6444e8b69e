/// Scalars written into a scenario's text by the editor.
///
///     YAMLScalar.text("台儿庄 2023上半年")   // 台儿庄 2023上半年
///     YAMLScalar.text("a: b")              // "a: b"
///     YAMLScalar.text("0001")              // "0001"
enum YAMLScalar {
    /// `text` plain when YAML reads it back as the same text in block and flow context alike,
    /// double-quoted otherwise.
    static func text(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// A double-quoted YAML scalar. Escapes `"` and `\`, every control character, and the
    /// characters YAML would read as line breaks (NEL, U+2028, U+2029) or refuses (U+FFFE, U+FFFF);
    /// the BOM is escaped too, since a reader may drop it.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00: out += "\\0"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x85: out += "\\N"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case 0x01...0x1F, 0x7F...0x9F: out += "\\x" + hex(scalar.value, width: 2)
            case 0xFEFF, 0xFFFE, 0xFFFF: out += "\\u" + hex(scalar.value, width: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A value for a number, boolean, date or choice: plain when it is one token of
    /// letters, digits and `.+-:_~`, so the loader judges it as it would in the file;
    /// quoted otherwise (the loader then says it is text where a number belongs).
    static func token(_ value: String) -> String {
        let allowed = value.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || ".+-:_~".unicodeScalars.contains($0)
        }
        return !value.isEmpty && allowed && !value.hasPrefix(":") && !value.hasPrefix("-:") ? value : quoted(value)
    }

    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`0123456789+.~".unicodeScalars.contains(first) { return false }
        for c in text.unicodeScalars {
            if c.value < 0x20 || c.value == 0x7F || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" { return false }
            if ",[]{}#:".unicodeScalars.contains(c) { return false }
        }
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        return !reserved.contains(text.lowercased())
    }
}
