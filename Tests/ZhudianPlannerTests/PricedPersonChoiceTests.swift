import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// Which people models are priced (``PricedPersonSolve/worthwhile(_:part:timeLimit:)``): the choice
/// the fifth round's measurements made, so a change to it is deliberate.
final class PricedPersonChoiceTests: XCTestCase {
    private func context(units: Int, structure: Structure, terms: Int, stayingOn: Bool) -> PlanContext {
        var c = GeneratorConfig(units: units)
        c.seed = 21
        c.structure = structure
        c.terms = terms
        var s = ScenarioGenerator.generate(c)
        if stayingOn {
            s.rules.pairCooldown = 0
            s.rules.maxConsecutiveTerms = 2
        }
        return PlanContext(s)
    }

    func testFreePlacementIsPricedOnlyAboveFiftyUnits() {
        XCTAssertFalse(PricedPersonSolve.worthwhile(context(units: 40, structure: .free, terms: 1, stayingOn: false), part: nil, timeLimit: nil))
        XCTAssertFalse(PricedPersonSolve.worthwhile(context(units: 30, structure: .free, terms: 2, stayingOn: false), part: nil, timeLimit: nil))
        XCTAssertTrue(PricedPersonSolve.worthwhile(context(units: 60, structure: .free, terms: 2, stayingOn: false), part: nil, timeLimit: nil))
        // Staying on too (ninth round: the full model's guessed search proves free 29 × 2).
        XCTAssertFalse(PricedPersonSolve.worthwhile(context(units: 29, structure: .free, terms: 2, stayingOn: true), part: nil, timeLimit: nil))
        XCTAssertTrue(PricedPersonSolve.worthwhile(context(units: 60, structure: .free, terms: 2, stayingOn: true), part: nil, timeLimit: nil))
        // Under a limit shorter than the guessed search needs with a margin, priced again; not
        // where nobody stays on.
        let stay29 = context(units: 29, structure: .free, terms: 2, stayingOn: true)
        XCTAssertTrue(PricedPersonSolve.worthwhile(stay29, part: nil, timeLimit: 10))
        XCTAssertFalse(PricedPersonSolve.worthwhile(stay29, part: nil, timeLimit: 30))
        XCTAssertFalse(PricedPersonSolve.worthwhile(stay29, part: nil, timeLimit: PricedPersonSolve.guessedSeconds))
        let free30 = context(units: 30, structure: .free, terms: 2, stayingOn: false)
        XCTAssertFalse(PricedPersonSolve.worthwhile(free30, part: nil, timeLimit: 10))
    }

    func testRingAndCyclesWithStayingOnArePricedFromTheSeedsSize() {
        XCTAssertTrue(PricedPersonSolve.worthwhile(context(units: 26, structure: .ring, terms: 2, stayingOn: true), part: nil, timeLimit: nil))
        // Too few sending units for the seed: never priced.
        XCTAssertFalse(PricedPersonSolve.worthwhile(context(units: 12, structure: .ring, terms: 2, stayingOn: true), part: nil, timeLimit: nil))
    }
}
