internal import Yams
import ZhudianCore

/// A history term as written, with the key paths of its stays.
struct HistoryDraft {
    var term: HistoryTerm
    let path: String
    /// Parallel to `term.stays`.
    let stayPaths: [String]
}

/// A pin as written.
struct PinDraft {
    let pin: Pin
    let path: String
}

/// A forbid entry as written.
struct ForbidDraft {
    let forbid: Forbid
    let path: String
}

extension ScenarioDecoder {
    static let historyKeys = ["start", "stays"]
    static let stayKeys = ["person", "site"]
    static let pinKeys = ["term", "unit", "person", "site"]
    static let forbidKeys = ["person", "unit", "site", "reason"]

    mutating func decodeHistory(_ node: Node) -> [HistoryDraft] {
        guard let items = list(node, path: "history") else { return [] }
        var drafts: [HistoryDraft] = []
        var previousStart: CivilDate?
        for item in items {
            guard let f = fields(item.node, path: item.path, allowed: Self.historyKeys) else { continue }
            let start = f["start"].flatMap { date($0, path: f.path("start")) }
            // Cooldowns count terms back from term 1 in the order written: an entry out of
            // order, or one that is not before the plan, would make them wrong (SPEC 1.1 §1).
            if let start {
                let place = f["start"]?.position ?? f.position
                if let planStart, start >= planStart {
                    error(.historyNotBeforePlan(path: f.path("start"), start: start.description, planStart: planStart.description), at: place)
                } else if let previousStart, start <= previousStart {
                    error(.historyOutOfOrder(path: f.path("start"), previous: previousStart.description), at: place)
                }
                previousStart = start
            }
            var stays: [HistoryStay] = []
            var paths: [String] = []
            if let n = f["stays"], let list = list(n, path: f.path("stays")) {
                for stay in list {
                    guard let s = fields(stay.node, path: stay.path, allowed: Self.stayKeys) else { continue }
                    let person = requiredText(s, "person")
                    let site = requiredText(s, "site")
                    if let person, let site {
                        stays.append(HistoryStay(person: person, site: site))
                        paths.append(stay.path)
                    }
                }
            }
            drafts.append(HistoryDraft(term: HistoryTerm(start: start, stays: stays), path: item.path, stayPaths: paths))
        }
        return drafts
    }

    mutating func decodePins(_ node: Node, terms: Int) -> [PinDraft] {
        guard let items = list(node, path: "pins") else { return [] }
        var drafts: [PinDraft] = []
        for item in items {
            guard let f = fields(item.node, path: item.path, allowed: Self.pinKeys) else { continue }
            var term: Int?
            if let n = f["term"] {
                term = int(n, path: f.path("term"), bound: .between(1, Double(terms)))
            } else {
                missing(f, "term")
            }
            let subject = self.subject(f)
            let site = requiredText(f, "site")
            if let term, let subject, let site {
                drafts.append(PinDraft(pin: Pin(term: term, subject: subject, site: site), path: item.path))
            }
        }
        return drafts
    }

    mutating func decodeForbid(_ node: Node) -> [ForbidDraft] {
        guard let items = list(node, path: "forbid") else { return [] }
        var drafts: [ForbidDraft] = []
        for item in items {
            guard let f = fields(item.node, path: item.path, allowed: Self.forbidKeys) else { continue }
            let subject = self.subject(f)
            let site = requiredText(f, "site")
            let reason = optionalText(f, "reason")
            if let subject, let site {
                drafts.append(
                    ForbidDraft(forbid: Forbid(subject: subject, site: site, reason: reason), path: item.path))
            }
        }
        return drafts
    }

    /// Exactly one of `unit` and `person`.
    private mutating func subject(_ f: Fields) -> Pin.Subject? {
        let hasUnit = f["unit"] != nil
        let hasPerson = f["person"] != nil
        guard hasUnit != hasPerson else {
            error(.needsOneSubject(path: f.path), at: f.position)
            return nil
        }
        if hasUnit { return requiredText(f, "unit").map { .unit($0) } }
        return requiredText(f, "person").map { .person($0) }
    }
}
