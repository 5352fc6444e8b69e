import ZhudianCore

/// How the loader's messages write paths and bytes.
enum ScenarioMessageText {
    /// "the top level" for the empty path, else the field in backquotes.
    static func describe(_ path: String, _ language: Language) -> String {
        switch language {
        case .en: return path.isEmpty ? "the top level" : "`\(path)`"
        case .zh: return path.isEmpty ? "顶层" : "`\(path)` "
        }
    }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
