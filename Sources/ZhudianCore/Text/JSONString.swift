/// JSON string literals, written the same way by every file zhudian writes as JSON (the
/// roster, `diff.json`): `"` and `\` escaped, the short escapes JSON has for control
/// characters, `\u00XX` for the other control characters and DEL, and all other text as
/// UTF-8 (no `\u` for non-ASCII, so Chinese names stay readable in the file).
package enum JSONString {
    /// `text` as a JSON string literal, quotes included.
    package static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
