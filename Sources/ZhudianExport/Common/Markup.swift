/// Escaping for the XML and HTML the exports write by hand.
///
/// Planner-provided text (names, titles, reasons) reaches every xlsx part, SVG and HTML page
/// through these functions only. Characters XML 1.0 forbids (control characters other than
/// tab, line feed and carriage return) are dropped: Excel refuses a part that holds one.
enum Markup {
    /// Text content and attribute values: `& < > " '` escaped, forbidden characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Display width in character cells: East Asian wide characters count two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { n, s in
            let v = s.value
            let wide = (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
                || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
                || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD)
            return n + (wide ? 2 : 1)
        }
    }

    /// A number for SVG coordinates: at most one decimal, no trailing zero, locale-free.
    static func coordinate(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        let whole = Int(tenths) / 10
        let frac = abs(Int(tenths)) % 10
        if frac == 0 { return String(Int(tenths) / 10) }
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return sign + String(whole) + "." + String(frac)
    }
}
