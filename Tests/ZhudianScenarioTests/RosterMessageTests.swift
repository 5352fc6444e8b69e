import XCTest
import ZhudianCore
import ZhudianScenario

final class RosterMessageTests: XCTestCase {
    static let samples: [RosterMessage] = [
        .cannotRead(reason: "No such file or directory"),
        .notUTF8(byte: 0xFF),
        .notJSON(problem: "did not find expected ',' or '}'"),
        .topLevelNotObject,
        .duplicateKey(path: "terms", firstLine: 3),
        .missingKey(path: "scenario.sha256"),
        .wrongType(path: "solve.objective", expected: .numberOrNull, found: .text("1")),
        .badDate(path: "terms[0].start", text: "2023-02-30"),
        .invalidChoice(path: "solve.status", value: "done", choices: ["optimal", "feasible"]),
        .wrongFormat(found: "other"),
        .wrongVersion(found: nil),
        .unknownKey(path: "solve.host"),
        .missingOptionalKey(path: "solve.gap"),
        .keyOutOfOrder(path: "scenario", key: "name", expected: ["name", "sha256"]),
        .notSorted(path: "terms[0].stays", order: .staysBySitePerson),
    ]

    /// Exhaustive, so a new case must be numbered (and given a sample) before this compiles.
    static func caseNumber(_ m: RosterMessage) -> Int {
        switch m {
        case .cannotRead: return 0
        case .notUTF8: return 1
        case .notJSON: return 2
        case .topLevelNotObject: return 3
        case .duplicateKey: return 4
        case .missingKey: return 5
        case .wrongType: return 6
        case .badDate: return 7
        case .invalidChoice: return 8
        case .wrongFormat: return 9
        case .wrongVersion: return 10
        case .unknownKey: return 11
        case .missingOptionalKey: return 12
        case .keyOutOfOrder: return 13
        case .notSorted: return 14
        }
    }

    func testEveryCaseHasEnglishAndChinese() {
        XCTAssertEqual(Set(Self.samples.map(Self.caseNumber)), Set(0...14))
        for m in Self.samples {
            let en = m.render(.en)
            let zh = m.render(.zh)
            XCTAssertNotEqual(en, zh)
            XCTAssertTrue(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, zh)
            XCTAssertFalse(en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, en)
        }
        for order in RosterSortOrder.allCases {
            XCTAssertFalse(RosterMessage.notSorted(path: "x", order: order).render(.zh).isEmpty)
        }
        for kind in JSONKind.allCases {
            XCTAssertFalse(RosterMessage.wrongType(path: "x", expected: kind, found: .nothing).render(.zh).isEmpty)
        }
    }
}
