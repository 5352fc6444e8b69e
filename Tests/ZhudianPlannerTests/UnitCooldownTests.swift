import XCTest
import ZhudianCore
@testable import ZhudianPlanner

/// ``UnitCooldown`` finds a unit that cannot staff one site in terms 1 and 3 exactly when it
/// has too few people for three disjoint teams, and the teams model writes those rows.
final class UnitCooldownTests: XCTestCase {
    func scenario(firstUnitPeople: Int) -> Scenario { squareScenario(firstUnitPeople: firstUnitPeople) }

    func testFivePeopleCannotStaffOneSiteInTermsOneAndThree() {
        let basis = TeamBasis(PlanContext(scenario(firstUnitPeople: 5)), elastic: false, part: nil)
        let found = basis.unitConflicts
        // Unit 0 at each of the three other sites in terms 1 and 3; nobody else.
        XCTAssertEqual(Set(found.map(\.site)), [1, 2, 3], "\(found)")
        XCTAssertTrue(found.allSatisfy { $0.unit == 0 && $0.first == 1 && $0.second == 3 }, "\(found)")
    }

    func testSixPeopleCanAndElasticModelsNeverGetTheRows() {
        XCTAssertEqual(TeamBasis(PlanContext(scenario(firstUnitPeople: 6)), elastic: false, part: nil).unitConflicts, [])
        XCTAssertEqual(TeamBasis(PlanContext(scenario(firstUnitPeople: 5)), elastic: true, part: nil).unitConflicts, [])
    }

    func testTheTeamsModelWritesTheRows() throws {
        let built = try TeamFormulation.build(PlanContext(scenario(firstUnitPeople: 5)), options: PlanOptions(), elastic: false)
        let names = built.model.constraints.map(\.name)
        XCTAssertEqual(names.filter { $0.hasPrefix("ucool_0_") }.count, 3, "\(names.filter { $0.hasPrefix("ucool") })")
    }

    func testMatchingFillsSlotsOnlyWithDistinctPeople() {
        XCTAssertTrue(UnitCooldown.fillsEverySlot([[1, 2], [1], [2, 3]]))
        XCTAssertFalse(UnitCooldown.fillsEverySlot([[1, 2], [1], [2]]))
        XCTAssertFalse(UnitCooldown.fillsEverySlot([[]]))
    }
}


/// Four enterprises around a square, teams of two over three terms, nobody serving two terms in
/// a row and the person cooldown at 2; the first unit has `firstUnitPeople` people, the others six.
func squareScenario(firstUnitPeople: Int) -> Scenario {
    let start = CivilDate(year: 2024, month: 3, day: 1) ?? CivilDate(dayNumber: 0)
    let cal = CalendarSettings(start: start, termMonths: 6, terms: 3, handoverDays: 0)
    var rules = Rules()
    rules.structure = .cycles
    rules.minCycle = 2
    rules.minStaff = 2
    rules.pairCooldown = 1
    rules.personCooldown = 2
    rules.maxConsecutiveTerms = 1
    rules.keepAtHome = 0
    var units: [ZhudianCore.Unit] = []
    var people: [Person] = []
    for i in 0..<4 {
        let id = "U\(i)"
        let location = Location(lat: 35 + Double(i / 2) * 0.1, lon: 117 + Double(i % 2) * 0.1)
        units.append(ZhudianCore.Unit(id: id, name: "单位\(i)", group: nil, location: location, minStaff: nil))
        for j in 0..<(i == 0 ? firstUnitPeople : 6) {
            people.append(Person(id: "\(id)-\(j)", name: "人\(i)\(j)", unit: id, qualified: true, served: 0, unavailable: []))
        }
    }
    return Scenario(name: "square", calendar: cal, rules: rules, units: units, people: people, history: [])
}

/// A small cycles model with minCycle above 3 and every link is complete without lazy rows.
final class ShortCycleRowsTests: XCTestCase {
    func testEveryTripleOfSixEnterprisesGetsItsRowUpFrontAndNoLazyRowsRemain() throws {
        var s = squareScenario(firstUnitPeople: 6)
        s.rules.minCycle = 4
        s.units += (4..<6).map { ZhudianCore.Unit(id: "U\($0)", name: "单位\($0)", group: nil, location: nil, minStaff: nil) }
        s.people += (4..<6).flatMap { i in
            (0..<6).map { Person(id: "U\(i)-\($0)", name: "人\(i)\($0)", unit: "U\(i)", qualified: true, served: 0, unavailable: []) }
        }
        let built = try TeamFormulation.build(PlanContext(s), options: PlanOptions(), elastic: false)
        XCTAssertTrue(built.cycleCuts.isEmpty)
        // C(6, 3) = 20 triples in each of 3 terms.
        XCTAssertEqual(built.model.constraints.filter { $0.name.hasPrefix("short_t") }.count, 60)
        XCTAssertEqual(ShortCycleRows.sets(nodes: 6, minCycle: 5)?.count, 20 + 15)
        XCTAssertNil(ShortCycleRows.sets(nodes: 100, minCycle: 4))
    }
}
