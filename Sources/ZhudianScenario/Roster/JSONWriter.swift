import ZhudianCore

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
                out += JSONString.literal(key)
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
            out += JSONString.literal(s)
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
}
