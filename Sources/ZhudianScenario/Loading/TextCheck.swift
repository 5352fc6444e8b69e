/// Byte-level checks before any YAML parsing: BOM, UTF-8, positions of bytes.
enum TextCheck {
    /// The bytes without a leading UTF-8 byte order mark (Windows editors write one).
    static func strippingBOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return bytes[3...]
        }
        return bytes[...]
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all is valid.
    ///
    /// Checks overlong forms, surrogates and the U+10FFFF limit, as the
    /// Unicode standard's table 3-7 does, so that a GBK file (the usual
    /// mistake on Chinese Windows) is caught here with its line rather than as
    /// replacement characters deep inside a name.
    ///
    /// - Complexity: O(n).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            if bytes[i + 1] < low || bytes[i + 1] > high { return i }
            for k in 2..<length where bytes[i + k] < 0x80 || bytes[i + k] > 0xBF { return i }
            i += length
        }
        return nil
    }

    /// The 1-based line and column (in characters, as the YAML parser counts)
    /// of byte `offset`. CR LF counts as one line break.
    ///
    /// - Complexity: O(offset).
    static func position(ofByte offset: Int, in bytes: ArraySlice<UInt8>) -> SourcePosition {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        let stop = min(bytes.startIndex + offset, bytes.endIndex)
        while i < stop {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b == UInt8(ascii: "\r") {
                // A lone CR ends a line too; in CR LF the LF does.
                let crlf = i + 1 < bytes.endIndex && bytes[i + 1] == UInt8(ascii: "\n")
                if !crlf {
                    line += 1
                    column = 1
                }
            } else if b & 0xC0 != 0x80 {
                // Continuation bytes do not start a character.
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The character at a 1-based line and column, if there is one.
    static func character(at position: SourcePosition, in text: String) -> Character? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == position.line, column == position.column { return Character(scalar) }
            if scalar == "\n" {
                if line == position.line { return nil }
                line += 1
                column = 1
            } else if scalar != "\r" {
                column += 1
            }
            if line > position.line { return nil }
        }
        return nil
    }
}
