import XCTest
import ZhudianCore
import ZhudianTestSupport

/// Rule 6: ring, cycles and free structures, on the 2022 notice's own plan and the fixture.
final class StructureRuleTests: XCTestCase {
    func testNoticePlanPassesCyclesWithMutualPairsAllowed() {
        assertPasses(check(Fixtures.noticeRoster(), Fixtures.noticeScenario(structure: .cycles, minCycle: 2)))
    }

    func testNoticePlanIsNotOneRing() throws {
        let s = Fixtures.noticeScenario(structure: .ring)
        let v = assertOnly(check(Fixtures.noticeRoster(), s), .rule(.structure))
        let single = try XCTUnwrap(assertSingle(v, term: 1, site: nil, people: []))
        XCTAssertEqual(single.message.code, "notOneRing")
        let text = single.render(.en)
        for id in ["SDS", "QX", "ZS", "LHS", "LS", "HTS"] { XCTAssertTrue(text.contains(id), text) }
        XCTAssertEqual(
            text,
            "structure: term 1: the links form 2 cycles, not one ring through all enterprises: "
                + "HTS (虎提山矿) → ZS (寨山矿) → LHS (莲花山矿) → LS (狼山矿) → HTS (虎提山矿); QX (泉兴矿) ⇄ SDS (双顶山矿)")
        XCTAssertTrue(single.render(.zh).contains("闭环"))
    }

    func testNoticePlanHasAPairShorterThanMinCycle3() throws {
        let s = Fixtures.noticeScenario(structure: .cycles, minCycle: 3)
        let v = assertOnly(check(Fixtures.noticeRoster(), s), .rule(.structure))
        let single = try XCTUnwrap(assertSingle(v, term: 1, site: nil, people: ["QX-01", "QX-02", "SDS-01", "SDS-02"]))
        XCTAssertEqual(single.message.code, "shortCycle")
        XCTAssertEqual(single.unit, "QX")
        XCTAssertEqual(single.render(.en), "structure: term 1: cycle QX (泉兴矿) ⇄ SDS (双顶山矿) has 2 units, fewer than minCycle 3")
    }

    func testOneEnterpriseSendingTwoTeams() {
        let s = Fixtures.smallResident()
        let roster = RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: s, term: 2) {
            $0.stays.append(RosterBuilder.stay("C-5", at: "E", term: 2, in: s))
        }
        let v = assertOnly(check(roster, s), .rule(.structure))
        XCTAssertEqual(Set(v.map(\.message.code)), ["sendsSeveralTeams", "receivesSeveralTeams", "teamSize"])
        XCTAssertTrue(v.allSatisfy { $0.term == 2 })
        XCTAssertEqual(v.first { $0.message.code == "sendsSeveralTeams" }?.unit, "C")
        XCTAssertEqual(v.first { $0.message.code == "receivesSeveralTeams" }?.site, "E")
    }

    func testATeamMissing() {
        let s = Fixtures.smallResident()
        let roster = RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: s, term: 2) {
            $0.stays.removeAll { $0.site == "F" }
        }
        let report = check(roster, s)
        let structure = report.violations(of: .rule(.structure))
        XCTAssertEqual(Set(structure.map(\.message.code)), ["sendsNoTeam", "receivesNoTeam"])
        XCTAssertEqual(structure.first { $0.message.code == "sendsNoTeam" }?.unit, "B")
        XCTAssertEqual(report.violations(of: .rule(.coverage)).map(\.site), ["F"])
        XCTAssertEqual(Set(report.violations.map(\.kind)), [.rule(.structure), .rule(.coverage)])
    }

    func testOfficesMayNotSendUnderCycles() {
        var s = Fixtures.smallResident()
        s.units.append(Unit(id: "O", name: "测试区应急管理局", kind: .office, level: .county, sends: false))
        s.people.append(Person(id: "O-1", name: "周八", unit: "O"))
        let roster = RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: s, term: 2) {
            $0.stays.append(RosterBuilder.stay("O-1", at: "A", term: 2, in: s))
        }
        let v = assertOnly(check(roster, s), .rule(.structure))
        let single = assertSingle(v, term: 2, unit: "O", site: "A", people: ["O-1"])
        XCTAssertEqual(single?.message.code, "mayNotSend")
    }

    func testPeopleOnlyAtSites() {
        var s = Fixtures.smallResident()
        s.rules.structure = .free
        s.units.append(Unit(id: "O", name: "测试区应急管理局", kind: .office, level: .county))
        let roster = RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: s, term: 2) {
            $0.stays.append(RosterBuilder.stay("A-5", at: "O", term: 2, in: s))
        }
        let v = assertOnly(check(roster, s), .rule(.structure))
        XCTAssertEqual(assertSingle(v, term: 2, unit: "A", site: "O", people: ["A-5"])?.message.code, "notASite")
    }

    func testMutualPairsUnderFree() {
        var s = Fixtures.smallResident()
        s.rules.structure = .free
        let roster = RosterBuilder.editing(Fixtures.smallResidentRoster(), scenario: s, term: 2) {
            $0.stays.append(RosterBuilder.stay("E-5", at: "A", term: 2, in: s))
        }
        let v = assertOnly(check(roster, s), .rule(.structure))
        let single = assertSingle(v, term: 2, unit: "A", site: "E", people: ["A-1", "A-2", "E-5"])
        XCTAssertEqual(single?.message.code, "mutualPair")

        s.rules.mutualPairs = .allow
        assertPasses(check(RosterBuilder.normalized(roster, scenario: s), s))
    }
}
