import ZhudianCore

/// How the diff renderers name units and people: by the scenario's short names when it is
/// known (`双顶山矿`, `王强（SDS-01）`), by id otherwise.
struct DiffNames {
    let scenario: Scenario?
    let language: Language

    func unit(_ id: String) -> String { scenario?.unit(id)?.displayName ?? id }

    func person(_ id: String) -> String {
        guard let name = scenario?.person(id)?.name else { return id }
        return language == .zh ? "\(name)（\(id)）" : "\(name) (\(id))"
    }

    /// Sites of a move; "—"/"未安排" for none.
    func sites(_ ids: [String]) -> String {
        ids.isEmpty ? (language == .zh ? "未安排" : "not placed") : ids.map(unit).joined(separator: ", ")
    }

    /// `A → B → C → A | D → E → D`, or the links one by one when they are not cycles.
    func links(_ ring: [[String]]?, _ links: [Link]) -> String {
        if links.isEmpty { return "—" }
        guard let ring else { return links.map(link).joined(separator: ", ") }
        return ring.map { cycle in (cycle + [cycle[0]]).map(unit).joined(separator: " → ") }.joined(separator: " | ")
    }

    func link(_ l: Link) -> String { "\(unit(l.from)) → \(unit(l.to))" }
}
