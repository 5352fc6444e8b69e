import Foundation
import ZhudianCore

/// One term's cross-assignment as inline SVG: enterprises by short name, an arrow from the
/// sending unit to the site for every link; mutual pairs (A⇄B) in red, links inside one group
/// dashed orange, sites left without a team in red.
///
/// Up to ``RingSVG/singleCircleLimit`` units stand around one circle, ring neighbours side by
/// side. Beyond that one circle is unreadable, so each cycle (or open chain) gets its own
/// block: a small circle when short, else a serpentine of rows that reads like text, the
/// closing link named at its end.
///
/// - Complexity: O(links + units).
enum RingSVG {
    static let singleCircleLimit = 40
    static let width = 720.0

    struct Style {
        let colour: String
        let marker: String
        let dashed: Bool
    }

    static func svg(term: RosterTerm, facts: RosterFacts) -> String {
        let chains = LinkChains.chains(term.links)
        var order: [String] = []
        var seen = Set<String>()
        for chain in chains {
            for l in chain { for u in [l.from, l.to] where seen.insert(u).inserted { order.append(u) } }
        }
        let idle = facts.siteIDs.filter { !seen.contains($0) }
        // A site no team goes to is an empty post, whether or not its own team went out.
        let received = Set(term.links.map(\.to))
        let uncovered = facts.siteIDs.filter { !received.contains($0) }
        let prefix = "r\(term.term)"
        if order.count + idle.count <= singleCircleLimit {
            return circle(order + idle, links: term.links, idle: Set(uncovered), facts: facts, prefix: prefix)
        }
        return blocks(chains, idle: uncovered, links: term.links, facts: facts, prefix: prefix)
    }

    static func style(_ link: Link, _ links: Set<Link>, _ facts: RosterFacts, prefix: String) -> Style {
        if links.contains(Link(from: link.to, to: link.from)) {
            return Style(colour: "#c62828", marker: prefix + "m", dashed: false)
        }
        if let g = facts.unit(link.from)?.group, g == facts.unit(link.to)?.group {
            return Style(colour: "#e08a00", marker: prefix + "g", dashed: true)
        }
        return Style(colour: "#3a5f8f", marker: prefix + "a", dashed: false)
    }

    /// All units around one circle.
    static func circle(_ units: [String], links: [Link], idle: Set<String>, facts: RosterFacts, prefix: String) -> String {
        let n = max(units.count, 1)
        let radius = max(110, Double(n) * 64 / (2 * Double.pi))
        // Room for labels of up to eight characters left and right, one line above and below.
        let w = 2 * radius + 240
        let h = 2 * radius + 60
        let (cx, cy) = (w / 2, h / 2)
        var pos: [String: (Double, Double, Double)] = [:]
        for (i, u) in units.enumerated() {
            let a = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(n)
            pos[u] = (cx + radius * cos(a), cy + radius * sin(a), a)
        }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ring\" viewBox=\"0 0 \(SVGText.f(w)) \(SVGText.f(h))\" width=\"\(SVGText.f(min(w, width)))\" role=\"img\">"
        s += SVGText.markers(prefix)
        let all = Set(links)
        for l in links.sorted() {
            guard let a = pos[l.from], let b = pos[l.to] else { continue }
            s += arrow(from: (a.0, a.1), to: (b.0, b.1), style: style(l, all, facts, prefix: prefix),
                       bend: all.contains(Link(from: l.to, to: l.from)) ? 0.18 : 0, gap: 9)
        }
        for u in units {
            guard let p = pos[u] else { continue }
            let red = idle.contains(u)
            s += "<circle cx=\"\(SVGText.f(p.0))\" cy=\"\(SVGText.f(p.1))\" r=\"6\" fill=\"\(red ? "#c62828" : "#3a5f8f")\"/>"
            let lx = cx + (radius + 14) * cos(p.2)
            let ly = cy + (radius + 14) * sin(p.2) + 4
            let anchor = abs(cos(p.2)) < 0.2 ? "middle" : (cos(p.2) > 0 ? "start" : "end")
            s += SVGText.text(facts.shortName(u) + (red ? "（空岗）" : ""), x: lx, y: ly, anchor: anchor, size: 12,
                              fill: red ? "#c62828" : "#222")
        }
        return s + "</svg>"
    }

    /// A straight or bent arrow between two points, stopped `gap` short of both ends.
    static func arrow(from a: (Double, Double), to b: (Double, Double), style: Style, bend: Double, gap: Double) -> String {
        let dx = b.0 - a.0, dy = b.1 - a.1
        let len = max(sqrt(dx * dx + dy * dy), 1)
        let ux = dx / len, uy = dy / len
        let p = (a.0 + ux * gap, a.1 + uy * gap)
        let q = (b.0 - ux * gap, b.1 - uy * gap)
        let dash = style.dashed ? " stroke-dasharray=\"5 3\"" : ""
        let common = " fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"1.6\"\(dash) marker-end=\"url(#\(style.marker))\""
        if bend == 0 {
            return "<line x1=\"\(SVGText.f(p.0))\" y1=\"\(SVGText.f(p.1))\" x2=\"\(SVGText.f(q.0))\" y2=\"\(SVGText.f(q.1))\"\(common)/>"
        }
        // Bend to the left of the direction, so A→B and B→A become two separate arcs.
        let mx = (p.0 + q.0) / 2 - uy * len * bend
        let my = (p.1 + q.1) / 2 + ux * len * bend
        return "<path d=\"M\(SVGText.f(p.0)),\(SVGText.f(p.1)) Q\(SVGText.f(mx)),\(SVGText.f(my)) \(SVGText.f(q.0)),\(SVGText.f(q.1))\"\(common)/>"
    }

    /// City size: one block per cycle or chain, stacked; short ones as small circles side by side.
    static func blocks(_ chains: [[Link]], idle: [String], links: [Link], facts: RosterFacts, prefix: String) -> String {
        let all = Set(links)
        var body = ""
        var y = 10.0
        var x = 0.0
        var rowHeight = 0.0
        // Three short cycles a row: room for a label of six characters on either side.
        let cell = 240.0
        func newRow() {
            if x > 0 { y += rowHeight; x = 0; rowHeight = 0 }
        }
        for (i, chain) in chains.enumerated() {
            if chain.count <= 6 && LinkChains.isCycle(chain) {
                if x + cell > width { newRow() }
                body += smallCircle(chain, index: i + 1, origin: (x, y), size: cell, all: all, facts: facts, prefix: prefix)
                x += cell
                rowHeight = max(rowHeight, 140)
            } else {
                newRow()
                let (part, height) = serpentine(chain, index: i + 1, top: y, all: all, facts: facts, prefix: prefix)
                body += part
                y += height
            }
        }
        newRow()
        if !idle.isEmpty {
            body += SVGText.text("未派驻（空岗）：", x: 4, y: y + 16, size: 12, fill: "#c62828", weight: "bold")
            y += 22
            var col = 0
            for u in idle {
                body += SVGText.text(facts.shortName(u), x: 4 + Double(col) * 120, y: y + 14, size: 12, fill: "#c62828")
                col += 1
                if col == 6 { col = 0; y += 18 }
            }
            y += 24
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ring\" viewBox=\"0 0 \(SVGText.f(width)) \(SVGText.f(y + 10))\" width=\"\(SVGText.f(width))\" role=\"img\">"
            + SVGText.markers(prefix) + body + "</svg>"
    }

    static func smallCircle(_ chain: [Link], index: Int, origin: (Double, Double), size: Double, all: Set<Link>,
                            facts: RosterFacts, prefix: String) -> String {
        let units = chain.map(\.from)
        let n = Double(units.count)
        let r = 42.0
        let cx = origin.0 + size / 2, cy = origin.1 + 74
        var pos: [String: (Double, Double, Double)] = [:]
        for (i, u) in units.enumerated() {
            let a = -Double.pi / 2 + 2 * Double.pi * Double(i) / n
            pos[u] = (cx + r * cos(a), cy + r * sin(a), a)
        }
        var s = SVGText.text("环 \(index)", x: origin.0 + 6, y: origin.1 + 14, size: 11, fill: "#666")
        for l in chain {
            guard let a = pos[l.from], let b = pos[l.to] else { continue }
            s += arrow(from: (a.0, a.1), to: (b.0, b.1), style: style(l, all, facts, prefix: prefix),
                       bend: all.contains(Link(from: l.to, to: l.from)) ? 0.2 : 0, gap: 7)
        }
        for u in units {
            guard let p = pos[u] else { continue }
            s += "<circle cx=\"\(SVGText.f(p.0))\" cy=\"\(SVGText.f(p.1))\" r=\"4.5\" fill=\"#3a5f8f\"/>"
            let lx = cx + (r + 10) * cos(p.2), ly = cy + (r + 10) * sin(p.2) + 4
            let anchor = abs(cos(p.2)) < 0.2 ? "middle" : (cos(p.2) > 0 ? "start" : "end")
            s += SVGText.text(facts.shortName(u), x: lx, y: ly, anchor: anchor, size: 11)
        }
        return s
    }

    /// A long cycle or chain as rows of six units, snaking left to right then right to left;
    /// a closing cycle names its first unit at the end.
    static func serpentine(_ chain: [Link], index: Int, top: Double, all: Set<Link>, facts: RosterFacts,
                           prefix: String) -> (String, Double) {
        let perRow = 6
        let step = width / Double(perRow)
        var units = chain.map(\.from)
        if let last = chain.last, !LinkChains.isCycle(chain) { units.append(last.to) }
        var s = SVGText.text("\(LinkChains.isCycle(chain) ? "环" : "链") \(index)（\(units.count) 家）", x: 4, y: top + 14,
                             size: 11, fill: "#666")
        // Odd rows run right to left, so a row's last unit links straight down to the next.
        func point(_ i: Int) -> (Double, Double) {
            let row = i / perRow
            let col = row % 2 == 0 ? i % perRow : perRow - 1 - i % perRow
            return (step * Double(col) + 14, top + 34 + Double(row) * 34)
        }
        for (i, l) in chain.enumerated() where i + 1 < units.count {
            s += arrow(from: point(i), to: point(i + 1), style: style(l, all, facts, prefix: prefix), bend: 0, gap: 7)
        }
        for (i, u) in units.enumerated() {
            let p = point(i)
            s += "<circle cx=\"\(SVGText.f(p.0))\" cy=\"\(SVGText.f(p.1))\" r=\"4.5\" fill=\"#3a5f8f\"/>"
            s += SVGText.text(facts.shortName(u), x: p.0 + 8, y: p.1 - 6, size: 11)
        }
        let rows = (units.count + perRow - 1) / perRow
        if LinkChains.isCycle(chain), let first = units.first {
            let p = point(units.count - 1)
            let right = p.0 > width / 2
            s += SVGText.text("→ \(facts.shortName(first))（回到起点）", x: right ? width - 4 : p.0 + 8, y: p.1 + 16,
                              anchor: right ? "end" : "start", size: 10, fill: "#3a5f8f")
        }
        return (s, 34 + Double(rows) * 34 + 8)
    }
}
