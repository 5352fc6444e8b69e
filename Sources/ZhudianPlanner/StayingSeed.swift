import MIPModel
import ZhudianCore

/// A first roster where people may stay on (ring or cycles with `pairCooldown: 0`): the links
/// of one term of the rotating roster (``RotatingSeed``) kept in every term, and the people
/// chosen by GLPK over the people model with those links fixed.
///
/// Why: where people stay on, the rotating roster pays twice over. Each term's links must
/// differ from the last term's, so only one term can have the shortest tour; and whoever
/// served a term (with handover days) can serve the next one only by staying at the same
/// site, which rotation forbids, so the next team comes from the unit's dearer people (the
/// fairness term). On peer row 36 (ring 100 × 2) the rotating roster is 13 002.50, of which
/// 10 740 is fairness; with one tour kept in both terms a unit may keep its cheapest people
/// for two terms, and the fairness alone falls to about 9 880. With the links fixed, the
/// people of each unit are a small problem of their own, which GLPK solves at once.
///
/// The roster is a point of the people model over the rotating seed's links plus the kept
/// ones, costed by that model: its cost is the people model's by construction.
enum StayingSeed {
    /// The share of the time left that the fixed solves may take together.
    static let timeShare = 0.1

    /// The cheapest roster over the rotating roster's links of one term kept in every term
    /// (each term's links tried in turn), or nil when the rules let nobody stay on, the plan
    /// has one term, or no such fixing can be staffed within the time.
    ///
    /// - Throws: ``ModelError`` or ``Failure``: bugs.
    static func find(
        solver: any MIPSolver, ctx: PlanContext, options: PlanOptions, part: Set<Int>?,
        deadline: ContinuousClock.Instant?, from rotating: PersonSeed
    ) throws -> PersonSeed? {
        guard ctx.terms > 1, ctx.scenario.rules.maxConsecutiveTerms >= 2 else { return nil }
        let began = ContinuousClock.now
        let own = secondsLeft(until: deadline).map { began + .limit(seconds: $0 * timeShare) }
        var best: PersonSeed?
        var tried: [String] = []
        for kept in keptLinks(rotating.placements, ctx) {
            var links = rotating.links
            links.insert(rings: kept)
            guard let found = try staffed(solver, ctx, options, part, own, links: links, fixed: kept) else {
                tried.append("none")
                continue
            }
            tried.append("\(found.objective)")
            if best.map({ found.beats($0.objective) }) ?? true { best = found }
        }
        guard let best else { return nil }
        let seconds = String(format: "%.3f", (ContinuousClock.now - began).seconds)
        let note = "people seed: one term's rotating links kept in every term, \(best.objective) in \(seconds) s "
            + "(per term kept: \(tried.joined(separator: ", "))); \(best.links.count) candidate links"
        return PersonSeed(
            placements: best.placements, objective: best.objective, valuesByName: best.valuesByName, note: note,
            links: best.links)
    }

    /// Per term `k` of the roster, its links `(from, to)` repeated in every term (index 1…T,
    /// 0 empty, as ``PersonLinks/insert(rings:)`` takes them); equal repetitions once.
    static func keptLinks(_ placements: [Placement], _ ctx: PlanContext) -> [[[(from: Int, to: Int)]]] {
        var seen: Set<[Int]> = []
        var out: [[[(from: Int, to: Int)]]] = []
        let units = ctx.scenario.units.count
        for k in 1..<(ctx.terms + 1) {
            let keys = Set(placements.filter { $0.term == k }.map { ctx.home($0.person) * units + $0.site }).sorted()
            guard !keys.isEmpty, seen.insert(keys).inserted else { continue }
            let term = keys.map { (from: $0 / units, to: $0 % units) }
            out.append([[]] + Array(repeating: term, count: ctx.terms))
        }
        return out
    }

    /// GLPK's roster of the people model over `links` with the links of `fixed` set to 1
    /// (so only the people are chosen), within `deadline`; nil when it finds none.
    private static func staffed(
        _ solver: any MIPSolver, _ ctx: PlanContext, _ options: PlanOptions, _ part: Set<Int>?,
        _ deadline: ContinuousClock.Instant?, links: PersonLinks, fixed: [[(from: Int, to: Int)]]
    ) throws -> PersonSeed? {
        let built = try PersonFormulation.build(ctx, options: options, elastic: false, part: part, links: links)
        var model = built.model
        let column = Dictionary(
            uniqueKeysWithValues: model.variables.enumerated().filter { $0.element.name.hasPrefix("y_") }
                .map { ($0.element.name, $0.offset) })
        for (k, term) in fixed.enumerated() {
            for link in term {
                // A link nobody may take has no column: no roster keeps it.
                guard let j = column["y_\(link.from)_\(link.to)_\(k)"] else { return nil }
                try model.setBounds(Variable(index: j), lower: 1, upper: 1)
            }
        }
        let hooks = SolveHooks(
            separator: built.cycleCuts.isEmpty ? nil : { point, _ in built.separate(point) },
            shouldStop: options.shouldStop)
        let result = solver.solve(
            model, options: SolveOptions(timeLimit: secondsLeft(until: deadline), relativeGap: options.relativeGap),
            hooks: hooks)
        if case .failed(let why) = result.termination { throw Failure(why: why) }
        guard let values = result.values, let objective = result.objective else { return nil }
        var byName: [String: Double] = [:]
        for (i, v) in built.model.variables.enumerated() where values[i] != 0 { byName[v.name] = values[i] }
        return PersonSeed(
            placements: built.decode(values), objective: objective, valuesByName: byName, note: "", links: links)
    }

    /// A fixed solve that failed: a bug.
    struct Failure: Error, CustomStringConvertible {
        let why: String
        var description: String { "staying seed: \(why)" }
    }
}
