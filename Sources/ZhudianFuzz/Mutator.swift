import ZhudianCore

/// Makes broken scenario files from good and bad ones, deterministically per seed.
///
///     var rng = SeededGenerator(seed: 7)
///     let mutant = Mutator.mutate(Array(yaml.utf8), rng: &rng)   // the same bytes for seed 7 everywhere
///
/// Each mutant gets one or two ``Mutation``s. Line mutations work on `\n`-separated lines;
/// byte mutations on raw bytes, so a mutant need not be UTF-8.
///
/// - Complexity: O(n) per mutation in the file size.
public enum Mutator {
    /// Numbers that sit on or past a bound of some field or of a machine type.
    static let extremeNumbers = [
        "0", "-0", "-1", "1", "2", "-2147483649", "2147483648", "4294967296", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "1e308", "1e309", "-1e309",
        "1e-320", "0.5", "-0.0", "1.0e2", ".nan", ".inf", "-.inf", "nan", "inf", "0x10", "0o17", "1_000",
        "+1", "00", "1000000", "31", "32", "1001", "65", "180.0001", "-90.5",
    ]

    /// Values of the wrong kind, or of the right kind but out of place.
    static let oddScalars = [
        "~", "null", "", "''", "\"\"", "[]", "{}", "[1, 2]", "{a: 1}", "yes", "no", "off", "true", "2022-02-29",
        "2022-13-01", "9999-12-31", "0000-01-01", "2022-1-1", "!!binary aGk=", "!!str 3", "!custom x", "&anchor x",
        "*undefined", "\"\\u0000\"", "\"\\t\"", "'\t'", "|\n  text", ">-\n  text", "- x", "\"零\"", "=1+1",
        String(repeating: "长", count: 5000), "x: y: z", "? a", "%YAML 1.2", "---", "...", "#", "\"\\x",
    ]

    /// Keys of the numbers that size the model (rules, weights, calendar, counts): a number
    /// behind one of them is chosen half the time, as they are few among dates and phones.
    static let modelKeys: Set<String> = [
        "version", "termMonths", "terms", "handoverDays", "minStaff", "keepAtHome", "pairCooldown",
        "personCooldown", "maxConsecutiveTerms", "minCycle", "maxDistanceKm", "maxSitesPerPerson",
        "visitsPerMonth", "distance", "fairness", "change", "served", "term", "lat", "lon",
    ]

    /// Keys whose values name an id elsewhere in the file.
    static let referenceKeys = ["id", "unit", "site", "person", "from", "to", "group"]

    /// A mutant of `input`: one mutation, two a third of the time, drawn from `rng`.
    public static func mutate(_ input: [UInt8], rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<(rng.oneIn(3) ? 2 : 1) {
            let mutation = Mutation.allCases[rng.below(Mutation.allCases.count)]
            bytes = apply(mutation, to: bytes, rng: &rng)
        }
        return bytes
    }

    /// `bytes` with `mutation` applied once (unchanged when the file has nothing to mutate).
    public static func apply(_ mutation: Mutation, to bytes: [UInt8], rng: inout SeededGenerator) -> [UInt8] {
        switch mutation {
        case .flipByte: return flipByte(bytes, &rng)
        case .truncate: return Array(bytes.prefix(rng.below(bytes.count + 1)))
        default: break
        }
        var lines = split(bytes)
        guard !lines.isEmpty else { return bytes }
        let i = rng.below(lines.count)
        switch mutation {
        case .deleteLine:
            lines.remove(at: i)
        case .duplicateLine:
            lines.insert(lines[i], at: i)
        case .swapLines:
            lines.swapAt(i, rng.below(lines.count))
        case .duplicateBlock:
            let end = min(lines.count, i + 1 + rng.below(12))
            lines.insert(contentsOf: lines[i..<end], at: end)
        case .extremeNumber:
            lines = replaceNumber(lines, &rng)
        case .oddScalar:
            lines[i] = replaceValue(lines[i], with: Array((rng.element(of: oddScalars) ?? "~").utf8))
        case .danglingId:
            lines = redirectReference(lines, &rng)
        case .flipByte, .truncate:
            break
        }
        return join(lines)
    }

    private static func flipByte(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        guard !bytes.isEmpty else { return [0xFF] }
        var out = bytes
        let i = rng.below(out.count)
        switch rng.below(4) {
        case 0: out[i] ^= UInt8(1) << UInt8(rng.below(8))
        case 1: out[i] = 0
        case 2: out[i] = 0xFF
        default: out[i] = 0xC3  // a UTF-8 lead byte with no continuation
        }
        return out
    }

    /// One number somewhere in the file (a run of digits, with its sign and decimals) made extreme.
    private static func replaceNumber(_ lines: [[UInt8]], _ rng: inout SeededGenerator) -> [[UInt8]] {
        var spots: [(line: Int, range: Range<Int>)] = []
        for (l, line) in lines.enumerated() {
            var k = 0
            while k < line.count {
                if isDigit(line[k]) {
                    var start = k
                    if start > 0, line[start - 1] == UInt8(ascii: "-") { start -= 1 }
                    var end = k
                    while end < line.count, isDigit(line[end]) || line[end] == UInt8(ascii: ".") { end += 1 }
                    spots.append((l, start..<end))
                    k = end
                } else {
                    k += 1
                }
            }
        }
        let keyed = spots.filter { modelKeys.contains(key(before: $0.range.lowerBound, in: lines[$0.line])) }
        let pool = !keyed.isEmpty && rng.oneIn(2) ? keyed : spots
        guard let spot = rng.element(of: pool), let number = rng.element(of: extremeNumbers) else { return lines }
        var out = lines
        out[spot.line].replaceSubrange(spot.range, with: Array(number.utf8))
        return out
    }

    /// A reference to an id pointed at another id of the file, or at one that does not exist.
    private static func redirectReference(_ lines: [[UInt8]], _ rng: inout SeededGenerator) -> [[UInt8]] {
        var ids: [[UInt8]] = []
        var references: [Int] = []
        for (l, line) in lines.enumerated() {
            guard let (key, value) = keyValue(line), referenceKeys.contains(key), !value.isEmpty else { continue }
            references.append(l)
            if key == "id" { ids.append(value) }
        }
        guard let l = rng.element(of: references) else { return lines }
        let target = rng.oneIn(3) ? Array("NO-SUCH-ID".utf8) : (rng.element(of: ids) ?? Array("NO-SUCH-ID".utf8))
        var out = lines
        out[l] = replaceValue(out[l], with: target)
        return out
    }

    /// The key right before position `at` of `line` (`lat` in `{lat: 34.6`), or "".
    static func key(before at: Int, in line: [UInt8]) -> String {
        var k = at - 1
        while k >= 0, line[k] == UInt8(ascii: " ") { k -= 1 }
        guard k >= 0, line[k] == UInt8(ascii: ":") else { return "" }
        let end = k
        k -= 1
        while k >= 0, isKeyByte(line[k]) { k -= 1 }
        return String(decoding: line[(k + 1)..<end], as: UTF8.self)
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    /// The key and plain value of a `key: value` line (after any `- `), if it is one.
    static func keyValue(_ line: [UInt8]) -> (String, [UInt8])? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var keyStart = 0
        while keyStart < colon, line[keyStart] == UInt8(ascii: " ") || line[keyStart] == UInt8(ascii: "-") {
            keyStart += 1
        }
        let key = String(decoding: line[keyStart..<colon], as: UTF8.self)
        let value = Array(line[(colon + 1)...].drop { $0 == UInt8(ascii: " ") })
        return (key, Array(value.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "#") }))
    }

    /// `line` with everything after its first `: ` replaced by `value` (or the whole line
    /// after the indentation, when it has no key).
    static func replaceValue(_ line: [UInt8], with value: [UInt8]) -> [UInt8] {
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            return Array(line[...colon]) + [UInt8(ascii: " ")] + value
        }
        let indent = line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }
        return Array(indent) + value
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}
