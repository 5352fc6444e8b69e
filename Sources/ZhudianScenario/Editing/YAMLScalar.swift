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

    /// `text` as a double-quoted scalar, escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
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
