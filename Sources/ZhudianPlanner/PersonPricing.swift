import MIPModel

/// Prices the links a restricted people model left out (``PersonRestriction``), from the
/// duals of its LP.
///
/// A column's reduced cost is `c_j − Σ a_ij·π_i` over the full model's rows that hold it
/// (``PersonColumns/rowsOf``) and the cycle rows found, with the restricted LP's dual on
/// each row the restricted model has and 0 on every other: the restricted model is the full
/// one with the left-out columns at 0, so that is a dual point of the full model's LP with
/// the same value. Nothing here knows a row family: a row the planner adds is priced the
/// day it is added.
///
/// A left-out link enters as a whole (its link column and its people), and what matters is
/// whether the link *with* its people can lower the LP: its own rows — `x ≤ y` (free),
/// the team cap `Σx ≤ c·y`, the team `Σx = m·y` (ring, cycles), `x ≤ 0` — hold only its
/// columns, so their duals are ours to choose. They price every column of the link at ≥ 0
/// exactly when no direction of the link's cone (`y ≥ 0` and those rows) lowers the
/// objective (Farkas): ``entering``. Any roster that uses the link pays at least the least
/// reduced cost of the link at `y = 1` with its people in [0, 1] under those rows
/// (Lagrangian duality of that small LP), and with someone among them where a link without
/// people can be dropped from any roster at no cost (free placement): ``floors()``. Rows of other shapes among a link's
/// own are left out of both, which only makes them smaller: never wrong, only weaker.
struct PersonPricing {
    let restriction: PersonRestriction
    /// Reduced cost of every full column.
    let reducedCosts: [Double]

    /// Prices every full column with the restricted LP's row duals `rowDuals` (restricted
    /// row order).
    init(_ restriction: PersonRestriction, rowDuals: [Double]) {
        let index = restriction.index
        var duals = Array(repeating: 0.0, count: index.full.model.constraintCount + restriction.cuts.count)
        for (i, r) in restriction.rowNumbers.enumerated() where i < rowDuals.count { duals[r] = rowDuals[i] }
        self.init(restriction, fullDuals: duals)
    }

    /// Prices every full column with a dual for each full row, then each cut row.
    init(_ restriction: PersonRestriction, fullDuals duals: [Double]) {
        self.restriction = restriction
        let index = restriction.index
        let full = index.full.model
        let rowCount = full.constraintCount
        reducedCosts = full.variables.indices.map { j in
            var d = full.variables[j].objective
            for (r, a) in index.rowsOf[j] { d -= a * duals[r] }
            for (c, a) in restriction.cutsOf[j] { d -= a * duals[rowCount + c] }
            return d
        }
    }

    /// A left-out link and how much it can lower the LP (``entering``) or at least adds to
    /// a roster (``floor``).
    struct Priced {
        let link: Int
        let value: Double
    }

    /// Left-out links whose cone has a direction of cost below `-tolerance`, at most
    /// `perUnit` (the most negative) per sending unit and term; empty when the LP of the
    /// restricted model is the LP of the full one.
    func entering(tolerance: Double, perUnit: Int) -> [Priced] {
        var best: [PersonColumns.Link: [Priced]] = [:]
        let index = restriction.index
        for i in index.links.indices where !restriction.chosen[i] {
            let value = linkValue(i, cone: true)
            guard value < -tolerance else { continue }
            let l = index.links[i]
            best[PersonColumns.Link(unit: l.unit, site: -1, term: l.term), default: []].append(Priced(link: i, value: value))
        }
        return best.keys.sorted().flatMap { key in
            (best[key] ?? []).sorted { ($0.value, $0.link) < ($1.value, $1.link) }.prefix(perUnit)
        }
    }

    /// The least each link adds to the LP value `L` in a roster that uses it: every such
    /// roster costs at least `L + floor` (∞ for a link no roster can staff). Left-out links
    /// by default; with the LP point `lpPoint` (a full point), every link, −∞ for those the
    /// LP uses (the bound holds for links whose columns are all at 0 in the LP, since a
    /// column at 0 has a reduced cost ≥ 0 and one at 1 ≤ 0).
    func floors(lpPoint: [Double]? = nil) -> [Priced] {
        let index = restriction.index
        return index.links.indices.compactMap { i in
            guard let point = lpPoint else {
                return restriction.chosen[i] ? nil : Priced(link: i, value: linkValue(i, cone: false))
            }
            let used = index.columnsOfLink[i].contains { point[$0] > Self.used }
            return Priced(link: i, value: used ? -.infinity : linkValue(i, cone: false))
        }
    }

    /// What every roster costs at least above the LP value when the rounds stopped before
    /// nothing priced out: with 0 on the rows of left-out links only (a dual point all the
    /// same), a roster costs at least `L + Σ d_j` over the left-out columns it uses (a chosen
    /// column with `d_j < 0` sits at its upper bound in the LP, so the roster gains nothing
    /// there that `L` has not counted).
    ///
    /// Under ring and cycles (`oneLinkPerUnitAndTerm`) a left-out link whose people are all
    /// tied to it by its team row `Σx = need·y` (``isTied(_:)``) contributes nothing when
    /// unused and at least ``linkValue(_:cone:)`` when used; a roster uses at most one link
    /// per sending unit and term (`send` = 1) and one per site and term (`recv` = 1), so the
    /// tied links together cost it at least the larger of two sums: of each unit and term's
    /// least link value, and of each site and term's (a relaxation each of the assignment
    /// the roster makes). Every other left-out column is charged by ``columnFloor(_:oneLinkPerUnitAndTerm:)``;
    /// the two parts hold disjoint columns, so their floors add.
    func unconvergedFloor(oneLinkPerUnitAndTerm: Bool) -> Double {
        let index = restriction.index
        let leftOut = index.links.indices.filter { !restriction.chosen[$0] }
        guard oneLinkPerUnitAndTerm else { return columnFloor(leftOut, oneLinkPerUnitAndTerm: false) }
        let tied = leftOut.filter(isTied)
        let tiedSet = Set(tied)
        var perUnit: [PersonColumns.Link: Double] = [:]
        var perSite: [PersonColumns.Link: Double] = [:]
        for i in tied {
            // ∞ (no team can be filled): no roster uses the link, it charges nothing.
            let value = min(0, linkValue(i, cone: false))
            let l = index.links[i]
            let unit = PersonColumns.Link(unit: l.unit, site: -1, term: l.term)
            let site = PersonColumns.Link(unit: -1, site: l.site, term: l.term)
            perUnit[unit] = min(perUnit[unit] ?? 0, value)
            perSite[site] = min(perSite[site] ?? 0, value)
        }
        // Summed in sorted order: a dictionary's order changes with each process's hash seed,
        // and a floating sum in that order would change the bound's last bits from run to run.
        let tiedFloor = max(perUnit.values.sorted().reduce(0, +), perSite.values.sorted().reduce(0, +))
        return tiedFloor + columnFloor(leftOut.filter { !tiedSet.contains($0) }, oneLinkPerUnitAndTerm: true)
    }

    /// Whether every person column of link `i` is held at 0 or in its team row `Σx = need·y`:
    /// then the link's columns are all 0 when its link column is.
    func isTied(_ i: Int) -> Bool {
        let index = restriction.index
        let shape = index.shapes[i]
        guard let team = shape.team else { return false }
        return index.columnsOfLink[i].dropFirst().allSatisfy { team.members.contains($0) || shape.excluded.contains($0) }
    }

    /// What the columns of `links` (left-out links) add at least to a roster, column by column:
    /// it places each person once per term at most and — under ring and cycles
    /// (`oneLinkPerUnitAndTerm`) — sends one team per unit and term, so the most negative
    /// reduced cost of each person and term (and unit and term) among them is the worst case.
    /// Free placement may use several links of a unit in a term: each negative link column counts.
    func columnFloor(_ links: [Int], oneLinkPerUnitAndTerm: Bool) -> Double {
        let index = restriction.index
        var worstPerson: [Int: Double] = [:]
        var worstUnit: [Int: Double] = [:]
        var linkSum = 0.0
        let stride = index.links.count + 1
        for i in links {
            let term = index.links[i].term
            for j in index.columnsOfLink[i] where reducedCosts[j] < 0 {
                let d = reducedCosts[j]
                if index.personOf[j] >= 0 {
                    let key = index.personOf[j] * stride + term
                    worstPerson[key] = min(worstPerson[key] ?? 0, d)
                } else if oneLinkPerUnitAndTerm {
                    let key = index.links[i].unit * stride + term
                    worstUnit[key] = min(worstUnit[key] ?? 0, d)
                } else {
                    linkSum += d
                }
            }
        }
        // Sorted before summing, for the same bound in every process (see unconvergedFloor).
        return worstPerson.values.sorted().reduce(0, +) + worstUnit.values.sorted().reduce(0, +) + linkSum
    }

    /// An LP value above this counts as used.
    static let used = 1e-9

    /// The least reduced cost of link `i`'s columns with its link column at 1 under its own
    /// rows: people in [0, 1] (`cone == false`), or in [0, ∞) where no `x ≤ y` row holds
    /// them (`cone`, the link's directions from 0).
    func linkValue(_ i: Int, cone: Bool) -> Double {
        let index = restriction.index
        let shape = index.shapes[i]
        let d = reducedCosts
        var value = d[index.linkColumn[i]]
        func cap(_ j: Int) -> Double { cone && !shape.linked.contains(j) ? .infinity : 1 }
        let people = index.columnsOfLink[i].dropFirst().filter { !shape.excluded.contains($0) }
        if let team = shape.team {
            let inTeam = people.filter { team.members.contains($0) }
            guard let filled = Self.fill(inTeam, need: team.need, d, cap) else { return .infinity }
            value += filled
        } else if let teamCap = shape.cap {
            let negative = people.filter { teamCap.members.contains($0) && d[$0] < 0 }
            value += Self.fill(negative, need: teamCap.need, d, cap, atMost: true) ?? 0
        }
        var tookSomeone = shape.team != nil
        for j in people where d[j] < 0 {
            tookSomeone = true
            if !(shape.team?.members.contains(j) ?? false) && !(shape.cap?.members.contains(j) ?? false) {
                value += d[j] * cap(j)
            }
        }
        // A roster's link without people can drop it at no cost (``PersonColumns/LinkShape/droppable``):
        // a roster that needs the link sends someone, the cheapest at least.
        if !cone, !tookSomeone, shape.droppable {
            guard let cheapest = people.map({ d[$0] }).min() else { return .infinity }
            value += cheapest
        }
        return value
    }

    /// The least `Σ d_j·x_j` with `Σ x_j = need` (or `≤ need` with `atMost`) and
    /// `0 ≤ x_j ≤ cap(j)`: cheapest first. Nil when `need` cannot be met.
    static func fill(
        _ columns: [Int], need: Double, _ d: [Double], _ cap: (Int) -> Double, atMost: Bool = false
    ) -> Double? {
        var left = need
        var total = 0.0
        for j in columns.sorted(by: { (d[$0], $0) < (d[$1], $1) }) where left > 0 {
            if atMost && d[j] >= 0 { break }
            let take = min(left, cap(j))
            total += take * d[j]
            left -= take
        }
        return left > 1e-9 && !atMost ? nil : total
    }
}
