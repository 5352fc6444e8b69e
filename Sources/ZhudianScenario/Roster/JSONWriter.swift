/// A JSON value in the order it is written; just enough for the roster file.
indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
}

/// Writes JSON the way the roster file is specified: keys in the given order,
/// two-space indentation, one value per line, `[]`/`{}` for empty
/// collections, numbers in shortest round-trip form, non-ASCII text as UTF-8.
///
/// Hand-written rather than `JSONEncoder`, whose key order, number format and
/// escaping of `/` differ between platforms — and the roster must be byte-identical everywhere.
enum JSONWriter {
    /// The UTF-8 bytes of `value`, ending with one newline.
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return Array(out.utf8)
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, item)) in pairs.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                string(key, into: &out)
                out += ": "
                write(item, indent: indent + 1, into: &out)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                write(item, indent: indent + 1, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .string(let s):
            string(s, into: &out)
        case .int(let n):
            out += String(n)
        case .double(let d):
            out += number(d)
        case .bool(let b):
            out += b ? "true" : "false"
        case .null:
            out += "null"
        }
    }

    /// Swift's `description` is the shortest text that reads back as the same
    /// double; JSON has no infinity or NaN, so those are written as null.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d.description
    }

    private static func string(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
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
        out += "\""
    }
}
