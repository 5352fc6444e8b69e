/// "Did you mean" for unknown fields, choices and ids.
enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    ///
    /// Distance is optimal string alignment (Levenshtein plus swapping two
    /// neighbours, the commonest typo: `nmae`), compared without case so
    /// `MinStaff` finds `minStaff`. Close enough: at most one edit for words
    /// of up to 5 characters, two up to 11, three beyond; a word that merely
    /// differs in case always matches.
    ///
    ///     Suggestion.closest(to: "minStaf", in: ["minStaff", "minCycle"])   // "minStaff"
    ///
    /// - Complexity: O(candidates × word length × candidate length).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        let allowed = w.count <= 5 ? 1 : (w.count <= 11 ? 2 : 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(w, Array(candidate.lowercased()))
            guard d <= allowed else { continue }
            if best == nil || d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Optimal string alignment distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, previous2[j - 2] + 1)
                }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
