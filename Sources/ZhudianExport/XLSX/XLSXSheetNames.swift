/// Sheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, not empty,
/// not starting or ending with an apostrophe, unique ignoring case.
///
///     var names = XLSXSheetNames()
///     names.claim("双顶山矿")   // "双顶山矿"
///     names.claim("双顶山矿")   // "双顶山矿 (2)"
struct XLSXSheetNames {
    private var taken: Set<String> = []

    /// A name derived from `wanted` that no earlier call returned.
    mutating func claim(_ wanted: String) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        base = base.trimmingCharacters(in: ["'", " "])
        if base.isEmpty { base = "Sheet" }
        var candidate = String(base.prefix(31))
        var n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
