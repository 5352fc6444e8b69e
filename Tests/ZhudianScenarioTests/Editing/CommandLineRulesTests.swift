import Foundation
import XCTest
import ZhudianCore

@testable import ZhudianScenario

final class CommandLineRulesTests: XCTestCase {
    private func scenario() throws -> Scenario {
        try ScenarioLoader.load(path: Fixtures.path("good/minimal.yaml")).scenario
    }

    func testWellFormedOptionsBecomePinsAndBans() throws {
        let rules = CommandLineRules(pinTeam: ["1:A:B"], pinPerson: ["1:B-1:A"], forbidUnit: ["OFF:A"], forbidPerson: ["A-1:B"])
        let (pins, forbid) = try rules.resolve(against: try scenario())
        XCTAssertEqual(pins, [Pin(term: 1, subject: .unit("A"), site: "B"), Pin(term: 1, subject: .person("B-1"), site: "A")])
        XCTAssertEqual(forbid, [Forbid(subject: .unit("OFF"), site: "A"), Forbid(subject: .person("A-1"), site: "B")])
    }

    func testBadOptionsAreRefused() throws {
        let s = try scenario()
        let cases: [(CommandLineRules, ScenarioEditError)] = [
            (CommandLineRules(pinTeam: ["A:B"]), .malformedOption(option: "--pin-team", text: "A:B", shape: "TERM:UNIT:SITE")),
            (CommandLineRules(pinTeam: ["x:A:B"]), .malformedOption(option: "--pin-team", text: "x:A:B", shape: "TERM:UNIT:SITE")),
            (CommandLineRules(pinTeam: ["2:A:B"]), .termOutOfRange(option: "--pin-team", text: "2:A:B", terms: 1)),
            (CommandLineRules(pinTeam: ["0:A:B"]), .termOutOfRange(option: "--pin-team", text: "0:A:B", terms: 1)),
            (
                CommandLineRules(pinTeam: ["1:AA:B"]),
                .unknownOptionID(option: "--pin-team", text: "1:AA:B", kind: .unit, id: "AA", suggestion: "A")
            ),
            (
                CommandLineRules(pinTeam: ["1:A:OFF"]),
                .unknownOptionID(option: "--pin-team", text: "1:A:OFF", kind: .site, id: "OFF", suggestion: nil)
            ),
            (
                CommandLineRules(pinPerson: ["1:A-2:B"]),
                .unknownOptionID(option: "--pin-person", text: "1:A-2:B", kind: .person, id: "A-2", suggestion: "A-1")
            ),
            (CommandLineRules(forbidUnit: ["A"]), .malformedOption(option: "--forbid-unit", text: "A", shape: "UNIT:SITE")),
            (CommandLineRules(forbidPerson: ["A-1:"]), .malformedOption(option: "--forbid-person", text: "A-1:", shape: "PERSON:SITE")),
            (
                CommandLineRules(forbidPerson: ["A-1:Q"]),
                .unknownOptionID(option: "--forbid-person", text: "A-1:Q", kind: .unit, id: "Q", suggestion: "A")
            ),
        ]
        for (rules, expected) in cases {
            XCTAssertThrowsError(try rules.resolve(against: s), "\(rules)") {
                XCTAssertEqual($0 as? ScenarioEditError, expected)
            }
        }
    }
}
