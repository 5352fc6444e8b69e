import ZhudianCore

/// RFC 5545 text, written by hand: the calendars hold all-day events only, and the rules that
/// matter (CRLF, folding at 75 octets without splitting a UTF-8 sequence, TEXT escaping) are
/// a few lines; no iCalendar writer is on the package mirror.
///
///     var w = ICSWriter()
///     w.property("SUMMARY", text: "驻点：泉兴矿")
///     w.bytes     // UTF-8 of "SUMMARY:驻点：泉兴矿\r\n"
struct ICSWriter {
    private(set) var bytes: [UInt8] = []

    /// A property whose value is written as is (dates, ids, parameters already in `name`).
    mutating func raw(_ name: String, _ value: String) { line(name + ":" + value) }

    /// A TEXT property: backslash, semicolon, comma and line breaks escaped.
    mutating func property(_ name: String, text value: String) { line(name + ":" + Self.escape(value)) }

    /// An all-day DATE property.
    mutating func date(_ name: String, _ day: CivilDate) { line(name + ";VALUE=DATE:" + Self.basic(day)) }

    /// Folds a content line: at most 75 octets per physical line, continuation lines start
    /// with one space (which counts toward their 75).
    private mutating func line(_ content: String) {
        var octets = 0
        let utf8 = Array(content.utf8)
        for (i, byte) in utf8.enumerated() {
            // A fold may only come before the first byte of a character (not 10xxxxxx).
            if byte & 0xC0 != 0x80 {
                var size = 1
                while i + size < utf8.count && utf8[i + size] & 0xC0 == 0x80 { size += 1 }
                if octets + size > 75 {
                    bytes += [0x0D, 0x0A, 0x20]
                    octets = 1
                }
            }
            bytes.append(byte)
            octets += 1
        }
        bytes += [0x0D, 0x0A]
    }

    static func escape(_ value: String) -> String {
        // Most values (names, places) need nothing: a byte scan is far cheaper than walking
        // Characters, which was a third of writing ring 100 × 2's 501 calendars (perf).
        let special = value.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","), 0x0D, 0x0A: true
            default: false
            }
        }
        guard special else { return value }
        var out = ""
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `YYYYMMDD`: the ISO date without its dashes. A byte filter, not Foundation's
    /// `replacingOccurrences`, which was 7 % of exporting peer row 19's calendars (perf).
    static func basic(_ day: CivilDate) -> String {
        String(decoding: day.description.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }
}
