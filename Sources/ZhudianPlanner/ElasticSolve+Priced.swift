import Foundation
import MIPModel
import ZhudianCore

extension ElasticSolve {
    /// Both phases over priced candidate links (``PricedTeamSolve``), for teams models whose
    /// full link set is large. Nil when pricing does not pay, or when the selected links admit
    /// no point (the whole model then decides).
    ///
    /// Why: the city example's elastic model has about 44 000 link columns, and GLPK proved no
    /// least set of slacks over them in 120 s; the priced solve proves the same optimum over a
    /// few thousand links, since the LP duals price every link left out (the slacks and the
    /// cap row touch only columns every selection holds, see ``ElasticPricing``).
    func pricedSolve(_ purpose: Purpose) throws -> Outcome? {
        guard useTeams else { return nil }
        let plain = TeamBasis(ctx, elastic: true, part: part)
        guard options.pricing ?? PricedTeamSolve.worthwhile(plain) else { return nil }
        // Only the slacks count, but the stays keep their cost beneath them: with links at
        // cost 0 the LP points nowhere, and GLPK found no integer point in 120 s (the city).
        let M = 1 + Self.costBound(plain)
        let breaks: @Sendable (ElasticSlack) -> Double = { Double(Self.breaks(of: $0, purpose: purpose)) }
        var basis = plain
        basis.pricing = ElasticPricing(staysCost: true, slackCost: { M * breaks($0) }, cap: nil)
        guard let first = try pricedRun(basis, unit: M) else { return nil }
        switch first.termination {
        case .optimal, .timeLimit, .gapLimit, .stopped: break
        case .infeasible: return .notFound(.beyondRelaxedRules)
        case .failed(let why): throw ElasticFailure(detail: why)
        case .unbounded: throw ElasticFailure(detail: "unbounded (a bug)")
        }
        guard first.values != nil else { return .notFound(first.termination == .stopped ? .stopped : .timeLimit) }
        if first.broken.isEmpty { throw ElasticFailure(detail: "the elastic model breaks no rule, but the model was infeasible") }
        if first.termination == .stopped, !first.countProven { return .notFound(.stopped) }
        guard first.termination == .optimal || first.countProven else {
            do {
                return try irreducible(first.broken)
            } catch is ElasticTimeout {
                return .notFound(.timeLimit)
            }
        }
        let count = first.broken.reduce(0) { $0 + breaks($1) }
        // Phase 2: the same count; an explanation in the natural order alone (with the
        // stays' cost beneath it, the LP rounds took a minute at the city's size: ranks
        // times M are too coarse for the simplex), a best-effort roster by its cost alone.
        // Both start from phase 1's links.
        basis.pricing = purpose == .explain
            ? ElasticPricing(staysCost: false, slackCost: rank, cap: (breaks, count))
            : ElasticPricing(staysCost: true, slackCost: { _ in 0 }, cap: (breaks, count))
        if let second = try pricedRun(basis, unit: nil, seed: first.placements), second.values != nil {
            if case .failed(let why) = second.termination { throw ElasticFailure(detail: why) }
            return .found(Found(broken: second.broken, placements: second.placements, proof: .smallest))
        }
        return .found(Found(broken: first.broken, placements: first.placements, proof: .smallest))
    }

    /// More than the SPEC §3 cost of any point's stays: per term, every enterprise's dearest
    /// possible link, and every person's fairness charge for serving every term. A slack
    /// weighted by this outweighs any difference in the stays' cost.
    static func costBound(_ basis: TeamBasis) -> Double {
        let ctx = basis.ctx
        let s = ctx.scenario
        var bound = 0.0
        for u in basis.ents {
            let dearest = basis.ents.map { basis.cost(u, $0) }.max() ?? 0
            bound += dearest * Double(ctx.terms)
            for p in ctx.index.peopleOfUnit[u] {
                for r in 1...ctx.terms { bound += s.objective.fairness * (Double(s.people[p].served) + Double(r - 1)) }
            }
        }
        return bound.rounded(.up)
    }

    /// A priced solve's result with the slacks its solution breaks.
    struct PricedElastic {
        var termination: TerminationReason
        var values: [Double]?
        var objective: Double?
        var placements: [Placement]
        var broken: [ElasticSlack]
        /// The search was stopped once the slacks' part of the objective was proven least.
        var countProven = false
    }

    /// One priced solve of the elastic model over `basis`; nil when the selected links admit
    /// no point. With `unit`, the slacks cost whole multiples of `unit` and the stays less than
    /// one: the search stops once the incumbent's multiple is proven least, since the stays'
    /// cost beneath it only guides the search.
    private func pricedRun(_ basis: TeamBasis, unit: Double?, seed: [Placement] = []) throws -> PricedElastic? {
        var exact = options
        exact.relativeGap = 0
        let proven = StopFlag()
        exact.progress = nil
        if let unit {
            exact.progress = { p in
                guard let incumbent = p.incumbent, let bound = p.bound else { return }
                // Any point of multiple c − 1 or less costs below c · unit.
                let c = (incumbent / unit).rounded(.down)
                if bound > c * unit - 0.5 { proven.raise() }
            }
        }
        let outer = options.shouldStop
        exact.shouldStop = { proven.raised || (outer?() ?? false) }
        var solve = PricedTeamSolve(solver: solver, basis: basis, options: exact, deadline: deadline)
        solve.seed = seed
        guard let result = solve.run() else { return nil }
        var broken: [ElasticSlack] = []
        if let values = result.values, let model = result.model {
            let slacks = try slacksByName(basis)
            for (i, column) in model.variables.enumerated() where values[i] > 0.5 {
                if let s = slacks[column.name] { broken.append(s) }
            }
        }
        return PricedElastic(
            termination: result.termination, values: result.values, objective: result.objective,
            placements: result.placements, broken: broken, countProven: proven.raised && result.values != nil)
    }

    /// Every slack of the elastic model by column name; the names do not depend on which links
    /// a selection holds, so a model without links lists them all.
    private func slacksByName(_ basis: TeamBasis) throws -> [String: ElasticSlack] {
        let none = LinkSelection(sites: Array(repeating: Array(repeating: [], count: basis.ents.count), count: ctx.terms + 1))
        let built = try TeamFormulation.build(basis, options: options, links: none)
        var out: [String: ElasticSlack] = [:]
        for s in built.slacks { out[built.model.variables[s.variable.index].name] = s.slack }
        return out
    }

    /// Phase 2's cost of a slack in an explanation: its place in the natural order.
    private var rank: @Sendable (ElasticSlack) -> Double {
        let units = ctx.scenario.units.count
        let terms = ctx.terms
        return { Double(1 + Self.naturalRank($0, units: units, terms: terms)) }
    }
}

/// Raised once from a progress report, read by the stop poll (both on the solving thread,
/// but the closures must be Sendable).
final class StopFlag: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = false

    func raise() { lock.withLock { value = true } }

    var raised: Bool { lock.withLock { value } }
}
