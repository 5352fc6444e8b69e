/// The priced teams model's odd-cut rounds (rings): they start once nothing prices out and
/// stop once they tail off (``PricedTeamSolve/oddCutsTailedOff(_:window:gain:)``).
struct OddCutRounds {
    /// Over how many rounds, and below which relative gain, they count as tailed off.
    let tail: (window: Int, gain: Double)
    /// The LP values since they started, the first the LP before any odd cut.
    private(set) var values: [Double] = []
    private(set) var started = false
    private(set) var tailed = false

    init(tail: (window: Int, gain: Double)) {
        self.tail = tail
    }

    /// Whether a round looks for odd cuts.
    var active: Bool { started && !tailed }

    /// The odd-cut rounds measured so far.
    var rounds: Int { values.count }

    /// Nothing priced out at an LP of `value`: odd cuts start there (once).
    mutating func start(_ value: Double) {
        guard !started else { return }
        started = true
        values.append(value)
    }

    /// Records a round's LP value; true when the odd cuts tail off with it.
    mutating func record(_ value: Double) -> Bool {
        guard active else { return false }
        values.append(value)
        tailed = PricedTeamSolve.oddCutsTailedOff(values, window: tail.window, gain: tail.gain)
        return tailed
    }
}

extension PricedTeamSolve {
    /// Whether the odd-cut rounds have tailed off: the last `window` of them raised the LP
    /// value (`values`, the first entry the LP before any odd cut) by less than `gain` of it.
    /// Then the rounds stop adding odd cuts and end once nothing prices out: the LP is still a
    /// relaxation of the full model (fewer cut rows), so its value stays a bound, and where the
    /// rounds end no longer depends on the clock (ring 300 × 2: they ran into the half-time stop).
    static func oddCutsTailedOff(_ values: [Double], window: Int, gain: Double) -> Bool {
        guard window > 0, values.count > window, let last = values.last else { return false }
        let earlier = values[values.count - 1 - window]
        return last - earlier < gain * max(1, abs(last))
    }

    /// Odd-cut rounds over which ``oddCutsTailedOff(_:window:gain:)`` measures the gain.
    static let oddCutWindow = 3
    /// The relative gain below which odd-cut rounds count as tailed off (ring 300 × 2: 0.65
    /// over three rounds, where its rounds gained 0.03–0.5 each).
    static let oddCutGain = 2e-5
}
