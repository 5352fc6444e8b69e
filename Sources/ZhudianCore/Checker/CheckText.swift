import Foundation

/// How the checker's messages write dates, numbers, distances and cycles: its own, shared
/// with no planner code.
enum CheckText {
    /// A date as text; a date no roster file could hold (far outside years 1–9999) is shown by its
    /// day number, so that rendering never overflows on a hand-built roster.
    static func text(_ d: CivilDate) -> String {
        isRenderable(d) ? d.description : "day \(d.dayNumber)"
    }

    /// Within about ±3 billion years of 1970: far beyond any real date, far from `Int`'s limits
    /// (`abs` would trap on `Int.min`, hence the range test).
    static func isRenderable(_ d: CivilDate) -> Bool { (-(1 << 40)...(1 << 40)).contains(d.dayNumber) }

    static func text(_ r: DateRange) -> String { r.from == r.to ? text(r.from) : "\(text(r.from))..\(text(r.to))" }

    /// Shortest round-trip form, as the roster file writes numbers.
    static func number(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    static func optional(_ x: Double?) -> String { x.map(number) ?? "null" }

    /// One decimal, or as many more as it takes not to print a distance over the limit as the limit.
    static func kilometres(_ km: Double, above limit: Double) -> String {
        guard km.isFinite else { return "\(km)" }
        for digits in 1...6 {
            let shown = String(format: "%.\(digits)f", km)
            if let value = Double(shown), value > limit { return shown }
        }
        return "\(km)"
    }

    /// `1 person`, `3 people`.
    static func headcount(_ n: Int) -> String { n == 1 ? "1 person" : "\(n) people" }

    /// Days between two visit dates; both lie inside the plan, so the difference cannot overflow.
    static func gap(_ a: CivilDate, _ b: CivilDate) -> Int {
        guard isRenderable(a), isRenderable(b) else { return 0 }
        return JudgeCalendar.days(from: a, to: b)
    }

    /// `A → B → C → A`, or `A ⇄ B` for a mutual pair.
    static func chain(_ cycle: [CheckName], _ l: Language) -> String {
        if cycle.count == 3, cycle.first == cycle.last { return "\(cycle[0].render(l)) ⇄ \(cycle[1].render(l))" }
        return cycle.map { $0.render(l) }.joined(separator: " → ")
    }

    /// `coverage, term 2, site QX` as an explanation entry is named.
    static func instance(_ rule: RuleKind, _ term: Int?, _ site: String?, _ l: Language) -> String {
        var parts = [rule.rawValue]
        if l == .zh {
            if let term { parts.append("第\(term)轮") }
            if let site { parts.append("驻点企业 \(site)") }
            return parts.joined(separator: "，")
        }
        if let term { parts.append("term \(term)") }
        if let site { parts.append("site \(site)") }
        return parts.joined(separator: ", ")
    }
}
