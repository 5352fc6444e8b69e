import ZhudianCore

/// Checks across fields: unique ids, references, and rules that contradict the mode or structure.
extension ScenarioDecoder {
    /// Applies the `sends`/`receives` defaults and reports contradictions; returns the final units.
    mutating func checkUnits(_ drafts: [UnitDraft]?, rules: Rules, mode: Mode) -> [Unit] {
        // An unreadable structure has its own error: nothing is judged by the default.
        let teams = rules.structure != .free && !structureUnread
        let structure = rules.structure.rawValue
        if rules.maxSitesPerPerson > 1, mode == .resident {
            error(
                .sitesPerPersonInResident(value: rules.maxSitesPerPerson),
                at: sourceMap.nearestPosition("rules.maxSitesPerPerson"))
        }
        guard let drafts else { return [] }

        var firstLine: [String: Int] = [:]
        var units: [Unit] = []
        for draft in drafts {
            var unit = draft.unit
            let idPosition = sourceMap.nearestPosition(join(draft.path, "id"))
            if let id = draft.id {
                if let line = firstLine[id] {
                    error(.duplicateUnitID(path: join(draft.path, "id"), id: id, firstLine: line), at: idPosition)
                } else {
                    firstLine[id] = idPosition.line
                }
            }
            let label = draft.id ?? draft.path
            switch unit.kind {
            case .office:
                if draft.receives == true {
                    error(
                        .officeReceives(path: join(draft.path, "receives"), unit: label),
                        at: sourceMap.nearestPosition(join(draft.path, "receives")))
                }
                if teams, draft.sends == true {
                    error(
                        .officeSendsUnderTeams(path: join(draft.path, "sends"), unit: label, structure: structure),
                        at: sourceMap.nearestPosition(join(draft.path, "sends")))
                }
                if unit.level == nil {
                    warning(.officeWithoutLevel(path: draft.path, unit: label), at: sourceMap.nearestPosition(draft.path))
                }
                unit.receives = false
                unit.sends = draft.sends ?? !teams
            case .enterprise:
                // A closed mine (active: false) takes no part, so it need not send or receive.
                for (field, value) in [("sends", draft.sends), ("receives", draft.receives)]
                where teams && value == false && unit.active {
                    error(
                        .enterpriseMustTakePart(
                            path: join(draft.path, field), unit: label, field: field, structure: structure),
                        at: sourceMap.nearestPosition(join(draft.path, field)))
                }
                unit.sends = draft.sends ?? true
                unit.receives = draft.receives ?? true
            }
            units.append(unit)
        }

        // Until every unit reads, the count is unknown; that unit's own error says what to fix.
        guard !unitsIncomplete else { return units }
        let enterprises = units.filter { $0.kind == .enterprise && $0.active }.count
        if teams, enterprises < 2 {
            error(
                .tooFewEnterprises(structure: structure, count: enterprises),
                at: sourceMap.position("rules.structure") ?? sourceMap.nearestPosition("units"))
        } else if !units.contains(where: { $0.receives && $0.active }) {
            error(.noSites, at: sourceMap.nearestPosition("units"))
        }
        return units
    }

    /// Unique person ids; every person's unit exists.
    mutating func checkPeople(_ drafts: [PersonDraft], units: [Unit]) {
        let unitIDs = Set(units.map(\.id))
        let unitList = units.map(\.id)
        var firstLine: [String: Int] = [:]
        for draft in drafts {
            if let id = draft.id {
                let position = sourceMap.nearestPosition(join(draft.path, "id"))
                if let line = firstLine[id] {
                    error(.duplicatePersonID(path: join(draft.path, "id"), id: id, firstLine: line), at: position)
                } else {
                    firstLine[id] = position.line
                }
            }
            if let unit = draft.unit, !unitIDs.contains(unit), !unitsIncomplete {
                let path = join(draft.path, "unit")
                error(
                    .unknownUnit(path: path, id: unit, suggestion: Suggestion.closest(to: unit, in: unitList)),
                    at: sourceMap.nearestPosition(path))
            }
        }
    }

    /// Every id that history, pins and forbid name exists, and every site receives.
    mutating func checkReferences(
        history: [HistoryDraft], pins: [PinDraft], forbid: [ForbidDraft], units: [Unit], people: [PersonDraft]
    ) {
        let lookup = References(units: units, people: people.compactMap(\.id))
        for term in history {
            for (stay, path) in zip(term.term.stays, term.stayPaths) {
                person(stay.person, path: join(path, "person"), lookup)
                site(stay.site, path: join(path, "site"), lookup, mustReceive: true)
            }
        }
        for pin in pins {
            subject(pin.pin.subject, path: pin.path, lookup)
            site(pin.pin.site, path: join(pin.path, "site"), lookup, mustReceive: true)
        }
        for entry in forbid {
            subject(entry.forbid.subject, path: entry.path, lookup)
            site(entry.forbid.site, path: join(entry.path, "site"), lookup, mustReceive: false)
        }
    }

    private struct References {
        let unitIDs: [String]
        let receiving: [String: Bool]
        let personIDs: [String]
        let personSet: Set<String>
        init(units: [Unit], people: [String]) {
            unitIDs = units.map(\.id)
            var receiving: [String: Bool] = [:]
            for u in units where receiving[u.id] == nil { receiving[u.id] = u.receives }
            self.receiving = receiving
            personIDs = people
            personSet = Set(people)
        }
    }

    private mutating func subject(_ subject: Pin.Subject, path: String, _ lookup: References) {
        switch subject {
        case .unit(let id):
            let p = join(path, "unit")
            if lookup.receiving[id] == nil, !unitsIncomplete {
                error(
                    .unknownUnit(path: p, id: id, suggestion: Suggestion.closest(to: id, in: lookup.unitIDs)),
                    at: sourceMap.nearestPosition(p))
            }
        case .person(let id):
            person(id, path: join(path, "person"), lookup)
        }
    }

    private mutating func person(_ id: String, path: String, _ lookup: References) {
        guard !lookup.personSet.contains(id), !peopleIncomplete else { return }
        error(
            .unknownPerson(path: path, id: id, suggestion: Suggestion.closest(to: id, in: lookup.personIDs)),
            at: sourceMap.nearestPosition(path))
    }

    /// A forbid entry on a unit that receives nothing cannot matter, so it is only a warning.
    private mutating func site(_ id: String, path: String, _ lookup: References, mustReceive: Bool) {
        guard let receives = lookup.receiving[id] else {
            guard !unitsIncomplete else { return }
            error(
                .unknownUnit(path: path, id: id, suggestion: Suggestion.closest(to: id, in: lookup.unitIDs)),
                at: sourceMap.nearestPosition(path))
            return
        }
        guard !receives else { return }
        if mustReceive {
            error(.siteNotReceiving(path: path, id: id), at: sourceMap.nearestPosition(path))
        } else {
            warning(.forbidSiteNotReceiving(path: path, id: id), at: sourceMap.nearestPosition(path))
        }
    }
}
