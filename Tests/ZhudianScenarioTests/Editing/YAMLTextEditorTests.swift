import XCTest

@testable import ZhudianScenario

final class YAMLTextEditorTests: XCTestCase {
    private func edited(_ text: String, _ body: (inout YAMLTextEditor) throws -> Void) throws -> String {
        var editor = try YAMLTextEditor(text: text)
        try body(&editor)
        return try editor.result()
    }

    func testReplacesAScalarAndKeepsTheComment() throws {
        let out = try edited("rules:\n  minStaff: 2   # the notice\n  keepAtHome: 1\n") {
            try $0.setValue(["rules"], "minStaff", to: "3")
        }
        XCTAssertEqual(out, "rules:\n  minStaff: 3   # the notice\n  keepAtHome: 1\n")
    }

    func testAddsAMissingKeyToBlockAndFlowMappings() throws {
        let text = "rules:\n  minStaff: 2\npeople:\n  - {id: A, name: 王强, unit: U}\n"
        let out = try edited(text) {
            try $0.setValue(["rules"], "minCycle", to: "2")
            let person = try XCTUnwrap($0.listItem("people", 0))
            try $0.setValue(in: person, "served", to: "1")
        }
        XCTAssertEqual(out, "rules:\n  minStaff: 2\n  minCycle: 2\npeople:\n  - {id: A, name: 王强, unit: U, served: 1}\n")
    }

    func testFillsAnEmptyTopLevelBlock() throws {
        for text in ["rules:\nunits: []\n", "rules: ~\nunits: []\n"] {
            let out = try edited(text) { try $0.setValue(["rules"], "minStaff", to: "3") }
            XCTAssertEqual(out, "rules:\n  minStaff: 3\nunits: []\n", text)
        }
    }

    func testAddsAMissingTopLevelBlock() throws {
        let out = try edited("version: 1\nname: x\n") { try $0.setValue(["rules"], "structure", to: "ring") }
        XCTAssertEqual(out, "version: 1\nname: x\n\nrules:\n  structure: ring\n")
    }

    func testDropsItemsOfAFlowListInsideAFlowMapping() throws {
        let text = "people:\n  - {id: A, unavailable: [{from: 2022-01-01, to: 2022-01-02}, {from: 2023-05-01, to: 2023-05-02}]}\n"
        let out = try edited(text) {
            let person = try XCTUnwrap($0.listItem("people", 0))
            try $0.rewriteList(in: person, "unavailable", keep: [1], append: [])
        }
        XCTAssertEqual(out, "people:\n  - {id: A, unavailable: [{from: 2023-05-01, to: 2023-05-02}]}\n")
    }

    func testEmptiesAFlowListAtTheEndOfALine() throws {
        let text = "people:\n  - {id: 陶然, unavailable: [{from: 2022-11-01, to: 2022-11-20, reason: 年假}]}\nz: 1\n"
        let out = try edited(text) {
            let person = try XCTUnwrap($0.listItem("people", 0))
            try $0.rewriteList(in: person, "unavailable", keep: [], append: [])
        }
        XCTAssertEqual(out, "people:\n  - {id: 陶然, unavailable: []}\nz: 1\n")
    }

    func testBlockListKeepsCommentsOfKeptItemsDropsThoseOfDroppedOnesAndAppends() throws {
        let text = """
            history:
              # the oldest
              - start: 2021-08-20
                stays: []
              # kept: the last term
              - start: 2022-02-20   # spring
                stays: [{person: A, site: B}]
            pins: []

            """
        let out = try edited(text) {
            try $0.rewriteList(in: $0.root, "history", keep: [1], append: [["start: 2022-08-20", "stays: []"]])
        }
        XCTAssertEqual(
            out,
            """
            history:
              # kept: the last term
              - start: 2022-02-20   # spring
                stays: [{person: A, site: B}]
              - start: 2022-08-20
                stays: []
            pins: []

            """)
    }

    func testAppendsToAMissingTopLevelList() throws {
        let out = try edited("name: x\n# end\n") {
            try $0.rewriteList(in: $0.root, "pins", keep: [], append: [["{term: 1, unit: A, site: B}"]])
        }
        XCTAssertEqual(out, "name: x\n\npins:\n  - {term: 1, unit: A, site: B}\n# end\n")
    }

    func testKeepsCRLF() throws {
        let out = try edited("name: x\r\nrules:\r\n  minStaff: 2\r\n") { try $0.setValue(["rules"], "keepAtHome", to: "0") }
        XCTAssertEqual(out, "name: x\r\nrules:\r\n  minStaff: 2\r\n  keepAtHome: 0\r\n")
    }

    func testAppendsToAnEmptyNullOrFlowTopLevelList() throws {
        let item = [["start: 2023-02-20", "stays: []"]]
        let added = "  - start: 2023-02-20\n    stays: []"
        let cases: [(String, [Int], String)] = [
            ("history: []\npins: []\n", [], "history:\n\(added)\npins: []\n"),
            ("history:\npins: []\n", [], "history:\n\(added)\npins: []\n"),
            ("history: ~  # none yet\npins: []\n", [], "history:\n\(added)  # none yet\npins: []\n"),
            (
                "history: [{start: 2022-08-20, stays: []}]\npins: []\n", [0],
                "history:\n  - {start: 2022-08-20, stays: []}\n\(added)\npins: []\n"
            ),
        ]
        for (text, keep, expected) in cases {
            let out = try edited(text) { try $0.rewriteList(in: $0.root, "history", keep: keep, append: item) }
            XCTAssertEqual(out, expected, text)
        }
    }
}
