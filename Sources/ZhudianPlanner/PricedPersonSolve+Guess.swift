/// The first priced MIP takes the links that could beat a guessed roster.
///
/// After the LP rounds converge, the proof rounds of ``PricedPersonSolve`` add every left-out
/// link whose floor `L + floor` is below the MIP's optimum `Z` and solve again. Where the seed
/// is far above `L`, every link could beat it, so the first MIP runs over the LP's links only,
/// and a second one over the links that could beat its optimum. A guess `g = L + share·|L|`
/// (``GuessedGap/share`` of the LP bound, as the full model's guessed search makes) brings
/// every link with `L + floor < g` into the first MIP: when its optimum `Z` is at most `g`, no
/// left-out link can beat it and that one MIP proves it; when `Z > g` the proof rounds go on as
/// before. The guess therefore never changes what is proven, only how many MIPs it takes.
///
/// Why: peer row 21 (free 29 × 2, staying on) took a second MIP for 40 links left out of the
/// first (docs/FORMULATION.md, "The priced people model, twelfth round").
extension PricedPersonSolve {
    /// The guessed links join only when they are at most this many times the LP's links.
    /// Measured at 30 s (docs/FORMULATION.md, same section): at peer row 21, 113 more links
    /// against the LP's 506; at rows 33, 39 and 44 (free 100 × 2, 200 × 1, 300 × 1: 2.8, 1.8
    /// and 3.3 times the LP's links) the first MIP grew 2.8–4.3-fold and its roster was no
    /// better (row 44: none of its own in 23 s).
    static let guessedGrowth = 1

    /// The links left out of the LP's `lp` that could beat the guess, when they are at most
    /// ``guessedGrowth`` times the LP's links (else none); noted in the log either way.
    func joiningForGuess(_ floors: [PersonPricing.Priced], L: Double, below z: Double, lp: PersonRestriction) -> [Int] {
        let beat = guessedLinks(floors, L: L, below: z).filter { !lp.chosen[$0] }
        guard !beat.isEmpty else { return [] }
        let selected = lp.chosenCount
        let few = beat.count <= Self.guessedGrowth * selected
        note("people pricing: \(beat.count) more links could beat the guess \(GuessedGap.limit(L, share: options.guessedShare)) "
            + "(the LP's: \(selected))" + (few ? "" : ": more than \(Self.guessedGrowth) × as many, left to the proof rounds"))
        return few ? beat : []
    }

    /// Links whose floor lets them beat the guess (when it is below the roster known, `z`);
    /// none under ring and cycles (measured at peer row 36: the first MIP over the 1 892 more
    /// links did not finish its root in 19 s) or when ``PlanOptions/pricedGuess`` is off.
    func guessedLinks(_ floors: [PersonPricing.Priced], L: Double, below z: Double) -> [Int] {
        guard options.pricedGuess, ctx.scenario.rules.structure == .free else { return [] }
        let g = GuessedGap.limit(L, share: options.guessedShare)
        guard g < z else { return [] }
        return floors.filter { L + $0.value < g - Self.slack(g) }.map(\.link)
    }
}
