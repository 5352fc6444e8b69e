/// The priced teams model's heuristic blossom rounds for cycles: they stop once they tail off,
/// by the rule the odd-cut rounds of rings follow (``PricedTeamSolve/oddCutsTailedOff(_:window:gain:)``).
struct BlossomRounds {
    /// Over how many rounds, and below which relative gain, they count as tailed off.
    let tail: (window: Int, gain: Double)
    /// The LP values of the current run of cut rounds, the first the LP before its first cut.
    private(set) var values: [Double] = []
    private(set) var tailed = false
    /// The cut rounds measured in all, over every run.
    private(set) var rounds = 0

    init(tail: (window: Int, gain: Double)) {
        self.tail = tail
    }

    /// Records an LP's value; `afterCuts`: the round before it added cut rows, so the value
    /// continues the current run (else links entered, which may lower the value: a new run
    /// starts). True when the blossom rounds tail off with it.
    mutating func record(_ value: Double, afterCuts: Bool) -> Bool {
        guard !tailed else { return false }
        if afterCuts { rounds += 1 } else { values = [] }
        values.append(value)
        tailed = PricedTeamSolve.oddCutsTailedOff(values, window: tail.window, gain: tail.gain)
        return tailed
    }
}

extension PricedTeamSolve {
    /// Why cycles' blossom rounds stop once they tail off: cycles 300 × 2 (peer row 41) took 64
    /// rounds of 2–24 heuristic blossom rows, `L` +0.1–0.5 a round over the last 40 (10 s at
    /// load 4). Then the rounds add subtour rows and price as before and end once nothing prices
    /// out: the LP has fewer cut rows, all valid, and every left-out link prices out at its
    /// duals, so its value is still a bound on the full model. The search's own blossom rows
    /// (``Blossoms/lazyRows(_:term:)``) are unchanged. Rings keep every heuristic blossom round
    /// (their odd-cut rounds tail off instead, ``OddCutRounds``).
    static let blossomWindow = oddCutWindow
    /// The relative gain below which blossom rounds count as tailed off.
    static let blossomGain = oddCutGain
}
