/// Small helpers for the SVG the report writes by hand (coordinates, text, arrows).
enum SVGText {
    static func f(_ x: Double) -> String { Markup.coordinate(x) }

    /// `<text>` with escaped content.
    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                     fill: String = "#222", weight: String? = nil) -> String {
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        return "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)>"
            + Markup.escape(s) + "</text>"
    }

    /// The arrowhead markers every ring uses: normal, mutual pair, same group.
    /// Ids are prefixed so that several SVGs in one page never share an id.
    static func markers(_ prefix: String) -> String {
        "<defs>" + marker(prefix + "a", "#3a5f8f") + marker(prefix + "m", "#c62828") + marker(prefix + "g", "#e08a00")
            + "</defs>"
    }

    static func marker(_ id: String, _ colour: String) -> String {
        "<marker id=\"\(id)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(colour)\"/></marker>"
    }
}
