import MIPModel
import ZhudianCore

/// What a part's search leaves: its roster, and its bound even when it found no roster.
extension PartResult {
    /// Takes `result`'s roster (decoded by `decode`) and bound. A search that stopped without a
    /// roster of its own still bounds every roster of the model, the seed's too
    /// (``PersonSeed/fill(_:full:)`` then carries that roster), so its bound stays — capped at
    /// `seedCost`, the cost of a roster known: the seeded searches run over columns fixed
    /// against a roster at most that dear (``PersonRestart``, ``GuessedGap``), and every roster
    /// that sets a fixed column costs more.
    ///
    /// Why: peer row 21's guessed search stopped under load with no roster; the plan carried the
    /// seed's roster with no bound at all, where the search had proven one (issue 21, ninth round).
    mutating func take(_ result: SolveResult, decode: ([Double]) -> [Placement], seedCost: Double?) {
        if let values = result.values {
            self.values = values
            placements = decode(values)
            objective = result.objective
            bound = result.termination == .optimal ? result.objective : result.bestBound
        } else if let b = result.bestBound {
            bound = seedCost.map { min($0, b) } ?? b
        }
    }
}
