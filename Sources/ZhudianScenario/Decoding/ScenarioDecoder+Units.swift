internal import Yams
import ZhudianCore

/// A unit as written, before `sends`/`receives` take their defaults (which depend on `rules.structure`).
struct UnitDraft {
    var unit: Unit
    let path: String
    /// nil when the id is missing; invalid ids are kept so references to them do not cascade.
    let id: String?
    let sends: Bool?
    let receives: Bool?
}

/// A person as written, with the key path for later checks.
struct PersonDraft {
    var person: Person
    let path: String
    let id: String?
    let unit: String?
}

extension ScenarioDecoder {
    static let unitKeys = [
        "id", "name", "short", "kind", "level", "group", "town", "location", "minStaff", "sends",
        "receives", "active",
    ]
    static let locationKeys = ["lat", "lon"]
    static let personKeys = ["id", "name", "unit", "qualified", "phone", "served", "unavailable", "active"]
    static let absenceKeys = ["from", "to", "reason"]

    /// The units, or nil when `units` is not a list.
    mutating func decodeUnits(_ node: Node) -> [UnitDraft]? {
        guard let items = list(node, path: "units") else { return nil }
        var drafts: [UnitDraft] = []
        for item in items {
            guard let f = fields(item.node, path: item.path, allowed: Self.unitKeys) else {
                unitsIncomplete = true
                continue
            }
            let id = requiredID(f)
            let name = requiredText(f, "name")
            let kind = f["kind"].flatMap { choice($0, path: f.path("kind"), as: UnitKind.self) } ?? .enterprise
            let level = f["level"].flatMap { choice($0, path: f.path("level"), as: OfficeLevel.self) }
            var location: Location?
            if let n = f["location"], let l = fields(n, path: f.path("location"), allowed: Self.locationKeys) {
                let lat = coordinate(l, "lat", .between(-90, 90))
                let lon = coordinate(l, "lon", .between(-180, 180))
                if let lat, let lon { location = Location(lat: lat, lon: lon) }
            }
            let minStaff = f["minStaff"].flatMap { int($0, path: f.path("minStaff"), bound: .between(1, 50)) }
            let sends = f["sends"].flatMap { bool($0, path: f.path("sends")) }
            let receives = f["receives"].flatMap { bool($0, path: f.path("receives")) }
            let unit = Unit(
                id: id ?? "", name: name ?? "", short: optionalText(f, "short"), kind: kind, level: level,
                group: optionalText(f, "group"), town: optionalText(f, "town"), location: location,
                minStaff: minStaff, sends: sends ?? true, receives: receives,
                active: f["active"].flatMap { bool($0, path: f.path("active")) } ?? true)
            drafts.append(UnitDraft(unit: unit, path: item.path, id: id, sends: sends, receives: receives))
        }
        return drafts
    }

    private mutating func coordinate(_ f: Fields, _ key: String, _ bound: NumberBound) -> Double? {
        guard let n = f[key] else {
            missing(f, key)
            return nil
        }
        return double(n, path: f.path(key), bound: bound)
    }

    mutating func decodePeople(_ node: Node) -> [PersonDraft] {
        guard let items = list(node, path: "people") else { return [] }
        var drafts: [PersonDraft] = []
        for item in items {
            guard let f = fields(item.node, path: item.path, allowed: Self.personKeys) else {
                peopleIncomplete = true
                continue
            }
            let id = requiredID(f)
            let name = requiredText(f, "name")
            let unit = requiredText(f, "unit")
            let qualified = f["qualified"].flatMap { bool($0, path: f.path("qualified")) } ?? true
            let served = f["served"].flatMap { int($0, path: f.path("served"), bound: .between(0, 1000)) } ?? 0
            var absences: [Absence] = []
            if let n = f["unavailable"], let list = list(n, path: f.path("unavailable")) {
                absences = list.compactMap { absence($0.node, path: $0.path) }
            }
            let person = Person(
                id: id ?? "", name: name ?? "", unit: unit ?? "", qualified: qualified,
                phone: optionalText(f, "phone"), served: served, unavailable: absences,
                active: f["active"].flatMap { bool($0, path: f.path("active")) } ?? true)
            drafts.append(PersonDraft(person: person, path: item.path, id: id, unit: unit))
        }
        return drafts
    }

    private mutating func absence(_ node: Node, path: String) -> Absence? {
        guard let f = fields(node, path: path, allowed: Self.absenceKeys) else { return nil }
        let from = requiredDate(f, "from")
        let to = requiredDate(f, "to")
        let reason = optionalText(f, "reason")
        guard let from, let to else { return nil }
        guard from <= to else {
            error(
                .reversedRange(path: path, from: from.description, to: to.description),
                at: f["to"]?.position ?? f.position)
            return nil
        }
        return Absence(range: DateRange(from: from, to: to), reason: reason)
    }

    /// A required date field.
    mutating func requiredDate(_ f: Fields, _ key: String) -> CivilDate? {
        guard let n = f[key] else {
            missing(f, key)
            return nil
        }
        return date(n, path: f.path(key))
    }

    /// The `id` field: required; `[A-Za-z0-9_.-]{1,32}`. An id with bad characters
    /// is reported but still returned, so references to it are not reported again.
    private mutating func requiredID(_ f: Fields) -> String? {
        guard let id = requiredText(f, "id") else { return nil }
        if !Self.isValidID(id) {
            error(.invalidID(path: f.path("id"), id: id), at: f["id"]?.position ?? f.position)
        }
        return id
    }

    /// `[A-Za-z0-9_.-]{1,32}`.
    static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...32).contains(bytes.count) else { return false }
        return bytes.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
        }
    }
}
