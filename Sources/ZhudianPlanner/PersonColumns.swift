import MIPModel
import ZhudianCore

/// The full people model of a part, indexed for column generation (``PricedPersonSolve``):
/// which rows hold each column, which link (unit, site, term) each person and link column
/// belongs to, and the model restricted to a chosen set of links.
///
/// The restricted model is the full model with every column of the links left out fixed at
/// 0: each full row that holds a chosen column keeps its chosen part, with its own name and
/// bounds. So its LP duals, with 0 on the rows it lacks, are a dual point of the full model,
/// and pricing the left-out columns reads their coefficients off the full model's own rows
/// (``PersonPricing``) — no row family is priced by a second copy of its formula.
struct PersonColumns {
    /// The full people model of the part.
    let full: BuiltModel
    /// A link: sending unit, site, term.
    struct Link: Hashable, Comparable {
        let unit: Int
        let site: Int
        let term: Int

        static func < (a: Link, b: Link) -> Bool { (a.term, a.unit, a.site) < (b.term, b.unit, b.site) }
    }
    /// Links in a fixed order (term, unit, site); a link's number is its index here.
    let links: [Link]
    /// Link number by link.
    let linkNumber: [Link: Int]
    /// Columns of each link: its y column first (when it has one), then its x columns.
    let columnsOfLink: [[Int]]
    /// The y column of each link, or -1.
    let linkColumn: [Int]
    /// The link of each column, -1 for columns of no link (fairness steps), which every
    /// restricted model keeps.
    let linkOf: [Int]
    /// The person of each person column `x[p,v,k]`, -1 for other columns.
    let personOf: [Int]
    /// Rows holding each column, with the coefficient (the full model's columns, transposed).
    let rowsOf: [[(row: Int, coefficient: Double)]]
    /// Each link's own rows (rows holding only its columns) of the shapes pricing reads.
    let shapes: [LinkShape]

    /// The rows of one link that hold nothing else and bind at 0, by shape (``PersonPricing``).
    struct LinkShape {
        /// Person columns a row `x ≤ 0` or their upper bound holds at 0.
        var excluded: Set<Int> = []
        /// Person columns a row `x − y ≤ 0` holds.
        var linked: Set<Int> = []
        /// `Σ x − need·y = 0` (ring, cycles: the team).
        var team: (members: Set<Int>, need: Double)?
        /// `Σ x − need·y ≤ 0` (free: the team cap).
        var cap: (members: Set<Int>, need: Double)?
        /// Whether a roster that uses the link with none of its people stays a roster, at no
        /// more cost, without it: the link column costs ≥ 0 and every row holding it lets it
        /// fall to 0 when its people are 0 (free placement: `x ≤ y`, the cap, mutual pairs,
        /// the pair cooldown). Then only rosters that send someone over the link need its floor.
        var droppable = true

        /// Reads `row` into the shape when it is one of the four; any other row is left out
        /// (pricing without it is weaker, never wrong).
        mutating func read(_ row: Constraint, linkColumn y: Int) {
            let terms = row.expression.terms
            let people = terms.filter { $0.variable.index != y }
            let link = terms.first { $0.variable.index == y }?.coefficient
            guard row.upper == 0, people.allSatisfy({ $0.coefficient == 1 }), !people.isEmpty else { return }
            let members = Set(people.map(\.variable.index))
            guard let c = link else {
                if people.count == 1 { excluded.formUnion(members) }
                return
            }
            if c == -1 && people.count == 1 && row.lower == -.infinity {
                linked.formUnion(members)
            } else if c < 0 && row.lower == 0 && team == nil {
                team = (members, -c)
            } else if c < 0 && row.lower == -.infinity && cap == nil {
                cap = (members, -c)
            }
        }
    }

    /// Indexes `full`, whose columns are named `x_p_v_k`, `y_u_v_k` (PersonFormulation) or
    /// belong to no link.
    ///
    /// - Throws: ``PersonColumns/Failure`` when a person column names a link that has no link
    ///   column: the model is not the one this index was written for (a bug).
    init(_ full: BuiltModel, ctx: PlanContext) throws(Failure) {
        self.full = full
        let model = full.model
        var keyOf = [Link?](repeating: nil, count: model.variableCount)
        var isLinkColumn = [Bool](repeating: false, count: model.variableCount)
        var person = Array(repeating: -1, count: model.variableCount)
        for (j, v) in model.variables.enumerated() {
            guard let (kind, a, site, term) = Self.parse(v.name) else { continue }
            if kind == "y" {
                keyOf[j] = Link(unit: a, site: site, term: term)
                isLinkColumn[j] = true
            } else {
                keyOf[j] = Link(unit: ctx.home(a), site: site, term: term)
                person[j] = a
            }
        }
        personOf = person
        links = Set(keyOf.compactMap { $0 }).sorted()
        var number: [Link: Int] = [:]
        for (i, l) in links.enumerated() { number[l] = i }
        linkNumber = number
        var columns = Array(repeating: [Int](), count: links.count)
        var yColumn = Array(repeating: -1, count: links.count)
        var of = Array(repeating: -1, count: model.variableCount)
        for j in model.variables.indices {
            guard let key = keyOf[j], let i = number[key] else { continue }
            of[j] = i
            if isLinkColumn[j] { yColumn[i] = j } else { columns[i].append(j) }
        }
        for i in links.indices {
            guard yColumn[i] >= 0 else { throw Failure(why: "link \(links[i]) has person columns but no link column") }
            columns[i].insert(yColumn[i], at: 0)
        }
        columnsOfLink = columns
        linkColumn = yColumn
        linkOf = of
        var transposed = Array(repeating: [(row: Int, coefficient: Double)](), count: model.variableCount)
        for (i, row) in model.constraints.enumerated() {
            for term in row.expression.terms { transposed[term.variable.index].append((i, term.coefficient)) }
        }
        rowsOf = transposed
        var shapes = Array(repeating: LinkShape(), count: links.count)
        for row in model.constraints {
            guard let first = row.expression.terms.first else { continue }
            let i = of[first.variable.index]
            if i >= 0, row.expression.terms.allSatisfy({ of[$0.variable.index] == i }) {
                shapes[i].read(row, linkColumn: yColumn[i])
            }
            for term in row.expression.terms where isLinkColumn[term.variable.index] {
                let own = i >= 0 && row.expression.terms.allSatisfy { of[$0.variable.index] == i }
                if !Self.letsFall(row, coefficient: term.coefficient, own: own) { shapes[of[term.variable.index]].droppable = false }
            }
        }
        for i in links.indices where model.variables[yColumn[i]].objective < 0 { shapes[i].droppable = false }
        // A column whose upper bound is 0 is held there as by a row `x ≤ 0` (`hcool` written as
        // a bound, ``RowSink/addHistoryCooldown(_:singlesAsBounds:col:)``).
        for i in links.indices {
            for j in columns[i].dropFirst() where model.variables[j].upper == 0 { shapes[i].excluded.insert(j) }
        }
        self.shapes = shapes
    }

    /// Whether `row` still holds when a link column with `coefficient` in it falls to 0 with
    /// its people: a row of the link's own holds at 0 when 0 is within its bounds; any other
    /// row when the fall can only move it away from a bound it has.
    static func letsFall(_ row: Constraint, coefficient a: Double, own: Bool) -> Bool {
        if own { return row.lower <= 0 && row.upper >= 0 }
        return a > 0 ? row.lower == -.infinity : row.upper == .infinity
    }

    /// `(kind, person or unit, site, term)` of a column named `x_p_v_k` or `y_u_v_k`.
    static func parse(_ name: String) -> (String, Int, Int, Int)? {
        let parts = name.split(separator: "_")
        guard parts.count == 4, parts[0] == "x" || parts[0] == "y", let a = Int(parts[1]), let v = Int(parts[2]),
            let k = Int(parts[3])
        else { return nil }
        return (String(parts[0]), a, v, k)
    }

    /// The index is not of a people model: a bug.
    struct Failure: Error, CustomStringConvertible {
        let why: String
        var description: String { "people pricing: \(why)" }
    }
}
