extension RosterChecker {
    /// Rule 8: each plan term, every enterprise that places anyone keeps at least `keepAtHome`
    /// of its qualified people without a stay in that term. One instance per enterprise and term.
    ///
    /// An enterprise that places nobody keeps everyone at home, so it cannot break the rule
    /// even with fewer qualified people than `keepAtHome` (visiting-mode enterprises have no
    /// people at all).
    func homeViolations(_ view: RosterView) -> [Violation] {
        var out: [Violation] = []
        let required = scenario.rules.keepAtHome
        guard required > 0 else { return out }
        for k in view.planTerms {
            let placed = Set((view.stays[k] ?? []).map(\.person))
            for (ui, u) in scenario.units.enumerated() where u.kind == .enterprise && u.active {
                let people = (index.peopleOfUnit.indices.contains(ui) ? index.peopleOfUnit[ui] : []).map {
                    scenario.people[$0]
                }
                let away = people.filter { placed.contains($0.id) }.map(\.id)
                guard !away.isEmpty else { continue }
                // Someone who left the bureau (active: false) is not at home either.
                let atHome = people.filter { $0.qualified && $0.active && !placed.contains($0.id) }.count
                guard atHome < required else { continue }
                out.append(
                    Violation(
                        kind: .rule(.keepAtHome), term: k, unit: u.id, people: away,
                        message: .keepAtHome(term: k, unit: unitName(u.id), atHome: atHome, required: required)))
            }
        }
        return out
    }

    /// Rule 9: a unit pin needs the link u → v in its term, a person pin that person's stay at v.
    /// Pins outside the plan's terms are the scenario loader's to refuse and are skipped here.
    func pinViolations(_ view: RosterView) -> [Violation] {
        var out: [Violation] = []
        for pin in scenario.pins where view.planTerms.contains(pin.term) {
            let k = pin.term
            switch pin.subject {
            case let .unit(u):
                let kept = (view.stays[k] ?? []).contains { $0.site == pin.site && person($0.person)?.unit == u }
                if !kept {
                    out.append(
                        Violation(
                            kind: .rule(.pin), term: k, unit: u, site: pin.site,
                            message: .unitPin(term: k, unit: unitName(u), site: unitName(pin.site))))
                }
            case let .person(p):
                if !view.isPlaced(p, at: pin.site, in: k) {
                    out.append(
                        Violation(
                            kind: .rule(.pin), term: k, unit: person(p)?.unit, site: pin.site, people: [p],
                            message: .personPin(term: k, person: personName(p), site: unitName(pin.site))))
                }
            }
        }
        return out
    }
}
