extension RosterChecker {
    /// SPEC §4's header: format, version, and the scenario the roster names.
    func checkHeader(_ roster: Roster, into out: inout [Violation]) {
        if roster.format != "zhudian-roster" || roster.version != 1 {
            out.append(
                Violation(kind: .format, term: nil, message: .rosterFormat(format: roster.format, version: roster.version)))
        }
        if roster.scenario.name != scenario.name {
            out.append(
                Violation(
                    kind: .format, term: nil, message: .scenarioName(expected: scenario.name, found: roster.scenario.name)))
        }
        // SPEC §4 writes the hash in lower-case hex; an upper-case copy is a different file name.
        if let expected = scenarioSHA256, roster.scenario.sha256 != expected.lowercased() {
            out.append(
                Violation(kind: .format, term: nil, message: .scenarioHash(expected: expected, found: roster.scenario.sha256)))
        }
    }

    /// `infeasible`: no terms, null figures, a non-empty explanation.
    func checkInfeasible(_ roster: Roster, into out: inout [Violation]) {
        let solve = roster.solve
        if !roster.terms.isEmpty {
            out.append(Violation(kind: .format, term: nil, message: .infeasibleWithTerms(count: roster.terms.count)))
        }
        if solve.objective != nil || solve.bound != nil || solve.gap != nil {
            out.append(
                Violation(
                    kind: .format, term: nil,
                    message: .infeasibleFigures(objective: solve.objective, bound: solve.bound, gap: solve.gap)))
        }
        if roster.explanation?.isEmpty ?? true {
            out.append(Violation(kind: .format, term: nil, message: .explanationMissing(status: .infeasible)))
        }
    }

    /// The `solve` block against the roster: status figures, the recomputed objective, and for
    /// `best-effort` the explanation against the breaks actually found.
    func checkSolve(_ roster: Roster, objective: Double, broken: [Violation], into out: inout [Violation]) {
        let solve = roster.solve
        func add(_ m: CheckMessage) { out.append(Violation(kind: .format, term: nil, message: m)) }

        switch solve.status {
        case .optimal, .feasible:
            if roster.explanation != nil { add(.explanationUnexpected(status: solve.status)) }
        case .bestEffort:
            if let explanation = roster.explanation {
                compare(explanation, with: broken, into: &out)
            } else {
                add(.explanationMissing(status: .bestEffort))
            }
        case .infeasible:
            return
        }

        guard let stated = solve.objective else {
            // A best-effort roster may leave its objective out; the others must give it.
            if solve.status != .bestEffort { add(.objectiveMissing(status: solve.status)) }
            return
        }
        if !nearlyEqual(stated, objective, relative: 1e-6, absolute: 1e-6) {
            add(.objectiveMismatch(stated: stated, recomputed: objective))
        }

        switch (solve.status, solve.bound, solve.gap) {
        case let (.optimal, bound, gap):
            let proven =
                (bound.map { nearlyEqual($0, stated, relative: 1e-6, absolute: 1e-6) } ?? false)
                && (gap.map { abs($0) <= 1e-9 } ?? false)
            if !proven { add(.notProven(objective: stated, bound: bound, gap: gap)) }
        case (_, nil, nil):
            break
        case let (_, bound?, gap?):
            let expected = RosterChecker.gap(objective: stated, bound: bound)
            if !nearlyEqual(gap, expected, relative: 1e-9, absolute: 1e-9) {
                add(.gapMismatch(objective: stated, bound: bound, gap: gap, expected: expected))
            }
            if !(bound <= stated + 1e-6 * max(1, abs(stated))) {
                add(.boundAboveObjective(bound: bound, objective: stated))
            }
        case let (_, bound, gap):
            add(.halfBound(bound: bound, gap: gap))
        }
    }

    /// Rules a best-effort roster never breaks: it leaves a post empty instead (SPEC §4).
    static let neverBrokenByBestEffort: Set<RuleKind> = [.selfInspection, .group, .overlap, .qualified, .unavailable, .forbid]

    /// Whether an explanation element names a break: the same rule, term, unit and site
    /// (SPEC §4; `people` is informative).
    static func names(_ item: RuleInstance, _ v: Violation) -> Bool {
        item.rule == v.rule && item.term == v.term && item.unit == v.unit && item.site == v.site
    }

    /// Best-effort: the explanation lists exactly the broken rule instances, matched on rule,
    /// term, unit and site; a listed break of a kind a best-effort roster may never break
    /// is reported too.
    private func compare(_ explanation: [RuleInstance], with broken: [Violation], into out: inout [Violation]) {
        for v in broken {
            guard let rule = v.rule, !explanation.contains(where: { Self.names($0, v) }) else { continue }
            out.append(
                Violation(
                    kind: .format, term: v.term, unit: v.unit, site: v.site,
                    message: .explanationOmits(rule: rule, term: v.term, site: v.site)))
        }
        for item in explanation {
            if !broken.contains(where: { Self.names(item, $0) }) {
                out.append(
                    Violation(
                        kind: .format, term: item.term, unit: item.unit, site: item.site,
                        message: .explanationExtra(rule: item.rule, term: item.term, site: item.site)))
            } else if Self.neverBrokenByBestEffort.contains(item.rule) {
                out.append(
                    Violation(
                        kind: .format, term: item.term, unit: item.unit, site: item.site,
                        message: .bestEffortMayNotBreak(rule: item.rule, term: item.term, site: item.site)))
            }
        }
    }

    /// SPEC §3's objective over the view's stays: per stay `distance × km(home unit, site)
    /// + fairness × (served + earlier plan terms with a stay)`, plus `change ×` each baseline
    /// stay (matched on term, person and site) the roster does not keep.
    func objective(of view: RosterView) -> Double {
        let weights = scenario.objective
        var total = 0.0
        var kept: Set<[String]> = []
        var termsServed: [String: Int] = [:]
        for k in view.planTerms {
            let stays = view.stays[k] ?? []
            for s in stays {
                guard let p = person(s.person), let site = unit(s.site) else { continue }
                kept.insert([String(k), s.person, s.site])
                let km = unit(p.unit).map { kilometres(from: $0, to: site) } ?? 0
                total += weights.distance * km + weights.fairness * Double(p.served + (termsServed[p.id] ?? 0))
            }
            // Counted after the term: "terms already served earlier in this plan".
            for id in Set(stays.map(\.person)) { termsServed[id, default: 0] += 1 }
        }
        if let baseline, weights.change != 0 {
            var dropped: Set<[String]> = []
            for t in baseline.terms {
                for s in t.stays {
                    let key = [String(t.term), s.person, s.site]
                    if !kept.contains(key) { dropped.insert(key) }
                }
            }
            total += weights.change * Double(dropped.count)
        }
        return total
    }
}

/// Equal within a relative or an absolute tolerance; NaN is never close to anything.
private func nearlyEqual(_ a: Double, _ b: Double, relative: Double, absolute: Double) -> Bool {
    let d = abs(a - b)
    return d <= absolute || d <= relative * max(abs(a), abs(b))
}
