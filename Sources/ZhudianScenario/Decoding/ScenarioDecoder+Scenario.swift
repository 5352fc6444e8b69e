internal import Yams
import ZhudianCore

extension ScenarioDecoder {
    static let topKeys = [
        "version", "name", "authority", "sector", "mode", "calendar", "rules", "objective", "units",
        "people", "history", "pins", "forbid",
    ]
    static let calendarKeys = [
        "start", "termMonths", "terms", "handoverDays", "holidays", "workdays", "official", "events",
        "reportDay", "reportDue", "visitsPerMonth", "minVisitGapDays",
    ]
    static let rulesKeys = [
        "minStaff", "structure", "minCycle", "mutualPairs", "sameGroup", "pairCooldown",
        "personCooldown", "maxConsecutiveTerms", "keepAtHome", "requireQualified", "maxDistanceKm",
        "maxSitesPerPerson",
    ]
    static let objectiveKeys = ["distance", "fairness", "change"]
    static let eventKeys = ["date", "title"]

    /// The whole scenario, or nil when any error was found (all of them are in ``diagnostics``).
    mutating func decodeScenario(_ root: Node) -> Scenario? {
        guard let top = fields(root, path: "", allowed: Self.topKeys) else { return nil }

        if let node = top["version"] {
            if !(node.isPlainScalar && node.scalarText == "1") {
                error(.unsupportedVersion(found: node.scalarText ?? "…"), at: node.position)
            }
        } else {
            missing(top, "version")
        }
        let name = requiredText(top, "name")
        let authority = optionalText(top, "authority") ?? ""
        let sector = optionalText(top, "sector") ?? ""
        let mode = top["mode"].flatMap { choice($0, path: "mode", as: Mode.self) } ?? .resident

        var calendar = CalendarSettings(start: CivilDate(dayNumber: 0))
        if let node = top["calendar"] {
            calendar = decodeCalendar(node)
        } else {
            missing(top, "calendar")
        }
        let rules = top["rules"].map { decodeRules($0) } ?? Rules()
        let objective = top["objective"].map { decodeObjective($0) } ?? ObjectiveWeights()

        var units: [UnitDraft]?
        if let node = top["units"] {
            units = decodeUnits(node)
        } else {
            missing(top, "units")
        }
        var people: [PersonDraft] = []
        if let node = top["people"] {
            people = decodePeople(node)
        } else {
            missing(top, "people")
        }
        let history = top["history"].map { decodeHistory($0) } ?? []
        let pins = top["pins"].map { decodePins($0, terms: calendar.terms) } ?? []
        let forbid = top["forbid"].map { decodeForbid($0) } ?? []

        let finalUnits = checkUnits(units, rules: rules, mode: mode)
        checkPeople(people, units: finalUnits)
        checkReferences(history: history, pins: pins, forbid: forbid, units: finalUnits, people: people)

        guard !hasErrors, let name else { return nil }
        return Scenario(
            version: 1, name: name, authority: authority, sector: sector, mode: mode,
            calendar: calendar, rules: rules, objective: objective, units: finalUnits,
            people: people.map(\.person), history: history.map(\.term), pins: pins.map(\.pin),
            forbid: forbid.map(\.forbid))
    }

    // MARK: calendar

    private mutating func decodeCalendar(_ node: Node) -> CalendarSettings {
        var calendar = CalendarSettings(start: CivilDate(dayNumber: 0))
        guard let f = fields(node, path: "calendar", allowed: Self.calendarKeys) else { return calendar }
        if let n = f["start"] {
            if let d = date(n, path: f.path("start")) {
                calendar.start = d
                planStart = d
            }
        } else {
            missing(f, "start")
        }
        func bounded(_ key: String, _ bound: NumberBound, _ apply: (Int) -> Void) {
            if let n = f[key], let v = int(n, path: f.path(key), bound: bound) { apply(v) }
        }
        bounded("termMonths", .between(1, 12)) { calendar.termMonths = $0 }
        bounded("terms", .between(1, 8)) { calendar.terms = $0 }
        bounded("handoverDays", .between(0, 30)) { calendar.handoverDays = $0 }
        bounded("reportDay", .between(1, 31)) { calendar.reportDay = $0 }
        bounded("visitsPerMonth", .between(1, 31)) { calendar.visitsPerMonth = $0 }
        bounded("minVisitGapDays", .between(0, 365)) { calendar.minVisitGapDays = $0 }

        if let n = f["holidays"], let items = list(n, path: f.path("holidays")) {
            calendar.holidays = items.compactMap { dateOrRange($0.node, path: $0.path) }
        }
        if let n = f["workdays"], let items = list(n, path: f.path("workdays")) {
            calendar.workdays = items.compactMap { dateOrRange($0.node, path: $0.path) }
        }
        if let n = f["official"] {
            // Only mainland China's calendar is known; a choice keeps room for more.
            calendar.official = choice(n, path: f.path("official"), as: OfficialCalendar.self)?.rawValue
        }
        if let n = f["events"], let items = list(n, path: f.path("events")) {
            for item in items {
                guard let e = fields(item.node, path: item.path, allowed: Self.eventKeys) else { continue }
                var day: CivilDate?
                if let d = e["date"] {
                    day = date(d, path: e.path("date"))
                } else {
                    missing(e, "date")
                }
                let title = requiredText(e, "title")
                if let day, let title { calendar.events.append(CalendarEvent(date: day, title: title)) }
            }
        }
        if let n = f["reportDue"], let pairs = dataMapping(n, path: f.path("reportDue")) {
            for pair in pairs {
                let path = join(f.path("reportDue"), pair.key)
                guard Self.isMonthKey(pair.key) else {
                    error(.badMonthKey(path: f.path("reportDue"), key: pair.key), at: pair.keyNode.position)
                    continue
                }
                if let d = date(pair.value, path: path) { calendar.reportDue[pair.key] = d }
            }
        }
        return calendar
    }

    /// One `holidays` or `workdays` entry: a date, or `A..B` with B not before A.
    private mutating func dateOrRange(_ node: Node, path: String) -> DateRange? {
        guard let text = node.scalarText, !node.isNull else {
            error(.wrongType(path: path, expected: .dateOrRange, found: node.found), at: node.position)
            return nil
        }
        let parts = text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard Self.looksLikeDate(text.trimmingSpaces()) else {
                error(.badDateOrRange(path: path, text: text), at: node.position)
                return nil
            }
            return parseDate(text, path: path, at: node.position).map { DateRange(day: $0) }
        case 2:
            guard Self.looksLikeDate(parts[0].trimmingSpaces()), Self.looksLikeDate(parts[1].trimmingSpaces()) else {
                error(.badDateOrRange(path: path, text: text), at: node.position)
                return nil
            }
            let from = parseDate(parts[0], path: path, at: node.position)
            let to = parseDate(parts[1], path: path, at: node.position)
            guard let from, let to else { return nil }
            guard from <= to else {
                error(.reversedRange(path: path, from: from.description, to: to.description), at: node.position)
                return nil
            }
            return DateRange(from: from, to: to)
        default:
            error(.badDateOrRange(path: path, text: text), at: node.position)
            return nil
        }
    }

    /// `YYYY-MM` with a real month.
    static func isMonthKey(_ key: String) -> Bool {
        let b = Array(key.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-") else { return false }
        let digits = [0, 1, 2, 3, 5, 6].map { b[$0] }
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        let month = Int(b[5] - UInt8(ascii: "0")) * 10 + Int(b[6] - UInt8(ascii: "0"))
        return (1...12).contains(month)
    }

    // MARK: rules and objective

    private mutating func decodeRules(_ node: Node) -> Rules {
        var rules = Rules()
        guard let f = fields(node, path: "rules", allowed: Self.rulesKeys) else { return rules }
        func bounded(_ key: String, _ bound: NumberBound, _ apply: (Int) -> Void) {
            if let n = f[key], let v = int(n, path: f.path(key), bound: bound) { apply(v) }
        }
        bounded("minStaff", .between(1, 50)) { rules.minStaff = $0 }
        bounded("minCycle", .between(2, 1000)) { rules.minCycle = $0 }
        bounded("pairCooldown", .between(0, 8)) { rules.pairCooldown = $0 }
        bounded("personCooldown", .between(0, 8)) { rules.personCooldown = $0 }
        bounded("maxConsecutiveTerms", .between(1, 16)) { rules.maxConsecutiveTerms = $0 }
        bounded("keepAtHome", .between(0, 1000)) { rules.keepAtHome = $0 }
        bounded("maxSitesPerPerson", .between(1, 100)) { rules.maxSitesPerPerson = $0 }
        if let n = f["structure"] {
            if let v = choice(n, path: f.path("structure"), as: Structure.self) {
                rules.structure = v
            } else {
                structureUnread = true
            }
        }
        if let n = f["mutualPairs"], let v = choice(n, path: f.path("mutualPairs"), as: Permission.self) {
            rules.mutualPairs = v
        }
        if let n = f["sameGroup"], let v = choice(n, path: f.path("sameGroup"), as: Permission.self) {
            rules.sameGroup = v
        }
        if let n = f["requireQualified"], let v = bool(n, path: f.path("requireQualified")) {
            rules.requireQualified = v
        }
        if let n = f["maxDistanceKm"] {
            rules.maxDistanceKm = double(n, path: f.path("maxDistanceKm"), bound: .above(0))
        }
        return rules
    }

    /// Weights up to a million: a weight times kilometres, people and terms must stay a
    /// finite cost the solver can take (`distance: 1e308` made an infinite coefficient).
    static let weightBound = NumberBound.between(0, 1_000_000)

    private mutating func decodeObjective(_ node: Node) -> ObjectiveWeights {
        var weights = ObjectiveWeights()
        guard let f = fields(node, path: "objective", allowed: Self.objectiveKeys) else { return weights }
        if let n = f["distance"], let v = double(n, path: f.path("distance"), bound: Self.weightBound) {
            weights.distance = v
        }
        if let n = f["fairness"], let v = double(n, path: f.path("fairness"), bound: Self.weightBound) {
            weights.fairness = v
        }
        if let n = f["change"], let v = double(n, path: f.path("change"), bound: Self.weightBound) {
            weights.change = v
        }
        return weights
    }
}

/// The official calendars `calendar.official` may name.
enum OfficialCalendar: String, CaseIterable {
    /// Mainland China (国务院放假安排).
    case cn
}
